package terms

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		want      string // in the message
	}{
		{"not a sequence", "id: a\n", 1, 1, "not a sequence"},
		{"scalar file", "hello\n", 1, 1, "not a sequence"},
		{"item not a mapping", "- a\n", 1, 3, "want a mapping"},
		{"unknown key", "- id: a\n  colour: red\n", 2, 3, `unknown key "colour"`},
		{"duplicate key", "- id: a\n  status: approved\n  status: candidate\n", 3, 3, `duplicate key "status" (first at line 2)`},
		{"bad concept status", "- id: a\n  status: done\n", 2, 11, `bad concept status "done"`},
		{"bad term status", "- id: a\n  terms:\n    en:\n      - {text: x, status: liked}\n", 4, 27, `bad term status "liked"`},
		{"bad term type", "- id: a\n  terms:\n    en:\n      - {text: x, type: acronym}\n", 4, 25, `bad term type "acronym"`},
		{"bad tag", "- id: a\n  terms:\n    english:\n      - x\n", 3, 5, `bad language tag "english"`},
		{"und tag", "- id: a\n  terms:\n    und:\n      - x\n", 3, 5, "undetermined"},
		{"repeated tag", "- id: a\n  terms:\n    zh-Hans: [x]\n    zh-hans: [y]\n", 4, 5, "given twice"},
		{"terms not a mapping", "- id: a\n  terms: [x]\n", 2, 10, "want a mapping"},
		{"term list not a sequence", "- id: a\n  terms:\n    en: x\n", 3, 9, "want a sequence"},
		{"term without text", "- id: a\n  terms:\n    en:\n      - {status: admitted}\n", 4, 9, "no text"},
		{"unknown term key", "- id: a\n  terms:\n    en:\n      - {text: x, lang: en}\n", 4, 19, `unknown key "lang"`},
		{"missing id", "- status: approved\n", 1, 3, "missing id"},
		{"bad id", "- id: Bad_ID\n", 1, 7, `concept id "Bad_ID"`},
		{"reserved id", "- id: other\n", 1, 7, "reserved"},
		{"empty id", "- id:\n", 1, 6, "empty value"},
		{"bad category", "- id: a\n  category: Cell Types\n", 2, 13, "category"},
		{"sources not a sequence", "- id: a\n  sources: MeSH\n", 2, 12, "want a sequence"},
		{"external bad scheme", "- id: a\n  external: {MeSH: D1}\n", 2, 14, "bad scheme"},
		{"comment", "- id: a\n  # reviewed\n  status: approved\n", 2, 3, "comment"},
		{"line comment", "- id: a # the id\n", 1, 9, "comment"},
		{"head comment", "# glossary\n- id: a\n", 1, 1, "comment"},
		{"only a comment", "\n  # nothing yet\n", 2, 3, "comment"},
		{"alias", "- id: a\n  category: &c cell\n- id: b\n  category: *c\n", 2, 13, "anchor"},
		{"tag", "- id: a\n  category: !!binary Y2VsbA==\n", 2, 13, "explicit YAML tag"},
		{"two documents", "- id: a\n---\n- id: b\n", 2, 1, "more than one YAML document"},
		{"syntax", "- id: a\n  terms: {en: [x\n", 2, 0, "YAML syntax"},
		{"tab indent", "- id: a\n\tstatus: approved\n", 2, 0, "YAML syntax"},
		{"invalid utf-8", "- id: a\n  category: \xff\n", 2, 13, "invalid UTF-8"},
		{"binary", "- id: a\x00\n", 1, 8, "binary file"},
		{"utf-16", "\xff\xfe-\x00", 1, 1, "UTF-16"},
		{"concept is a list", "- [a, b]\n", 1, 3, "want a mapping"},
		{"term is a list", "- id: a\n  terms:\n    en:\n      - [x]\n", 4, 9, "want a term"},
		{"definition not a string", "- id: a\n  definition:\n    en: [x]\n", 3, 9, "want a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := parseFile("f.yaml", "f.yaml", []byte(tt.src))
			if len(errs) == 0 {
				t.Fatalf("parse(%q): no error; want %q", tt.src, tt.want)
			}
			e := errs[0]
			if e.File != "f.yaml" || e.Line != tt.line || e.Col != tt.col || !strings.Contains(e.Error(), tt.want) {
				t.Errorf("parse(%q) = %v (at %d:%d); want %q at %d:%d", tt.src, e, e.Line, e.Col, tt.want, tt.line, tt.col)
			}
			if !strings.HasPrefix(e.Error(), "terms: f.yaml:") {
				t.Errorf("error %q does not start with terms: f.yaml:", e)
			}
		})
	}
}

