package locales

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"github.com/medterm/glossary/terms"
	"golang.org/x/text/language"
)

func writeFixtureCSV(t testing.TB, preset string, opt CSVOptions) []byte {
	t.Helper()
	m, err := NewMapping(preset, CoreLanguages())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, fixture(t).Concepts(), m, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestCSVGolden(t *testing.T) {
	for _, tt := range []struct {
		name, preset string
		opt          CSVOptions
	}{
		{"glossary.csv", "glossary", CSVOptions{}},
		{"glossary.tsv", "glossary", CSVOptions{Comma: '\t'}},
		{"crowdin.csv", "crowdin", CSVOptions{}},
		{"memoq.csv", "memoq", CSVOptions{BOM: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, "csv/"+tt.name, writeFixtureCSV(t, tt.preset, tt.opt))
		})
	}
}

func TestCSVRoundTrip(t *testing.T) {
	want := fixture(t).Concepts()
	for _, comma := range []rune{',', '\t', ';'} {
		t.Run(string(comma), func(t *testing.T) {
			data := writeFixtureCSV(t, "glossary", CSVOptions{Comma: comma, BOM: comma == ';'})
			got, err := ReadCSV(bytes.NewReader(data), "fixture.csv", CSVReadOptions{Comma: comma})
			if err != nil {
				t.Fatal(err)
			}
			sameConcepts(t, want, got)
		})
	}
}

// TestCSVFormulas checks that no cell a spreadsheet would evaluate is
// written, and that the import restores the values.
func TestCSVFormulas(t *testing.T) {
	data := writeFixtureCSV(t, "glossary", CSVOptions{})
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		for _, cell := range rec {
			if needsQuote(cell) {
				t.Errorf("cell %q would run as a formula", cell)
			}
		}
	}
	if !bytes.Contains(data, []byte(`'-itis`)) || !bytes.Contains(data, []byte(`'=HYPERLINK`)) {
		t.Error("formula-like cells were not neutralized")
	}
}

func TestNeutralize(t *testing.T) {
	tests := []struct{ in, out string }{
		{"=1+1", "'=1+1"},
		{"+itis", "'+itis"},
		{"-itis", "'-itis"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"'=x", "''=x"},
		{"'plain", "'plain"},
		{"TNF-α", "TNF-α"},
		{"間葉系幹細胞", "間葉系幹細胞"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Neutralize(tt.in); got != tt.out {
			t.Errorf("Neutralize(%q) = %q; want %q", tt.in, got, tt.out)
		}
		if back := Unneutralize(tt.out); back != tt.in {
			t.Errorf("Unneutralize(%q) = %q; want %q", tt.out, back, tt.in)
		}
	}
}

func FuzzNeutralize(f *testing.F) {
	for _, s := range []string{"=x", "''-1", "間", "'", "@", "\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Neutralize(s)
		if needsQuote(n) {
			t.Errorf("Neutralize(%q) = %q still starts a formula", s, n)
		}
		if back := Unneutralize(n); back != s {
			t.Errorf("Unneutralize(Neutralize(%q)) = %q", s, back)
		}
	})
}

func TestCSVPresetsRead(t *testing.T) {
	for _, preset := range []string{"crowdin", "memoq"} {
		t.Run(preset, func(t *testing.T) {
			data := writeFixtureCSV(t, preset, CSVOptions{BOM: true})
			got, err := ReadCSV(bytes.NewReader(data), preset+".csv", CSVReadOptions{Preset: preset})
			if err != nil {
				t.Fatal(err)
			}
			want := fixture(t).Concepts()
			if len(got) != len(want) {
				t.Fatalf("%d concepts; want %d", len(got), len(want))
			}
			for i, c := range got {
				w := want[i]
				if c.ID != w.ID || c.Category != w.Category {
					t.Errorf("concept %s/%s; want %s/%s", c.ID, c.Category, w.ID, w.Category)
				}
				for lang, ts := range w.Terms {
					if len(c.Terms[lang]) != len(ts) {
						t.Errorf("%s %s: %d terms; want %d", w.ID, lang, len(c.Terms[lang]), len(ts))
						continue
					}
					for j := range ts {
						if g := c.Terms[lang][j]; g.Text != ts[j].Text || g.Status != ts[j].Status {
							t.Errorf("%s %s: term %q %v; want %q %v", w.ID, lang, g.Text, g.Status, ts[j].Text, ts[j].Status)
						}
					}
				}
			}
		})
	}
}

