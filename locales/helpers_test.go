package locales

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/medterm/glossary/terms"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixture loads a fresh copy of testdata/glossary (tests may modify it).
func fixture(t testing.TB) *terms.Glossary {
	t.Helper()
	g, err := terms.Load("testdata/glossary")
	if err != nil {
		t.Fatalf("terms.Load: %v", err)
	}
	return g
}

// golden compares got with testdata/golden/name, rewriting it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", "golden", filepath.FromSlash(name))
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s", name, lineDiff(string(want), string(got)))
	}
}

// lineDiff shows the first lines that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < max(len(w), len(g)) && n < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			n++
			fmt.Fprintf(&b, "line %d:\n  want: %s\n  got:  %s\n", i+1, wl, gl)
		}
	}
	return b.String()
}

// sameConcepts reports the first difference between two concept lists,
// treating nil and empty maps and slices alike.
func sameConcepts(t *testing.T, want, got []*terms.Concept) {
	t.Helper()
	if len(want) != len(got) {
		t.Fatalf("got %d concepts; want %d", len(got), len(want))
	}
	for i := range want {
		w, g := want[i], got[i]
		if w.ID != g.ID || w.Category != g.Category || w.Status != g.Status {
			t.Errorf("concept %d: got %s/%s/%v; want %s/%s/%v", i, g.ID, g.Category, g.Status, w.ID, w.Category, w.Status)
		}
		if !maps.Equal(w.Definitions, g.Definitions) && len(w.Definitions)+len(g.Definitions) > 0 {
			t.Errorf("%s: definitions %v; want %v", w.ID, g.Definitions, w.Definitions)
		}
		if !maps.Equal(w.Notes, g.Notes) && len(w.Notes)+len(g.Notes) > 0 {
			t.Errorf("%s: notes %v; want %v", w.ID, g.Notes, w.Notes)
		}
		if !slices.Equal(w.Sources, g.Sources) {
			t.Errorf("%s: sources %q; want %q", w.ID, g.Sources, w.Sources)
		}
		if !maps.Equal(w.External, g.External) && len(w.External)+len(g.External) > 0 {
			t.Errorf("%s: external %v; want %v", w.ID, g.External, w.External)
		}
		langs := func(m map[language.Tag][]terms.Term) []language.Tag {
			var out []language.Tag
			for k, v := range m {
				if len(v) > 0 {
					out = append(out, k)
				}
			}
			slices.SortFunc(out, compareTags)
			return out
		}
		if wl, gl := langs(w.Terms), langs(g.Terms); !slices.Equal(wl, gl) {
			t.Errorf("%s: term languages %v; want %v", w.ID, gl, wl)
			continue
		}
		for lang, wt := range w.Terms {
			if !slices.Equal(wt, g.Terms[lang]) {
				t.Errorf("%s %s: terms %+v; want %+v", w.ID, lang, g.Terms[lang], wt)
			}
		}
	}
}
