package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// PairKind says how a pair was recognised.
type PairKind uint8

const (
	// Abbreviation is a short form defined by a long form next to it:
	// 関節リウマチ(RA), DAS28（28関節疾患活動スコア）, Good Manufacturing
	// Practice (GMP), MSC: Mesenchymal Stem Cell 间叶系干细胞.
	Abbreviation PairKind = iota
	// Gloss is a CJK term glossed by an English word or phrase in brackets
	// (施設認証(accreditation)), or the reverse. It has no short form.
	Gloss
)

func (k PairKind) String() string {
	if k == Gloss {
		return "gloss"
	}
	return "abbreviation"
}

// Pattern names the surface shape of a pair.
const (
	PatLongShort    = "LF(SF)"    // 間葉系幹細胞（MSC）, Good Manufacturing Practice (GMP)
	PatShortLong    = "SF(LF)"    // DAS28（28関節疾患活動スコア）
	PatLongShortEn  = "LF(SF:EN)" // 間葉系幹細胞(MSC:Mesenchymal Stem Cell)
	PatLongEnShort  = "LF(EN,SF)" // 系统性红斑狼疮（systemic lupus erythematosus，SLE）
	PatShortColonEn = "SF:EN LF"  // MSC: Mesenchymal Stem Cell 间叶系干细胞
	PatGloss        = "LF(gloss)" // 施設認証(accreditation)
	PatGlossReverse = "gloss(LF)" // english word (日本語)
	maxInsideRunes  = 60          // longest bracket content considered
	maxLongRunes    = 30          // longest CJK long form
	maxShortRunes   = 12          // longest short form
	maxEnglishWords = 10          // longest English long form, in words
	minShortLetters = 2           // a short form has at least two letters
	maxTitleWordLen = 5           // a capitalised word longer than this is a word, not an abbreviation
	maxSHWindowMult = 2           // Schwartz & Hearst: at most min(|SF|+5, 2|SF|) words
)

// Span is a byte range of the text.
type Span struct{ Start, End int }

// Pair is an abbreviation–definition pair or a bracketed gloss found in a
// text. Long is the long form in the script it was found in (usually CJK);
// LongEn is an English long form when the text gives one as well, so a pair
// is a linked triple (CJK long form, English long form, short form). For a
// pair found in purely English text Long is empty and LongEn is set.
type Pair struct {
	Kind     PairKind
	Pattern  string
	Short    string
	Long     string
	LongLang language.Tag // language of Long: ja, zh-Hans or zh-Hant by script, und when unknown
	LongEn   string
	ShortAt  Span
	LongAt   Span // span of Long (zero when Long is empty)
	LongEnAt Span // span of LongEn (zero when empty)
}

// FindPairs finds abbreviation–definition pairs and bracketed glosses in
// text. Brackets are ( ) and （ ）; colons are : and ：. A pair never
// crosses a line. Offsets are byte offsets into text.
//
// Rejected as short forms: anything with spaces, list separators or no two
// letters (citations such as (2023) or (5), p-values), units (mg/kg, mL,
// IU ...), table codes ending in a roman numeral after a hyphen (BM-IV),
// capitalised words longer than five letters, and lists (TNF-α、IL-6).
// A CJK long form inside brackets after a short form must have about as
// many words as the short form has letters (see morphemes), which keeps
// out descriptions such as CRP(炎症マーカー). In SF:English LF, an English
// long form glued to CJK text (T2T:Treat to Target戦略) is part of a longer
// expression: the text before the bracket is then not taken as a long form.
func FindPairs(text string) []Pair {
	return filterPairs(findPairs(text))
}

