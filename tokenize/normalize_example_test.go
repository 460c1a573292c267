package tokenize_test

import (
	"fmt"

	"github.com/medterm/glossary/tokenize"
)

func ExampleNormalize() {
	fmt.Println(tokenize.Normalize("ＭＳＣ"))
	fmt.Println(tokenize.Normalize("TNF-Α"))
	fmt.Println(tokenize.Normalize("ｶﾝｾﾂﾘｳﾏﾁ"))
	// Output:
	// msc
	// tnf-α
	// カンセツリウマチ
}

func ExampleNormalizeOffsets() {
	text := "治療にＭＳＣを"
	norm, off := tokenize.NormalizeOffsets(text)
	fmt.Println(norm)
	i := len("治療に") // "msc" in the normalized text
	fmt.Println(text[off.Start(i):off.End(i+len("msc"))])
	// Output:
	// 治療にmscを
	// ＭＳＣ
}
