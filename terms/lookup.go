package terms

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/tokenize/han"
	"github.com/medterm/glossary/tokenize/kana"
)

// Rung is a step of the lookup ladder. Lookup tries the rungs in order and
// labels every match with the rung that found it.
type Rung uint8

const (
	// Exact: the query is a term as written.
	Exact Rung = iota
	// Normalized: equal after NFKC, width and case folding, with Greek
	// letters spelled out (TNF-α = TNF-alpha), separators dropped (stem
	// cell = stem-cell = StemCell, ステム・セル = ステムセル) and an English
	// plural removed (MSCs → MSC, DMARDs → DMARD).
	Normalized
	// HanFolded: equal after folding Japanese shinjitai, traditional and
	// simplified Han characters together (間葉系幹細胞 = 间叶系干细胞).
	HanFolded
	// KanaFolded: equal after folding hiragana, katakana, small kana and
	// long-vowel marks, or equal to the kana reading of a Japanese term
	// (かんせつリウマチ = 関節リウマチ).
	KanaFolded
	// Prefix: the folded query begins a folded term (間葉系 → 間葉系幹細胞).
	Prefix
	// Fuzzy: within a few edits of a folded term (Messenchymal StemCell →
	// mesenchymal stem cell), closest first.
	Fuzzy
)

var rungNames = [...]string{"exact", "normalized", "han-folded", "kana-folded", "prefix", "fuzzy"}

// String returns the rung's name: exact, normalized, han-folded,
// kana-folded, prefix or fuzzy.
func (r Rung) String() string {
	if int(r) < len(rungNames) {
		return rungNames[r]
	}
	return fmt.Sprintf("Rung(%d)", uint8(r))
}

// ParseRung parses a rung name as returned by String.
func ParseRung(s string) (Rung, error) {
	for i, n := range rungNames {
		if s == n {
			return Rung(i), nil
		}
	}
	return 0, fmt.Errorf("terms: bad rung %q (want one of %s)", s, strings.Join(rungNames[:], ", "))
}

// Match is one concept found by Lookup: the term that matched, its
// language, the rung that found it and a score in (0, 1] (1 for an exact
// match of a preferred term; lower rungs score lower).
type Match struct {
	Concept *Concept
	Term    Term
	Lang    language.Tag
	Rung    Rung
	Score   float64
}

// Index answers lookups and scans over a glossary. Build it once with
// NewIndex; it is safe for concurrent use. It keeps pointers to the
// glossary's concepts: rebuild it after changing the glossary.
type Index struct {
	g        *Glossary
	entries  []ientry
	rkeys    map[int32]string  // entry → kana-rung key of its reading, if any and different (few entries have one)
	keys     map[string]uint32 // key → posting, or listBit|index into lists
	lists    [][]posting
	readings func(string) string

	prefixOnce sync.Once
	prefix     []prefixEntry

	fuzzyOnce sync.Once
	fuzzy     *fuzzyIndex

	scanOnce sync.Once
	scan     *trie
}

// ientry is one indexed term.
type ientry struct {
	c    *Concept
	lang language.Tag
	t    *Term  // &c.Terms[lang][i]
	key  string // kana-rung key of the text, for prefix and fuzzy matching
}

// rkey returns the kana-rung key of entry i's reading, if it has one
// different from its key.
func (x *Index) rkey(i int) string { return x.rkeys[int32(i)] }

func (e *ientry) term() Term { return *e.t }

// posting is an entry index and the first rung at which the key belongs to
// the entry: entry<<3 | rung.
type posting uint32

const listBit = 1 << 31

func (p posting) entry() int { return int(p >> 3) }
func (p posting) rung() Rung { return Rung(p & 7) }

// IndexOption configures NewIndex.
type IndexOption func(*Index)

// WithReadings gives Japanese terms a kana reading for the kana-folded
// rung, so that かんせつリウマチ finds 関節リウマチ. f returns the reading of
// a term in hiragana or katakana (several separated by "|"), or "" when it
// has none. Lookup loads no
// dictionary of its own: the readings of the starter glossary's terms are
// built in (generated with go generate), and f adds to them, e.g. from a
// morphological analyser the caller has loaded anyway.
func WithReadings(f func(term string) string) IndexOption {
	return func(x *Index) { x.readings = f }
}

// NewIndex indexes the terms of every language of g. Exact, normalized and
// folded keys are built at once; the prefix, fuzzy and scan structures on
// first use.
func NewIndex(g *Glossary, opts ...IndexOption) *Index {
	x := &Index{g: g}
	for _, o := range opts {
		o(x)
	}
	n := 0
	for _, c := range g.Concepts() {
		for _, ts := range c.Terms {
			n += len(ts)
		}
	}
	x.entries = make([]ientry, 0, n)
	x.keys = make(map[string]uint32, n*3/2)
	for _, c := range g.Concepts() {
		for lang, ts := range c.Terms {
			for i := range ts {
				x.addTerm(c, lang, &ts[i])
			}
		}
	}
	return x
}

