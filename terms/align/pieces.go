package align

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/tokenize"
	"github.com/medterm/glossary/tokenize/han"
)

// maxPiece is the longest substring (in runes) looked up as a part of a
// CJK term.
const maxPiece = 12

// maxRunes caps the terms the aligner decomposes; longer strings are
// matched as wholes only (coverage masks are 64-bit).
const maxRunes = 64

// sense kinds, the first byte of a sense key.
const (
	kindFold     = 'f' // han-folded characters (cognate)
	kindLatin    = 'l' // the same Latin token (MSC, TNF, IL-6) or digits
	kindGloss    = 'e' // an English gloss from a dictionary, or the English words themselves
	kindConc     = 'g' // a glossary concept id
	kindWord     = 'w' // a content word of the whole term's dictionary glosses (weak)
	kindTranslit = 't' // the consonant skeleton of a katakana word or an English word
	// kindDerived ('d', derive.go): a part pair mined from the glossary
)

// piece is a substring of a term with the senses it may carry.
type piece struct {
	start, end int // rune (CJK) or word (English) offsets
	units      int // weight of the piece: runes, or letters/4 for English words (at least 1 per word)
	senses     []string
}

// analysis is a term decomposed into pieces.
type analysis struct {
	text   string
	norm   string
	lang   language.Tag
	latin  bool // the term is written in Latin script (an English term or abbreviation)
	units  int
	pieces []piece
	whole  []string // senses of the whole term
}

// normalize is the matching form of a term: tokenize.Normalize (NFKC,
// width, lower case) with white space trimmed and collapsed to one space.
func normalize(s string) string {
	return strings.Join(strings.Fields(tokenize.Normalize(s)), " ")
}

