//go:build ignore

// gen.go generates tables.go from the OpenCC character tables.
//
//	go generate ./tokenize/han
//
// reads ../../../shared/data/opencc by default (-opencc DIR). The output is
// committed, so building the package never needs the data.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

var (
	dir = flag.String("opencc", "../../../shared/data/opencc", "OpenCC data/dictionary directory")
	out = flag.String("out", "tables.go", "output file")
)

// overrides pick, for a Japanese shinjitai with several traditional
// sources, the one medical text means (弁 is a valve far more often than a
// speech or a distinction; 予 stands for 預 in 予防, 予後, 予測). The
// phrase table still maps 弁護, 弁別, 猶予 to their own sources.
var overrides = map[rune]rune{
	'弁': '瓣',
	'予': '預',
}

type table map[rune][]rune

func readTable(name string) table {
	f, err := os.Open(filepath.Join(*dir, name))
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	t := table{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok || utf8.RuneCountInString(k) != 1 {
			log.Fatalf("%s: bad line %q", name, line)
		}
		r, _ := utf8.DecodeRuneInString(k)
		for _, f := range strings.Fields(v) {
			if utf8.RuneCountInString(f) != 1 {
				log.Fatalf("%s: bad value in %q", name, line)
			}
			vr, _ := utf8.DecodeRuneInString(f)
			t[r] = append(t[r], vr)
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return t
}

func readPhrases(name string) map[string]string {
	data, err := os.ReadFile(filepath.Join(*dir, name))
	if err != nil {
		log.Fatal(err)
	}
	m := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			log.Fatalf("%s: bad line %q", name, line)
		}
		m[k] = strings.Fields(v)[0]
	}
	return m
}

func contains(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// Character sets from the legacy national encodings, used to tell a form
// in common use in one language from a rare or historical one.
func jisLevel1(r rune) bool {
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(string(r)))
	if err != nil || len(b) != 2 {
		return false
	}
	c := int(b[0])<<8 | int(b[1])
	return c >= 0x889F && c <= 0x9872
}

func gb2312(r rune) bool {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(string(r)))
	if err != nil || len(b) != 2 {
		return false
	}
	return b[0] >= 0xB0 && b[0] <= 0xF7 && b[1] >= 0xA1 && b[1] <= 0xFE
}

func big5Common(r rune) bool {
	b, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(string(r)))
	if err != nil || len(b) != 2 {
		return false
	}
	c := int(b[0])<<8 | int(b[1])
	return c >= 0xA440 && c <= 0xC67E
}

const (
	fSimplified = 1 << iota
	fTraditional
	fShinjitai
	fPhrase
)