func (x *Index) addTerm(c *Concept, lang language.Tag, t *Term) {
	if t.Text == "" {
		return
	}
	e := len(x.entries)
	x.add(t.Text, e, Exact)
	n, h, k := keys(t.Text)
	if n != t.Text {
		x.add(n, e, Normalized)
	}
	if t.Plural != "" {
		if pn := normKey(t.Plural); pn != n {
			x.add(pn, e, Normalized)
		}
	}
	if h != n {
		x.add(h, e, HanFolded)
	}
	if k != h {
		x.add(k, e, KanaFolded)
	}
	ent := ientry{c: c, lang: lang, t: t, key: k}
	if rs := x.reading(t.Text); rs != "" {
		for r := range strings.SplitSeq(rs, "|") {
			if _, _, rk := keys(r); rk != k && rk != "" {
				x.add(rk, e, KanaFolded)
				if _, ok := x.rkeys[int32(e)]; !ok {
					if x.rkeys == nil {
						x.rkeys = map[int32]string{}
					}
					x.rkeys[int32(e)] = rk
				}
			}
		}
	}
	x.entries = append(x.entries, ent)
}

func (x *Index) reading(text string) string {
	if x.readings != nil {
		if r := x.readings(text); r != "" {
			return r
		}
	}
	return starterReadings[text]
}

func (x *Index) add(key string, e int, r Rung) {
	if key == "" {
		return
	}
	p := posting(e<<3 | int(r))
	v, ok := x.keys[key]
	switch {
	case !ok:
		x.keys[key] = uint32(p)
	case v&listBit != 0:
		l := &x.lists[v&^listBit]
		for _, q := range *l {
			if q.entry() == e {
				return
			}
		}
		*l = append(*l, p)
	default:
		if posting(v).entry() == e {
			return
		}
		x.lists = append(x.lists, []posting{posting(v), p})
		x.keys[key] = uint32(len(x.lists)-1) | listBit
	}
}

// Glossary returns the indexed glossary.
func (x *Index) Glossary() *Glossary { return x.g }

// LookupOption configures a Lookup.
type LookupOption func(*lookupConfig)

type lookupConfig struct {
	limit     int
	through   Rung
	allRungs  bool
	tolerance int // max edits for Fuzzy; -1: by query length
	langs     []language.Tag
}

// Limit sets the most matches Lookup returns (default 10; n <= 0: no
// limit).
func Limit(n int) LookupOption { return func(c *lookupConfig) { c.limit = n } }

// Through sets the last rung Lookup tries (default Fuzzy).
func Through(r Rung) LookupOption { return func(c *lookupConfig) { c.through = r } }

// AllRungs makes Lookup go on down the ladder after a rung has found
// matches, adding the concepts the lower rungs find (near misses).
func AllRungs() LookupOption { return func(c *lookupConfig) { c.allRungs = true } }

// Tolerance sets the most edits the fuzzy rung accepts. By default it
// grows with the length of the folded query: for Latin script none below
// 4 characters, 1 up to 7, 2 up to 13, then 3; for a query mostly of Han
// or kana none below 3 characters, 1 up to 9, then 2.
func Tolerance(edits int) LookupOption { return func(c *lookupConfig) { c.tolerance = edits } }

// InLanguages restricts matching to the terms of the given languages.
func InLanguages(tags ...language.Tag) LookupOption {
	return func(c *lookupConfig) { c.langs = tags }
}

// Base scores of the rungs; prefix and fuzzy matches score by how much of
// the term they cover.
var rungScore = [...]float64{Exact: 1, Normalized: 0.95, HanFolded: 0.9, KanaFolded: 0.85, Prefix: 0.8, Fuzzy: 0.7}

// statusPenalty lowers the score of terms that are not preferred, so that
// among equal matches the preferred term's concept comes first.
var statusPenalty = [...]float64{Preferred: 0, Admitted: 0.01, Deprecated: 0.03, Forbidden: 0.05}

func penalty(s TermStatus) float64 {
	if int(s) < len(statusPenalty) {
		return statusPenalty[s]
	}
	return 0.05
}

