package zh_test

import (
	"fmt"

	"github.com/medterm/glossary/tokenize/zh"
)

func ExampleNew() {
	t, err := zh.New(zh.UserWords([]string{"间充质干细胞"}))
	if err != nil {
		panic(err)
	}
	for _, tok := range t.Tokenize("间充质干细胞治疗SLE患者") {
		fmt.Println(tok.Surface, tok.POS, tok.Start, tok.End, tok.User)
	}
	// Output:
	// 间充质干细胞 [n] 0 18 true
	// 治疗 [vn rare] 18 24 false
	// SLE [x] 24 27 false
	// 患者 [n] 27 33 false
}
