package ja

import (
	"testing"

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/ipa"

	"github.com/medterm/glossary/tokenize/internal/enginetest"
)

// TestBaseFormsMatchIPA checks data/base.txt.gz against the contents of
// the full IPA dictionary, entry by entry. After a kagome-dict upgrade it
// fails until `go generate ./tokenize/ja` is run.
func TestBaseFormsMatchIPA(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the full IPA dictionary: skipped with -short")
	}
	full := ipa.Dict()
	b, err := bases()
	if err != nil {
		t.Fatal(err)
	}
	i, ok := full.ContentsMeta[dict.BaseFormIndex]
	if !ok || len(b.ends) != len(full.Contents) {
		t.Fatalf("base form column %v, %d base forms for %d entries", ok, len(b.ends), len(full.Contents))
	}
	for id, c := range full.Contents {
		want := ""
		if k := int(i) - len(full.POSTable.POSs[id]); k >= 0 && k < len(c) && c[k] != "*" {
			want = c[k]
		}
		if got := b.at(id); got != want {
			t.Fatalf("entry %d: base form %q, the dictionary has %q", id, got, want)
		}
	}
	tk, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if toks := tk.Tokenize("投与された患者が歩いた"); len(toks) < 4 || toks[2].Base != "れる" || toks[len(toks)-2].Base != "歩く" {
		t.Errorf("base forms of 投与された患者が歩いた: %+v", toks)
	}
}

func TestLoadBasesErrors(t *testing.T) {
	gz := enginetest.Gzip
	for name, c := range map[string]struct {
		data []byte
		n    int
	}{
		"not gzip":     {[]byte("する\n"), 1},
		"unterminated": {gz("する\nある"), 2},
		"too few":      {gz("する\n"), 2},
		"too many":     {gz("する\n\nある\n"), 2},
	} {
		if _, err := loadBases(c.data, c.n); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	b, err := loadBases(gz("する\n\nある\n"), 3)
	if err != nil {
		t.Fatal(err)
	}
	if b.at(0) != "する" || b.at(1) != "" || b.at(2) != "ある" || b.at(3) != "" || b.at(-1) != "" {
		t.Errorf("at: %q %q %q %q %q", b.at(0), b.at(1), b.at(2), b.at(3), b.at(-1))
	}
}
