package terms

import (
	"io/fs"
	"testing"
	"time"
)

func TestDefault(t *testing.T) {
	start := time.Now()
	g, err := Default()
	if err != nil {
		t.Fatalf("the embedded starter glossary does not load: %v", err)
	}
	t.Logf("Default: %d concepts, first call %v", g.Len(), time.Since(start))
	if g.Len() == 0 {
		t.Fatal("the embedded starter glossary is empty")
	}
	// Each call returns its own copy.
	c := g.Concepts()[0]
	c.Status = Candidate
	g.Remove(c.ID)
	h, _ := Default()
	if _, ok := h.Concept(c.ID); !ok {
		t.Error("changing one Default() glossary changed another")
	}
	// The starter is canonical: init writes it out unchanged.
	out, err := h.Encode()
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range out {
		src, err := fs.ReadFile(starter, "starter/"+name)
		if err != nil {
			t.Fatal(err)
		}
		if string(src) != string(data) {
			t.Logf("starter/%s is not in canonical form (glossary fmt would change it):\n%s", name, diff(string(src), string(data)))
		}
	}
}

// TestStarterCheck fails when the starter glossary has check errors.
func TestStarterCheck(t *testing.T) {
	ds, err := CheckFS(starter, "starter", "starter")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.Severity == Error {
			t.Error(d)
		}
	}
}

// BenchmarkParseStarter measures parsing the embedded starter glossary
// from scratch: the cold-start cost of Default().
func BenchmarkParseStarter(b *testing.B) {
	var size int64
	names, _ := fs.Glob(starter, "starter/*.yaml")
	for _, n := range names {
		d, _ := fs.ReadFile(starter, n)
		size += int64(len(d))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadFS(starter, "starter", "starter"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDefault measures a Default() call after the first (a copy).
func BenchmarkDefault(b *testing.B) {
	Default()
	b.ReportAllocs()
	for b.Loop() {
		Default()
	}
}

// BenchmarkEncodeStarter measures rendering the starter in canonical form.
func BenchmarkEncodeStarter(b *testing.B) {
	g, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		g.Encode()
	}
}
