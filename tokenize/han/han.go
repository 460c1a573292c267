package han

import (
	"sort"
	"strings"
	"unicode/utf8"
)

//go:generate go run gen.go

// char is one row of the generated table: a character, the character it
// folds to, and its classification.
type char struct {
	r, to rune
	flags uint8
}

const (
	simplified  = 1 << iota // simplified-only Chinese form
	traditional             // traditional-only Chinese form
	shinjitai               // Japanese-only form
	phraseStart             // first character of a phrase in phrases
)

// phrase is a Japanese phrase whose characters stand for other sources than
// the per-character default (弁膜 → 瓣膜, 弁護 → 辯護), with its folded form.
type phrase struct {
	from, to string
}

// minHan is below every character in the table (CJK radicals start at
// U+2E80); anything smaller never folds.
const minHan = 0x2E80

// bmp indexes the rows of chars by BMP character from minHan: 1 + the
// row's index, 0 for none (106 KB, built at init in a few microseconds).
var bmp = func() []uint16 {
	t := make([]uint16, 0x10000-minHan)
	for i, c := range chars {
		if c.r < 0x10000 {
			t[c.r-minHan] = uint16(i + 1)
		}
	}
	return t
}()

func lookup(r rune) (char, bool) {
	if r < minHan {
		return char{}, false
	}
	if r < 0x10000 {
		if i := bmp[r-minHan]; i != 0 {
			return chars[i-1], true
		}
		return char{}, false
	}
	i := sort.Search(len(chars), func(i int) bool { return chars[i].r >= r })
	if i < len(chars) && chars[i].r == r {
		return chars[i], true
	}
	return char{}, false
}

// Fold returns the folding key of s: every Han character replaced by its
// simplified Chinese form, reached through the Japanese shinjitai →
// traditional and traditional → simplified tables, so that the Japanese,
// traditional and simplified spellings of a word share one key:
//
//	Fold("間葉系幹細胞") == Fold("间叶系干细胞") == "间叶系干细胞"
//	Fold("関節") == Fold("關節") == Fold("关节") == "关节"
//
// Characters other than Han (kana, Latin, digits, punctuation) are kept as
// they are; callers normalize width and case first (see tokenize.Normalize).
// Fold is idempotent and never changes the number of characters, so rune
// offsets of the key match those of s. It returns s itself when nothing
// folds.
func Fold(s string) string {
	for i, r := range s {
		if r < minHan {
			continue
		}
		c, ok := lookup(r)
		if !ok {
			continue
		}
		if c.to != r || (c.flags&phraseStart != 0 && matchPhrase(s[i:]) >= 0) {
			return foldFrom(s, i)
		}
	}
	return s
}

func foldFrom(s string, start int) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:start])
	for i := start; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		c, ok := lookup(r)
		if !ok {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		if c.flags&phraseStart != 0 {
			if p := matchPhrase(s[i:]); p >= 0 {
				b.WriteString(phrases[p].to)
				i += len(phrases[p].from)
				continue
			}
		}
		b.WriteRune(c.to)
		i += n
	}
	return b.String()
}

// matchPhrase returns the index of the longest phrase s starts with, or -1.
func matchPhrase(s string) int {
	_, n := utf8.DecodeRuneInString(s)
	first := s[:n]
	lo := sort.Search(len(phrases), func(i int) bool { return phrases[i].from >= first })
	best := -1
	for i := lo; i < len(phrases) && strings.HasPrefix(phrases[i].from, first); i++ {
		if strings.HasPrefix(s, phrases[i].from) && (best < 0 || len(phrases[i].from) > len(phrases[best].from)) {
			best = i
		}
	}
	return best
}

// FoldRune returns the folding key of a single character (without the
// phrase rules of Fold).
func FoldRune(r rune) rune {
	if c, ok := lookup(r); ok {
		return c.to
	}
	return r
}

// Simplified reports whether r is a simplified-only Chinese form: simplified
// Chinese writes it, while traditional Chinese and Japanese write another
// character (关, 间, 药, 剂). Characters shared by simplified Chinese and
// Japanese shinjitai (会, 国, 体) are not simplified-only.
func Simplified(r rune) bool {
	c, ok := lookup(r)
	return ok && c.flags&simplified != 0
}

// Traditional reports whether r is a traditional-only Chinese form:
// simplified Chinese and Japanese write another character (關, 劑, 藥, 們).
// Traditional forms that everyday Japanese also writes (間, 節, 葉, 幹: JIS
// X 0208 level 1) are not traditional-only.
func Traditional(r rune) bool {
	c, ok := lookup(r)
	return ok && c.flags&traditional != 0
}

// Shinjitai reports whether r is a Japanese-only form (関, 剤, 帯, 薬, 図):
// a shinjitai that is neither a simplified nor a traditional Chinese
// character (not in GB 2312 or Big5's common set, nor in the OpenCC
// simplified/traditional tables). Shinjitai shared with simplified Chinese
// (会, 国) are not Japanese-only.
func Shinjitai(r rune) bool {
	c, ok := lookup(r)
	return ok && c.flags&shinjitai != 0
}

// Class is the classification of a character as reported by Simplified,
// Traditional and Shinjitai, for callers that need all three at once.
type Class uint8

const (
	SimplifiedOnly  Class = simplified  // see Simplified
	TraditionalOnly Class = traditional // see Traditional
	JapaneseOnly    Class = shinjitai   // see Shinjitai
)

// Classify returns the class of r: SimplifiedOnly, TraditionalOnly,
// JapaneseOnly or 0 for a character shared by the writing systems (or not
// Han at all), with one table lookup.
func Classify(r rune) Class {
	c, _ := lookup(r)
	return Class(c.flags & (simplified | traditional | shinjitai))
}
