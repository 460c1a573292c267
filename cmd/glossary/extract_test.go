package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractJSON(t *testing.T) {
	empty := t.TempDir()
	var out, errb bytes.Buffer
	code := run([]string{"extract", "testdata/extract/a.txt", "--glossary", empty, "--format", "json", "--quiet"}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("extract exit %d: %s", code, errb.String())
	}
	var terms []map[string]any
	var pairs []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if _, ok := m["short"]; ok {
			pairs = append(pairs, m)
		} else {
			terms = append(terms, m)
		}
	}
	found := map[string]map[string]any{}
	for _, m := range terms {
		for _, k := range []string{"term", "lang", "score", "freq", "concept", "files"} {
			if _, ok := m[k]; !ok {
				t.Errorf("candidate %v lacks %q", m, k)
			}
		}
		found[m["term"].(string)] = m
	}
	for _, w := range []string{"骨芽細胞", "破骨細胞", "骨形成タンパク質", "BMP"} {
		if found[w] == nil {
			t.Errorf("candidate %q missing", w)
		}
	}
	if m := found["骨芽細胞"]; m != nil && (m["freq"].(float64) != 3 || m["concept"] != "") {
		t.Errorf("骨芽細胞 = %v; want freq 3, concept \"\"", m)
	}
	if len(pairs) != 1 || pairs[0]["short"] != "BMP" || pairs[0]["long"] != "骨形成タンパク質" {
		t.Fatalf("pairs = %v", pairs)
	}
	if _, ok := pairs[0]["long_en"]; !ok {
		t.Errorf("pair lacks long_en: %v", pairs[0])
	}
}

func TestExtractUsage(t *testing.T) {
	for _, args := range [][]string{
		{"extract"},
		{"extract", "testdata/extract/a.txt", "--format", "xml"},
		{"extract", "testdata/extract/a.txt", "--top", "-1"},
		{"eval", "extract", "testdata/extract"},
	} {
		var out, errb bytes.Buffer
		if code := run(args, strings.NewReader(""), &out, &errb); code != 2 {
			t.Errorf("run(%q) = %d; want 2 (stderr %q)", args, code, errb.String())
		}
	}
}

func TestExtractMissingFile(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"extract", "testdata/extract/nope.txt", "--glossary", t.TempDir()}, strings.NewReader(""), &out, &errb); code != 1 {
		t.Errorf("exit %d; want 1 (stderr %q)", code, errb.String())
	}
}

func TestExtractAdd(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the dictionaries twice")
	}
	dir := t.TempDir()
	args := []string{"extract", "testdata/extract/a.txt", "--glossary", dir, "--add", "--format", "tsv"}
	var out, errb bytes.Buffer
	if code := run(args, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("first --add: exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "added ") || strings.Contains(errb.String(), "added 0 ") {
		t.Fatalf("first --add stderr = %q; want some concepts added", errb.String())
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if len(files) == 0 {
		t.Fatal("--add wrote no file")
	}
	before := readAll(t, files)
	if !strings.Contains(before, "骨芽細胞") || !strings.Contains(before, "status: candidate") {
		t.Errorf("glossary after --add lacks the candidate:\n%s", before)
	}
	out.Reset()
	errb.Reset()
	if code := run(args, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("second --add: exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "added 0 ") {
		t.Errorf("second --add stderr = %q; want nothing added", errb.String())
	}
	if after := readAll(t, files); after != before {
		t.Errorf("second --add changed the glossary")
	}
	for _, line := range strings.Split(out.String(), "\n") {
		f := strings.Split(line, "\t")
		if len(f) > 5 && f[0] == "骨芽細胞" && (f[5] == "new" || !strings.HasPrefix(f[5], "cand-")) {
			t.Errorf("second run: 骨芽細胞 concept = %q; want the added cand- id", f[5])
		}
	}
}

func readAll(t *testing.T, files []string) string {
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
	}
	return b.String()
}

func TestEvalExtractJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the dictionaries")
	}
	var out, errb bytes.Buffer
	code := run([]string{"eval", "extract", "--gold", "testdata/extract/gold.tsv", "--abbr-gold", "testdata/extract/abbr.tsv",
		"--no-glossary", "--format", "json", "--k", "5", "testdata/extract"}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("eval extract exit %d: %s", code, errb.String())
	}
	var res struct {
		Exact struct {
			Overall struct {
				GoldSpecific  int     `json:"gold_specific"`
				FoundSpecific int     `json:"found_specific"`
				Returned      int     `json:"returned"`
				Precision     float64 `json:"precision_at_k"`
			} `json:"overall"`
		} `json:"exact"`
		Pairs struct {
			Precision float64 `json:"precision"`
			Recall    float64 `json:"recall"`
		} `json:"pairs"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	o := res.Exact.Overall
	if o.GoldSpecific != 6 || o.FoundSpecific != 5 || o.Returned != 5 {
		t.Errorf("overall = %+v; want 5 of 6 specific found, 5 returned", o)
	}
	if res.Pairs.Precision != 1 || res.Pairs.Recall != 1 {
		t.Errorf("pairs = %+v; want 1, 1", res.Pairs)
	}
}

func TestExtractEmptyDir(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := run([]string{"extract", dir, "--glossary", t.TempDir()}, strings.NewReader(""), &out, &errb); code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "no text files found in "+dir) {
		t.Errorf("stderr %q does not name the empty directory", errb.String())
	}
	if out.Len() != 0 {
		t.Errorf("stdout %q, want nothing", out.String())
	}
}
