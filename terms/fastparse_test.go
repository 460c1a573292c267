package terms

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestFastParseMatchesYAML checks that the fast path reads canonical files
// exactly as the YAML parser does, positions included.
func TestFastParseMatchesYAML(t *testing.T) {
	files := map[string][]byte{}
	names, _ := filepath.Glob("testdata/*/*.yaml")
	goldens, _ := filepath.Glob("testdata/fmt/*.golden")
	for _, n := range append(names, goldens...) {
		b, _ := os.ReadFile(n)
		files[n] = b
	}
	starterNames, _ := fs.Glob(starter, "starter/*.yaml")
	for _, n := range starterNames {
		b, _ := fs.ReadFile(starter, n)
		files[n] = b
	}
	fast := 0
	for n, src := range files {
		es, ok := fastParse(filepath.Base(n), n, src)
		want, errs := parseFileYAML(filepath.Base(n), n, src)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", n, errs[0])
		}
		if !ok {
			t.Logf("%s: not canonical, fast path declined", n)
			continue
		}
		fast++
		if !sameEntries(es, want) {
			t.Errorf("%s: fast path differs from the YAML parser", n)
		}
	}
	if fast == 0 {
		t.Error("the fast path accepted no file")
	}
}

func sameEntries(a, b []entry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameConcept(a[i].c, b[i].c) || !reflect.DeepEqual(a[i].o.detailed(a[i].c), b[i].o.detailed(b[i].c)) {
			return false
		}
	}
	return true
}

func TestFastParseDeclines(t *testing.T) {
	for _, src := range []string{
		"", "- id: a\n  status: candidate", "- id: a\n  status: candidate\n# c\n",
		"- id: a\n  status: approved\n  category: c\n", "- id: a\n  status: candidate\n  terms:\n    en:\n      - 'x'\n",
		"- id: a\n  status: candidate\n  note:\n    en: \"\\e\"\n", "- id: a\n  status: candidate\n  colour: red\n",
	} {
		if _, ok := fastParse("f.yaml", "f.yaml", []byte(src)); ok {
			t.Errorf("fastParse(%q) accepted a non-canonical file", src)
		}
	}
}
