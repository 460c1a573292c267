// Package enginetest holds the checks that the tests of the engine
// packages (tokenize/ja, tokenize/zh) share.
package enginetest

import (
	"bytes"
	"compress/gzip"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/medterm/glossary/tokenize"
)

// Split joins the surfaces of toks with sep.
func Split(toks []tokenize.Token, sep string) string {
	var s []string
	for _, t := range toks {
		s = append(s, t.Surface)
	}
	return strings.Join(s, sep)
}

// CheckTokens fails t unless toks are in order, inside text, with
// surfaces as written and no white space at their edges.
func CheckTokens(t testing.TB, text string, toks []tokenize.Token) {
	t.Helper()
	last := 0
	for _, tk := range toks {
		if tk.Start < last || tk.End <= tk.Start || tk.End > len(text) || text[tk.Start:tk.End] != tk.Surface {
			t.Fatalf("Tokenize(%q): bad token %+v after offset %d", text, tk, last)
		}
		if strings.TrimSpace(tk.Surface) != tk.Surface {
			t.Fatalf("Tokenize(%q): token %q has white space at an edge", text, tk.Surface)
		}
		last = tk.End
	}
}

// CheckConcurrent tokenizes text on four goroutines at once (run with
// -race) and fails t when a result differs from a lone call's.
func CheckConcurrent(t *testing.T, tok tokenize.Tokenizer, text string) {
	t.Helper()
	want := Split(tok.Tokenize(text), "|")
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				if got := Split(tok.Tokenize(text), "|"); got != want {
					errs <- got
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("concurrent Tokenize = %s; want %s", got, want)
	}
}

// AppendTokenizer is a tokenizer that also appends (tokenize.Appender).
type AppendTokenizer interface {
	tokenize.Tokenizer
	tokenize.Appender
}

// CheckAppend fails t unless AppendTokens of each text leaves a non-empty
// dst alone and appends what Tokenize returns.
func CheckAppend(t *testing.T, tok AppendTokenizer, texts ...string) {
	t.Helper()
	prefix := []tokenize.Token{{Surface: "前", Start: 0, End: 3}}
	for _, text := range texts {
		want := tok.Tokenize(text)
		got := tok.AppendTokens(slices.Clone(prefix), text)
		if len(got) != 1+len(want) || !reflect.DeepEqual(got[:1], prefix) || len(want) > 0 && !reflect.DeepEqual(got[1:], want) {
			t.Errorf("AppendTokens(%q) = %s; want 前|%s", text, Split(got, "|"), Split(want, "|"))
		}
	}
}

// Gzip returns s gzipped: the form of the engines' generated data files
// (tokenize/ja/data, tokenize/zh/data), for tests of their loaders.
func Gzip(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}
