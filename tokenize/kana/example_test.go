package kana_test

import (
	"fmt"

	"github.com/medterm/glossary/tokenize/kana"
)

func ExampleFold() {
	fmt.Println(kana.Fold("リウマチ"))
	fmt.Println(kana.Fold("ｶﾝｾﾂﾘｳﾏﾁ"))
	fmt.Println(kana.Fold("ウィルス") == kana.Fold("ウイルス"))
	fmt.Println(kana.Fold("コンピューター") == kana.Fold("コンピュータ"))
	// Output:
	// りうまち
	// かんせつりうまち
	// true
	// true
}
