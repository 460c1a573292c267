package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// Parts of speech of Latin-run tokens (Token.POS[0]).
const (
	POSWord   = "word"   // an ordinary word: cells, therapy
	POSAbbrev = "abbrev" // an abbreviation or symbol-bearing name: MSC, TNF-α, DAS28, anti-dsDNA
	POSNumber = "number" // a number or quantity: 12.2, 84%, 1×10^6/kg
	POSSymbol = "symbol" // punctuation and symbols: ( , →
)

// latin tokenizes Latin-script runs by rules: words split at white space
// and at brackets, commas, semicolons, quotes, comparison signs and other
// hard punctuation; hyphens, slashes, dots, ×, ^ and + inside a word keep
// it whole (TNF-α, IL-1β, UC-MSCs, 1×10^6/kg, anti-dsDNA).
type latin struct{}

func (l latin) Tokenize(text string) []Token { return l.AppendTokens(nil, text) }

// The POS slices of Latin tokens, shared by all tokens (never modified).
var (
	posWord   = []string{POSWord}
	posAbbrev = []string{POSAbbrev}
	posNumber = []string{POSNumber}
	posSymbol = []string{POSSymbol}
)

func (latin) AppendTokens(toks []Token, text string) []Token {
	emit := func(s, e int) {
		if s >= e {
			return
		}
		surface := text[s:e]
		toks = append(toks, Token{Surface: surface, Start: s, End: e, Base: surface, POS: latinPOS(surface)})
	}
	start := -1
	flushWord := func(end int) {
		if start < 0 {
			return
		}
		s, e := start, end
		start = -1
		// A trailing full stop is punctuation unless the word is an
		// initialism (e.g., U.S.); a leading or trailing apostrophe or
		// hyphen-less dash is punctuation too.
		var tail []int
		for e > s {
			r, size := utf8.DecodeLastRuneInString(text[s:e])
			if r == '.' && !initialism(text[s:e]) || r == '\'' || r == '’' || r == ':' {
				tail = append(tail, e-size)
				e -= size
				continue
			}
			break
		}
		for s < e {
			r, size := utf8.DecodeRuneInString(text[s:e])
			if r == '\'' || r == '‘' || r == '.' && !startsNumber(text[s+size:e]) {
				emit(s, s+size)
				s += size
				continue
			}
			break
		}
		emit(s, e)
		for i := len(tail) - 1; i >= 0; i-- {
			_, size := utf8.DecodeRuneInString(text[tail[i]:])
			emit(tail[i], tail[i]+size)
		}
	}
	for i, r := range text {
		switch {
		case unicode.IsSpace(r):
			flushWord(i)
		case hardPunct(r):
			flushWord(i)
			_, size := utf8.DecodeRuneInString(text[i:])
			emit(i, i+size)
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flushWord(len(text))
	return toks
}

// hardPunct reports characters that are always tokens of their own.
func hardPunct(r rune) bool {
	switch r {
	case '(', ')', '[', ']', '{', '}', ',', ';', '"', '“', '”', '«', '»', '<', '>', '=', '!', '?',
		'≦', '≧', '≤', '≥', '→', '←', '↑', '↓', '&', '|', '*', '#', '@', '$':
		return true
	}
	return r > 0x2FFF && (classOf(r) == cCJKPunct || unicode.IsPunct(r))
}

func initialism(s string) bool {
	if len(s) < 4 {
		return false
	}
	for i, r := range s {
		if i%2 == 0 != unicode.IsLetter(r) || i%2 == 1 && r != '.' || r >= utf8.RuneSelf {
			return false
		}
	}
	return len(s)%2 == 0
}

func startsNumber(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// latinPOS classifies a Latin token: one of the shared POS slices.
func latinPOS(s string) []string {
	letters, upper, digits := 0, 0, 0
	first := true
	startsDigit, other := false, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
			if !unicode.Is(unicode.Latin, r) {
				other++ // Greek α, β
			}
		case unicode.IsDigit(r):
			digits++
			if first {
				startsDigit = true
			}
		}
		first = false
	}
	switch {
	case letters == 0 && digits == 0:
		return posSymbol
	case letters == 0 || startsDigit:
		return posNumber
	case upper >= 2 || digits > 0 || other > 0 || upper == 1 && letters == 1:
		return posAbbrev
	}
	return posWord
}
