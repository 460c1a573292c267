package locales_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/medterm/glossary/locales"
	"github.com/medterm/glossary/terms"
	"golang.org/x/text/language"
)

func exampleGlossary() *terms.Glossary {
	g, err := terms.New(&terms.Concept{
		ID:       "mesenchymal-stem-cell",
		Category: "cell",
		Status:   terms.Approved,
		Terms: map[language.Tag][]terms.Term{
			language.Japanese:          {{Text: "間葉系幹細胞"}},
			language.SimplifiedChinese: {{Text: "间充质干细胞"}, {Text: "间叶系干细胞", Status: terms.Forbidden}},
			language.English:           {{Text: "mesenchymal stem cell", Plural: "mesenchymal stem cells"}},
		},
	})
	if err != nil {
		panic(err)
	}
	return g
}

// Build a catalog and write its go-i18n TOML files: one active file per
// language, and a translate file for zh-Hant, which lacks the term.
func ExampleBuild() {
	cat, err := locales.Build(exampleGlossary(), locales.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range cat.GoI18nFiles(locales.TOML) {
		fmt.Printf("== %s\n%s", f.Path, f.Data)
	}
	// Output:
	// == active.ja.toml
	// [mesenchymal-stem-cell]
	// description = "cell"
	// hash = "sha1-107c9aef912dc5891ddf337c8f305daeae7b506b"
	// other = "間葉系幹細胞"
	// == active.zh-Hans.toml
	// [mesenchymal-stem-cell]
	// description = "cell"
	// hash = "sha1-107c9aef912dc5891ddf337c8f305daeae7b506b"
	// other = "间充质干细胞"
	// == active.zh-Hant.toml
	// == active.en.toml
	// [mesenchymal-stem-cell]
	// description = "cell"
	// one = "mesenchymal stem cell"
	// other = "mesenchymal stem cells"
	// == translate.zh-Hant.toml
	// [mesenchymal-stem-cell]
	// description = "cell"
	// hash = "sha1-107c9aef912dc5891ddf337c8f305daeae7b506b"
	// other = "mesenchymal stem cells"
}

// A translator fills in the translate file; the import takes real
// translations only.
func ExampleImportTranslations() {
	g := exampleGlossary()
	filled := `[mesenchymal-stem-cell]
description = "cell"
hash = "sha1-107c9aef912dc5891ddf337c8f305daeae7b506b"
other = "間質幹細胞"
`
	tag, msgs, err := locales.ReadMessageFile("translate.zh-Hant.toml", []byte(filled))
	if err != nil {
		fmt.Println(err)
		return
	}
	r := locales.ImportTranslations(g, tag, msgs, locales.Options{}, "translate.zh-Hant.toml")
	for _, a := range r.Added {
		fmt.Println(a.ConceptID, a.Lang, a.Term.Text)
	}
	c, _ := g.Concept("mesenchymal-stem-cell")
	fmt.Println(c.Status == terms.Candidate)
	// Output:
	// mesenchymal-stem-cell zh-Hant 間質幹細胞
	// true
}

// Export for a CAT tool: forbidden terms keep their status, and cells a
// spreadsheet would evaluate are neutralized.
func ExampleWriteCSV() {
	m, _ := locales.NewMapping("crowdin", []language.Tag{language.SimplifiedChinese, language.English})
	locales.WriteCSV(os.Stdout, exampleGlossary().Concepts(), m, locales.CSVOptions{})
	fmt.Println(locales.Neutralize("=1+1"), locales.Unneutralize("'=1+1"))
	// Output:
	// id,conceptSubject,term_zh-CN,description_zh-CN,status_zh-CN,type_zh-CN,note_zh-CN,term_en,description_en,status_en,type_en,note_en
	// mesenchymal-stem-cell,cell,间充质干细胞,,preferred,full form,,mesenchymal stem cell,,preferred,full form,
	// mesenchymal-stem-cell,,间叶系干细胞,,not recommended,full form,,,,,,
	// '=1+1 =1+1
}

func ExampleWriteTBX() {
	var b strings.Builder
	locales.WriteTBX(&b, exampleGlossary().Concepts())
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.Contains(l, "<term>") || strings.Contains(l, "Status") {
			fmt.Println(strings.TrimSpace(l))
		}
	}
	// Output:
	// <term>間葉系幹細胞</term>
	// <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
	// <term>间充质干细胞</term>
	// <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
	// <term>间叶系干细胞</term>
	// <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
	// <term>mesenchymal stem cell</term>
	// <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
}
