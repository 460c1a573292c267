package zh

import (
	"strings"
	"testing"

	"github.com/go-ego/gse"

	"github.com/medterm/glossary/tokenize/internal/enginetest"
)

// TestDictionaryMatchesGse checks that data/zh.txt.gz holds exactly the
// words, frequencies and parts of speech gse's own loader gives, in its
// order (so the segmenter built from it segments as gse's does). After a
// gse upgrade it fails until `go generate ./tokenize/zh` is run.
func TestDictionaryMatchesGse(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's dictionaries twice: skipped with -short")
	}
	want, err := gse.NewEmbed("zh")
	if err != nil {
		t.Fatal(err)
	}
	got, err := segmenter()
	if err != nil {
		t.Fatal(err)
	}
	w, g := want.Dict, got.Dict
	if g.NumTokens() != w.NumTokens() || g.TotalFreq() != w.TotalFreq() || g.MaxTokenLen() != w.MaxTokenLen() {
		t.Fatalf("tokens, total frequency, longest: got %d %v %d, gse %d %v %d",
			g.NumTokens(), g.TotalFreq(), g.MaxTokenLen(), w.NumTokens(), w.TotalFreq(), w.MaxTokenLen())
	}
	for i := range w.Tokens {
		a, b := &g.Tokens[i], &w.Tokens[i]
		if a.Text() != b.Text() || a.Freq() != b.Freq() || a.Pos() != b.Pos() {
			t.Fatalf("token %d: got %q %v %q, gse %q %v %q", i, a.Text(), a.Freq(), a.Pos(), b.Text(), b.Freq(), b.Pos())
		}
	}
	// Both cut alike (our own sentence).
	const s = "间充质干细胞治疗系统性红斑狼疮的临床研究取得进展，類風濕性關節炎患者亦受益。"
	if a, b := strings.Join(got.Cut(s, true), "|"), strings.Join(want.Cut(s, true), "|"); a != b {
		t.Fatalf("Cut: got %s, gse %s", a, b)
	}
}

// TestLoadErrors checks that a damaged dictionary is an error, not a
// panic or a silently smaller dictionary.
func TestLoadErrors(t *testing.T) {
	gz := enginetest.Gzip
	for name, data := range map[string][]byte{
		"not gzip":       []byte("干细胞\t3\tn\n"),
		"truncated gzip": gz("干细胞\t3\tn\n")[:20],
		"no frequency":   gz("干细胞\n"),
		"bad frequency":  gz("干细胞\tmany\tn\n"),
		"zero frequency": gz("干细胞\t0\tn\n"),
		"empty":          gz(""),
	} {
		if _, err := load(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	seg, err := load(gz("干细胞\t3\tn\n治疗\t5\tvn\n"))
	if err != nil {
		t.Fatal(err)
	}
	if f, pos, ok := seg.Find("治疗"); !ok || f != 5 || pos != "vn" {
		t.Fatalf("Find(治疗) = %v %q %v", f, pos, ok)
	}
}
