package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/tokenize/han"
)

// Run is a stretch of text in one language: text[Start:End].
type Run struct {
	Start, End int
	Lang       language.Tag
}

// class is the script class of a character for run splitting.
type class uint8

const (
	cNeutral  class = iota // digits, punctuation, symbols, spaces
	cHan                   // Han ideographs (and 々 〆 〇)
	cKana                  // hiragana, katakana, ー
	cLatin                 // letters of any other script: Latin, Greek, ...
	cCJKPunct              // CJK and full-width punctuation: 、。「」（）
	cBreak                 // newline: ends a sentence and a Latin run
)

func classOf(r rune) class {
	switch {
	case r < 0x80:
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			return cLatin
		case r == '\n':
			return cBreak
		}
		return cNeutral
	// The common blocks first, decided by range (the same answers as the
	// unicode tables, TestClassOfRanges), then the tables.
	case 0x4E00 <= r && r <= 0x9FFF || 0x3400 <= r && r <= 0x4DBF:
		return cHan
	case 0x3041 <= r && r <= 0x3096 || 0x309D <= r && r <= 0x309F || 0x30A1 <= r && r <= 0x30FA || 0x30FC <= r && r <= 0x30FF:
		return cKana
	case r == 'ｰ' || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
		return cKana
	case unicode.Is(unicode.Han, r):
		return cHan
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20,
		r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF65, r == '・', r == '…', r == '‥':
		return cCJKPunct
	case r == 0x2028 || r == 0x2029 || r == 0x85:
		return cBreak
	case unicode.IsLetter(r):
		return cLatin
	}
	return cNeutral
}

// piece kinds: a whitespace-free chunk of text split where it turns
// between CJK and other characters.
const (
	pNeutral = iota // only digits, punctuation, symbols
	pLatin          // holds a non-CJK letter
	pCJK            // holds a Han or kana character
)

type piece struct {
	start, end int
	kind       int
	cjkSide    bool         // made of CJK characters (a neutral piece: CJK punctuation)
	sentence   int          // index of the sentence the piece is in
	line       int          // index of the line the piece is in
	lang       language.Tag // overrides the sentence's language when not und
}

// Runs splits text into language runs by script. Kana marks Japanese.
// Han-only sentences are decided by their characters: simplified-only
// characters vote for zh-Hans, traditional-only for zh-Hant, Japanese-only
// shinjitai (関 剤 帯 薬) for ja (see package han); a sentence without
// votes, or with a tie, takes the language of the nearest decided sentence
// before it (else after it, else Japanese). Sentences end at 。！？!? and
// newlines. Inside a Japanese sentence, a Han stretch with two or more
// simplified-only characters is a quoted Chinese term and gets a zh-Hans
// run.
//
// Letters of other scripts (Latin, Greek) form English runs that stay whole
// with the digits and symbols attached to them and the words, spaces and
// ASCII punctuation between them on one line: "TNF-α", "1×10^6/kg",
// "MSC: Mesenchymal Stem Cell". Digits and punctuation between CJK text go
// with it; punctuation between a Latin and a CJK run goes to the CJK run.
// Text without letters comes out as one run tagged und.
//
// The runs cover text without gaps or overlaps, in order.
func Runs(text string) []Run {
	runs, _ := runsCtx(text, language.Und, japaneseAfter)
	return runs
}

func japaneseAfter() language.Tag { return Japanese }

// runsCtx is Runs for a chunk of a longer text that starts and ends at a
// line boundary. before is the language of the last decided sentence
// before the chunk (und when there is none); after returns the language of
// the first decided sentence after it (Japanese when there is none) and is
// called only when an undecided sentence needs it. runsCtx also returns
// the language of the chunk's last decided sentence (before when it has
// none), the before of the next chunk.
func runsCtx(text string, before language.Tag, after func() language.Tag) ([]Run, language.Tag) {
	if text == "" {
		return nil, before
	}
	pieces := splitPieces(text)
	langs, last := sentenceLangs(text, pieces, before, after)
	pieces = chineseInJapanese(text, pieces, langs)
	return buildRuns(text, pieces, langs), last
}

// EachRun calls f with the runs of text in order, as the Analyzer sees
// them when it tokenizes text chunk by chunk (see Analyzer.Chunks): the
// same runs as Runs, except that a run is cut where a chunk ends. Memory is
// bounded by the chunk size, not by the text. It stops at and returns the
// first error of f.
func EachRun(text string, f func(Run) error) error {
	c := newChunker(text)
	for c.next() {
		runs := c.runs(text[c.start:c.end])
		for _, r := range runs {
			r.Start += c.start
			r.End += c.start
			if err := f(r); err != nil {
				return err
			}
		}
	}
	return nil
}

