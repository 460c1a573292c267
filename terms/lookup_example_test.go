package terms_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
)

func exampleGlossary() *terms.Glossary {
	g, err := terms.New(&terms.Concept{
		ID:       "mesenchymal-stem-cell",
		Category: "cell",
		Terms: map[language.Tag][]terms.Term{
			terms.Japanese:           {{Text: "間葉系幹細胞"}},
			terms.SimplifiedChinese:  {{Text: "间充质干细胞"}, {Text: "间叶系干细胞", Status: terms.Admitted, Type: terms.Variant}},
			terms.TraditionalChinese: {{Text: "間質幹細胞"}},
			terms.English:            {{Text: "mesenchymal stem cell"}, {Text: "MSC", Status: terms.Admitted, Type: terms.Abbreviation}},
		},
	}, &terms.Concept{
		ID:       "rheumatoid-arthritis",
		Category: "disease",
		Terms: map[language.Tag][]terms.Term{
			terms.Japanese:          {{Text: "関節リウマチ"}},
			terms.SimplifiedChinese: {{Text: "类风湿关节炎"}},
			terms.English:           {{Text: "rheumatoid arthritis"}, {Text: "RA", Status: terms.Admitted, Type: terms.Abbreviation}},
		},
	})
	if err != nil {
		panic(err)
	}
	return g
}

func ExampleIndex_Lookup() {
	x := terms.NewIndex(exampleGlossary())
	for _, q := range []string{"間葉系幹細胞", "ＭＳＣｓ", "間充質幹細胞", "かんせつリウマチ", "间充质", "Messenchymal StemCell"} {
		ms := x.Lookup(q)
		if len(ms) == 0 {
			fmt.Println(q, "→ no match")
			continue
		}
		m := ms[0]
		fmt.Printf("%s → %s (%s, %s %s)\n", q, m.Concept.ID, m.Rung, m.Lang, m.Term.Text)
	}
	// Output:
	// 間葉系幹細胞 → mesenchymal-stem-cell (exact, ja 間葉系幹細胞)
	// ＭＳＣｓ → mesenchymal-stem-cell (normalized, en MSC)
	// 間充質幹細胞 → mesenchymal-stem-cell (han-folded, zh-Hans 间充质干细胞)
	// かんせつリウマチ → rheumatoid-arthritis (kana-folded, ja 関節リウマチ)
	// 间充质 → mesenchymal-stem-cell (prefix, zh-Hans 间充质干细胞)
	// Messenchymal StemCell → mesenchymal-stem-cell (fuzzy, en mesenchymal stem cell)
}

func ExampleIndex_Scan() {
	x := terms.NewIndex(exampleGlossary())
	text := "関節リウマチ(RA)に対するＭＳＣｓの投与。间充质干细胞治疗类风湿关节炎。"
	for _, h := range x.Scan(text) {
		fmt.Printf("%d-%d %s %s %s\n", h.Start, h.End, h.Text, h.Lang, h.ConceptID)
	}
	// Output:
	// 0-18 関節リウマチ ja rheumatoid-arthritis
	// 19-21 RA en rheumatoid-arthritis
	// 34-46 ＭＳＣｓ en mesenchymal-stem-cell
	// 58-76 间充质干细胞 zh-Hans mesenchymal-stem-cell
	// 82-100 类风湿关节炎 zh-Hans rheumatoid-arthritis
}
