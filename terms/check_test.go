package terms

import (
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"
)

// checkSrc runs CheckFS on one file "f.yaml" holding src.
func checkSrc(t *testing.T, src string) []Diagnostic {
	t.Helper()
	fsys := fstest.MapFS{"g/f.yaml": {Data: []byte(src)}}
	ds, err := CheckFS(fsys, "g", "g")
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// A concept that passes every rule, to build fixtures from.
const okConcept = `- id: ok
  category: cell
  status: approved
  terms:
    ja:
      - 細胞
    zh-Hans:
      - 细胞
    zh-Hant:
      - 細胞
    en:
      - {text: cell, plural: cells}
`

// TestCheckRules has one case per audit rule: the fixture must raise the
// rule, at the given line, with the given severity.
func TestCheckRules(t *testing.T) {
	tests := []struct {
		rule string
		src  string
		line int
		sev  Severity
	}{
		{"syntax", "- id: a\n  colour: red\n", 2, Error},
		{"invalid-id", "- id: 2-cells\n", 1, Error},
		{"invalid-tag", "- id: a\n  category: c\n  terms:\n    xx-yy-zz-1234567890:\n      - a\n", 4, Error},
		{"duplicate-id", okConcept + "- id: ok\n  category: c\n  terms:\n    de:\n      - Zelle\n", 13, Error},
		{"multiple-preferred", "- id: a\n  category: c\n  terms:\n    en:\n      - a\n      - b\n", 6, Error},
		{"duplicate-preferred", "- id: a\n  category: c\n  terms:\n    en:\n      - cell\n- id: b\n  category: c\n  terms:\n    en:\n      - Cell\n", 10, Error},
		{"forbidden-preferred", "- id: a\n  category: c\n  terms:\n    en:\n      - cell\n- id: b\n  category: c\n  terms:\n    en:\n      - cytocyte\n      - {text: cell, status: forbidden}\n", 11, Error},
		{"duplicate-term", "- id: a\n  category: c\n  terms:\n    en:\n      - cell\n      - {text: cell, status: admitted}\n", 6, Error},
		{"empty-term", "- id: a\n  category: c\n  terms:\n    en:\n      - b\n      - ''\n", 6, Error},
		{"padded-term", "- id: a\n  category: c\n  terms:\n    en:\n      - ' cell'\n", 5, Error},
		{"doubtful-term", "- id: a\n  category: c\n  terms:\n    zh-Hant:\n      - 間質幹細胞?\n", 5, Error},
		{"bad-external-id", "- id: a\n  category: c\n  external: {mesh: '12345'}\n  terms:\n    en:\n      - a\n", 3, Error},
		{"shared-abbreviation", "- id: a\n  category: c\n  terms:\n    en:\n      - rheumatoid arthritis\n      - {text: RA, status: admitted, type: abbreviation}\n- id: b\n  category: c\n  terms:\n    en:\n      - right atrium\n      - {text: RA, status: admitted, type: abbreviation}\n", 12, Warning},
		{"noncanonical-tag", "- id: a\n  category: c\n  terms:\n    zh-CN:\n      - 细胞\n", 4, Warning},
		{"no-preferred", "- id: a\n  category: c\n  terms:\n    en:\n      - {text: cell, status: admitted}\n", 4, Warning},
		{"missing-language", "- id: a\n  category: c\n  status: approved\n  terms:\n    en:\n      - cell\n", 1, Warning},
		{"wrong-script", "- id: a\n  category: c\n  terms:\n    zh-Hans:\n      - 间葉系幹細胞の\n", 5, Warning},
		{"wrong-script", "- id: a\n  category: c\n  terms:\n    zh-Hant:\n      - 关节\n", 5, Warning},
		{"wrong-script", "- id: a\n  category: c\n  terms:\n    zh-Hans:\n      - 關節\n", 5, Warning},
		{"wrong-script", "- id: a\n  category: c\n  terms:\n    zh-Hans:\n      - 関节\n", 5, Warning},
		{"wrong-script", "- id: a\n  category: c\n  terms:\n    en:\n      - 関節 joint\n", 5, Warning},
		{"not-nfkc", "- id: a\n  category: c\n  terms:\n    ja:\n      - 抗ＣＣＰ抗体\n", 5, Warning},
		{"plural-not-english", "- id: a\n  category: c\n  terms:\n    ja:\n      - {text: 細胞, plural: 細胞たち}\n", 5, Warning},
		{"unknown-scheme", "- id: a\n  category: c\n  external: {snomed: '12345'}\n  terms:\n    en:\n      - a\n", 3, Warning},
		{"missing-category", "- id: a\n  terms:\n    en:\n      - a\n", 1, Warning},
		{"no-terms", "- id: a\n  category: c\n", 1, Warning},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		covered[tt.rule] = true
		t.Run(tt.rule, func(t *testing.T) {
			ds := checkSrc(t, tt.src)
			var found bool
			for _, d := range ds {
				if d.Rule == tt.rule && d.Line == tt.line && d.Severity == tt.sev && d.File == "g/f.yaml" {
					found = true
				}
			}
			if !found {
				t.Errorf("check(%q) = %v; want %s %s at line %d", tt.src, ds, tt.sev, tt.rule, tt.line)
			}
			if HasErrors(ds) != (tt.sev == Error) {
				t.Errorf("HasErrors = %v; want %v (%v)", HasErrors(ds), tt.sev == Error, ds)
			}
		})
	}
	for rule := range Rules {
		if !covered[rule] {
			t.Errorf("rule %s has no test", rule)
		}
	}
}

func TestCheckClean(t *testing.T) {
	if ds := checkSrc(t, okConcept); len(ds) != 0 {
		t.Errorf("check(okConcept) = %v; want nothing", ds)
	}
}

func TestCheckReportsAllParseErrors(t *testing.T) {
	src := "- id: a\n  colour: red\n- id: B\n- id: c\n  status: maybe\n"
	ds := checkSrc(t, src)
	var lines []int
	for _, d := range ds {
		if d.Severity == Error {
			lines = append(lines, d.Line)
		}
	}
	if len(lines) != 3 || lines[0] != 2 || lines[1] != 3 || lines[2] != 5 {
		t.Errorf("errors at lines %v; want [2 3 5] (%v)", lines, ds)
	}
}

func TestDiagnosticString(t *testing.T) {
	ds := checkSrc(t, "- id: a\n  category: c\n  terms:\n    en:\n      - ' x'\n")
	want := `g/f.yaml:5:9: error: en term " x" has leading or trailing white space [padded-term]`
	if len(ds) != 1 || ds[0].String() != want {
		t.Errorf("diagnostics = %v; want %s", ds, want)
	}
}

func TestGlossaryCheckNewConcept(t *testing.T) {
	g, err := Load("testdata/roundtrip")
	if err != nil {
		t.Fatal(err)
	}
	c := &Concept{ID: "dup", Category: "cell", Terms: map[language.Tag][]Term{English: {{Text: "stromal cell"}}}}
	if err := g.Add(c); err != nil {
		t.Fatal(err)
	}
	var got string
	for _, d := range g.Check() {
		if d.Rule == "duplicate-preferred" {
			got = d.String()
		}
	}
	if !strings.HasPrefix(got, "concept dup: error: preferred en term \"stromal cell\" is also preferred in concept stromal-cell (testdata/roundtrip/cell.yaml:") {
		t.Errorf("duplicate-preferred = %q", got)
	}
}
