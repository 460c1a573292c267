// Package ja tokenizes Japanese text with kagome v2 and the IPA dictionary
// (github.com/ikawaha/kagome-dict/ipa), behind the tokenize.Tokenizer
// interface. It is the only package that links kagome and its dictionary.
//
// # Use
//
//	t, err := ja.New(ja.UserWords([]string{"間葉系幹細胞", "抗CCP抗体"}))
//	toks := t.Tokenize("間葉系幹細胞を投与した")
//	// 間葉系幹細胞 (user word) / を / 投与 / し / た
//
// Tokens carry byte offsets into the text, the base form (する for the し
// of 投与した), and the IPA part of speech without kagome's "*" placeholders
// (名詞,サ変接続). White space makes no tokens. POS slices are shared
// between tokens (one per distinct part of speech, built once), so tokens
// cost no allocation of their own: do not modify them.
//
// # User words
//
// UserWords builds a kagome user dictionary, so glossary terms such as
// 間葉系幹細胞 or 全身性エリテマトーデス come out as single tokens, tagged
// 名詞,固有名詞 and Token.User. Kagome consults the user dictionary first and
// skips the system dictionary where a user entry matches, so a user word
// also blocks longer system words starting at the same character (user word
// 血小 makes kagome cut 血小板 into 血小 + 板). Tokenize undoes this: where a
// system word longer than a user token starts with it and ends at a token
// boundary, the tokens are merged back into the system word (Token.User
// false), which keeps the user word unsplit inside it.
//
// # ASCII punctuation
//
// The IPA dictionary's unknown-word rules group ASCII symbols into runs
// tagged as nouns: "),"  is one 名詞,サ変接続 token, "(" another. Tokenize
// splits such tokens into one 記号 token per character (括弧開, 括弧閉, 読点,
// 句点, 一般) and joins decimal numbers kagome cut at the point (12 . 5 →
// 12.5, 名詞,数). Latin words are not expected here: tokenize.Analyzer gives
// them to its rule-based Latin tokenizer.
//
// # Performance
//
// The dictionary is loaded once per process (about 0.5 s, on first New),
// without the contents of its known words (readings, inflections: 3.5
// million strings); their base forms come from data/base.txt.gz, a table
// generated from the full dictionary (see data/README.md). See
// docs/tokenize.md for benchmarks against raw kagome.
package ja
