package ja_test

import (
	"fmt"
	"strings"

	"github.com/medterm/glossary/tokenize/ja"
)

func ExampleNew() {
	t, err := ja.New(ja.UserWords([]string{"間葉系幹細胞"}))
	if err != nil {
		panic(err)
	}
	for _, tok := range t.Tokenize("間葉系幹細胞を投与した(2回)") {
		fmt.Println(tok.Surface, tok.Base, strings.Join(tok.POS, ","), tok.Start, tok.End, tok.User)
	}
	// Output:
	// 間葉系幹細胞 間葉系幹細胞 名詞,固有名詞 0 18 true
	// を を 助詞,格助詞,一般 18 21 false
	// 投与 投与 名詞,サ変接続 21 27 false
	// し する 動詞,自立 27 30 false
	// た た 助動詞 30 33 false
	// ( ( 記号,括弧開 33 34 false
	// 2 2 名詞,数 34 35 false
	// 回 回 名詞,接尾,助数詞 35 38 false
	// ) ) 記号,括弧閉 38 39 false
}
