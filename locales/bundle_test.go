package locales

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/medterm/glossary/terms"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	yaml "go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

var allFormats = []Format{TOML, JSON, YAML}

func buildFixture(t testing.TB, opt Options) *Catalog {
	t.Helper()
	c, err := Build(fixture(t), opt)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return c
}

func TestGoI18nGolden(t *testing.T) {
	c := buildFixture(t, Options{Abbreviations: true})
	for _, f := range allFormats {
		for _, file := range c.GoI18nFiles(f) {
			golden(t, "goi18n/"+file.Path, file.Data)
		}
	}
}

func newBundle() *i18n.Bundle {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	b.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	return b
}

// TestBundleLoads loads every active file with go-i18n's Bundle, checks the
// language go-i18n reads from its name, and localizes every message in ja,
// zh-Hans, zh-Hant, en and zh-TW (which must get zh-Hant).
func TestBundleLoads(t *testing.T) {
	c := buildFixture(t, Options{Abbreviations: true, IDPrefix: "term."})
	for _, f := range allFormats {
		t.Run(f.String(), func(t *testing.T) {
			b := newBundle()
			files := c.GoI18nFiles(f)
			for _, file := range files {
				if !strings.HasPrefix(file.Path, "active.") {
					continue
				}
				mf, err := b.ParseMessageFileBytes(file.Data, file.Path)
				if err != nil {
					t.Fatalf("go-i18n cannot load %s: %v", file.Path, err)
				}
				want := strings.Split(file.Path, ".")[1]
				if mf.Tag.String() != want {
					t.Errorf("go-i18n reads the language of %s as %q; want %q", file.Path, mf.Tag, want)
				}
			}
			check := func(asked, lang language.Tag) {
				loc := i18n.NewLocalizer(b, asked.String())
				for _, m := range c.Active[lang] {
					got, tag, err := loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: m.ID})
					if err != nil {
						t.Errorf("Localize(%s, %q): %v", asked, m.ID, err)
						continue
					}
					if got != m.Other || tag != lang {
						t.Errorf("Localize(%s, %q) = %q (%s); want %q (%s)", asked, m.ID, got, tag, m.Other, lang)
					}
					if m.One != "" {
						one, err := loc.Localize(&i18n.LocalizeConfig{MessageID: m.ID, PluralCount: 1})
						if err != nil || one != m.One {
							t.Errorf("Localize(%s, %q, 1) = %q, %v; want %q", asked, m.ID, one, err, m.One)
						}
					}
				}
			}
			for _, lang := range c.Langs {
				if len(c.Active[lang]) == 0 {
					t.Fatalf("no messages for %s", lang)
				}
				check(lang, lang)
			}
			check(language.MustParse("zh-TW"), language.TraditionalChinese)
		})
	}
}

func TestBundleContent(t *testing.T) {
	c := buildFixture(t, Options{Abbreviations: true})
	var all bytes.Buffer
	for _, f := range allFormats {
		for _, file := range c.GoI18nFiles(f) {
			if strings.HasPrefix(file.Path, "active.") {
				all.Write(file.Data)
			}
		}
	}
	// Deprecated and forbidden terms never appear.
	for _, bad := range []string{"间叶系干细胞", "慢性関節リウマチ", "+itis"} {
		if bytes.Contains(all.Bytes(), []byte(bad)) {
			t.Errorf("active files contain the deprecated or forbidden term %q", bad)
		}
	}
	find := func(lang language.Tag, id string) (Message, bool) {
		for _, m := range c.Active[lang] {
			if m.ID == id {
				return m, true
			}
		}
		return Message{}, false
	}
	tests := []struct {
		lang       language.Tag
		id         string
		one, other string
	}{
		{language.English, "mesenchymal-stem-cell", "mesenchymal stem cell", "mesenchymal stem cells"},
		{language.Japanese, "mesenchymal-stem-cell", "", "間葉系幹細胞"},
		{language.English, "mesenchymal-stem-cell_abbr", "MSC", "MSCs"},
		{language.Japanese, "mesenchymal-stem-cell_abbr", "", "MSC"}, // Latin abbreviation reused
		{language.English, "rheumatoid-arthritis", "", "rheumatoid arthritis"},
		{language.SimplifiedChinese, "tnf-alpha_abbr", "", "TNF-α"},
		{language.English, "das28", "", "DAS28"},
	}
	for _, tt := range tests {
		m, ok := find(tt.lang, tt.id)
		if !ok || m.One != tt.one || m.Other != tt.other {
			t.Errorf("message %s %s = %+v, %v; want one %q other %q", tt.lang, tt.id, m, ok, tt.one, tt.other)
		}
	}
	if m, _ := find(language.English, "mesenchymal-stem-cell"); !strings.HasPrefix(m.Description, "cell: Stromal cell") {
		t.Errorf("description = %q; want category and definition", m.Description)
	}
	// Missing: zh-Hant lacks tnf-alpha, das28 and synovial-fluid.
	var missing []string
	for _, m := range c.Missing[language.TraditionalChinese] {
		missing = append(missing, m.ID)
	}
	if got := strings.Join(missing, ","); got != "das28,suffix-itis,synovial-fluid,tnf-alpha" {
		t.Errorf("missing zh-Hant = %s", got)
	}
}

