package align_test

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms/align"
)

func Example() {
	// Two tiny dictionaries in EDICT and CC-CEDICT format: the English
	// pivot.
	d := align.NewDictionary()
	d.Read(strings.NewReader("間葉 [かんよう] /(n) mesenchyme/\n関節リウマチ [かんせつリウマチ] /(n) (med) rheumatoid arthritis/\n"), "edict", align.AutoFormat)
	d.Read(strings.NewReader("間充質 间充质 [jian1 chong1 zhi4] /mesenchyme/\n類風濕關節炎 类风湿关节炎 [lei4 feng1 shi1 guan1 jie2 yan2] /rheumatoid arthritis/\n"), "cedict", align.AutoFormat)

	a, err := align.New(align.WithDictionary(d))
	if err != nil {
		panic(err)
	}
	ja := []align.Term{{Text: "間葉系幹細胞", Lang: language.Japanese}, {Text: "関節リウマチ", Lang: language.Japanese}, {Text: "滑膜炎", Lang: language.Japanese}}
	zh := []align.Term{{Text: "滑膜炎", Lang: language.SimplifiedChinese}, {Text: "类风湿关节炎", Lang: language.SimplifiedChinese}, {Text: "间充质干细胞", Lang: language.SimplifiedChinese}}
	for _, l := range a.AlignLists(ja, zh) {
		fmt.Printf("%s → %s %.2f %s\n", l.Source.Text, l.Target.Text, l.Score, l.Route)
		for _, p := range l.Evidence[0].Parts {
			fmt.Printf("  %s = %s (%s)\n", p.Source, p.Target, p.Route)
		}
	}
	// Output:
	// 滑膜炎 → 滑膜炎 1.00 cognate
	// 関節リウマチ → 类风湿关节炎 0.95 dictionary
	// 間葉系幹細胞 → 间充质干细胞 0.83 compositional
	//   幹細胞 = 干细胞 (cognate)
	//   間葉 = 间充质 (dictionary)
}

func ExampleIndex_Rank() {
	a, _ := align.New()
	ix := a.NewIndex([]align.Term{{Text: "间叶系干细胞", Lang: language.SimplifiedChinese}, {Text: "关节", Lang: language.SimplifiedChinese}})
	for _, l := range ix.Rank(align.Term{Text: "間葉系幹細胞", Lang: language.Japanese}, 1) {
		fmt.Println(l.Target.Text, l.Route, l.Evidence[0].Detail)
	}
	// Output:
	// 间叶系干细胞 cognate folds to 间叶系干细胞
}

func ExampleMatchesAbbreviation() {
	fmt.Println(align.MatchesAbbreviation("MSCs", "mesenchymal stem cells"))
	fmt.Println(align.MatchesAbbreviation("RA", "systemic lupus erythematosus"))
	// Output:
	// true
	// false
}