// splitPieces cuts text into whitespace-free chunks, cut again between CJK
// and non-CJK characters, and numbers sentences.
func splitPieces(text string) []piece {
	var ps []piece
	sentence, line := 0, 0
	start := -1     // start of the current piece
	var curCJK bool // current piece is on the CJK side
	kind := pNeutral
	flush := func(end int) {
		if start >= 0 {
			ps = append(ps, piece{start: start, end: end, kind: kind, cjkSide: curCJK, sentence: sentence, line: line})
		}
		start, kind = -1, pNeutral
	}
	for i, r := range text {
		c := classOf(r)
		if c == cBreak || unicode.IsSpace(r) {
			flush(i)
			if c == cBreak {
				sentence++
				line++
			}
			continue
		}
		cjk := c == cHan || c == cKana || c == cCJKPunct
		if start >= 0 && cjk != curCJK {
			flush(i)
		}
		if start < 0 {
			start, curCJK = i, cjk
		}
		switch c {
		case cHan, cKana:
			kind = pCJK
		case cLatin:
			kind = pLatin
		}
		if sentenceEnd(r) {
			_, size := utf8.DecodeRuneInString(text[i:])
			flush(i + size)
			sentence++
		}
	}
	flush(len(text))
	return trimLatin(text, ps)
}

func sentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '｡':
		return true
	}
	return false
}

// trimLatin moves leading and trailing punctuation of Latin pieces into
// neutral pieces of their own, so "(RA)" yields the run "RA" and the
// parentheses go with the surrounding text.
func trimLatin(text string, ps []piece) []piece {
	out := ps[:0:0]
	for _, p := range ps {
		if p.kind != pLatin {
			out = append(out, p)
			continue
		}
		s, e := p.start, p.end
		for s < e {
			r, size := utf8.DecodeRuneInString(text[s:e])
			if !trimmable(r) {
				break
			}
			s += size
		}
		for e > s {
			r, size := utf8.DecodeLastRuneInString(text[s:e])
			if !trimmable(r) {
				break
			}
			e -= size
		}
		if s > p.start {
			out = append(out, piece{start: p.start, end: s, kind: pNeutral, sentence: p.sentence, line: p.line})
		}
		if s < e {
			out = append(out, piece{start: s, end: e, kind: pLatin, sentence: p.sentence, line: p.line})
		}
		if e < p.end && s < e {
			out = append(out, piece{start: e, end: p.end, kind: pNeutral, sentence: p.sentence, line: p.line})
		}
	}
	return out
}

// trimmable reports punctuation that never starts or ends a Latin token.
func trimmable(r rune) bool {
	switch r {
	case '(', ')', '[', ']', '{', '}', ',', ';', ':', '"', '\'', '.', '!', '?', '<', '>', '=', '‘', '’', '“', '”', '«', '»':
		return true
	}
	return false
}

// sentenceLangs decides the language of each sentence that has CJK
// pieces; other sentences get language.Und.
func sentenceLangs(text string, ps []piece, before language.Tag, after func() language.Tag) ([]language.Tag, language.Tag) {
	n := 0
	if len(ps) > 0 {
		n = ps[len(ps)-1].sentence + 1
	}
	type votes struct{ kana, simp, trad, jp, han int }
	v := make([]votes, n)
	for _, p := range ps {
		if p.kind != pCJK {
			continue
		}
		sv := &v[p.sentence]
		for _, r := range text[p.start:p.end] {
			switch classOf(r) {
			case cKana:
				sv.kana++
			case cHan:
				sv.han++
				switch {
				case han.Simplified(r):
					sv.simp++
				case han.Traditional(r):
					sv.trad++
				case han.Shinjitai(r):
					sv.jp++
				}
			}
		}
	}
	langs := make([]language.Tag, n)
	decided := make([]bool, n)
	for i, sv := range v {
		switch {
		case sv.kana == 0 && sv.han == 0:
			continue
		case sv.kana > 0:
			langs[i] = Japanese
		case sv.simp > sv.trad && sv.simp > sv.jp:
			langs[i] = SimplifiedChinese
		case sv.trad > sv.simp && sv.trad > sv.jp:
			langs[i] = TraditionalChinese
		case sv.jp > sv.simp && sv.jp > sv.trad:
			langs[i] = Japanese
		default:
			continue // no votes or a tie: context decides below
		}
		decided[i] = true
	}
	// Undecided CJK sentences take the nearest decided one before them,
	// else after them, else Japanese.
	last := before
	for i := range v {
		if decided[i] {
			last = langs[i]
		} else if v[i].han > 0 {
			langs[i] = last
		}
	}
	next := language.Und // the nearest decided sentence after; und: not known yet
	for i := n - 1; i >= 0; i-- {
		switch {
		case decided[i]:
			next = langs[i]
		case v[i].han > 0 && langs[i] == language.Und:
			if next == language.Und {
				next = after()
			}
			langs[i] = next
		}
	}
	return langs, last
}