// Lookup finds the concepts having a term that matches q, best first. It
// walks down the ladder exact → normalized → han-folded → kana-folded →
// prefix → fuzzy and stops at the first rung that finds something (unless
// AllRungs). Each concept appears once, with its best-matching term.
// Results are ordered by rung, then score, then concept id.
func (x *Index) Lookup(q string, opts ...LookupOption) []Match {
	cfg := lookupConfig{limit: 10, through: Fuzzy, tolerance: -1}
	for _, o := range opts {
		o(&cfg)
	}
	q = strings.TrimSpace(q)
	if q == "" {
		return nil
	}
	col := collector{x: x, cfg: &cfg, hint: scriptHint(q)}
	done := func(r Rung) bool { return r >= cfg.through || (len(col.ms) > 0 && !cfg.allRungs) }

	col.key(q, Exact, 0)
	if done(Exact) {
		return col.result()
	}
	n := normKey(q)
	col.key(n, Normalized, 0)
	if len(col.ms) == 0 || cfg.allRungs {
		if sg, ok := singular(n); ok {
			for _, s := range sg {
				col.key(s, Normalized, 0.02)
			}
		}
	}
	if done(Normalized) {
		return col.result()
	}
	h := han.Fold(n)
	col.key(h, HanFolded, 0)
	if done(HanFolded) {
		return col.result()
	}
	k := kana.Fold(h)
	col.key(k, KanaFolded, 0)
	if sg, ok := singular(k); ok && len(col.ms) == 0 {
		for _, s := range sg {
			col.key(s, KanaFolded, 0.02)
		}
	}
	if done(KanaFolded) {
		return col.result()
	}
	x.lookupPrefix(k, &col)
	if done(Prefix) {
		return col.result()
	}
	x.lookupFuzzy(k, &col)
	return col.result()
}

// collector gathers the matches of one lookup, one per concept.
type collector struct {
	x    *Index
	cfg  *lookupConfig
	hint language.Tag
	ms   []Match

	lastKey  string // the last key looked up, and what the map said
	lastVal  uint32
	lastOK   bool
	haveLast bool
}

// key adds the entries of key that belong to rung r or earlier. Keys
// often do not change from one rung to the next (a query already
// normalized, a Han-free one): the last key's map entry is reused.
func (col *collector) key(key string, r Rung, minus float64) {
	v, ok := col.lastVal, col.lastOK
	if !col.haveLast || key != col.lastKey {
		v, ok = col.x.keys[key]
		col.lastKey, col.lastVal, col.lastOK, col.haveLast = key, v, ok, true
	}
	if !ok {
		return
	}
	add := func(p posting) {
		if p.rung() <= r {
			col.add(p.entry(), r, rungScore[r]-minus)
		}
	}
	if v&listBit == 0 {
		add(posting(v))
		return
	}
	for _, p := range col.x.lists[v&^listBit] {
		add(p)
	}
}

func (col *collector) add(ei int, r Rung, score float64) {
	e := &col.x.entries[ei]
	if len(col.cfg.langs) > 0 && !slices.Contains(col.cfg.langs, e.lang) {
		return
	}
	t := e.term()
	m := Match{Concept: e.c, Term: t, Lang: e.lang, Rung: r, Score: score - penalty(t.Status)}
	for i := range col.ms {
		if col.ms[i].Concept == e.c {
			if col.better(m, col.ms[i]) {
				col.ms[i] = m
			}
			return
		}
	}
	col.ms = append(col.ms, m)
}

// better reports whether a is a better match for the same concept than b.
func (col *collector) better(a, b Match) bool {
	if a.Rung != b.Rung {
		return a.Rung < b.Rung
	}
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if (a.Lang == col.hint) != (b.Lang == col.hint) {
		return a.Lang == col.hint
	}
	return CompareTags(a.Lang, b.Lang) < 0
}

func (col *collector) result() []Match {
	ms := col.ms
	slices.SortFunc(ms, func(a, b Match) int {
		if a.Rung != b.Rung {
			return int(a.Rung) - int(b.Rung)
		}
		if a.Score != b.Score {
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Concept.ID, b.Concept.ID)
	})
	if col.cfg.limit > 0 && len(ms) > col.cfg.limit {
		ms = ms[:col.cfg.limit]
	}
	return ms
}

// scriptHint guesses the language of a query from its characters, to
// choose among equally good terms of one concept (滑膜炎 is ja, zh-Hans and
// zh-Hant): kana or a Japanese-only form → ja, a simplified-only character
// → zh-Hans, a traditional-only one → zh-Hant, Latin letters only → en.
func scriptHint(q string) language.Tag {
	latin := true
	var simp, trad bool
	for _, r := range q {
		if r < 0x2E80 {
			continue
		}
		latin = false
		if r >= 0x3041 && r <= 0x30FF || r >= 0xFF66 && r <= 0xFF9D {
			return Japanese
		}
		switch han.Classify(r) {
		case han.JapaneseOnly:
			return Japanese
		case han.SimplifiedOnly:
			simp = true
		case han.TraditionalOnly:
			trad = true
		}
	}
	switch {
	case simp && !trad:
		return SimplifiedChinese
	case trad && !simp:
		return TraditionalChinese
	case latin:
		return English
	}
	return language.Und
}

// runeLen returns the number of characters of s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
