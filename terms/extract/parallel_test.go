package extract

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/medterm/glossary/terms"
	"github.com/medterm/glossary/tokenize"
	"golang.org/x/text/language"
)

func TestAddAllIndependentOfWorkers(t *testing.T) {
	tok := fixtureTok{[]string{"滑膜/名詞,一般", "細胞/名詞,一般", "。/記号", "軟骨/名詞,一般", "細胞/名詞,一般", "。/記号"}}
	e, _ := New(tok)
	var srcs []Source
	for i := range 9 {
		// Sizes out of input order, so the largest-first schedule differs
		// from the order the documents must be added in.
		text := strings.Repeat("滑膜細胞。軟骨細胞。", 1+(i*5)%7)
		srcs = append(srcs, Source{Name: fmt.Sprint("doc", i), Size: int64(len(text)), Text: func() (string, error) { return text, nil }})
	}
	one := e.NewCollection()
	if err := one.AddAll(srcs, 1, nil); err != nil {
		t.Fatal(err)
	}
	want := one.Candidates()
	if len(want) == 0 || len(want[0].Files) != len(srcs) {
		t.Fatalf("one worker: %+v", want)
	}
	for _, run := range []struct {
		w      int
		stream bool
	}{{0, false}, {2, false}, {4, false}, {20, false}, {1, true}, {2, true}, {4, true}, {20, true}} {
		w, c := run.w, e.NewCollection()
		if run.stream { // documents straight into per-worker streams
			c = e.NewStream()
		}
		n := 0
		if err := c.AddAll(srcs, w, func(k int) { n = k }); err != nil {
			t.Fatal(err)
		}
		if n != len(srcs) {
			t.Errorf("workers=%d stream=%v: done saw %d documents; want %d", w, run.stream, n, len(srcs))
		}
		if got := c.Candidates(); !reflect.DeepEqual(got, want) {
			t.Errorf("workers=%d stream=%v: candidates differ from one worker's:\n%+v\n%+v", w, run.stream, got, want)
		}
		for i, d := range c.Documents() {
			if d.Name != srcs[i].Name {
				t.Errorf("workers=%d stream=%v: document %d is %s; want %s", w, run.stream, i, d.Name, srcs[i].Name)
			}
		}
	}
}

func TestAddAllErrors(t *testing.T) {
	e, _ := New(fixtureTok{[]string{"軟骨/名詞,一般"}})
	errA, errB := errors.New("a: unreadable"), errors.New("c: unreadable")
	srcs := []Source{
		{Name: "a", Text: func() (string, error) { return "", errA }},
		{Name: "b", Text: func() (string, error) { return "軟骨", nil }},
		{Name: "c", Text: func() (string, error) { return "", errB }},
	}
	for _, stream := range []bool{false, true} {
		c, w := e.NewCollection(), 2
		if stream {
			c, w = e.NewStream(), 1 // documents straight into the table
		}
		if err := c.AddAll(srcs, w, nil); err != errA {
			t.Errorf("stream=%v: AddAll = %v; want the first source's error %v", stream, err, errA)
		}
		if len(c.Documents()) != 1 || c.Documents()[0].Name != "b" {
			t.Errorf("stream=%v: documents = %v; want only b", stream, c.Documents())
		}
		if cs := c.Candidates(); len(cs) != 1 || cs[0].Term != "軟骨" {
			t.Errorf("stream=%v: candidates = %+v; want 軟骨", stream, cs)
		}
	}
	if err := e.NewCollection().AddAll(nil, 0, nil); err != nil {
		t.Errorf("AddAll(nil) = %v", err)
	}
}

// TestAddAllLoadError checks that AddAll reports a tokenizer whose
// dictionary failed to load (tokenize.WithLoader), with one and two
// workers, rather than returning candidates of a fallback tokenization.
func TestAddAllLoadError(t *testing.T) {
	an, err := tokenize.NewAnalyzer(tokenize.WithLoader(tokenize.Japanese, func() (tokenize.Tokenizer, error) {
		return nil, errors.New("dictionary damaged")
	}))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := New(an)
	srcs := []Source{
		{Name: "en", Text: func() (string, error) { return "Mesenchymal stem cells.", nil }},
		{Name: "ja", Text: func() (string, error) { return "関節リウマチの治療。", nil }},
	}
	for _, w := range []int{1, 2} {
		err := e.NewStream().AddAll(srcs, w, nil)
		if err == nil || !strings.Contains(err.Error(), "dictionary damaged") {
			t.Errorf("workers=%d: AddAll = %v; want the load error", w, err)
		}
	}
}

// TestDirectMatchesMerged checks that a stream with one worker, which
// extracts each document straight into the collection, returns exactly
// what merging each document's own table returns: on the golden fixtures
// and, when present, the seed corpus, without and with a glossary (whose
// scan adds candidates the compound patterns missed).
func TestDirectMatchesMerged(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the dictionaries: skipped with -short")
	}
	g, err := terms.New(
		&terms.Concept{ID: "mesenchymal-stem-cell", Terms: map[language.Tag][]terms.Term{
			language.Japanese: {{Text: "間葉系幹細胞"}}, language.English: {{Text: "MSC", Plural: "MSCs"}},
		}},
		&terms.Concept{ID: "rheumatoid-arthritis", Terms: map[language.Tag][]terms.Term{language.Japanese: {{Text: "関節リウマチ"}}}},
	)
	if err != nil {
		t.Fatal(err)
	}
	golden, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	seeds, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	for _, set := range [][]string{golden, seeds} {
		if len(set) == 0 {
			continue
		}
		var srcs []Source
		for _, f := range append(set, set[0]) { // a document twice: files and df add up
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			srcs = append(srcs, Source{Name: filepath.Base(f), Size: int64(len(data)), Text: func() (string, error) { return string(data), nil }})
		}
		for _, opts := range [][]Option{nil, {WithIndex(terms.NewIndex(g))}, {MaxContexts(1)}} {
			e, err := New(devAnalyzer(t), opts...)
			if err != nil {
				t.Fatal(err)
			}
			merged := e.NewCollection()
			for _, s := range srcs {
				text, _ := s.Text()
				merged.Add(e.Document(s.Name, text))
			}
			want := merged.Candidates()
			if len(want) == 0 {
				t.Fatal("no candidates")
			}
			for _, w := range []int{1, 2, 3} { // one stream, or one per worker appended
				direct := e.NewStream()
				if err := direct.AddAll(srcs, w, nil); err != nil {
					t.Fatal(err)
				}
				got := direct.Candidates()
				if !reflect.DeepEqual(got, want) {
					for i := range min(len(got), len(want)) {
						if !reflect.DeepEqual(got[i], want[i]) {
							t.Fatalf("%s, %d workers: candidate %d differs:\n got %+v\nwant %+v", srcs[0].Name, w, i, got[i], want[i])
						}
					}
					t.Fatalf("%s, %d workers: %d candidates; want %d", srcs[0].Name, w, len(got), len(want))
				}
				for i, d := range direct.Documents() {
					if m := merged.Documents()[i]; d.Name != m.Name || !reflect.DeepEqual(d.Pairs, m.Pairs) {
						t.Errorf("%d workers: document %d: %s %+v; want %s %+v", w, i, d.Name, d.Pairs, m.Name, m.Pairs)
					}
				}
			}
		}
	}
}