func isLatinTerm(s string) bool {
	hasLetter := false
	for _, r := range s {
		if r >= 0x2E80 || unicode.In(r, unicode.Hiragana, unicode.Katakana) {
			return false
		}
		if unicode.IsLetter(r) {
			hasLetter = true
		}
	}
	return hasLetter
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// analyze decomposes a term into pieces and their senses.
func (a *Aligner) analyze(text string, lang language.Tag) *analysis {
	n := normalize(text)
	an := &analysis{text: text, norm: n, lang: lang}
	if isLatinTerm(n) {
		an.latin = true
		a.analyzeLatin(an)
	} else {
		a.analyzeCJK(an)
	}
	return an
}

func (a *Aligner) analyzeCJK(an *analysis) {
	runes := []rune(an.norm)
	folded := []rune(han.Fold(an.norm))
	if len(folded) != len(runes) { // Fold keeps the length; be safe anyway
		folded = runes
	}
	an.units = countUnits(runes)
	if len(runes) > maxRunes {
		an.whole = a.senses(an.lang, an.norm, string(folded), true)
		an.pieces = []piece{{start: 0, end: len(runes), units: an.units, senses: an.whole}}
		return
	}
	for i := 0; i < len(runes); i++ {
		if isSeparator(runes[i]) { // a piece never starts with a separator (countUnits gives it no weight)
			continue
		}
		for j := i + 1; j <= len(runes) && j-i <= maxPiece; j++ {
			if runes[j-1] == ' ' {
				break
			}
			whole := i == 0 && j == len(runes)
			if !whole && !latinBoundary(runes, i, j) {
				continue
			}
			s := a.senses(an.lang, string(runes[i:j]), string(folded[i:j]), whole)
			if a.on(RouteTransliteration) && katakanaRun(runes, i, j) {
				if sk := katakanaSkeleton(string(runes[i:j])); len(sk) >= minSkeleton {
					s = append(s, string(kindTranslit)+sk)
				}
			}
			if len(s) == 0 {
				continue
			}
			p := piece{start: i, end: j, units: countUnits(runes[i:j]), senses: s}
			an.pieces = append(an.pieces, p)
			if whole {
				an.whole = s
			}
		}
	}
}

func isKatakana(r rune) bool { return r >= 0x30A1 && r <= 0x30FC && r != 0x30FB }

// katakanaRun reports whether runes[i:j] is a whole katakana word: all
// katakana (or the middle dot inside), not continued on either side.
func katakanaRun(runes []rune, i, j int) bool {
	if !isKatakana(runes[i]) || !isKatakana(runes[j-1]) {
		return false
	}
	for _, r := range runes[i:j] {
		if !isKatakana(r) && r != '・' {
			return false
		}
	}
	return (i == 0 || !isKatakana(runes[i-1])) && (j == len(runes) || !isKatakana(runes[j]))
}

// countUnits counts the characters that need matching: everything but
// spaces and the middle dot.
func countUnits(rs []rune) int {
	n := 0
	for _, r := range rs {
		if r != ' ' && r != '・' && r != '-' {
			n++
		}
	}
	if n == 0 {
		n = 1
	}
	return n
}

// latinBoundary reports whether runes[i:j] does not cut through a Latin
// word or number (MSC in 臍帯由来MSC is a piece; "SC" is not).
func latinBoundary(runes []rune, i, j int) bool {
	alnum := func(r rune) bool { return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
	if alnum(runes[i]) && i > 0 && alnum(runes[i-1]) {
		return false
	}
	if alnum(runes[j-1]) && j < len(runes) && alnum(runes[j]) {
		return false
	}
	return true
}

// senses returns the sense keys of one substring (s) of a CJK term, given
// its han-folded form.
func (a *Aligner) senses(lang language.Tag, s, folded string, whole bool) []string {
	var out []string
	hasHan, allHan, latin := false, true, true
	for _, r := range s {
		switch {
		case isHan(r):
			hasHan = true
			latin = false
		case unicode.IsDigit(r) && r < 0x80:
		default:
			allHan = false
		}
		if r >= 0x2E80 || unicode.In(r, unicode.Hiragana, unicode.Katakana) {
			latin = false
		}
	}
	if a.on(RouteCognate) {
		if hasHan && allHan || whole {
			out = append(out, string(kindFold)+folded)
		} else if latin {
			out = append(out, string(kindLatin)+s)
		}
	}
	if a.on(RouteDictionary) && (whole || len([]rune(s)) >= 2) {
		gs := a.dictGlosses(lang, s)
		for _, g := range gs {
			out = append(out, string(kindGloss)+g)
		}
		if whole {
			for _, w := range glossWords(gs) {
				out = append(out, string(kindWord)+w)
			}
		}
	}
	if a.on(RouteGlossary) {
		for _, c := range a.glossConcepts(lang, s) {
			out = append(out, string(kindConc)+c.ID)
		}
	}
	if a.on(RouteDerived) {
		out = append(out, a.derivedSenses(lang, folded)...)
	}
	return out
}

// dictGlosses returns the normalized glosses of s in lang. A zh-Hant term
// missing from the traditional headwords is tried in its simplified
// spelling, and a Japanese term written in traditional characters is
// likewise tried through its fold.
func (a *Aligner) dictGlosses(lang language.Tag, s string) []string {
	d := a.dict
	if d == nil {
		return nil
	}
	ids := d.lookup(lang, s)
	if len(ids) == 0 && lang == language.TraditionalChinese {
		ids = d.lookup(language.SimplifiedChinese, han.Fold(s))
	}
	if len(ids) > maxGlosses {
		ids = ids[:maxGlosses]
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = d.glosses[id]
	}
	return out
}

// maxGlosses keeps the first glosses of very polysemous headwords only:
// dictionaries list the main senses first.
const maxGlosses = 12

// analyzeLatin decomposes an English term into word n-grams.
func (a *Aligner) analyzeLatin(an *analysis) {
	words := strings.Fields(strings.NewReplacer("-", " ", "/", " ").Replace(an.norm))
	units := make([]int, len(words))
	for i, w := range words {
		units[i] = 1 + len(w)/4
		an.units += units[i]
	}
	if an.units == 0 {
		an.units = 1
	}
	if len(words) > maxRunes {
		words = words[:maxRunes]
	}
	for i := range words {
		for j := i + 1; j <= len(words) && j-i <= 6; j++ {
			phrase := strings.Join(words[i:j], " ")
			whole := i == 0 && j == len(words)
			var s []string
			if a.on(RouteDictionary) || a.on(RouteGlossary) {
				if g := NormalizeGloss(phrase); g != "" {
					s = append(s, string(kindGloss)+g)
				}
			}
			if j == i+1 && a.on(RouteCognate) {
				s = append(s, string(kindLatin)+words[i])
			}
			if j-i <= 3 && a.on(RouteTransliteration) {
				if sk := englishSkeleton(strings.Join(words[i:j], "")); len(sk) >= minSkeleton {
					s = append(s, string(kindTranslit)+sk)
				}
			}
			if a.on(RouteGlossary) {
				for _, c := range a.glossConcepts(an.lang, phrase) {
					s = append(s, string(kindConc)+c.ID)
				}
			}
			if len(s) == 0 {
				continue
			}
			u := 0
			for _, x := range units[i:j] {
				u += x
			}
			an.pieces = append(an.pieces, piece{start: i, end: j, units: u, senses: s})
			if whole {
				an.whole = s
			}
		}
	}
}

// sensePiece is one (sense, piece) pair of a term, sorted by sense for
// merge joins.
type sensePiece struct {
	sense string
	piece int32
}

func sensePieces(an *analysis) []sensePiece {
	var sp []sensePiece
	for i, p := range an.pieces {
		for _, s := range p.senses {
			sp = append(sp, sensePiece{s, int32(i)})
		}
	}
	sort.Slice(sp, func(i, j int) bool {
		if sp[i].sense != sp[j].sense {
			return sp[i].sense < sp[j].sense
		}
		return sp[i].piece < sp[j].piece
	})
	return sp
}
