package terms

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/tokenize"
	"github.com/medterm/glossary/tokenize/han"
	"github.com/medterm/glossary/tokenize/kana"
)

// Hit is one occurrence of a glossary term in a text.
type Hit struct {
	Start, End int          // byte offsets into the original text
	Text       string       // the original text at Start:End
	Lang       language.Tag // language of the matched term
	ConceptID  string
	Concept    *Concept
	Term       Term // the glossary term that matched
}

// ScanOption configures Scan.
type ScanOption func(*scanConfig)

type scanConfig struct {
	overlapping bool
	lang        language.Tag
	minChars    int
}

// Overlapping makes Scan report every occurrence of every term, also the
// terms inside a longer one (間葉系幹細胞 inside 脂肪由来間葉系幹細胞), ordered
// by start, longest first. By default Scan reports the longest match at
// each position and goes on after it.
func Overlapping() ScanOption { return func(c *scanConfig) { c.overlapping = true } }

// MinChars makes Scan skip matches shorter than n folded characters, such
// as the one-character terms 心, 手 or 目 that also occur inside many
// ordinary words (注目, 目的).
func MinChars(n int) ScanOption { return func(c *scanConfig) { c.minChars = n } }

// TextLanguage says which language the text is in, to choose among terms
// spelled alike in several languages (滑膜炎 is ja, zh-Hans and zh-Hant).
// Without it Scan guesses from the characters around each hit.
func TextLanguage(tag language.Tag) ScanOption { return func(c *scanConfig) { c.lang = tag } }

// trie holds the scan keys of all terms: per-character folded (NFKC,
// width, case, Greek spelled out, separators dropped, han.FoldRune,
// kana.FoldRune), so that positions in the key map one to one onto
// characters of the folded text. The root's children are a direct table
// for the BMP; every other node's children are a sorted run of edges
// (built through a map, then compacted).
type trie struct {
	root    []int32 // children of the root for BMP characters (0: none)
	first   []int32 // node n's edges are edges[first[n]:first[n+1]]
	runes   []rune
	kids    []int32
	outs    [][]int32 // per node: entries ending there (while inserting)
	outAt   []int32   // node n's entries are outList[outAt[n]:outAt[n+1]]
	outList []int32

	build map[uint64]int32 // node<<21 | rune → child, while inserting
	nodes int32
}

const rootSize = 0x10000

