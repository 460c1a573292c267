// Command jabase writes tokenize/ja/data/base.txt.gz: the base form
// (基本形) of every entry of kagome's IPA dictionary, one line per entry id,
// empty where the entry has none ("*"). tokenize/ja loads the dictionary
// without its contents (ipa.DictShrink) and takes base forms from this
// table: the contents are 3.5 million strings that cost half a second to
// load and ≈ 60 MB of pointers for the collector to mark, and base forms
// are all tokenize/ja reads of them. Run after upgrading kagome-dict:
//
//	go generate ./tokenize/ja
//
// TestBaseFormsMatchIPA fails until it is run.
package main

import (
	"bufio"
	"compress/gzip"
	"io"
	"log"
	"os"

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/ipa"

	"github.com/medterm/glossary/internal/atomicfile"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: jabase OUT.txt.gz")
	}
	d := ipa.Dict()
	idx, ok := d.ContentsMeta[dict.BaseFormIndex]
	if !ok {
		log.Fatal("jabase: the dictionary has no base form column")
	}
	err := atomicfile.Write(os.Args[1], func(w io.Writer) error { return write(w, d, int(idx)) })
	if err != nil {
		log.Fatal(err)
	}
}

func write(w io.Writer, d *dict.Dict, baseIdx int) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for id := range d.POSTable.POSs {
		bw.WriteString(Base(d, id, baseIdx))
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Base is kagome's Token.FeatureAt(baseIdx) for the known word id, "" where
// it has none or it is "*".
func Base(d *dict.Dict, id, baseIdx int) string {
	pos := d.POSTable.POSs[id]
	var b string
	if baseIdx < len(pos) {
		if int(pos[baseIdx]) < len(d.POSTable.NameList) {
			b = d.POSTable.NameList[pos[baseIdx]]
		}
	} else if id < len(d.Contents) {
		if c := d.Contents[id]; baseIdx-len(pos) < len(c) {
			b = c[baseIdx-len(pos)]
		}
	}
	if b == "*" {
		return ""
	}
	return b
}