// chineseInJapanese finds Chinese terms quoted in Japanese sentences
// (中国語では间充质干细胞と呼ぶ): a stretch of Han characters between kana
// with at least two simplified-only characters, more than its Japanese-only
// and traditional-only ones, becomes a zh-Hans piece of its own. One
// simplified-only character is not enough: a few characters Japanese writes
// rarely are classified simplified-only (疱 of 帯状疱疹).
func chineseInJapanese(text string, ps []piece, langs []language.Tag) []piece {
	var out []piece
	for i, p := range ps {
		if p.kind != pCJK || langs[p.sentence] != Japanese {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		cut := p.start // text[p.start:cut] is already emitted
		var emitted bool
		for s := p.start; s < p.end; {
			r, size := utf8.DecodeRuneInString(text[s:p.end])
			if classOf(r) != cHan {
				s += size
				continue
			}
			e, simp, other := s, 0, 0
			for e < p.end {
				r, size := utf8.DecodeRuneInString(text[e:p.end])
				if classOf(r) != cHan {
					break
				}
				switch {
				case han.Simplified(r):
					simp++
				case han.Traditional(r), han.Shinjitai(r):
					other++
				}
				e += size
			}
			if simp >= 2 && simp > other {
				if out == nil {
					out = append([]piece(nil), ps[:i]...)
				}
				if cut < s {
					out = append(out, subPiece(text, p, cut, s))
				}
				zp := p
				zp.start, zp.end, zp.kind, zp.lang = s, e, pCJK, SimplifiedChinese
				out = append(out, zp)
				cut, emitted = e, true
			}
			s = e
		}
		switch {
		case emitted && cut < p.end:
			out = append(out, subPiece(text, p, cut, p.end))
		case !emitted && out != nil:
			out = append(out, p)
		}
	}
	if out == nil {
		return ps
	}
	return out
}

// subPiece returns text[s:e] of piece p as a piece of its own, CJK when it
// holds Han or kana, else neutral.
func subPiece(text string, p piece, s, e int) piece {
	q := p
	q.start, q.end, q.kind = s, e, pNeutral
	for _, r := range text[s:e] {
		if c := classOf(r); c == cHan || c == cKana {
			q.kind = pCJK
			break
		}
	}
	return q
}

// buildRuns turns pieces into runs covering text.
func buildRuns(text string, ps []piece, langs []language.Tag) []Run {
	var runs []Run
	und := language.Und
	// Content runs first: Latin pieces on one line joined across the
	// neutral pieces between them; CJK pieces of one language joined
	// across neutral pieces and whitespace.
	lastLatin := -1 // index of the last Latin piece
	for i, p := range ps {
		var lang language.Tag
		switch p.kind {
		case pNeutral:
			// CJK punctuation belongs to the CJK sentence it is in.
			if !p.cjkSide || p.sentence >= len(langs) || langs[p.sentence] == language.Und {
				continue
			}
			lang = langs[p.sentence]
		case pLatin:
			lang = English
		case pCJK:
			lang = langs[p.sentence]
			if p.lang != language.Und {
				lang = p.lang
			}
		}
		if k := len(runs) - 1; k >= 0 && runs[k].Lang == lang && (p.kind != pLatin || latinJoins(ps, lastLatin, i)) {
			runs[k].End = p.end
		} else {
			runs = append(runs, Run{Start: p.start, End: p.end, Lang: lang})
		}
		if p.kind == pLatin {
			lastLatin = i
		}
	}
	if len(runs) == 0 {
		return []Run{{Start: 0, End: len(text), Lang: und}}
	}
	// Fill the gaps: between a Latin and a CJK run the gap goes to the CJK
	// run; otherwise to the run before it. Leading text goes to the first
	// run, trailing text to the last.
	runs[0].Start = 0
	for k := 1; k < len(runs); k++ {
		prev, cur := &runs[k-1], &runs[k]
		if prev.End == cur.Start {
			continue
		}
		switch nl := strings.IndexByte(text[prev.End:cur.Start], '\n'); {
		case nl >= 0: // a line break ends the run before it
			prev.End += nl + 1
			cur.Start = prev.End
		case prev.Lang == English && cur.Lang != English:
			cur.Start = prev.End
		default:
			prev.End = cur.Start
		}
	}
	runs[len(runs)-1].End = len(text)
	// Gap filling can leave neighbours of one language: join them.
	out := runs[:1]
	for _, r := range runs[1:] {
		if last := &out[len(out)-1]; last.Lang == r.Lang {
			last.End = r.End
			continue
		}
		out = append(out, r)
	}
	return out
}

// latinJoins reports whether Latin piece i continues the Latin run that
// ends with piece last: same line, and only ASCII punctuation, symbols and
// digits between (no CJK punctuation).
func latinJoins(ps []piece, last, i int) bool {
	if last < 0 || ps[last].line != ps[i].line {
		return false
	}
	for _, p := range ps[last+1 : i] {
		if p.cjkSide {
			return false
		}
	}
	return true
}