func TestCSVOverridesAndNoID(t *testing.T) {
	in := "English,Japanese,Comment\nsynovial fluid,滑液,x\n\"=rheumatoid, arthritis\",関節リウマチ,\nsynovial fluid,,\n"
	over, err := ParseColumnSpec("English=term:en, Japanese=term:ja")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadCSV(strings.NewReader(in), "tool.csv", CSVReadOptions{Overrides: over})
	if err != nil {
		t.Fatal(err)
	}
	want := []*terms.Concept{
		{ID: "synovial-fluid", Terms: map[language.Tag][]terms.Term{language.English: {{Text: "synovial fluid"}}, language.Japanese: {{Text: "滑液"}}}},
		{ID: "rheumatoid-arthritis", Terms: map[language.Tag][]terms.Term{language.English: {{Text: "=rheumatoid, arthritis"}}, language.Japanese: {{Text: "関節リウマチ"}}}},
		{ID: "synovial-fluid-2", Terms: map[language.Tag][]terms.Term{language.English: {{Text: "synovial fluid"}}}},
	}
	sameConcepts(t, want, got)
}

func TestCSVErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no term column", "id,category\na,b\n", "no term column"},
		{"bad status", "id,term_en,term_status_en\na,x,sometimes\n", "fixture.csv:2:"},
		{"bad quote", "id,term_en\na,\"x\n", "fixture.csv:2"},
		{"empty id", "id,term_en\n,x\n", "empty concept id"},
		{"status without term", "id,term_en,term_status_en\na,,admitted\n", "without a term"},
		{"two categories", "id,category,term_en\na,x,t\na,y,u\n", "second category"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(tt.in), "fixture.csv", CSVReadOptions{})
			var ce *CSVError
			if err == nil || !errors.As(err, &ce) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ReadCSV = %v; want a *CSVError with %q", err, tt.want)
			}
		})
	}
	if _, err := ParseColumnSpec("A=term"); err == nil {
		t.Error("ParseColumnSpec accepted a per-language field without a language")
	}
	if _, err := NewMapping("trados", nil); err == nil {
		t.Error("NewMapping accepted an unknown preset")
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add(string(writeFixtureCSV(f, "glossary", CSVOptions{})))
	f.Add("id,term_zh-Hant,plural_en\nx,間質,'=a\n")
	f.Fuzz(func(t *testing.T, in string) {
		cs, err := ReadCSV(strings.NewReader(in), "fuzz.csv", CSVReadOptions{})
		if err != nil || len(cs) == 0 {
			return
		}
		if len(langsOf(cs)) == 0 {
			return // concepts with ids only: no term column to write
		}
		m, err := NewMapping("glossary", langsOf(cs))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := WriteCSV(&b, cs, m, CSVOptions{}); err != nil {
			t.Fatalf("WriteCSV: %v", err)
		}
		if _, err := ReadCSV(&b, "again.csv", CSVReadOptions{Langs: langsOf(cs)}); err != nil {
			t.Fatalf("re-reading written CSV: %v", err)
		}
	})
}

func langsOf(cs []*terms.Concept) []language.Tag {
	seen := map[language.Tag]bool{}
	var out []language.Tag
	for _, c := range cs {
		for _, m := range []map[language.Tag]string{c.Definitions, c.Notes} {
			for l := range m {
				if !seen[l] {
					seen[l] = true
					out = append(out, l)
				}
			}
		}
		for l := range c.Terms {
			if !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
	}
	return out
}
