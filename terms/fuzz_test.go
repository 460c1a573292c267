package terms

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the file parser. Invariants: no panic;
// every error has a position (line ≥ 1) in the file; whatever parses
// encodes to canonical text that parses back to the same concepts and
// encodes to the same bytes again.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.yaml")
	more, _ := filepath.Glob("testdata/fmt/*.input")
	for _, s := range append(seeds, more...) {
		b, _ := os.ReadFile(s)
		f.Add(b)
	}
	for _, s := range []string{
		okConcept,
		"- id: a\n  terms:\n    ja: [間葉系幹細胞, {text: 間葉系間質細胞, status: admitted, type: variant}]\n",
		"- id: a\n  note: {zh-Hant: \"台灣:\\n\\t「間質幹細胞」\"}\n",
		"- id: a # c\n", "[]", "", "---\n", "- &x id: a\n", "{", "- id: a\n  terms:\n    en:\n      -\n",
		"- id: a\n  sources: ['x, y', \"\\u2028\"]\n", "\xef\xbb\xbf- id: a\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		es, errs := parseFileYAML("f.yaml", "f.yaml", src)
		if fes, ok := fastParse("f.yaml", "f.yaml", src); ok && (len(errs) > 0 || !sameEntries(fes, es)) {
			t.Fatalf("fast path disagrees with the YAML parser on %q (%v)", src, errs)
		}
		for _, e := range errs {
			if e.File != "f.yaml" || e.Line < 1 || e.Col < 0 || e.Err == nil {
				t.Fatalf("error without a position: %#v", e)
			}
		}
		if len(errs) > 0 {
			return
		}
		var cs []*Concept
		for _, e := range es {
			cs = append(cs, e.c)
		}
		for _, c := range cs {
			if validateForSave(c) != nil {
				return // loads, but cannot be saved (e.g. empty definition)
			}
		}
		out := encodeFile(cs)
		es2, errs2 := parseFileYAML("f.yaml", "f.yaml", out)
		if fes, ok := fastParse("f.yaml", "f.yaml", out); !ok || !sameEntries(fes, es2) {
			t.Fatalf("fast path declines or differs on canonical output (ok %v):\n%s", ok, out)
		}
		if len(errs2) > 0 {
			t.Fatalf("canonical output does not parse: %v\ninput:\n%q\noutput:\n%s", errs2[0], src, out)
		}
		if len(es2) != len(cs) {
			t.Fatalf("re-parse: %d concepts; want %d", len(es2), len(cs))
		}
		for i, e := range es2 {
			want := cs[i].Clone()
			for tag, ts := range want.Terms {
				want.Terms[tag] = canonicalTerms(ts)
				if len(ts) == 0 {
					delete(want.Terms, tag)
				}
			}
			if !sameConcept(want, e.c) {
				t.Fatalf("round trip changed concept:\n%+v\n%+v\noutput:\n%s", want, e.c, out)
			}
		}
		var cs2 []*Concept
		for _, e := range es2 {
			cs2 = append(cs2, e.c)
		}
		if again := encodeFile(cs2); !bytes.Equal(again, out) {
			t.Fatalf("encoding is not a fixed point:\n%s\n%s", out, again)
		}
	})
}

// sameConcept compares concepts, treating nil and empty maps and slices
// alike.
func sameConcept(a, b *Concept) bool {
	norm := func(c *Concept) Concept {
		d := *c.Clone()
		if len(d.Definitions) == 0 {
			d.Definitions = nil
		}
		if len(d.Notes) == 0 {
			d.Notes = nil
		}
		if len(d.External) == 0 {
			d.External = nil
		}
		if len(d.Sources) == 0 {
			d.Sources = nil
		}
		if len(d.Terms) == 0 {
			d.Terms = nil
		}
		return d
	}
	return reflect.DeepEqual(norm(a), norm(b))
}
