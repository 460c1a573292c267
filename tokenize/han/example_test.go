package han_test

import (
	"fmt"

	"github.com/medterm/glossary/tokenize/han"
)

func ExampleFold() {
	fmt.Println(han.Fold("間葉系幹細胞") == han.Fold("间叶系干细胞"))
	for _, s := range []string{"関節", "關節", "关节"} {
		fmt.Println(s, han.Fold(s))
	}
	// Output:
	// true
	// 関節 关节
	// 關節 关节
	// 关节 关节
}

func ExampleShinjitai() {
	for _, r := range "関關关中" {
		fmt.Printf("%c shinjitai=%v traditional=%v simplified=%v\n", r, han.Shinjitai(r), han.Traditional(r), han.Simplified(r))
	}
	// Output:
	// 関 shinjitai=true traditional=false simplified=false
	// 關 shinjitai=false traditional=true simplified=false
	// 关 shinjitai=false traditional=false simplified=true
	// 中 shinjitai=false traditional=false simplified=false
}