func findPairs(text string) []Pair {
	var pairs []Pair
	// Brackets and colons by their bytes: ( and : are ASCII, （ and ： are
	// EF BC 88 and EF BC 9A; none of these bytes continues a sequence, so
	// every one found starts a character.
	for i := 0; i < len(text); i++ {
		c, n := text[i], 1
		if c == 0xEF && i+2 < len(text) && text[i+1] == 0xBC {
			switch text[i+2] {
			case 0x88:
				c, n = '(', 3
			case 0x9A:
				c, n = ':', 3
			}
		}
		switch c {
		case '(':
			if p, ok := bracketPair(text, i, n); ok {
				pairs = append(pairs, p)
			}
		case ':':
			if p, ok := colonPair(text, i, n); ok {
				pairs = append(pairs, p)
			}
		}
	}
	return pairs
}

// bracketPair examines the bracket opening at text[open:open+n].
func bracketPair(text string, open, n int) (Pair, bool) {
	inStart := open + n
	inEnd, closeLen, ok := closing(text, inStart)
	if !ok {
		return Pair{}, false
	}
	inside := text[inStart:inEnd]
	trimmed := strings.TrimSpace(inside)
	if trimmed == "" {
		return Pair{}, false
	}
	inStart += strings.Index(inside, trimmed)
	inEnd = inStart + len(trimmed)
	_ = closeLen

	// Case 1: the bracket holds a short form, optionally followed by a
	// colon and an English long form, or by a separator and a comment.
	sf, sfEnd := leadingShort(trimmed)
	glued := false
	if sf != "" {
		rest := trimmed[sfEnd:]
		var en string
		var enAt Span
		switch {
		case rest == "":
		case strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "："):
			_, cn := utf8.DecodeRuneInString(rest)
			body := rest[cn:]
			lead := len(body) - len(strings.TrimLeft(body, " "))
			body = body[lead:]
			w := englishPrefix(body)
			if w == "" || !shValidates(sf, w, true) {
				return Pair{}, false
			}
			en = w
			s := inStart + sfEnd + cn + lead
			enAt = Span{s, s + len(w)}
			// "SF:English LF戦略": the English words are part of a longer
			// mixed expression, so the text before the bracket is not
			// their CJK long form.
			if r, _ := utf8.DecodeRuneInString(text[enAt.End:inEnd]); enAt.End < inEnd && isCJKChar(r) {
				glued = true
			}
		case isSeparatorStart(rest):
			// "SF、comment": a short form followed by an explanation. A list
			// of short forms (TNF-α、IL-6) is no pair.
			if listOfShorts(trimmed) {
				return Pair{}, false
			}
		default:
			sf = ""
		}
		if sf != "" && validShort(sf, false) {
			p := Pair{Kind: Abbreviation, Short: sf, ShortAt: Span{inStart, inStart + len(sf)}, LongEn: en, LongEnAt: enAt}
			if en != "" {
				p.Pattern = PatLongShortEn
			} else {
				p.Pattern = PatLongShort
			}
			// Long form before the bracket: CJK run, or English words
			// matched by Schwartz & Hearst.
			if lf, s := cjkBefore(text, open); lf != "" && !glued {
				p.Long, p.LongAt, p.LongLang = lf, Span{s, open}, scriptLang(lf)
				return p, true
			}
			if en == "" {
				if lf, s := englishBefore(text, open, sf); lf != "" {
					p.LongEn, p.LongEnAt = lf, Span{s, s + len(lf)}
					return p, true
				}
				return Pair{}, false
			}
			return p, true
		}
	}

	// Case 1b: the bracket holds an English long form, a comma and a short
	// form that abbreviates it (系统性红斑狼疮（systemic lupus erythematosus，SLE）,
	// the usual way of Chinese medical writing).
	if p, ok := englishThenShort(text, open, inStart, trimmed); ok {
		return p, true
	}

	// Case 2: a short form right before the bracket, its long form inside.
	sfStart, sfWord := shortBefore(text, open)
	if sfWord != "" && validShort(sfWord, true) {
		if isCJKTerm(trimmed) && morphemes(trimmed) >= shortLetters(sfWord) {
			return Pair{Kind: Abbreviation, Pattern: PatShortLong, Short: sfWord, ShortAt: Span{sfStart, sfStart + len(sfWord)},
				Long: trimmed, LongAt: Span{inStart, inEnd}, LongLang: scriptLang(trimmed)}, true
		}
		if isEnglishPhrase(trimmed) && shValidates(sfWord, trimmed, true) {
			return Pair{Kind: Abbreviation, Pattern: PatShortLong, Short: sfWord, ShortAt: Span{sfStart, sfStart + len(sfWord)},
				LongEn: trimmed, LongEnAt: Span{inStart, inEnd}}, true
		}
	}

	// Case 3: glosses. A CJK term followed by an English word or phrase in
	// lower case, or an English phrase followed by a CJK term.
	if isEnglishPhrase(trimmed) && isLowerPhrase(trimmed) {
		if lf, s := cjkBefore(text, open); lf != "" {
			return Pair{Kind: Gloss, Pattern: PatGloss, Long: lf, LongAt: Span{s, open}, LongLang: scriptLang(lf),
				LongEn: trimmed, LongEnAt: Span{inStart, inEnd}}, true
		}
	}
	return Pair{}, false
}

