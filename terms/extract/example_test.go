package extract_test

import (
	"fmt"

	"github.com/medterm/glossary/terms/extract"
)

func ExampleFindPairs() {
	text := "骨形成タンパク質（BMP）は骨芽細胞を誘導する。SDAI(簡易疾患活動性指数)も測った(2021)。"
	for _, p := range extract.FindPairs(text) {
		fmt.Printf("%s = %s [%s]\n", p.Short, p.Long, p.Pattern)
	}
	// Output:
	// BMP = 骨形成タンパク質 [LF(SF)]
	// SDAI = 簡易疾患活動性指数 [SF(LF)]
}
