package tokenize

import "golang.org/x/text/language"

// Languages a run or token can carry. Latin-script runs (English words,
// abbreviations such as MSC or TNF-α) are tagged English.
var (
	Japanese           = language.Japanese
	SimplifiedChinese  = language.SimplifiedChinese  // zh-Hans
	TraditionalChinese = language.TraditionalChinese // zh-Hant
	English            = language.English
)

// Token is one unit of text with its position in the original (decoded,
// not normalized) text: Text[Start:End] == Surface.
type Token struct {
	Surface string       // exactly the original bytes at Start:End
	Start   int          // byte offset into the decoded original text
	End     int          // byte offset just past the token
	Norm    string       // normalized form for matching (see Normalize)
	Base    string       // dictionary (base) form; Surface when the engine has none
	POS     []string     // part of speech, most general first (kagome: 名詞,一般; gse: n)
	Lang    language.Tag // language of the run the token came from
	User    bool         // the token is a user word (glossary term) injected into the engine
}

// Tokenizer splits the text of one language run into tokens. Offsets in the
// returned tokens are relative to text. Implementations live in
// sub-packages (tokenize/ja, tokenize/zh) so that packages that only need
// normalization never link a dictionary.
type Tokenizer interface {
	Tokenize(text string) []Token
}

// Appender is implemented by tokenizers that append the tokens of text to
// dst (offsets relative to text) instead of returning a new slice: the
// Analyzer then tokenizes a whole chunk into one slice.
type Appender interface {
	AppendTokens(dst []Token, text string) []Token
}