// englishThenShort reads "English long form, SF" (comma ASCII or
// full-width) in a bracket whose text, trimmed, is inside and starts at
// text[inStart]; the CJK long form is before the bracket at open.
func englishThenShort(text string, open, inStart int, inside string) (Pair, bool) {
	i := strings.LastIndexAny(inside, ",，")
	if i <= 0 {
		return Pair{}, false
	}
	_, cw := utf8.DecodeRuneInString(inside[i:])
	en := strings.TrimSpace(inside[:i])
	sf := strings.TrimSpace(inside[i+cw:])
	if sf == "" || en == "" || !validShort(sf, false) || !isEnglishPhrase(en) || !shValidates(sf, en, true) {
		return Pair{}, false
	}
	lf, s := cjkBefore(text, open)
	if lf == "" {
		return Pair{}, false
	}
	sfAt := inStart + strings.LastIndex(inside, sf)
	enAt := inStart + strings.Index(inside, en)
	return Pair{Kind: Abbreviation, Pattern: PatLongEnShort, Short: sf, ShortAt: Span{sfAt, sfAt + len(sf)},
		Long: lf, LongAt: Span{s, open}, LongLang: scriptLang(lf), LongEn: en, LongEnAt: Span{enAt, enAt + len(en)}}, true
}

// colonPair finds "SF: English Long Form [CJK long form]" where SF starts a
// line or follows a space or bracket, outside brackets.
func colonPair(text string, colon, n int) (Pair, bool) {
	sfStart, sf := shortBefore(text, colon)
	if sf == "" || !validShort(sf, true) {
		return Pair{}, false
	}
	// The short form must stand at a boundary: line start, space or
	// punctuation, not glued to a CJK word (STEP2:xxx is a heading).
	if sfStart > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:sfStart])
		if !(unicode.IsSpace(r) || unicode.IsPunct(r)) || r == '(' || r == '（' {
			return Pair{}, false
		}
	}
	body := text[colon+n:]
	lead := len(body) - len(strings.TrimLeft(body, " \t"))
	body = body[lead:]
	en := englishPrefix(body)
	if en == "" || !shValidates(sf, en, true) {
		return Pair{}, false
	}
	enStart := colon + n + lead
	p := Pair{Kind: Abbreviation, Pattern: PatShortColonEn, Short: sf, ShortAt: Span{sfStart, sfStart + len(sf)},
		LongEn: en, LongEnAt: Span{enStart, enStart + len(en)}}
	after := text[enStart+len(en):]
	sp := len(after) - len(strings.TrimLeft(after, " \t"))
	if lf := cjkAfter(after[sp:]); lf != "" {
		s := enStart + len(en) + sp
		p.Long, p.LongAt, p.LongLang = lf, Span{s, s + len(lf)}, scriptLang(lf)
	}
	return p, true
}

