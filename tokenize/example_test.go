package tokenize_test

import (
	"fmt"
	"strings"

	"golang.org/x/text/encoding/japanese"

	"github.com/medterm/glossary/tokenize"
	"github.com/medterm/glossary/tokenize/ja"
	"github.com/medterm/glossary/tokenize/zh"
)

func ExampleDecode() {
	sjis, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte("関節リウマチの治療"))
	text, enc, err := tokenize.Decode(sjis, "notes.txt", "") // detect
	fmt.Println(text, enc, err)

	_, _, err = tokenize.Decode([]byte("MSC\x00\x01"), "scan.pdf", "")
	fmt.Println(err)
	// Output:
	// 関節リウマチの治療 shift_jis <nil>
	// tokenize: scan.pdf:1:4: byte 3: binary data, not text
}

func ExampleRuns() {
	text := "SLE的对症治疗\n関節炎と皮膚症状が改善した。\n間質幹細胞治療關節炎"
	for _, r := range tokenize.Runs(text) {
		fmt.Printf("%-8s %q\n", r.Lang, text[r.Start:r.End])
	}
	// Output:
	// en       "SLE"
	// zh-Hans  "的对症治疗\n"
	// ja       "関節炎と皮膚症状が改善した。\n"
	// zh-Hant  "間質幹細胞治療關節炎"
}

func ExampleAnalyzer() {
	words := []string{"間葉系幹細胞", "抗CCP抗体", "间充质干细胞"}
	jt, err := ja.New(ja.UserWords(words))
	if err != nil {
		panic(err)
	}
	zt, err := zh.New(zh.UserWords(words))
	if err != nil {
		panic(err)
	}
	a, err := tokenize.NewAnalyzer(
		tokenize.WithTokenizer(tokenize.Japanese, jt),
		tokenize.WithTokenizer(tokenize.SimplifiedChinese, zt), // serves zh-Hant too
		tokenize.UserWords(words),
	)
	if err != nil {
		panic(err)
	}
	for _, t := range a.Tokenize("抗CCP抗体陽性にTNF-α阻害薬。间充质干细胞(MSC)") {
		fmt.Printf("%s\t%s\t%s\t%d-%d\t%v\n", t.Surface, t.Norm, t.Lang, t.Start, t.End, t.User)
	}
	// Output:
	// 抗CCP抗体	抗ccp抗体	ja	0-12	true
	// 陽性	陽性	ja	12-18	false
	// に	に	ja	18-21	false
	// TNF-α	tnf-α	en	21-27	false
	// 阻害	阻害	ja	27-33	false
	// 薬	薬	ja	33-36	false
	// 。	。	ja	36-39	false
	// 间充质干细胞	间充质干细胞	zh-Hans	39-57	true
	// (	(	zh-Hans	57-58	false
	// MSC	msc	en	58-61	false
	// )	)	en	61-62	false
}

func ExampleWithLoader() {
	loads := 0
	a, err := tokenize.NewAnalyzer(tokenize.WithLoader(tokenize.SimplifiedChinese, func() (tokenize.Tokenizer, error) {
		loads++ // gse's dictionary would load here, once
		return zh.New()
	}))
	if err != nil {
		panic(err)
	}
	a.Tokenize("Mesenchymal stem cells (MSC)")
	fmt.Println("after English:", loads)
	var words []string
	for _, t := range a.Tokenize("间充质干细胞治疗") {
		words = append(words, t.Surface)
	}
	fmt.Println(strings.Join(words, "|"))
	fmt.Println("after Chinese:", loads, a.Err())
	// Output:
	// after English: 0
	// 间|充质|干细胞|治疗
	// after Chinese: 1 <nil>
}