func (t *trie) child(n int32, r rune) int32 {
	if n == 0 && r < rootSize {
		return t.root[r]
	}
	if t.build != nil {
		return t.build[uint64(n)<<21|uint64(r)]
	}
	lo, hi := t.first[n], t.first[n+1]
	if hi-lo <= 8 {
		for i := lo; i < hi; i++ {
			if t.runes[i] == r {
				return t.kids[i]
			}
		}
		return 0
	}
	for lo < hi {
		m := int32(uint32(lo+hi) >> 1)
		if t.runes[m] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < t.first[n+1] && t.runes[lo] == r {
		return t.kids[lo]
	}
	return 0
}

func (t *trie) insert(key []rune, e int32) {
	n := int32(0)
	for _, r := range key {
		c := t.child(n, r)
		if c == 0 {
			t.nodes++
			c = t.nodes
			t.outs = append(t.outs, nil)
			if n == 0 && r < rootSize {
				t.root[r] = c
			} else {
				t.build[uint64(n)<<21|uint64(r)] = c
			}
		}
		n = c
	}
	for _, x := range t.outs[n] {
		if x == e {
			return
		}
	}
	t.outs[n] = append(t.outs[n], e)
}

// compact turns the build map into sorted edge runs.
func (t *trie) compact() {
	type edge struct {
		n   int32
		r   rune
		kid int32
	}
	es := make([]edge, 0, len(t.build))
	for k, kid := range t.build {
		es = append(es, edge{int32(k >> 21), rune(k & (1<<21 - 1)), kid})
	}
	slices.SortFunc(es, func(a, b edge) int {
		if a.n != b.n {
			return int(a.n - b.n)
		}
		return int(a.r - b.r)
	})
	t.first = make([]int32, t.nodes+2)
	t.runes = make([]rune, len(es))
	t.kids = make([]int32, len(es))
	for i, e := range es {
		t.runes[i], t.kids[i] = e.r, e.kid
		t.first[e.n+1]++
	}
	for i := 1; i < len(t.first); i++ {
		t.first[i] += t.first[i-1]
	}
	t.build = nil
	t.outAt = make([]int32, len(t.outs)+1)
	for n, o := range t.outs {
		t.outAt[n+1] = t.outAt[n] + int32(len(o))
		t.outList = append(t.outList, o...)
	}
	t.outs = nil
	// Flag the children that end a key, so a walk sees it without
	// touching outAt.
	for r, c := range t.root {
		if c != 0 && t.outAt[c] != t.outAt[c+1] {
			t.root[r] = c | terminal
		}
	}
	for i, c := range t.kids {
		if t.outAt[c] != t.outAt[c+1] {
			t.kids[i] = c | terminal
		}
	}
}

// terminal flags a child (as returned by child after compact) at which a
// key ends; the node is child &^ terminal.
const terminal = -1 << 31

// out returns the entries of the keys ending at node n.
func (t *trie) out(n int32) []int32 { return t.outList[t.outAt[n]:t.outAt[n+1]] }

// foldScanRune calls emit for the folded form of one normalized
// character: nothing for a separator, the letters of a Greek letter's
// name, else one character.
func foldScanRune(r rune, emit func(rune)) {
	if separator(r) {
		return
	}
	if g := greekName(r); g != "" {
		for _, c := range g {
			emit(c)
		}
		return
	}
	emit(kana.FoldRune(han.FoldRune(r)))
}

func scanKey(s string) []rune {
	var k []rune
	for _, r := range tokenize.Normalize(s) {
		foldScanRune(r, func(c rune) { k = append(k, c) })
	}
	return k
}

func (x *Index) buildScan() {
	t := &trie{root: make([]int32, rootSize), build: map[uint64]int32{}, outs: [][]int32{nil}}
	for i := range x.entries {
		e := &x.entries[i]
		term := e.term()
		if k := scanKey(term.Text); len(k) > 0 {
			t.insert(k, int32(i))
		}
		if term.Plural != "" {
			if k := scanKey(term.Plural); len(k) > 0 {
				t.insert(k, int32(i))
			}
		}
	}
	t.compact()
	x.scan = t
}

// Scan returns the occurrences of glossary terms in text, in order of
// position. Matching compares folded forms (see Rung: normalized, with
// separators and Greek letters, then han- and kana-folded character by
// character), so ＭＳＣ, 间充质干细胞 or TNF-alpha are found as written.
// Han and kana terms match anywhere (CJK has no word boundaries), except
// that a katakana term must not start or end inside a longer katakana
// word; Latin terms match whole words only, allowing an English plural s
// (MSCs). Offsets are byte offsets into text. By default the longest term
// at a position wins and scanning resumes after it. Use ScanFunc on large
// texts: Scan holds every hit.
func (x *Index) Scan(text string, opts ...ScanOption) []Hit {
	var hits []Hit
	x.ScanFunc(text, func(h Hit) bool {
		hits = append(hits, h)
		return true
	}, opts...)
	return hits
}

// Scan folds text piece by piece: a piece ends at the first line break
// after scanPiece bytes (or, in a longer line, at a character boundary
// after scanPieceMax bytes), and matches starting in a piece may run on
// into the next scanLookahead bytes (up to the end of that line). A term
// broken by two line breaks is not found.
var (
	scanPiece     = 64 << 10
	scanPieceMax  = 256 << 10
	scanLookahead = 4 << 10
)

// ScanFunc calls f with the hits Scan returns, in order, while folding the
// text piece by piece (64 KiB): memory is bounded by a piece, not by the
// text. It stops when f returns false.
func (x *Index) ScanFunc(text string, f func(Hit) bool, opts ...ScanOption) {
	var cfg scanConfig
	for _, o := range opts {
		o(&cfg)
	}
	x.scanOnce.Do(x.buildScan)
	var fs []folded
	var lc langCache
	var cands []scanCand
	resume := 0 // no hit starts before this byte (after the last match)
	for p0 := 0; p0 < len(text); {
		p1 := pieceEnd(text, p0, scanPiece, scanPieceMax)
		fs = foldText(fs[:0], text, p0, pieceEnd(text, p1, 0, scanLookahead))
		var ok bool
		if resume, cands, ok = x.scanPiece(text, fs, p1, resume, cands, &cfg, &lc, f); !ok {
			return
		}
		p0 = p1
	}
}

// folded is one character of the folded text, with the span of the
// original character(s) it came from.
type folded struct {
	r          rune
	start, end int32
}

type scanCand struct{ end, node int32 }

// pieceEnd returns the end of the piece of text starting at p: just after
// the first line break at or after p+min, else at a character boundary at
// p+max, else the end of the text.
func pieceEnd(text string, p, min, max int) int {
	if len(text)-p <= min {
		return len(text)
	}
	if i := strings.IndexByte(text[p+min:], '\n'); i >= 0 && min+i < max {
		return p + min + i + 1
	}
	e := p + max
	if e >= len(text) {
		return len(text)
	}
	for e > p && !utf8.RuneStart(text[e]) {
		e--
	}
	if e == p { // max is inside the first character: take it whole
		_, n := utf8.DecodeRuneInString(text[p:])
		e = p + n
	}
	return e
}

// foldText appends the folded characters of text[start:end] to fs.
func foldText(fs []folded, text string, start, end int) []folded {
	tokenize.NormalizeFunc(text[start:end], func(r rune, st, en int) {
		st, en = st+start, en+start
		switch {
		case r >= 0x3041 && r < 0xA000 && r != '・':
			// Kana and Han: fold; never a separator or Greek.
			r = kana.FoldRune(han.FoldRune(r))
		case separator(r):
			return
		case r >= 'α' && r <= 'ω' || r == 'ϕ':
			for _, c := range greek[r] {
				fs = append(fs, folded{c, int32(st), int32(en)})
			}
			return
		default:
			r = kana.FoldRune(han.FoldRune(r))
		}
		fs = append(fs, folded{r, int32(st), int32(en)})
	})
	return fs
}

// scanPiece reports the hits starting in fs before byte limit and not
// before byte resume; it returns the new resume offset, the reusable
// candidate buffer, and false when f asked to stop.
func (x *Index) scanPiece(text string, fs []folded, limit, resume int, cands []scanCand, cfg *scanConfig, lc *langCache, f func(Hit) bool) (int, []scanCand, bool) {
	t := x.scan
	for i := 0; i < len(fs) && int(fs[i].start) < limit; {
		if int(fs[i].start) < resume || t.child(0, fs[i].r) == 0 || (i > 0 && fs[i-1].start == fs[i].start) || !x.startOK(text, int(fs[i].start)) {
			i++
			continue
		}
		cands = cands[:0]
		n := int32(0)
		for j := i; j < len(fs); j++ {
			c := t.child(n, fs[j].r)
			if c == 0 {
				break
			}
			n = c &^ terminal
			if c&terminal == 0 {
				continue
			}
			if j+1 < len(fs) && fs[j+1].start == fs[j].start {
				continue // inside one original character's expansion
			}
			if j+1-i < cfg.minChars {
				continue
			}
			if end, ok := endOK(text, int(fs[j].end)); ok {
				cands = append(cands, scanCand{int32(end), n})
			}
		}
		if len(cands) == 0 {
			i++
			continue
		}
		start := int(fs[i].start)
		if !cfg.overlapping {
			c := cands[len(cands)-1]
			if !f(x.hit(text, start, int(c.end), t.out(c.node), cfg, lc)) {
				return resume, cands, false
			}
			// Resume at the first folded character after the match.
			resume = int(c.end)
			for i < len(fs) && int(fs[i].start) < resume {
				i++
			}
			continue
		}
		for k := len(cands) - 1; k >= 0; k-- {
			if !f(x.hit(text, start, int(cands[k].end), t.out(cands[k].node), cfg, lc)) {
				return resume, cands, false
			}
		}
		i++
	}
	return resume, cands, true
}

// wordChar reports whether r belongs to a Latin-script word (letters other
// than CJK, and digits).
func wordChar(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r >= 0xFF10 && r <= 0xFF5A && unicode.IsLetter(r) || r >= 0xFF10 && r <= 0xFF19
}

// katakana reports whether r is a katakana letter or ー (full or half width).
func katakana(r rune) bool {
	return r >= 0x30A1 && r <= 0x30FA || r == 0x30FC || r >= 0xFF66 && r <= 0xFF9F
}

// startOK reports whether a term may start at byte o of text.
func (x *Index) startOK(text string, o int) bool {
	if o == 0 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[o:])
	p, _ := utf8.DecodeLastRuneInString(text[:o])
	switch {
	case wordChar(r):
		return !wordChar(p)
	case katakana(r):
		return !katakana(p)
	}
	return true
}