// closing finds the bracket closing the one whose content starts at from,
// on the same line and within maxInsideRunes. Nested brackets are skipped.
func closing(text string, from int) (end, n int, ok bool) {
	depth := 0
	runes := 0
	for i := from; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\n', '\r':
			return 0, 0, false
		case '(', '（':
			depth++
		case ')', '）':
			if depth == 0 {
				return i, w, true
			}
			depth--
		}
		runes++
		if runes > maxInsideRunes {
			return 0, 0, false
		}
		i += w
	}
	return 0, 0, false
}

// isLatinShortRune reports whether r may be part of a short form.
func isLatinShortRune(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '-' || r == '‐' || unicode.Is(unicode.Greek, r)
}

// leadingShort returns the short form at the start of s and its byte length.
func leadingShort(s string) (string, int) {
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isLatinShortRune(r) {
			break
		}
		i += w
	}
	return strings.TrimRight(s[:i], "-‐"), len(strings.TrimRight(s[:i], "-‐"))
}

// shortBefore returns the Latin word ending right before text[end] (no space
// between) and its start.
func shortBefore(text string, end int) (int, string) {
	i := end
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:i])
		if !isLatinShortRune(r) {
			break
		}
		i -= w
	}
	w := strings.TrimLeft(text[i:end], "-‐")
	return end - len(w), w
}

// units are rejected as short forms (case-sensitive: MS is multiple
// sclerosis, ms milliseconds). Only units with a capital matter, since a
// short form needs one.
var units = map[string]bool{
	"mL": true, "dL": true, "IU": true, "mIU": true, "mmHg": true, "mEq": true, "kDa": true, "Da": true,
	"Gy": true, "mGy": true, "Sv": true, "mSv": true, "Hz": true, "kHz": true, "MHz": true, "kJ": true, "MBq": true,
}

// validShort reports whether s looks like a short form. strict is used where
// nothing else vouches for it (a word before a bracket or colon): then it
// needs two capitals or digits.
func validShort(s string, strict bool) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > maxShortRunes {
		return false
	}
	letters, upper, digits := 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
			letters++
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
	}
	if letters < minShortLetters || upper == 0 {
		return false
	}
	if units[s] {
		return false
	}
	// Table codes such as BM-IV or A-II: letters, hyphen, roman numeral.
	if k := strings.LastIndexAny(s, "-‐"); k > 0 && isRoman(s[k+1:]) && n > 3 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	titleWord := upper == 1 && unicode.IsUpper(first) && digits == 0
	if titleWord && (strict || n > maxTitleWordLen) {
		return false
	}
	if strict && upper+digits < 2 {
		return false
	}
	return true
}

func isRoman(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("IVX", r) {
			return false
		}
	}
	return true
}

func isSeparatorStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("、,，;；", r)
}

// listOfShorts reports whether s is a list of short forms: at least two
// of its items (separated by 、,;・/) start with a short form (TNF-α、IL-6,
// VEGF、HGFなど).
func listOfShorts(s string) bool {
	items := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、,，;；・/", r) })
	n := 0
	for _, it := range items {
		if sf, _ := leadingShort(strings.TrimSpace(it)); sf != "" && validShort(sf, false) {
			n++
		}
	}
	return n >= 2
}

// isCJKChar reports whether r can be part of a CJK term written without
// spaces: han, katakana, the prolonged sound mark and iteration marks.
func isCJKChar(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Katakana, r) || r == 'ー' || r == '々' || r == '〆'
}

func isHiragana(r rune) bool { return unicode.Is(unicode.Hiragana, r) }

