package locales

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/medterm/glossary/terms"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

func TestI18next(t *testing.T) {
	c := buildFixture(t, Options{Abbreviations: true})
	files, err := c.I18nextFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		golden(t, "i18next/"+f.Path, f.Data)
		var res map[string]string
		if err := json.Unmarshal(f.Data, &res); err != nil {
			t.Fatalf("%s is not a flat JSON object of strings: %v", f.Path, err)
		}
		if f.Path == "en/translation.json" {
			for k, want := range map[string]string{
				"mesenchymal-stem-cell":            "mesenchymal stem cell",
				"mesenchymal-stem-cell_one":        "mesenchymal stem cell",
				"mesenchymal-stem-cell_other":      "mesenchymal stem cells",
				"mesenchymal-stem-cell_abbr_other": "MSCs",
				"rheumatoid-arthritis":             "rheumatoid arthritis",
			} {
				if res[k] != want {
					t.Errorf("%s[%q] = %q; want %q", f.Path, k, res[k], want)
				}
			}
		}
		if f.Path == "ja/translation.json" {
			if _, ok := res["mesenchymal-stem-cell_one"]; ok {
				t.Error("ja has a _one key")
			}
		}
	}
	g, _ := terms.New(&terms.Concept{ID: "a", Terms: map[language.Tag][]terms.Term{language.English: {{Text: "x"}}}})
	c, _ = Build(g, Options{IDPrefix: "term."})
	if _, err := c.I18nextFiles(); err == nil {
		t.Error("I18nextFiles accepted an id with a key separator")
	}
}

// gotextFile is the JSON shape of golang.org/x/text/message/pipeline.Messages.
type gotextFile struct {
	Language string `json:"language"`
	Messages []struct {
		ID          string `json:"id"`
		Message     string `json:"message"`
		Translation string `json:"translation"`
		Comment     string `json:"comment"`
		Fuzzy       bool   `json:"fuzzy"`
	} `json:"messages"`
}

func TestGotext(t *testing.T) {
	c := buildFixture(t, Options{})
	b := catalog.NewBuilder()
	for _, f := range c.GotextFiles() {
		golden(t, "gotext/"+f.Path, f.Data)
		var gf gotextFile
		if err := json.Unmarshal(f.Data, &gf); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		tag, err := language.Parse(gf.Language)
		if err != nil || !strings.HasPrefix(f.Path, tag.String()+"/") {
			t.Fatalf("%s: language %q", f.Path, gf.Language)
		}
		for _, m := range gf.Messages {
			if m.Fuzzy {
				if m.Translation != "" {
					t.Errorf("%s %s: fuzzy with a translation", f.Path, m.ID)
				}
				continue
			}
			if err := b.SetString(tag, m.ID, m.Translation); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, tt := range []struct{ lang, id, want string }{
		{"ja", "mesenchymal-stem-cell", "間葉系幹細胞"},
		{"zh-Hant", "rheumatoid-arthritis", "類風濕性關節炎"},
		{"en", "mesenchymal-stem-cell", "mesenchymal stem cell"},
	} {
		p := message.NewPrinter(language.MustParse(tt.lang), message.Catalog(b))
		if got := p.Sprintf(tt.id); got != tt.want {
			t.Errorf("Sprintf(%s, %s) = %q; want %q", tt.lang, tt.id, got, tt.want)
		}
	}
}