// endOK reports whether a term may end at byte e of text, and where: a
// Latin word may take a plural s.
func endOK(text string, e int) (int, bool) {
	if e >= len(text) {
		return e, true
	}
	l, _ := utf8.DecodeLastRuneInString(text[:e])
	r, n := utf8.DecodeRuneInString(text[e:])
	switch {
	case wordChar(l):
		if !wordChar(r) {
			return e, true
		}
		if r == 's' || r == 'ｓ' {
			if a, _ := utf8.DecodeRuneInString(text[e+n:]); e+n >= len(text) || !wordChar(a) {
				return e + n, true
			}
		}
		return e, false
	case katakana(l):
		return e, !katakana(r)
	}
	return e, true
}

// hit makes the Hit for text[start:end] from the entries of the matching
// key, choosing the best term: one spelled exactly as in the text, then one
// in the text's language, then a preferred one, then canonical language
// order.
func (x *Index) hit(text string, start, end int, es []int32, cfg *scanConfig, lc *langCache) Hit {
	surface := text[start:end]
	best := &x.entries[es[0]]
	if len(es) > 1 {
		lang := cfg.lang
		if lang == language.Und {
			lang = lc.lang(text, start, end)
		}
		rank := func(e *ientry) [4]int {
			r := [4]int{1, 1, int(e.t.Status), tagRank(e.lang)}
			if e.t.Text == surface {
				r[0] = 0
			}
			if e.lang == lang {
				r[1] = 0
			}
			return r
		}
		br := rank(best)
		for _, i := range es[1:] {
			e := &x.entries[i]
			if er := rank(e); less4(er, br) {
				best, br = e, er
			}
		}
	}
	return Hit{Start: start, End: end, Text: surface, Lang: best.lang, ConceptID: best.c.ID, Concept: best.c, Term: best.term()}
}