// cjkBefore returns the CJK long form ending right before text[end]: the
// run of han and katakana, with Latin letters and digits glued to it
// (IL-6受容体), stopping at hiragana, spaces and punctuation. When that
// leaves a single character and a の joins it to another run, the run
// extends over the の (生活の質).
func cjkBefore(text string, end int) (string, int) {
	start := runBack(text, end)
	if start == end {
		return "", 0
	}
	// A member number after a hyphen (白细胞介素-6, 腫瘍壊死因子-α): the run
	// goes on over the hyphen when CJK comes before it.
	if start > 0 && text[start-1] == '-' && !hasCJK(text[start:end]) {
		if r, _ := utf8.DecodeLastRuneInString(text[:start-1]); isCJKChar(r) {
			start = runBack(text, start-1)
		}
	}
	if utf8.RuneCountInString(text[start:end]) == 1 && start > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:start])
		if r == 'の' {
			if s2 := runBack(text, start-w); s2 < start-w {
				start = s2
			}
		}
	}
	lf := strings.TrimLeft(text[start:end], "-‐")
	start = end - len(lf)
	// A run starting with a bound suffix right after hiragana (びまん|性肺胞出血)
	// begins inside a word: drop the suffix.
	if r, w := utf8.DecodeRuneInString(lf); start > 0 && boundSuffixes.has(string(r)) && w < len(lf) {
		if p, _ := utf8.DecodeLastRuneInString(text[:start]); isHiragana(p) {
			lf, start = lf[w:], start+w
		}
	}
	if !hasCJK(lf) || utf8.RuneCountInString(lf) > maxLongRunes {
		return "", 0
	}
	return lf, start
}

func runBack(text string, end int) int {
	i := end
	// Longer runs are rejected by the caller: stop looking after the
	// limit, so that pathological input stays linear.
	for n := 0; i > 0 && n <= maxLongRunes+1; n++ {
		r, w := utf8.DecodeLastRuneInString(text[:i])
		if !(isCJKChar(r) || isLatinShortRune(r) && r != '-') {
			break
		}
		i -= w
	}
	return i
}

// cjkAfter returns the CJK term at the start of s.
func cjkAfter(s string) string {
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isCJKChar(r) {
			break
		}
		i += w
	}
	if i == 0 || utf8.RuneCountInString(s[:i]) > maxLongRunes {
		return ""
	}
	return s[:i]
}

func hasCJK(s string) bool {
	for _, r := range s {
		if isCJKChar(r) {
			return true
		}
	}
	return false
}

// isCJKTerm reports whether s (bracket content) reads as one CJK term:
// starts with han, katakana, a digit or Latin, has CJK characters, no
// separators or sentence punctuation, no spaces, and mostly not hiragana.
func isCJKTerm(s string) bool {
	if !hasCJK(s) || utf8.RuneCountInString(s) > maxLongRunes {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if isHiragana(first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if isHiragana(last) {
		return false
	}
	hira, total := 0, 0
	for _, r := range s {
		total++
		if isHiragana(r) {
			hira++
		}
		if unicode.IsSpace(r) || strings.ContainsRune("、。，,.;；:：・/／!！?？「」『』【】%％=＝〜~", r) {
			return false
		}
	}
	return hira*3 < total
}

// isEnglishPhrase reports whether s is one to maxEnglishWords Latin words.
func isEnglishPhrase(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > maxEnglishWords {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case r < 0x80 && unicode.IsLetter(r):
			letters++
		case r < 0x80 && (unicode.IsDigit(r) || r == ' ' || r == '-' || r == '/' || r == '\''):
		case unicode.Is(unicode.Greek, r):
		default:
			return false
		}
	}
	return letters >= 3
}

func isLowerPhrase(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// englishPrefix returns the run of English words at the start of s (letters,
// digits, hyphens, slashes and single spaces), without a trailing space.
func englishPrefix(s string) string {
	i := 0
	words := 0
	inWord := false
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		ok := r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '/') || unicode.Is(unicode.Greek, r)
		if ok {
			if !inWord {
				words++
				if words > maxEnglishWords {
					break
				}
			}
			inWord = true
		} else if r == ' ' && inWord && i+1 < len(s) && s[i+1] != ' ' {
			inWord = false
		} else {
			break
		}
		i += w
	}
	return strings.TrimRight(s[:i], " -/")
}

