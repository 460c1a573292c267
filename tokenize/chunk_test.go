package tokenize_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/medterm/glossary/internal/devdata"
	"github.com/medterm/glossary/tokenize"
)

// chunkTexts are own fixtures whose results depend on context across
// lines: Han-only sentences that take their language from a decided
// sentence lines before or after them, Latin runs, blank lines, full-width
// spaces around line breaks, mixed user words.
func chunkTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{
		"undecided-first": strings.Repeat("関節炎\n治療方針\n", 8) + "患者は間葉系幹細胞の投与を受けた。\n" + strings.Repeat("免疫抑制\n", 8),
		"zh-context":      "间充质干细胞治疗系统性红斑狼疮。\n" + strings.Repeat("免疫抑制\n\n", 10) + "临床试验结果显示疗效。\n",
		"latin-lines":     strings.Repeat("TNF-α and IL-6 (MSC: Mesenchymal Stem Cell)\r\n抗CCP抗体が陽性。\u3000\n  \n", 12),
		"no-letters":      strings.Repeat("12.5 / 3.4\n", 30),
	}
	inputs, _ := filepath.Glob("testdata/*.input")
	for _, f := range inputs {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(f)] = string(b)
	}
	if !testing.Short() {
		seeds, _ := filepath.Glob(devdata.Path("corpus/seeds/*.txt"))
		for _, f := range seeds {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text, _, err := tokenize.Decode(b, f, "")
			if err != nil {
				t.Fatal(err)
			}
			texts[filepath.Base(f)] = text
		}
	}
	return texts
}

// TestChunksMatchWhole tokenizes each text whole and in chunks of a few
// dozen bytes: the tokens and the runs must be the same.
func TestChunksMatchWhole(t *testing.T) {
	a := testAnalyzer(t)
	for name, text := range chunkTexts(t) {
		whole := format(a.Tokenize(text))
		var wholeRuns []tokenize.Run
		if err := tokenize.EachRun(text, func(r tokenize.Run) error {
			wholeRuns = append(wholeRuns, r)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if runs := tokenize.Runs(text); !sameRuns(runs, wholeRuns) {
			t.Fatalf("%s: EachRun without chunking differs from Runs", name)
		}
		for _, size := range []int{8, 24, 100} {
			// Lines longer than the maximum are cut (documented as the
			// one inexact case): keep the maximum above the longest line.
			longest := 0
			for _, l := range strings.Split(text, "\n") {
				longest = max(longest, len(l))
			}
			restore := tokenize.SetChunkSizes(size, max(64*size, 2*longest+2*size))
			got := format(a.Tokenize(text))
			var n int
			var chunked []tokenize.Run
			err := a.Chunks(text, func(toks []tokenize.Token) error {
				n++
				checkTokens(t, text, toks)
				return nil
			})
			if err == nil {
				err = tokenize.EachRun(text, func(r tokenize.Run) error {
					chunked = append(chunked, r)
					return nil
				})
			}
			restore()
			if err != nil {
				t.Fatal(err)
			}
			if got != whole {
				t.Errorf("%s, chunks of %d: tokens differ from the whole text's:\n%s", name, size, firstDiff(whole, got))
			}
			if len(text) > 4*max(64*size, 2*longest+2*size) && n < 2 {
				t.Errorf("%s, chunks of %d: %d chunk(s) for %d bytes", name, size, n, len(text))
			}
			if !sameLangs(text, wholeRuns, chunked) {
				t.Errorf("%s, chunks of %d: run languages differ", name, size)
			}
		}
	}
}

// TestChunksLongLine: a line far longer than a chunk is cut (bounded
// memory), and the tokens still cover it in order with exact offsets.
func TestChunksLongLine(t *testing.T) {
	a := testAnalyzer(t)
	text := strings.Repeat("関節リウマチの患者に間葉系幹細胞を投与した", 200) + "\n" + strings.Repeat("x", 3000)
	restore := tokenize.SetChunkSizes(64, 512)
	defer restore()
	var all []tokenize.Token
	err := a.Chunks(text, func(toks []tokenize.Token) error {
		if len(toks) > 512 {
			t.Errorf("chunk of %d tokens: not bounded", len(toks))
		}
		all = append(all, toks...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checkTokens(t, text, all)
	// Cuts at character boundaries may split a few words, not more.
	if n := strings.Count("\n"+format(all), "\n間葉系幹細胞\t"); n < 190 || n > 200 {
		t.Errorf("user word found %d times, want 190-200", n)
	}
}

func TestChunksError(t *testing.T) {
	a := testAnalyzer(t)
	stop := errors.New("stop")
	restore := tokenize.SetChunkSizes(8, 64)
	defer restore()
	calls := 0
	err := a.Each(strings.Repeat("関節炎の治療。\n", 100), func(tokenize.Token) error {
		calls++
		return stop
	})
	if err != stop || calls != 1 {
		t.Errorf("Each = %v after %d calls, want stop after 1", err, calls)
	}
	if err := a.Chunks("", func([]tokenize.Token) error { return stop }); err != nil {
		t.Errorf("Chunks of empty text called f: %v", err)
	}
}

// TestChunksReuse runs Chunks on texts of different sizes from several
// goroutines at once, largest first, so that each call gets token slices
// other calls used (and cleared): every call must give Tokenize's tokens,
// nothing left over from a longer text. Run with -race.
func TestChunksReuse(t *testing.T) {
	a := testAnalyzer(t)
	texts := []string{
		strings.Repeat("臍帯由来間葉系幹細胞（UC-MSCs）を投与した。\n", 40),
		"関節リウマチ(RA)の治療。\n",
		"TNF-α and IL-6",
		"",
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = format(a.Tokenize(text))
	}
	done := make(chan error)
	for range 8 {
		go func() {
			for range 20 {
				for i, text := range texts {
					var got []tokenize.Token
					if err := a.Chunks(text, func(toks []tokenize.Token) error {
						got = append(got, toks...)
						return nil
					}); err != nil {
						done <- err
						return
					}
					if g := format(got); g != want[i] {
						done <- fmt.Errorf("text %d: %s", i, firstDiff(want[i], g))
						return
					}
				}
			}
			done <- nil
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

func sameRuns(a, b []tokenize.Run) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// sameLangs reports whether every non-space byte of text has the same
// language in both run lists (chunking may cut runs, not relabel them).
func sameLangs(text string, a, b []tokenize.Run) bool {
	la, lb := make([]string, len(text)), make([]string, len(text))
	for _, r := range a {
		for i := r.Start; i < r.End; i++ {
			la[i] = r.Lang.String()
		}
	}
	for _, r := range b {
		for i := r.Start; i < r.End; i++ {
			lb[i] = r.Lang.String()
		}
	}
	for i, r := range text {
		if !unicode.IsSpace(r) && la[i] != lb[i] {
			return false
		}
	}
	return true
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) && i < len(g); i++ {
		if w[i] != g[i] {
			return "want " + w[i] + "\ngot  " + g[i]
		}
	}
	return "lengths differ"
}