func less4(a, b [4]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// langCache remembers the language guessed for the last hit: the next hit
// on the same line, not far after it, reuses it.
type langCache struct {
	start, end int
	tag        language.Tag
	ok         bool
}

func (c *langCache) lang(text string, start, end int) language.Tag {
	if c.ok && start >= c.start && start < c.end+60 && !strings.Contains(text[c.start:start], "\n") {
		return c.tag
	}
	c.start, c.end, c.tag, c.ok = start, end, contextLang(text, start, end), true
	return c.tag
}

// contextLang guesses the language of the text around a hit from the line
// it is on (at most 120 bytes each side): kana or Japanese-only forms → ja;
// otherwise more simplified-only than traditional-only characters →
// zh-Hans, the reverse → zh-Hant; Latin letters only → en.
func contextLang(text string, start, end int) language.Tag {
	lo, hi := max(start-120, 0), min(end+120, len(text))
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	var simp, trad, cjk int
	w := text[lo:hi]
	lineStart := 0
	for i, r := range w {
		if r == '\n' {
			if lo+i < start {
				lineStart = i + 1
				simp, trad, cjk = 0, 0, 0
				continue
			}
			if lo+i >= end {
				break
			}
		}
		if i < lineStart {
			continue
		}
		if r < 0x2E80 {
			continue
		}
		cjk++
		if r >= 0x3041 && r <= 0x30FF {
			return Japanese
		}
		switch han.Classify(r) {
		case han.JapaneseOnly:
			return Japanese
		case han.SimplifiedOnly:
			simp++
		case han.TraditionalOnly:
			trad++
		}
	}
	switch {
	case simp > trad:
		return SimplifiedChinese
	case trad > simp:
		return TraditionalChinese
	case cjk == 0:
		return English
	}
	return language.Und
}