// englishBefore finds the English long form of sf in the words before
// text[end] by the Schwartz & Hearst algorithm: the shortest suffix of the
// preceding min(|SF|+5, 2|SF|) words that contains the short form's letters
// and digits in order, the first one starting a word.
func englishBefore(text string, end int, sf string) (string, int) {
	// Look back at most a few hundred bytes (the window is at most ten
	// words), from a rune boundary.
	from := max(0, end-512)
	for from > 0 && from < end && !utf8.RuneStart(text[from]) {
		from++
	}
	lineStart := from + strings.LastIndexAny(text[from:end], "\n\r。.;；") + 1
	seg := text[lineStart:end]
	// Keep only the trailing run of Latin text.
	k := len(seg)
	for k > 0 {
		r, w := utf8.DecodeLastRuneInString(seg[:k])
		if !(r < 0x80 || unicode.Is(unicode.Greek, r)) {
			break
		}
		k -= w
	}
	seg = seg[k:]
	trimmed := strings.TrimRight(seg, " ")
	words := strings.Fields(trimmed)
	if len(words) == 0 {
		return "", 0
	}
	nsf := 0
	for _, r := range sf {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			nsf++
		}
	}
	maxW := nsf + 5
	if maxSHWindowMult*nsf < maxW {
		maxW = maxSHWindowMult * nsf
	}
	if len(words) > maxW {
		words = words[len(words)-maxW:]
	}
	cand := strings.Join(words, " ")
	// The words of cand are the tail of trimmed, possibly with different
	// inner spacing; only accept when they are identical.
	if !strings.HasSuffix(trimmed, cand) {
		return "", 0
	}
	s, ok := shStart(sf, cand)
	if !ok {
		return "", 0
	}
	lf := cand[s:]
	for _, r := range lf {
		if !(r < 0x80 || unicode.Is(unicode.Greek, r)) {
			return "", 0
		}
	}
	if len(strings.Fields(lf)) < 1 || strings.EqualFold(lf, sf) || !strings.Contains(lf, " ") && len(lf) <= len(sf) {
		return "", 0
	}
	return lf, lineStart + k + len(strings.TrimRight(seg, " ")) - len(lf)
}

// shStart runs the Schwartz & Hearst backward match of sf in lf and returns
// the byte offset in lf where the long form starts.
func shStart(sf, lf string) (int, bool) {
	s := []rune(strings.ToLower(sf))
	l := []rune(strings.ToLower(lf))
	si, li := len(s)-1, len(l)-1
	for si >= 0 {
		c := s[si]
		if !(unicode.IsLetter(c) || unicode.IsDigit(c)) {
			si--
			continue
		}
		for li >= 0 && (l[li] != c || si == 0 && li > 0 && (unicode.IsLetter(l[li-1]) || unicode.IsDigit(l[li-1]))) {
			li--
		}
		if li < 0 {
			return 0, false
		}
		li--
		si--
	}
	// Start of the word holding the first matched character.
	start := li + 1
	for start > 0 && l[start-1] != ' ' {
		start--
	}
	return len(string(l[:start])), true
}

