package synth

import (
	"testing"

	"github.com/medterm/glossary/terms"
)

func TestConcepts(t *testing.T) {
	cs := Concepts(5000, 1)
	if len(cs) != 5000 {
		t.Fatalf("Concepts(5000) = %d concepts", len(cs))
	}
	seen := map[string]string{}
	for _, c := range cs {
		if err := terms.ValidID(c.ID); err != nil {
			t.Fatalf("concept %q: %v", c.ID, err)
		}
		for _, tag := range terms.CoreLanguages() {
			if len(c.Terms[tag]) == 0 {
				t.Fatalf("concept %s: no %s term", c.ID, tag)
			}
		}
		for _, ts := range c.Terms {
			for _, tm := range ts {
				if other, dup := seen[tm.Text]; dup && other != c.ID {
					// ja, zh-Hans and zh-Hant may share a spelling within a concept only.
					t.Fatalf("term %q in %s and %s", tm.Text, other, c.ID)
				}
				seen[tm.Text] = c.ID
			}
		}
	}
	if _, err := terms.New(cs...); err != nil {
		t.Fatal(err)
	}
	again := Concepts(5000, 1)
	for i := range cs {
		if cs[i].ID != again[i].ID {
			t.Fatalf("Concepts is not deterministic at %d: %s != %s", i, cs[i].ID, again[i].ID)
		}
	}
}

func TestText(t *testing.T) {
	cs := Concepts(100, 1)
	s := Text(cs, 10000, 2)
	if len(s) < 10000 || len(s) > 11000 {
		t.Errorf("Text(10000) = %d bytes", len(s))
	}
	g, err := terms.New(cs...)
	if err != nil {
		t.Fatal(err)
	}
	x := terms.NewIndex(g)
	if hits := x.Scan(s); len(hits) < 50 {
		t.Errorf("Scan(Text) = %d hits; want many", len(hits))
	}
}
