package extract

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/medterm/glossary/terms"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.golden")

// writeCands writes every field of the candidates, one per line.
func writeCands(b *strings.Builder, cs []Candidate) {
	for _, c := range cs {
		fmt.Fprintf(b, "%s\t%s\t%.3f\tf=%d\tdf=%d\tc=%s\tev=%s\tin=%s\thas=%s\tfiles=%s\n", c.Term, c.Lang, c.Score, c.Freq, c.DocFreq,
			c.Concept, strings.Join(c.Evidence.Strings(), ","), strings.Join(c.ContainedIn, "|"), strings.Join(c.Contains, "|"), strings.Join(c.Files, ","))
		for _, x := range c.Contexts {
			fmt.Fprintf(b, "\t%s:%d\t%s\n", x.File, x.Line, x.Snippet)
		}
	}
}

// goldenOutput runs extraction over the fixtures in testdata/golden with
// the real analyzer and renders everything it returns.
func goldenOutput(t *testing.T, opts ...Option) string {
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	e, err := New(devAnalyzer(t), opts...)
	if err != nil {
		t.Fatal(err)
	}
	col := e.NewCollection()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		col.Add(e.Document(filepath.Base(f), string(data)))
	}
	var b strings.Builder
	b.WriteString("== collection\n")
	writeCands(&b, col.Candidates())
	for _, d := range col.Documents() {
		fmt.Fprintf(&b, "== document %s\n", d.Name)
		writeCands(&b, col.DocumentCandidates(d))
		for _, p := range d.Pairs {
			fmt.Fprintf(&b, "pair\t%s\t%s\t%s\t%s\t%v\t%s\t%v %v %v\n", p.Short, p.Long, p.LongLang, p.LongEn, p.Kind, p.Pattern, p.ShortAt, p.LongAt, p.LongEnAt)
		}
	}
	return b.String()
}

// TestGolden pins the complete extraction output (candidates, scores,
// nesting, contexts, pairs) on our own fixtures, without and with a small
// glossary, so that refactoring for speed cannot change results unnoticed.
// Rewrite with go test -run TestGolden -update.
func TestGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the dictionaries: skipped with -short")
	}
	g, err := terms.New(
		&terms.Concept{ID: "mesenchymal-stem-cell", Terms: map[language.Tag][]terms.Term{
			language.Japanese:          {{Text: "間葉系幹細胞"}},
			language.SimplifiedChinese: {{Text: "间充质干细胞"}},
			language.English:           {{Text: "mesenchymal stem cell", Plural: "mesenchymal stem cells"}, {Text: "MSC", Plural: "MSCs"}},
		}},
		&terms.Concept{ID: "osteoclast", Terms: map[language.Tag][]terms.Term{language.Japanese: {{Text: "破骨細胞"}}}},
	)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		opts []Option
	}{
		{"empty", nil},
		{"glossary", []Option{WithIndex(terms.NewIndex(g))}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := goldenOutput(t, tc.opts...)
			path := filepath.Join("testdata", "golden", tc.name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) || i < len(wl); i++ {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Fatalf("%s: line %d differs:\n got %q\nwant %q\n(rewrite with -update if intended)", path, i+1, g, w)
					}
				}
			}
		})
	}
}

// TestConcurrentDocuments extracts the golden fixtures from several
// goroutines at once (the pooled buffers, the shared extractor) and checks
// that every result equals the sequential one. Run with -race.
func TestConcurrentDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the dictionaries: skipped with -short")
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	var texts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	e, err := New(devAnalyzer(t))
	if err != nil {
		t.Fatal(err)
	}
	render := func(docs []*Document) string {
		col := e.NewStream()
		for _, d := range docs {
			col.Add(d)
		}
		var b strings.Builder
		writeCands(&b, col.Candidates())
		return b.String()
	}
	seq := make([]*Document, len(texts))
	for i, tx := range texts {
		seq[i] = e.Document(fmt.Sprint(i), tx)
	}
	want := render(seq)
	const rounds = 4
	got := make([][]*Document, rounds)
	var wg sync.WaitGroup
	for r := range rounds {
		got[r] = make([]*Document, len(texts))
		for i, tx := range texts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got[r][i] = e.Document(fmt.Sprint(i), tx)
			}()
		}
	}
	wg.Wait()
	for r := range rounds {
		if g := render(got[r]); g != want {
			t.Fatalf("round %d: concurrent extraction differs from sequential", r)
		}
	}
}