// shValidates reports whether the explicit long form lf can stand for sf:
// the first letters agree and the Schwartz & Hearst match succeeds on the
// whole of lf. With lenient, digits of the short form that lf lacks are
// skipped (T2T: Treat to Target), as long as two letters still match.
func shValidates(sf, lf string, lenient bool) bool {
	f1, _ := utf8.DecodeRuneInString(sf)
	f2, _ := utf8.DecodeRuneInString(lf)
	if unicode.ToLower(f1) != unicode.ToLower(f2) {
		return false
	}
	if s, ok := shStart(sf, lf); ok && s == 0 {
		return true
	}
	if !lenient {
		return false
	}
	if inOrder(sf, lf) {
		return true
	}
	var b strings.Builder
	for _, r := range sf {
		if !unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	letters := 0
	for _, r := range b.String() {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < minShortLetters {
		return false
	}
	s, ok := shStart(b.String(), lf)
	return ok && s == 0
}

// scriptLang guesses the language of a CJK long form from its script: kana
// means Japanese; otherwise han characters that exist only in simplified
// or only in traditional Chinese decide; the default is Japanese, which is
// what most long forms in mixed articles are. The caller may refine it with
// the language of the surrounding run.
func scriptLang(s string) language.Tag {
	for _, r := range s {
		if unicode.Is(unicode.Katakana, r) || isHiragana(r) || r == 'ー' {
			return language.Japanese
		}
	}
	for _, r := range s {
		if simplifiedOnly(r) {
			return language.SimplifiedChinese
		}
	}
	return language.Japanese
}

// simplifiedOnly reports a few very frequent simplified-only characters
// of medical text. It is a fallback; the tokenizer's run language, when
// available, is preferred.
func simplifiedOnly(r rune) bool {
	return strings.ContainsRune("细疗药关节风湿组织脏间叶脐带诊断检试验报临类维护损伤态标准发现缓应变质疗级红", r)
}

// inOrder reports whether the letters of sf occur in lf in order, each
// matched at the start of a word or later in the word holding the previous
// match, and at least two of them at word starts (Treat to Target for T2T).
// Digits of sf are skipped.
func inOrder(sf, lf string) bool {
	l := []rune(strings.ToLower(lf))
	isStart := func(j int) bool { return j == 0 || l[j-1] == ' ' || l[j-1] == '-' }
	j := 0
	starts := 0
	for _, c := range strings.ToLower(sf) {
		if !unicode.IsLetter(c) {
			continue
		}
		k := -1
		for x := j; x < len(l); x++ { // prefer the next word starting with c
			if l[x] == c && isStart(x) {
				k = x
				break
			}
		}
		if k < 0 {
			for x := j; x < len(l); x++ {
				if l[x] == c {
					k = x
					break
				}
			}
		}
		if k < 0 {
			return false
		}
		if isStart(k) {
			starts++
		}
		j = k + 1
	}
	return starts >= 2
}

// morphemes estimates the number of words in a CJK long form from its
// scripts alone: a han run of n characters counts ⌈n/2⌉ (most Sino-Japanese
// words have two characters), a katakana or Latin/digit run one, a
// hiragana run one, except up to two kana right after han (okurigana, the
// み of 痛み). A long form that spells out an n-letter short form has about
// n words: 炎症マーカー (2) does not spell out CRP; 生活の質 (3) spells out QOL.
func morphemes(s string) int {
	n := 0
	prev := ' '
	run := 0
	flush := func() {
		switch prev {
		case 'h':
			n += (run + 1) / 2
		case 'k', 'l':
			n++
		case 'g':
			n++
		}
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		var c rune
		switch {
		case unicode.Is(unicode.Han, r) || r == '々':
			c = 'h'
		case unicode.Is(unicode.Katakana, r) || r == 'ー':
			c = 'k'
		case isHiragana(r):
			c = 'g'
		default:
			c = 'l'
		}
		if c == prev {
			run++
			continue
		}
		if c == 'g' && prev == 'h' {
			// okurigana: up to two kana glued to han belong to it, unless
			// the kana is the particle の.
			j := i
			for j < len(rs) && isHiragana(rs[j]) {
				j++
			}
			if j-i <= 2 && rs[i] != 'の' {
				i = j - 1
				continue
			}
		}
		flush()
		prev, run = c, 1
	}
	flush()
	return n
}