func TestParseValues(t *testing.T) {
	src := `- id: a
  category: cell
  status: approved
  external: {mesh: D000001}
  definition:
    en: A cell.
  note:
    zh-Hant: 註。
  sources: [S1, S2]
  terms:
    zh-Hans:
      - 间充质干细胞
      - {text: 间叶系干细胞, status: admitted, type: variant, note: literal}
    en:
      - {text: mesenchymal stem cell, plural: mesenchymal stem cells}
      - {text: MSC, status: admitted, type: abbreviation, plural: MSCs}
- id: b
  terms:
    en:
      - 123
      - text: null
`
	es, errs := parseFile("f.yaml", "f.yaml", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if len(es) != 2 {
		t.Fatalf("got %d concepts; want 2", len(es))
	}
	c := es[0].c
	if c.ID != "a" || c.Category != "cell" || c.Status != Approved || c.External["mesh"] != "D000001" ||
		c.Definitions[English] != "A cell." || c.Notes[TraditionalChinese] != "註。" || strings.Join(c.Sources, "|") != "S1|S2" {
		t.Errorf("concept a = %+v", c)
	}
	zh := c.Terms[language.SimplifiedChinese]
	if len(zh) != 2 || zh[0] != (Term{Text: "间充质干细胞"}) || zh[1] != (Term{Text: "间叶系干细胞", Status: Admitted, Type: Variant, Note: "literal"}) {
		t.Errorf("zh-Hans terms = %+v", zh)
	}
	en := c.Terms[English]
	if en[1] != (Term{Text: "MSC", Status: Admitted, Type: Abbreviation, Plural: "MSCs"}) {
		t.Errorf("en[1] = %+v", en[1])
	}
	if es[0].o.detailed(es[0].c).termPos[English][1] != (Position{"f.yaml", 16, 9}) {
		t.Errorf("position of MSC = %v; want f.yaml:16:9", es[0].o.detailed(es[0].c).termPos[English][1])
	}
	b := es[1].c
	if b.Status != Candidate {
		t.Errorf("missing status = %v; want candidate", b.Status)
	}
	if got := b.Terms[English]; len(got) != 2 || got[0].Text != "123" || got[1].Text != "" {
		t.Errorf("b terms = %+v; want 123 and an empty term", got)
	}
}

func TestParseConcepts(t *testing.T) {
	for _, src := range []string{
		`{"id": "synovium", "terms": {"ja": ["滑膜"], "en": [{"text": "synovium", "plural": "synovia"}]}}`,
		`[{"id": "synovium", "terms": {"ja": ["滑膜"], "en": [{"text": "synovium", "plural": "synovia"}]}}]`,
		"id: synovium\nterms:\n  ja: [滑膜]\n  en: [{text: synovium, plural: synovia}]\n",
	} {
		cs, err := ParseConcepts("<stdin>", []byte(src))
		if err != nil {
			t.Fatalf("ParseConcepts(%q): %v", src, err)
		}
		if len(cs) != 1 || cs[0].ID != "synovium" || cs[0].Terms[English][0].Plural != "synovia" {
			t.Errorf("ParseConcepts(%q) = %+v", src, cs)
		}
	}
	_, err := ParseConcepts("<stdin>", []byte(`{"id": "x",
 "terms": {"en": [{"txt": "a"}]}}`))
	if pe, ok := err.(*ParseError); !ok || pe.File != "<stdin>" || pe.Line != 2 {
		t.Errorf("ParseConcepts(bad) = %v; want a ParseError at <stdin>:2", err)
	}
}
