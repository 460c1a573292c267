// Command gsedict writes tokenize/zh/data/zh.txt.gz: the words of gse's
// embedded Chinese dictionaries (simplified and traditional) as gse loads
// them, one "word<TAB>frequency<TAB>part of speech" line each, in gse's
// order. tokenize/zh loads them with gse's AddToken, which skips the
// search-mode segmentation of every word that gse's own loader computes and
// Cut never uses (half of the load time, and ≈ 100 MB of pointers for the
// collector to mark). Run after upgrading gse:
//
//	go generate ./tokenize/zh
//
// TestDictionaryMatchesGse fails until it is run.
package main

import (
	"bufio"
	"compress/gzip"
	"io"
	"log"
	"os"
	"strconv"

	"github.com/go-ego/gse"

	"github.com/medterm/glossary/internal/atomicfile"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: gsedict OUT.txt.gz")
	}
	seg, err := gse.NewEmbed("zh")
	if err != nil {
		log.Fatal(err)
	}
	err = atomicfile.Write(os.Args[1], func(f io.Writer) error {
		zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
		if err != nil {
			return err
		}
		w := bufio.NewWriter(zw)
		for i := range seg.Dict.Tokens {
			t := &seg.Dict.Tokens[i]
			w.WriteString(t.Text())
			w.WriteByte('\t')
			w.WriteString(strconv.FormatFloat(t.Freq(), 'g', -1, 64))
			w.WriteByte('\t')
			w.WriteString(t.Pos())
			w.WriteByte('\n')
		}
		if err := w.Flush(); err != nil {
			return err
		}
		return zw.Close()
	})
	if err != nil {
		log.Fatal(err)
	}
}
