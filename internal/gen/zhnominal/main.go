// Command zhnominal writes tokenize/zh/data/nominal.txt: the words that
// gse's dictionary (data/zh.txt.gz) tags as verbs (v) and that CC-CEDICT
// also glosses as something other than a verb: 注射 "injection/to inject",
// 发病 "onset (of a medical condition)", 再生 "regeneration". jieba's tags,
// which gse uses, make most medical verbal nouns verbs; tokenize/zh tags
// these "v", "nominal" so that term extraction can take them as nouns where
// they stand as nouns. Run after upgrading gse or CC-CEDICT:
//
//	go generate ./tokenize/zh
//
// The CC-CEDICT file defaults to the dev data (internal/devdata); the
// output keeps CC-CEDICT's licence (see tokenize/zh/data/README.md).
package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/medterm/glossary/internal/atomicfile"
	"github.com/medterm/glossary/internal/devdata"
)

func main() {
	if len(os.Args) != 3 && len(os.Args) != 4 {
		log.Fatal("usage: zhnominal DICT.txt.gz OUT.txt [CEDICT.u8]")
	}
	cedict := devdata.Path("data/cedict/cedict.u8")
	if len(os.Args) == 4 {
		cedict = os.Args[3]
	}
	nouns, err := readCEDICT(cedict)
	if err != nil {
		log.Fatal(err)
	}
	verbs, err := readVerbs(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	var out []string
	for _, w := range verbs {
		if utf8.RuneCountInString(w) >= 2 && nouns[w] {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	err = atomicfile.Write(os.Args[2], func(f io.Writer) error {
		w := bufio.NewWriter(f)
		for _, s := range out {
			w.WriteString(s)
			w.WriteByte('\n')
		}
		return w.Flush()
	})
	if err != nil {
		log.Fatal(err)
	}
}

// readVerbs returns the words that the gzipped "word<TAB>frequency<TAB>POS"
// lines of path tag v.
func readVerbs(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	var verbs []string
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) == 3 && fields[2] == "v" {
			verbs = append(verbs, fields[0])
		}
	}
	return verbs, sc.Err()
}

// readCEDICT returns the simplified and traditional headwords of the
// CC-CEDICT file at path that have a sense other than a verb's. Entries of
// proper names (capitalised pinyin) are left out.
func readCEDICT(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	nouns := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		trad, rest, ok1 := strings.Cut(s, " ")
		simp, rest, ok2 := strings.Cut(rest, " [")
		pinyin, glosses, ok3 := strings.Cut(rest, "] /")
		if !ok1 || !ok2 || !ok3 {
			return nil, fmt.Errorf("%s:%d: not a CEDICT line", path, line)
		}
		if pinyin != "" && pinyin[0] >= 'A' && pinyin[0] <= 'Z' {
			continue
		}
		for _, g := range strings.Split(strings.TrimSuffix(glosses, "/"), "/") {
			if nominalSense(g) {
				nouns[trad], nouns[simp] = true, true
				break
			}
		}
	}
	return nouns, sc.Err()
}

// nominalSense reports whether a CEDICT gloss is no verb ("to inject"),
// adverb ("repeatedly") or cross-reference ("variant of ...", "CL:...").
func nominalSense(g string) bool {
	g = strings.TrimSpace(g)
	for strings.HasPrefix(g, "(") { // (medicine) hyperplasia
		_, after, ok := strings.Cut(g, ")")
		if !ok {
			return false
		}
		g = strings.TrimSpace(after)
	}
	if g == "" {
		return false
	}
	for _, p := range []string{"to ", "CL:", "variant of", "old variant of", "see ", "abbr. for", "used in", "classifier"} {
		if strings.HasPrefix(g, p) {
			return false
		}
	}
	for _, w := range strings.Fields(g) {
		if !strings.HasSuffix(w, "ly") && w != "and" && w != "or" && w != "over" {
			return true
		}
	}
	return false // adverbs only: repeatedly, over and over
}