func TestBuildFilters(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
		want string // ids of the en messages
	}{
		{"approved", Options{Statuses: []terms.ConceptStatus{terms.Approved}}, "das28,mesenchymal-stem-cell,rheumatoid-arthritis,tnf-alpha"},
		{"category", Options{Categories: []string{"cell", "anatomy"}}, "mesenchymal-stem-cell,synovial-fluid"},
		{"prefix", Options{Categories: []string{"lab"}, IDPrefix: "term."}, "term.das28"},
		{"abbr", Options{Categories: []string{"disease"}, Abbreviations: true}, "rheumatoid-arthritis,rheumatoid-arthritis_abbr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := buildFixture(t, tt.opt)
			var ids []string
			for _, m := range c.Active[language.English] {
				ids = append(ids, m.ID)
			}
			if got := strings.Join(ids, ","); got != tt.want {
				t.Errorf("ids = %s; want %s", got, tt.want)
			}
		})
	}
}

func TestReservedIDs(t *testing.T) {
	con := &terms.Concept{ID: "other", Terms: map[language.Tag][]terms.Term{language.English: {{Text: "other"}}}}
	g, err := terms.New(con)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Build(g, Options{}); err == nil || !strings.Contains(err.Error(), "reserved") {
		t.Errorf("Build with id %q: err = %v; want a reserved-key error", con.ID, err)
	}
	c, err := Build(g, Options{IDPrefix: "term."})
	if err != nil {
		t.Fatalf("Build with prefix: %v", err)
	}
	b := newBundle()
	file := c.GoI18nFiles(TOML)[3]
	if _, err := b.ParseMessageFileBytes(file.Data, file.Path); err != nil {
		t.Fatal(err)
	}
	got, err := i18n.NewLocalizer(b, "en").Localize(&i18n.LocalizeConfig{MessageID: "term.other"})
	if err != nil || got != "other" {
		t.Errorf("Localize(term.other) = %q, %v", got, err)
	}
}

func TestDeterministic(t *testing.T) {
	a := buildFixture(t, Options{Abbreviations: true})
	b := buildFixture(t, Options{Abbreviations: true})
	for _, f := range allFormats {
		fa, fb := a.GoI18nFiles(f), b.GoI18nFiles(f)
		for i := range fa {
			if fa[i].Path != fb[i].Path || !bytes.Equal(fa[i].Data, fb[i].Data) {
				t.Errorf("%s differs between two builds", fa[i].Path)
			}
		}
	}
}