func main() {
	flag.Parse()
	jp := readTable("JPShinjitaiCharacters.txt")
	ts := readTable("TSCharacters.txt")
	st := readTable("STCharacters.txt")
	compat := readTable("CJK_Compatibility_Ideographs.txt")
	tsValue := map[rune]bool{}
	for _, vs := range ts {
		for _, v := range vs {
			tsValue[v] = true
		}
	}
	// Regional variant -> standard traditional, unless the variant is
	// itself a simplified form (HK 蜕 is the simplified form of 蛻).
	variants := table{}
	for _, name := range []string{"TWVariants.txt", "HKVariants.txt"} {
		for k, vs := range readTable(name) {
			for _, v := range vs {
				if v != k {
					if _, isTS := ts[v]; !isTS && !tsValue[v] {
						variants[v] = append(variants[v], k)
					}
				}
			}
		}
	}
	jpPhrases := readPhrases("JPShinjitaiPhrases.txt")

	// step maps a rune one step towards its simplified form: compatibility
	// ideograph → unified; traditional → simplified; Japanese shinjitai → its traditional source
	// (unless that only leads back: 会 → 會 → 会 is already simplified);
	// regional variant → standard.
	var step func(r rune) rune
	step = func(r rune) rune {
		if v, ok := compat[r]; ok {
			return v[0]
		}
		if v, ok := ts[r]; ok && v[0] != r {
			return v[0]
		}
		t := r
		if v, ok := overrides[r]; ok {
			t = v
		} else if v, ok := jp[r]; ok {
			for _, x := range v {
				if x != r {
					t = x
					break
				}
			}
		}
		if t != r {
			if v, ok := ts[t]; !ok || v[0] != r {
				return t
			}
		}
		if v, ok := variants[r]; ok {
			return v[0]
		}
		return r
	}
	// fold follows step to a fixpoint. Where the tables send a character
	// round a cycle (叙 → 敍 → 敘 → 叙), the cycle's simplified member wins.
	fold := func(r rune) rune {
		var seen []rune
		for {
			n := step(r)
			if n == r {
				return r
			}
			for i, x := range seen {
				if x == n {
					cycle := append(seen[i:], r)
					best := cycle[0]
					for _, c := range cycle {
						_, isT := ts[c]
						_, bestT := ts[best]
						if (tsValue[c] && !isT) && !(tsValue[best] && !bestT) || c < best && (tsValue[c] && !isT) == (tsValue[best] && !bestT) {
							best = c
						}
					}
					return best
				}
			}
			seen = append(seen, r)
			r = n
		}
	}

	all := map[rune]bool{}
	for _, t := range []table{jp, ts, st, compat, variants} {
		for k, vs := range t {
			all[k] = true
			for _, v := range vs {
				all[v] = true
			}
		}
	}
	for r := range overrides {
		all[r] = true
	}
	jpForm := map[rune]bool{} // shinjitai keys and the values they replace
	for k := range jp {
		jpForm[k] = true
	}
	phraseStart := map[rune]bool{}
	for k := range jpPhrases {
		r, _ := utf8.DecodeRuneInString(k)
		phraseStart[r] = true
		all[r] = true
	}
	chinese := func(r rune) bool {
		_, a := st[r]
		_, b := ts[r]
		return a || b || gb2312(r) || big5Common(r)
	}

	type entry struct {
		r, to rune
		flags int
	}
	var entries []entry
	for r := range all {
		e := entry{r: r, to: fold(r)}
		if v, ok := st[r]; ok && !contains(v, r) {
			if _, isT := ts[r]; !isT && !jpForm[r] && !jisLevel1(r) {
				e.flags |= fSimplified
			}
		}
		if v, ok := ts[r]; ok && !contains(v, r) {
			if _, isS := st[r]; !isS && !jpForm[r] && !jisLevel1(r) {
				e.flags |= fTraditional
			}
		}
		if _, ok := jp[r]; ok && !chinese(r) {
			e.flags |= fShinjitai
		}
		if phraseStart[r] {
			e.flags |= fPhrase
		}
		if e.to != r || e.flags != 0 {
			entries = append(entries, e)
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].r < entries[j].r })
	for _, e := range entries {
		if f := fold(e.to); f != e.to {
			log.Fatalf("fold is not idempotent: %c → %c → %c", e.r, e.to, f)
		}
	}

	// Phrases: Japanese key -> folded (simplified) value, only where the
	// phrase folds differently from its characters.
	foldString := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			b.WriteRune(fold(r))
		}
		return b.String()
	}
	type phrase struct{ from, to string }
	var phrases []phrase
	for k, v := range jpPhrases {
		if fk, fv := foldString(k), foldString(v); fk != fv {
			phrases = append(phrases, phrase{k, fv})
		}
	}
	sort.Slice(phrases, func(i, j int) bool { return phrases[i].from < phrases[j].from })

	var buf bytes.Buffer
	fmt.Fprintf(&buf, `// Code generated by gen.go from OpenCC; DO NOT EDIT.

// The tables below are derived from the character and phrase tables of Open
// Chinese Convert (OpenCC, https://github.com/BYVoid/OpenCC, data/dictionary:
// JPShinjitaiCharacters, JPShinjitaiPhrases, TSCharacters, STCharacters,
// TWVariants, HKVariants, CJK_Compatibility_Ideographs), licensed under the
// Apache License 2.0 (see LICENSE.opencc). Changes: the tables are combined
// into one fold target per character (its simplified form) and a set of
// classification flags; see gen.go.

package han

`)
	fmt.Fprintf(&buf, "// chars holds every character that folds to another one or carries a flag, sorted by rune (%d entries).\n", len(entries))
	fmt.Fprintf(&buf, "var chars = [...]char{\n")
	for _, e := range entries {
		var fl []string
		if e.flags&fSimplified != 0 {
			fl = append(fl, "simplified")
		}
		if e.flags&fTraditional != 0 {
			fl = append(fl, "traditional")
		}
		if e.flags&fShinjitai != 0 {
			fl = append(fl, "shinjitai")
		}
		if e.flags&fPhrase != 0 {
			fl = append(fl, "phraseStart")
		}
		f := "0"
		if len(fl) > 0 {
			f = strings.Join(fl, "|")
		}
		fmt.Fprintf(&buf, "\t{0x%04X, 0x%04X, %s}, // %c → %c\n", e.r, e.to, f, e.r, e.to)
	}
	fmt.Fprintf(&buf, "}\n\n")
	fmt.Fprintf(&buf, "// phrases maps Japanese phrases whose shinjitai stands for a different source character than the default to their folded form, sorted (%d entries).\n", len(phrases))
	fmt.Fprintf(&buf, "var phrases = [...]phrase{\n")
	for _, p := range phrases {
		fmt.Fprintf(&buf, "\t{%q, %q},\n", p.from, p.to)
	}
	fmt.Fprintf(&buf, "}\n")
	src, err := format.Source(buf.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}
