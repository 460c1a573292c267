package locales

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medterm/glossary/terms"
	"golang.org/x/text/language"
)

// copyGlossary copies testdata/glossary into a temporary directory.
func copyGlossary(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	ents, err := os.ReadDir("testdata/glossary")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join("testdata/glossary", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// allTerms lists every term of a glossary as "id lang text status type plural note".
func allTerms(g *terms.Glossary) map[string]bool {
	out := map[string]bool{}
	for _, c := range g.Concepts() {
		for lang, ts := range c.Terms {
			for _, t := range ts {
				out[strings.Join([]string{c.ID, lang.String(), t.Text, statusName(t.Status), typeName(t.Type), t.Plural, t.Note}, "|")] = true
			}
		}
	}
	return out
}

func TestImportTranslations(t *testing.T) {
	dir := copyGlossary(t)
	g, err := terms.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	before := allTerms(g)
	c, err := Build(g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range allFormats {
		t.Run(f.String(), func(t *testing.T) {
			var tr File
			for _, file := range c.GoI18nFiles(f) {
				if file.Path == TranslateName(language.TraditionalChinese, f) {
					tr = file
				}
			}
			if tr.Path == "" {
				t.Fatal("no zh-Hant translate file")
			}
			// An untouched file adds nothing.
			tag, ms, err := ReadMessageFile(tr.Path, tr.Data)
			if err != nil {
				t.Fatal(err)
			}
			g2, _ := terms.Load(dir)
			if r := ImportTranslations(g2, tag, ms, Options{}, tr.Path); len(r.Added) != 0 || len(r.Skipped) != len(ms) {
				t.Errorf("untouched file: added %v, skipped %d of %d", r.Added, len(r.Skipped), len(ms))
			}
		})
	}
	// Fill in one entry (TOML, as a translator would), leave the others.
	var tr File
	for _, file := range c.GoI18nFiles(TOML) {
		if file.Path == "translate.zh-Hant.toml" {
			tr = file
		}
	}
	filled := strings.Replace(string(tr.Data), `other = "tumor necrosis factor alpha"`, `other = "腫瘤壞死因子α"`, 1)
	filled = strings.Replace(filled, `other = "synovial fluid"`, `other = "滑液"`, 1)
	// synovial-fluid's hash is made stale: its source changed since.
	filled = strings.Replace(filled, `hash = "sha1-5706159925e44d204a03714cbb14ffe550a2acea"`, `hash = "sha1-0000"`, 1)
	if filled == string(tr.Data) {
		t.Fatal("fixture edit did not apply")
	}
	tag, ms, err := ReadMessageFile("translate.zh-Hant.toml", []byte(filled))
	if err != nil {
		t.Fatal(err)
	}
	r := ImportTranslations(g, tag, ms, Options{}, "translate.zh-Hant.toml")
	if len(r.Added) != 1 || r.Added[0].ConceptID != "tnf-alpha" || r.Added[0].Term.Text != "腫瘤壞死因子α" || r.Added[0].Term.Status != terms.Preferred {
		t.Fatalf("added %+v; want tnf-alpha 腫瘤壞死因子α preferred", r.Added)
	}
	reasons := map[string]string{}
	for _, s := range r.Skipped {
		reasons[s.ID] = s.Reason
	}
	for id, want := range map[string]string{"das28": "untouched", "suffix-itis": "untouched", "synovial-fluid": "hash differs"} {
		if !strings.Contains(reasons[id], want) {
			t.Errorf("skip reason for %s = %q; want %q", id, reasons[id], want)
		}
	}
	if con, _ := g.Concept("tnf-alpha"); con.Status != terms.Candidate {
		t.Errorf("tnf-alpha status = %v; want candidate", con.Status)
	}
	// Save and reload: nothing lost, one term more.
	if err := g.Save(dir); err != nil {
		t.Fatal(err)
	}
	g3, err := terms.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	after := allTerms(g3)
	for k := range before {
		if !after[k] {
			t.Errorf("term lost by the import: %s", k)
		}
	}
	if len(after) != len(before)+1 {
		t.Errorf("%d terms after import; want %d", len(after), len(before)+1)
	}
	// The rebuilt bundle has the translation and no longer asks for it.
	c2, err := Build(g3, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range c2.Missing[language.TraditionalChinese] {
		if m.ID == "tnf-alpha" {
			t.Error("tnf-alpha still missing in zh-Hant after import")
		}
	}
}

func TestImportRejects(t *testing.T) {
	g := fixture(t)
	tests := []struct {
		name   string
		lang   language.Tag
		m      Message
		reason string
	}{
		{"unknown", language.TraditionalChinese, Message{ID: "no-such", Other: "x"}, "no such concept"},
		{"forbidden", language.SimplifiedChinese, Message{ID: "mesenchymal-stem-cell", Other: "间叶系干细胞"}, "forbidden"},
		{"existing", language.Japanese, Message{ID: "mesenchymal-stem-cell", Other: "間葉系幹細胞"}, "already"},
		{"empty", language.Japanese, Message{ID: "das28", Other: " "}, "empty"},
		{"plural source", language.Japanese, Message{ID: "mesenchymal-stem-cell", Other: "mesenchymal stem cells"}, "untouched"},
		{"prefix", language.Japanese, Message{ID: "das28", Other: "x"}, "prefix"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := Options{}
			if tt.name == "prefix" {
				opt.IDPrefix = "term."
			}
			r := ImportTranslations(g, tt.lang, []Message{tt.m}, opt, "f")
			if len(r.Added) != 0 || len(r.Skipped) != 1 || !strings.Contains(r.Skipped[0].Reason, tt.reason) {
				t.Errorf("added %v skipped %v; want a skip for %q", r.Added, r.Skipped, tt.reason)
			}
		})
	}
}

func TestReadMessageFileErrors(t *testing.T) {
	for _, tt := range []struct{ name, data string }{
		{"translate.toml", "[a]\nother = \"x\"\n"},   // no language in the name
		{"translate.ja.toml", "[a\nother = \"x\"\n"}, // bad TOML
		{"translate.ja.json", `{"a": {"other": 1}}`}, // not a string
		{"translate.ja.xml", "<a/>"},                 // unknown format
	} {
		if _, _, err := ReadMessageFile(tt.name, []byte(tt.data)); err == nil {
			t.Errorf("ReadMessageFile(%s) succeeded; want an error", tt.name)
		}
	}
}

func TestMerge(t *testing.T) {
	g := fixture(t)
	before := allTerms(g)
	in := []*terms.Concept{
		{ID: "rheumatoid-arthritis", Category: "joint", Terms: map[language.Tag][]terms.Term{
			language.English: {{Text: "rheumatoid arthritis", Status: terms.Admitted}, {Text: "rheumatoid disease"}},
			language.Korean:  {{Text: "류마티스 관절염"}},
		}},
		{ID: "new-concept", Category: "cell", Terms: map[language.Tag][]terms.Term{language.English: {{Text: "new cell"}}}},
	}
	r, err := Merge(g, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.NewConcepts) != 1 || len(r.Added) != 2 || len(r.Conflicts) != 2 {
		t.Errorf("report %+v; want 1 new concept, 2 added terms, 2 conflicts", r)
	}
	after := allTerms(g)
	for k := range before {
		if !after[k] {
			t.Errorf("lost %s", k)
		}
	}
	c, _ := g.Concept("rheumatoid-arthritis")
	if c.Category != "disease" || c.Status != terms.Candidate {
		t.Errorf("category %q status %v; want disease, candidate", c.Category, c.Status)
	}
	if ts := c.Terms[language.English]; ts[len(ts)-1].Status != terms.Admitted {
		t.Errorf("a second preferred term came in as %v; want admitted", ts[len(ts)-1].Status)
	}
	if _, ok := g.Concept("new-concept"); !ok {
		t.Error("new concept not added")
	}
}

func TestImportRegionalFile(t *testing.T) {
	g := fixture(t)
	c, err := Build(g, Options{Langs: []language.Tag{language.MustParse("zh-TW"), language.MustParse("en-US")}, Source: language.MustParse("en-US")})
	if err != nil {
		t.Fatal(err)
	}
	var tr File
	for _, f := range c.GoI18nFiles(JSON) {
		if f.Path == "translate.zh-TW.json" {
			tr = f
		}
	}
	filled := strings.Replace(string(tr.Data), `"other": "tumor necrosis factor alpha"`, `"other": "腫瘤壞死因子α"`, 1)
	tag, ms, err := ReadMessageFile(tr.Path, []byte(filled))
	if err != nil {
		t.Fatal(err)
	}
	r := ImportTranslations(g, tag, ms, Options{Source: language.MustParse("en-US")}, tr.Path)
	if len(r.Added) != 1 || r.Added[0].Lang != language.TraditionalChinese {
		t.Errorf("added %+v; want one zh-Hant term", r.Added)
	}
}