func TestWriteAndDiff(t *testing.T) {
	dir := t.TempDir()
	c := buildFixture(t, Options{})
	files := c.GoI18nFiles(JSON)
	stale := c.StaleTranslateFiles(JSON)
	if d, _ := Diff(dir, files, stale); len(d) != len(files) {
		t.Errorf("Diff on an empty dir = %v; want all %d files", d, len(files))
	}
	// A translate file of a language that no longer misses anything.
	if err := os.WriteFile(filepath.Join(dir, "translate.en.json"), []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFiles(dir, files, stale); err != nil {
		t.Fatal(err)
	}
	if d, err := Diff(dir, files, stale); err != nil || len(d) != 0 {
		t.Errorf("Diff after WriteFiles = %v, %v; want none", d, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "translate.en.json")); err == nil {
		t.Error("stale translate.en.json was not removed")
	}
	p := filepath.Join(dir, "active.ja.json")
	if err := os.WriteFile(p, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if d, _ := Diff(dir, files, stale); len(d) != 1 || d[0] != "active.ja.json" {
		t.Errorf("Diff after an edit = %v; want [active.ja.json]", d)
	}
}

// TestTranslateFileHash checks the translate files carry the hash goi18n
// merge computes from the source active file: SHA-1 of description+other.
func TestTranslateFileHash(t *testing.T) {
	c := buildFixture(t, Options{})
	for _, f := range allFormats {
		files := c.GoI18nFiles(f)
		var src []*i18n.Message
		for _, file := range files {
			if file.Path == ActiveName(language.English, f) {
				mf, err := i18n.ParseMessageFileBytes(file.Data, file.Path, unmarshalers)
				if err != nil {
					t.Fatal(err)
				}
				src = mf.Messages
			}
		}
		byID := map[string]*i18n.Message{}
		for _, m := range src {
			byID[m.ID] = m
		}
		n := 0
		for _, file := range files {
			if !strings.HasPrefix(file.Path, "translate.") {
				continue
			}
			tag, ms, err := ReadMessageFile(file.Path, file.Data)
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Missing[tag]) != len(ms) {
				t.Errorf("%s: %d messages; want %d", file.Path, len(ms), len(c.Missing[tag]))
			}
			for _, m := range ms {
				s := byID[m.ID]
				if s == nil {
					t.Errorf("%s: %q not in the source file", file.Path, m.ID)
					continue
				}
				if want := Hash(s.Description, s.Other); m.Hash != want || m.Other != s.Other {
					t.Errorf("%s %q: hash %s other %q; want %s %q", file.Path, m.ID, m.Hash, m.Other, want, s.Other)
				}
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s: no translate entries checked", f)
		}
	}
}

func TestLangNames(t *testing.T) {
	for _, s := range []string{"zh-hant", "ZH-HANS", "en", "ja", "pt-br", "sr-latn"} {
		tag := language.Make(s)
		name := ActiveName(tag, TOML)
		mf, err := i18n.ParseMessageFileBytes([]byte(""), name, unmarshalers)
		if err != nil {
			t.Fatal(err)
		}
		if mf.Tag != tag || mf.Tag == language.Und {
			t.Errorf("%s: go-i18n reads %q; want %q", name, mf.Tag, tag)
		}
	}
}

// TestRegionalTags bundles for an app's regional tags: zh-TW, zh-HK take
// the zh-Hant terms, zh-CN the zh-Hans ones, en-US and ja-JP theirs.
func TestRegionalTags(t *testing.T) {
	langs := []language.Tag{language.MustParse("ja-JP"), language.MustParse("zh-CN"), language.MustParse("zh-TW"), language.MustParse("zh-HK"), language.MustParse("en-US")}
	c := buildFixture(t, Options{Langs: langs, Source: language.MustParse("en")})
	want := map[string]string{"ja-JP": "関節リウマチ", "zh-CN": "类风湿关节炎", "zh-TW": "類風濕性關節炎", "zh-HK": "類風濕性關節炎", "en-US": "rheumatoid arthritis"}
	b := newBundle()
	for _, f := range c.GoI18nFiles(TOML) {
		mf, err := b.ParseMessageFileBytes(f.Data, f.Path)
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.Split(f.Path, ".")[1]; mf.Tag.String() != want {
			t.Errorf("%s read as %s", f.Path, mf.Tag)
		}
	}
	for tag, text := range want {
		got, err := i18n.NewLocalizer(b, tag).Localize(&i18n.LocalizeConfig{MessageID: "rheumatoid-arthritis"})
		if err != nil || got != text {
			t.Errorf("Localize(%s) = %q, %v; want %q", tag, got, err, text)
		}
	}
}
