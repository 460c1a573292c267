package extract

import (
	"cmp"
	"errors"
	"hash/maphash"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/medterm/glossary/terms"
	"github.com/medterm/glossary/tokenize"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Evidence is why a string is a candidate.
type Evidence uint8

const (
	EvPattern      Evidence = 1 << iota // a compound-noun or Latin-term pattern
	EvAbbreviation                      // one side of an abbreviation pair
	EvGloss                             // one side of a bracketed gloss
	EvGlossary                          // a known term of the glossary
)

// Strings returns the evidence names in a fixed order.
func (e Evidence) Strings() []string {
	var s []string
	for _, x := range []struct {
		bit  Evidence
		name string
	}{{EvPattern, "pattern"}, {EvAbbreviation, "abbreviation"}, {EvGloss, "gloss"}, {EvGlossary, "glossary"}} {
		if e&x.bit != 0 {
			s = append(s, x.name)
		}
	}
	return s
}

// Context is one occurrence of a candidate, for a curator to read.
type Context struct {
	File    string
	Line    int    // 1-based
	Snippet string // key word in context: up to 15 characters either side
}

// Candidate is a term candidate with its statistics.
type Candidate struct {
	Term        string
	Lang        language.Tag
	Score       float64
	Freq        int      // occurrences, nested ones included
	DocFreq     int      // documents it occurs in
	Concept     string   // id of the known concept, "" when new
	Evidence    Evidence //
	ContainedIn []string // longer candidates that contain it
	Contains    []string // shorter candidates it contains
	Contexts    []Context
	Files       []string
}

// Extractor finds term candidates in documents. Its Document method is safe
// for concurrent use when its tokenizer is.
type Extractor struct {
	tok         tokenize.Tokenizer
	known       map[string]string // normalized term → concept id
	index       *terms.Index      // folded lookup and scanning, when given
	maxContexts int
}

// maxUnits is the largest number of units in a candidate.
const maxUnits = 7

// Option configures an Extractor.
type Option func(*Extractor) error

// WithGlossary marks candidates known to g with their concept id and boosts
// their score.
func WithGlossary(g *terms.Glossary) Option {
	return func(e *Extractor) error {
		if g == nil {
			return nil
		}
		for _, c := range g.Concepts() {
			for _, ts := range c.Terms {
				for _, t := range ts {
					e.known[key(t.Text)] = c.ID
					if t.Plural != "" {
						e.known[key(t.Plural)] = c.ID
					}
				}
			}
		}
		return nil
	}
}

// WithIndex uses a glossary index (terms.NewIndex) to recognise known
// terms through its folding ladder up to kana folding (full/half width,
// case, separators, plurals, shinjitai/traditional/simplified han, kana),
// and to scan each text for glossary terms the compound patterns missed
// (evidence "glossary"). It implies WithGlossary of the index's glossary.
func WithIndex(x *terms.Index) Option {
	return func(e *Extractor) error {
		if x == nil {
			return nil
		}
		e.index = x
		return WithGlossary(x.Glossary())(e)
	}
}

// MaxContexts sets how many contexts each candidate keeps (default 3).
func MaxContexts(n int) Option {
	return func(e *Extractor) error {
		if n < 0 {
			return errors.New("extract: negative context count")
		}
		e.maxContexts = n
		return nil
	}
}

// New returns an extractor that tokenizes with tok (typically a
// tokenize.Analyzer, which tags each token with the language of its run).
func New(tok tokenize.Tokenizer, opts ...Option) (*Extractor, error) {
	if tok == nil {
		return nil, errors.New("extract: nil tokenizer")
	}
	e := &Extractor{tok: tok, known: map[string]string{}, maxContexts: 3}
	for _, o := range opts {
		if err := o(e); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// key is the matching key of a term: NFKC (width folded) and lower case.
// Han and kana text (keyStable) is its own key.
func key(s string) string {
	if keyStable(s) {
		return s
	}
	return strings.ToLower(norm.NFKC.String(s))
}

// keyStable reports whether s has only characters that NFKC and lower
// casing leave alone and that never combine with a neighbour: han
// (U+3400–U+4DBF, U+4E00–U+9FFF), hiragana U+3041–U+3096, katakana
// U+30A1–U+30FA and ー (TestKeyStable checks this).
func keyStable(s string) bool {
	for i := 0; i < len(s); i += 3 {
		if i+2 >= len(s) || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
			return false
		}
		r := rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if s[i]&0xF0 != 0xE0 || !stableRune(r) {
			return false
		}
	}
	return true
}

func stableRune(r rune) bool {
	return 0x4E00 <= r && r <= 0x9FFF || 0x3400 <= r && r <= 0x4DBF || 0x3041 <= r && r <= 0x3096 || 0x30A1 <= r && r <= 0x30FA || r == 0x30FC
}

// Document holds what extraction keeps of one document: counts, contexts
// and pairs. The text itself is not kept (terms, unit keys and snippets are
// copied into one string), so a collection of documents costs the
// candidate table, not the corpus.
type Document struct {
	Name  string
	Pairs []Pair
	cands []*docCand // in order of first occurrence
	// Units by id (a key may have several ids: counts add up).
	// Candidates' units are sub-slices of the arrays in ids, which hold
	// ids of this document until Collection.Add maps them to the
	// collection's.
	units []docUnit
	ids   [][]int32
	owner *Collection // the collection whose unit ids the candidates hold
}

// docUnit is a unit of a document: its matching key, and how often it
// occurs with a left and with a right neighbour in a compound.
type docUnit struct {
	key         string
	left, right int
}

// unitsPool holds the units slices of documents a stream has merged.
var unitsPool sync.Pool // of *[]docUnit

type docCand struct {
	spaced   bool // Latin and CJK joined across a space: a weaker bond
	ev       Evidence
	lid      langID // langIDOf of its language (tagOf gives the tag)
	term     string
	units    []int32 // unit ids (see Document)
	freq     int
	indep    int // occurrences as a whole compound run, not inside a longer one
	contexts []Context
}

// langID identifies a language tag: its compact index when the tag is
// one exactly, else a negative number interned per distinct tag.
type langID int32

var (
	otherTags   sync.Map // language.Tag → langID, for tags without an exact compact index
	otherTagsMu sync.Mutex
	otherTagsN  int32
)

// tagsByID holds the tag of every langID a document has candidates in.
var tagsByID sync.Map // langID → language.Tag

// tagOf returns the tag of lid, which registerTag registered.
func tagOf(lid langID) language.Tag {
	t, _ := tagsByID.Load(lid)
	return t.(language.Tag)
}

// registerTag records tag as that of lid for tagOf.
func registerTag(lid langID, tag language.Tag) {
	if _, ok := tagsByID.Load(lid); !ok {
		tagsByID.Store(lid, tag)
	}
}

func langIDOf(t language.Tag) langID {
	if i, ok := language.CompactIndex(t); ok {
		return langID(i)
	}
	if v, ok := otherTags.Load(t); ok {
		return v.(langID)
	}
	otherTagsMu.Lock()
	defer otherTagsMu.Unlock()
	if v, ok := otherTags.Load(t); ok {
		return v.(langID)
	}
	otherTagsN++
	id := langID(-otherTagsN)
	otherTags.Store(t, id)
	return id
}

// Document extracts the candidates of one text. name labels contexts.
func (e *Extractor) Document(name, text string) *Document {
	return e.document(name, text, nil)
}

// document extracts the candidates of one text into a table of its own,
// or straight into the stream col when col is not nil (one document at a
// time: the result is that of col.Add(e.Document(name, text)) without a
// table to build and merge).
func (e *Extractor) document(name, text string, col *Collection) *Document {
	d := &Document{Name: name}
	sc := runPool.Get().(*runScratch)
	defer sc.release()
	b := &docBuilder{e: e, d: d, sc: sc, name: name, text: text, lines: newLineIndex(text), valid: utf8.ValidString(text)}
	if col != nil {
		b.col = col
		col.startDirect(b)
	} else if p, ok := unitsPool.Get().(*[]docUnit); ok {
		d.units = *p
	}
	// Pairs first (they need no tokens): the language of each long form is
	// that of the token covering its start, looked up chunk by chunk.
	pairs := FindPairs(text)
	pairLangs := make([]language.Tag, len(pairs))
	var jbuf []byte // joined units, for generalNouns lookups
	// Tokens come chunk by chunk when the tokenizer streams (compound runs
	// never cross the line breaks chunks end at), so memory is bounded by
	// a chunk's tokens, not the document's.
	chunk := func(toks []tokenize.Token) error {
		for i, p := range pairs {
			if pairLangs[i] == language.Und && p.Long != "" {
				pairLangs[i] = langAt(toks, p.LongAt.Start)
			}
		}
		runs := compoundRuns(sc, text, toks)
		trimChineseLongForms(text, pairs, pairLangs, runs)
		// The unit ids of the chunk's runs, in one array: each run's ids
		// are a sub-slice, shared by the candidates built from it.
		n := 0
		for _, run := range runs {
			n += len(run)
		}
		allIDs := make([]int32, 0, n)
		for _, run := range runs {
			for _, u := range run {
				allIDs = append(allIDs, b.unitID(u))
			}
			ids := allIDs[len(allIDs)-len(run):]
			for i := 1; i < len(run); i++ {
				b.adjacent(ids[i-1], ids[i])
			}
			for i := range run {
				if run[i].role == roleSuffix || run[i].deictic {
					continue
				}
				for j := i; j < len(run) && j-i < maxUnits; j++ {
					if run[j].role == rolePrefix && !(run[j].nominal && j+1 < len(run)) {
						continue
					}
					if j-i == 0 && len(run) > 1 && run[i].oneRune && !run[i].latin {
						continue // a lone character is a term only where it stands alone
					}
					if i > 0 && (glued(run[i-1], run[i]) || bindsRight(run[i-1], run[i]) || run[i-1].numeric) || j+1 < len(run) && bindsRight(run[j], run[j+1]) {
						continue
					}
					sub := run[i : j+1]
					var ok bool
					if ok, jbuf = acceptable(sub, jbuf); !ok {
						continue
					}
					start, end := sub[0].start, sub[len(sub)-1].end
					spaced := false
					for _, u := range sub[1:] {
						if u.spaced && u.latin != sub[0].latin || u.spaced && !u.latin {
							spaced = true
						}
					}
					c := b.add(text[start:end], runLang(sub), ids[i:j+1], EvPattern, start, end, spaced)
					if i == 0 && j == len(run)-1 && !run[j].predicate {
						c.indep++
					}
				}
			}
		}
		if b.col == nil {
			d.ids = append(d.ids, allIDs)
		}
		return nil
	}
	if ch, ok := e.tok.(interface {
		Chunks(string, func([]tokenize.Token) error) error
	}); ok {
		ch.Chunks(text, chunk)
	} else {
		chunk(e.tok.Tokenize(text))
	}
	if e.index != nil {
		e.index.ScanFunc(text, func(h terms.Hit) bool {
			b.mark(h.Text, h.Lang, EvGlossary, Span{h.Start, h.End})
			return true
		})
	}
	d.Pairs = pairs
	for i := range d.Pairs { // the text must not stay alive through them
		p := &d.Pairs[i]
		p.Short, p.Long, p.LongEn = strings.Clone(p.Short), strings.Clone(p.Long), strings.Clone(p.LongEn)
	}
	for i, p := range d.Pairs {
		ev := EvAbbreviation
		if p.Kind == Gloss {
			ev = EvGloss
		}
		if p.Short != "" {
			b.mark(p.Short, language.English, ev, p.ShortAt)
		}
		if p.Long != "" {
			lang := p.LongLang
			if l := pairLangs[i]; l != language.Und && l != language.English {
				lang = l
			}
			d.Pairs[i].LongLang = lang // p is a copy
			b.mark(p.Long, lang, ev, p.LongAt)
		}
		if p.LongEn != "" {
			b.mark(p.LongEn, language.English, ev, p.LongEnAt)
		}
	}
	b.finish()
	if col != nil {
		col.docs = append(col.docs, d)
		d.owner = col
	}
	return d
}

// trimChineseLongForms shortens the Chinese long forms of pairs to the
// compound run that ends where they end. Chinese has no kana to stop the
// run of characters the pair finder takes back from the bracket, so it
// takes the clause too: 可用于治疗系统性红斑狼疮(SLE) becomes
// 系统性红斑狼疮, as the compound rules split it. A long form that no run
// ends with is left as found.
func trimChineseLongForms(text string, pairs []Pair, langs []language.Tag, runs [][]unit) {
	for i := range pairs {
		p := &pairs[i]
		if p.Long == "" || langs[i] != tokenize.SimplifiedChinese && langs[i] != tokenize.TraditionalChinese {
			continue
		}
		k := sort.Search(len(runs), func(k int) bool { return runs[k][len(runs[k])-1].end >= p.LongAt.End })
		if k == len(runs) || runs[k][len(runs[k])-1].end != p.LongAt.End {
			continue
		}
		// A run the rules split off after a noun (肿瘤|坏死因子: jieba tags
		// 坏死 a verb) belongs to the long form; one after a verb (治疗|
		// 系统性红斑狼疮) does not.
		for k > 0 {
			prev := runs[k-1]
			last := prev[len(prev)-1]
			if last.end != runs[k][0].start || last.role != roleNoun || last.verbal || prev[0].start < p.LongAt.Start {
				break
			}
			k--
		}
		if start := runs[k][0].start; start > p.LongAt.Start && start < p.LongAt.End {
			p.Long, p.LongAt.Start = text[start:p.LongAt.End], start
		}
	}
}

// docBuilder is the state of one Document call.
type docBuilder struct {
	e          *Extractor
	d          *Document
	sc         *runScratch // also holds the maps and snippets below
	name, text string
	lines      lineIndex
	lastLine   int       // the line of the last context (see line)
	valid      bool      // text is valid UTF-8 (kwic steps over bytes)
	slab       []docCand // candidates are allocated in blocks
	ctxs       []Context // and contexts

	// Adding straight into a stream (see document): candidates and unit
	// keys from merged0 and keys0 on are this document's, slices of its
	// text until finish copies them.
	col            *Collection
	merged0, keys0 int
	self           []string // the document's name, for Files
	tagged         bool     // lastLid is registered (registerTag)
	lastLid        langID

	// kwic's left context of the last start offset (candidates of a run
	// that start at the same unit share it).
	leftAt int // the offset +1; 0: none yet
	left   string
}

// snip is a context whose snippet finish builds: left【key】right.
type snip struct {
	c                *docCand
	i                int // index in c.contexts
	left, key, right string
}

// unitID returns the id of u's text.
func (b *docBuilder) unitID(u unit) int32 {
	m := &b.sc.memo[u.memo]
	if m.uid < 0 {
		m.uid = b.newUnit(key(u.text))
	}
	return m.uid
}

// newUnit adds a unit with key k: a new document unit, or the stream's
// unit of that key.
func (b *docBuilder) newUnit(k string) int32 {
	if b.col != nil {
		return b.col.unitID(k)
	}
	b.d.units = append(b.d.units, docUnit{key: k})
	return int32(len(b.d.units) - 1)
}

// adjacent counts unit l as the left neighbour of unit r in a compound.
func (b *docBuilder) adjacent(l, r int32) {
	if c := b.col; c != nil {
		c.right[l]++
		c.left[r]++
		return
	}
	b.d.units[l].right++
	b.d.units[r].left++
}

// langAt returns the language of the token covering offset off.
func langAt(toks []tokenize.Token, off int) language.Tag {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End > off })
	if i < len(toks) && toks[i].Start <= off {
		return toks[i].Lang
	}
	return language.Und
}

// mark adds pair evidence to a candidate, creating it if the compound
// patterns missed it (it then counts once per pair occurrence).
func (b *docBuilder) mark(term string, lang language.Tag, ev Evidence, at Span) {
	if c := b.lookup(langIDOf(lang), lang, term); c != nil {
		c.ev |= ev
		return
	}
	ids := []int32{b.newUnit(key(term))}
	if b.col == nil {
		b.d.ids = append(b.d.ids, ids)
	}
	b.add(term, lang, ids, ev, at.Start, at.End, false).indep++
}

// lookup returns the candidate of this document with language lid (that
// of tag) and term, or nil.
func (b *docBuilder) lookup(lid langID, tag language.Tag, term string) *docCand {
	if c := b.col; c != nil {
		if i, ok := c.find(lid, term); ok && c.stamp[i] == int32(len(c.docs)) {
			return c.merged[i]
		}
		return nil
	}
	return b.sc.candMap(lid, tag)[term]
}

// add counts one occurrence of term at text[start:end]; spaced tells that
// it joins Latin and CJK across a space, which counts in the first
// document with the term. term may be a slice of the text until finish.
func (b *docBuilder) add(term string, lang language.Tag, units []int32, ev Evidence, start, end int, spaced bool) *docCand {
	lid := langIDOf(lang)
	var c *docCand
	if b.col != nil {
		c = b.col.addDirect(b, lid, lang, term, units, spaced)
	} else {
		cands := b.sc.candMap(lid, lang)
		var ok bool
		if c, ok = cands[term]; !ok {
			c = b.newCand(lid, term, units)
			cands[term] = c
			b.d.cands = append(b.d.cands, c)
		}
		c.spaced = c.spaced || spaced
	}
	c.freq++
	c.ev |= ev
	if mc := b.e.maxContexts; len(c.contexts) < mc {
		if len(c.contexts) == cap(c.contexts) {
			// One slot first (most candidates occur once), then all.
			n := 1
			if len(c.contexts) > 0 {
				n = mc
			}
			if len(b.ctxs) < n {
				b.ctxs = make([]Context, 256+n)
			}
			c.contexts = append(b.ctxs[:0:n], c.contexts...)
			b.ctxs = b.ctxs[n:]
		}
		left, right := b.kwic(start, end)
		b.sc.snips = append(b.sc.snips, snip{c, len(c.contexts), left, b.text[start:end], right})
		c.contexts = append(c.contexts, Context{File: b.name, Line: b.line(start)})
	}
	return c
}

// newCand allocates a candidate (in blocks).
func (b *docBuilder) newCand(lid langID, term string, units []int32) *docCand {
	if len(b.slab) == 0 {
		b.slab = make([]docCand, 64)
	}
	c := &b.slab[0]
	b.slab = b.slab[1:]
	*c = docCand{term: term, lid: lid, units: units[:len(units):len(units)]} // callers never modify units
	return c
}

// finish copies the strings the document keeps (terms, unit keys,
// snippets) into one string, so that the text need not stay alive.
func (b *docBuilder) finish() {
	d := b.d
	cands, keys := d.cands, []string(nil)
	if c := b.col; c != nil {
		cands, keys = c.merged[b.merged0:], c.keys[b.keys0:]
	}
	snips := b.sc.snips
	const lb, rb = "【", "】"
	n := 0
	for _, c := range cands {
		n += len(c.term)
	}
	for _, u := range d.units {
		n += len(u.key)
	}
	for _, k := range keys {
		n += len(k)
	}
	for i := range snips {
		n += len(snips[i].left) + len(lb) + len(snips[i].key) + len(rb) + len(snips[i].right)
	}
	var sb strings.Builder
	sb.Grow(n)
	for _, c := range cands {
		sb.WriteString(c.term)
	}
	for _, u := range d.units {
		sb.WriteString(u.key)
	}
	for _, k := range keys {
		sb.WriteString(k)
	}
	for i := range snips {
		sb.WriteString(snips[i].left)
		sb.WriteString(lb)
		sb.WriteString(snips[i].key)
		sb.WriteString(rb)
		sb.WriteString(snips[i].right)
	}
	all := sb.String()
	off := 0
	next := func(n int) string {
		off += n
		return all[off-n : off]
	}
	for _, c := range cands {
		c.term = next(len(c.term))
	}
	for i := range d.units {
		d.units[i].key = next(len(d.units[i].key))
	}
	for i := range keys {
		keys[i] = next(len(keys[i]))
	}
	for i := range snips {
		s := &snips[i]
		s.c.contexts[s.i].Snippet = next(len(s.left) + len(lb) + len(s.key) + len(rb) + len(s.right))
	}
}

// maxGeneralLen is the byte length of the longest general noun: longer
// unit sequences need no lookup.
var maxGeneralLen = generalNouns.maxLen

// acceptable reports whether a sub-sequence of a compound run can be a
// term: not a lone general noun, not a lone one-character Latin or digit
// string, not an English function word. buf is scratch space for joining
// units; acceptable returns it for reuse.
func acceptable(sub []unit, buf []byte) (bool, []byte) {
	if len(sub) == 1 {
		u := sub[0]
		if u.general {
			return false, buf
		}
		if u.latin {
			return u.latinShape, buf
		}
		if u.role != roleNoun && !u.nominal {
			return false, buf
		}
	}
	// A term does not start or end with a bare number (年, 28 alone).
	first, last := &sub[0], &sub[len(sub)-1]
	if last.number || first.number && len(sub) == 1 {
		return false, buf
	}
	if last.nonFinal || last.objOf&(1<<(len(sub)-1)) != 0 {
		return false, buf
	}
	if len(sub) > 1 {
		n := 0
		for i := range sub {
			n += len(sub[i].text)
		}
		if n <= maxGeneralLen {
			buf = buf[:0]
			for i := range sub {
				buf = append(buf, sub[i].text...)
			}
			if strSetHas(generalNouns, buf) {
				return false, buf
			}
		}
	}
	// A general noun with affixes only (可能|性) is still general; two or
	// more nouns make a compound that may be lexicalised (品質管理).
	nouns, general := 0, 0
	for i := range sub {
		if sub[i].role == roleNoun {
			nouns++
			if sub[i].general {
				general++
			}
		}
	}
	if sub[0].numeric && nouns == general {
		return false, buf // 24時間, 15名, 3ヶ月
	}
	return !(nouns == 1 && general == 1 && sub[0].role != rolePrefix), buf
}

// nonFinal units never end a term: 的 makes adjectives (慢性的), 等 means
// "and so on"; 自体 and 自身 mean "itself".
// Positions (上, 中, 間, 内, 外) and times (治療後, 投与前) make settings
// of a term, not terms (術後 is one word).
// 由来 makes "X-derived" modifiers (脂肪由来); person nouns (患者, 医師) head
// phrases about people, not terms (リウマチ患者).
var nonFinal = setOf("的", "等", "など", "様", "さん", "氏", "自体", "自身", "そのもの", "全体", "之", "上", "中", "間", "内", "外", "後", "前", "由来", "患者", "患者さん", "患者様", "医師", "専門医", "主治医",
	// Relational heads make phrases about a term (治療経験, 初期段階,
	// 抗炎症目的), not terms.
	"目的", "状況", "情報", "手順", "内容", "結果", "場合", "理由", "問題", "課題", "段階", "期間", "時期", "程度", "種類", "対象",
	"影響", "役割", "可能性", "可能", "特徴", "関係", "経験", "現在", "最新", "主流", "実際", "期待", "参考", "注意", "相談", "説明", "確認",
	"検討", "提供", "実施", "利用", "使用", "判断", "維持", "支援", "記事", "プラン", "ステップ", "ポイント", "メリット", "デメリット",
	"ケース", "イメージ", "アプローチ",
	// Heads of degree and choice, like 程度 and 段階 (細胞レベル, 治療選択肢).
	"レベル", "選択肢")

// glued reports whether a and b are two single han characters the
// tokenizer split out of one word (間|葉): no term starts at b. A prefix of
// side is no part of a word (左|膝).
func glued(a, b unit) bool {
	return a.role != roleSuffix && b.role != rolePrefix && a.oneRune && b.oneRune && a.allHan && b.allHan && !a.side
}

// bindsRight reports whether the single han character a leans on the han
// word b after it (幹|細胞): no term ends at a.
func bindsRight(a, b unit) bool {
	return a.role == roleNoun && a.oneRune && a.allHan && b.startHan
}

// latinTermShape reports whether a single Latin word may be a term on its
// own: an abbreviation-like form (a capital after the first letter, a
// digit, a Greek letter: MSC, DAS28, TNF-α, adMSC; in capitals, AS and OR
// too) or a lower-case word of at least five letters that is not a
// function word.
func latinTermShape(s string) bool {
	var arr [32]byte
	if lower := lowerASCII(arr[:0], s); (strSetHas(englishStop, lower) || strSetHas(englishGeneral, lower)) && !upperAbbrev(s) {
		return false
	}
	upper, letters, digits := 0, 0, 0
	for i, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
			if i > 0 {
				upper++
			}
		case r >= 'a' && r <= 'z':
			letters++
		case r >= '0' && r <= '9':
			digits++
		case r > 0x7f:
			upper++ // Greek letter
		}
	}
	if letters == 0 {
		return false
	}
	// A number with a unit or a time (12M, 10mg, 93g/L, 1yr) is a measure;
	// a term starting with a digit has two capitals at least (5-FU).
	if s[0] >= '0' && s[0] <= '9' && upper < 2 {
		return false
	}
	if upper > 0 || digits > 0 && letters >= 1 {
		return letters+digits >= 2
	}
	return letters >= 5
}

// englishStop are function words: they break English phrases.
var englishStop = setOf("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "as", "is", "are",
	"was", "were", "be", "been", "this", "that", "these", "those", "it", "its", "their", "our", "we", "not", "no", "vs", "versus",
	"et", "al", "via", "into", "than", "after", "before", "during", "between", "among", "within", "without", "using", "how", "what",
	"which", "who", "why", "can", "may", "do", "does", "has", "have", "had", "will", "would", "should", "could", "but", "if", "so",
	// Links and buttons of web pages (View Study, Read more, Click here).
	"view", "read", "click", "see", "learn", "download", "share", "print", "subscribe", "login", "next", "previous", "more", "show", "hide", "here")

// englishGeneral are words that are not terms on their own.
var englishGeneral = setOf("based", "study", "studies", "review", "journal", "vol", "doi", "pmid", "pmc", "https", "http", "www", "com", "org", "html", "retrieved",
	"accessed", "available", "online", "published", "open", "label", "new", "approaches", "challenges", "overcoming", "current",
	"clinical", "patients", "patient", "results", "result", "data", "report", "update", "perspectives")

// runLang is the language of a candidate: English when all its units are
// Latin, else the language of its first CJK unit.
func runLang(sub []unit) language.Tag {
	for _, u := range sub {
		if !u.latin {
			if u.lang == language.Und || u.lang == language.English {
				return language.Japanese
			}
			return u.lang
		}
	}
	return language.English
}

// Collection accumulates documents and scores their candidates with the
// statistics of all of them. Add is not safe for concurrent use; extract
// documents concurrently and add them from one goroutine.
type Collection struct {
	e      *Extractor
	docs   []*Document
	forget bool // streaming: drop each document's table once merged

	// Units by collection id: key, adjacency counts and the hash of the
	// key, with seed; unitIDs finds a key's id.
	unitIDs     indexTable
	keys        []string
	left, right []int
	unitHashes  []uint64
	remap       []int32 // scratch: document unit id → collection id

	// The merged candidate table, filled by Add: idx finds a candidate's
	// index in merged by its language and term (hashes[i] is that of
	// merged[i], with seed).
	idx    indexTable
	seed   maphash.Seed
	hashes []uint64
	merged []*docCand
	shared []bool // merged[i] is still a document's own candidate
	df     []int
	files  [][]string
	stamp  []int32   // the number of the last document with merged[i]
	slab   []docCand // merged candidates are allocated in blocks
}

// NewCollection returns an empty collection scored by e. It keeps every
// document's own table, for DocumentCandidates (evaluation per article).
func (e *Extractor) NewCollection() *Collection {
	return &Collection{e: e, unitIDs: newIndexTable(0), idx: newIndexTable(0), seed: maphash.MakeSeed()}
}

// NewStream returns a collection that merges each added document into the
// collection table and then drops the document's own table (keeping its
// name and pairs): memory grows with the number of distinct candidates, not
// with the number of documents. DocumentCandidates returns nil for its
// documents.
func (e *Extractor) NewStream() *Collection {
	c := e.NewCollection()
	c.forget = true
	return c
}

// Add adds a document.
func (c *Collection) Add(d *Document) {
	if len(c.docs) == 0 { // the collection has at least the first document's candidates and units
		c.idx = newIndexTable(len(d.cands))
		c.unitIDs = newIndexTable(len(d.units))
	}
	c.docs = append(c.docs, d)
	c.addUnits(d)
	c.merged = slices.Grow(c.merged, len(d.cands))
	c.shared = slices.Grow(c.shared, len(d.cands))
	c.df = slices.Grow(c.df, len(d.cands))
	c.files = slices.Grow(c.files, len(d.cands))
	// Candidates seen in one document (most of them) share one []string
	// holding its name; the capacity of 1 makes a second file's append copy.
	self := []string{d.Name}
	c.hashes = slices.Grow(c.hashes, len(d.cands))
	doc := int32(len(c.docs) - 1)
	for _, dc := range d.cands {
		h := c.candHash(dc.lid, dc.term)
		slot, ok := c.findCand(h, dc.lid, dc.term)
		if !ok {
			// A stream drops the document's table: take the candidate over.
			// Else share it until a second document adds to it.
			c.newMerged(slot, h, dc, !c.forget, self, doc)
			continue
		}
		i := c.idx.get(slot)
		c.seenIn(i, doc, d.Name)
		m := c.merged[i]
		if c.shared[i] { // the first document keeps its own counts: copy
			if len(c.slab) == 0 {
				c.slab = make([]docCand, 64)
			}
			m = &c.slab[0]
			c.slab = c.slab[1:]
			*m = *c.merged[i]
			m.contexts = m.contexts[:len(m.contexts):len(m.contexts)] // appends copy
			c.merged[i], c.shared[i] = m, false
		}
		m.freq += dc.freq
		m.indep += dc.indep
		m.ev |= dc.ev
		for _, x := range dc.contexts {
			if len(m.contexts) < c.e.maxContexts {
				m.contexts = append(m.contexts, x)
			}
		}
	}
	if c.forget {
		clear(d.units)
		units := d.units[:0]
		unitsPool.Put(&units)
		d.cands, d.units = nil, nil
	}
}

// candHash is the hash of a candidate in idx.
func (c *Collection) candHash(lid langID, term string) uint64 {
	return mix(maphash.String(c.seed, term) ^ uint64(uint32(lid)))
}

// find returns the index in merged of the candidate of language lid and
// term.
func (c *Collection) find(lid langID, term string) (int, bool) {
	slot, ok := c.findCand(c.candHash(lid, term), lid, term)
	if !ok {
		return 0, false
	}
	return c.idx.get(slot), true
}

// findCand is idx.find for the candidate of hash h, language lid and
// term.
func (c *Collection) findCand(h uint64, lid langID, term string) (slot int, ok bool) {
	return c.idx.find(h, func(i int) bool { m := c.merged[i]; return m.lid == lid && m.term == term })
}

// startDirect prepares c for b, a document added straight into it.
func (c *Collection) startDirect(b *docBuilder) {
	// Room for the document's new candidates: at most one per 32 bytes in
	// most texts (the seeds: one per 38), and far fewer in a large one,
	// whose words repeat: beyond 4096, the tables grow as needed.
	n := min(len(b.text)/32, 4096)
	if len(c.docs) == 0 { // 64 KB each: most collections never grow them
		c.idx = newIndexTable(4096)
		c.unitIDs = newIndexTable(4096)
	}
	b.merged0, b.keys0 = len(c.merged), len(c.keys)
	b.self = []string{b.name}
	c.merged, c.hashes, c.shared = slices.Grow(c.merged, n), slices.Grow(c.hashes, n), slices.Grow(c.shared, n)
	c.df, c.files, c.stamp = slices.Grow(c.df, n), slices.Grow(c.files, n), slices.Grow(c.stamp, n)
}

// addDirect is docBuilder.add's table step for a document added straight
// into c: it returns the candidate of language lid (that of tag) and
// term, counting the document in its files as Add would.
func (c *Collection) addDirect(b *docBuilder, lid langID, tag language.Tag, term string, units []int32, spaced bool) *docCand {
	h := c.candHash(lid, term)
	slot, ok := c.findCand(h, lid, term)
	doc := int32(len(c.docs))
	if ok {
		i := c.idx.get(slot)
		c.seenIn(i, doc, b.name)
		m := c.merged[i]
		if i >= b.merged0 { // spaced counts in the first document only, as in Add
			m.spaced = m.spaced || spaced
		}
		return m
	}
	if !b.tagged || b.lastLid != lid {
		registerTag(lid, tag)
		b.tagged, b.lastLid = true, lid
	}
	m := b.newCand(lid, term, units)
	m.spaced = spaced
	c.newMerged(slot, h, m, false, b.self, doc)
	return m
}

// newMerged adds m, of hash h, to the merged table at slot (from
// findCand), first seen in document doc, whose name is self[0]; shared
// tells that m is still a document's own candidate.
func (c *Collection) newMerged(slot int, h uint64, m *docCand, shared bool, self []string, doc int32) {
	c.idx.insert(slot, len(c.merged), h, func(i int) uint64 { return c.hashes[i] })
	c.hashes = append(c.hashes, h)
	c.merged = append(c.merged, m)
	c.shared = append(c.shared, shared)
	c.df = append(c.df, 1)
	c.files = append(c.files, self[:1:1]) // a second file's append copies
	c.stamp = append(c.stamp, doc)
}

// seenIn counts document doc, named name, in the document frequency and
// files of merged[i], once.
func (c *Collection) seenIn(i int, doc int32, name string) {
	if c.stamp[i] != doc {
		c.stamp[i] = doc
		c.df[i]++
		c.files[i] = append(c.files[i], name)
	}
}

// addUnits adds the adjacency counts of d and makes its candidates' units
// collection unit ids.
func (c *Collection) addUnits(d *Document) {
	remap := c.remap[:0]
	for _, u := range d.units {
		g := c.unitID(u.key)
		remap = append(remap, g)
		c.left[g] += u.left
		c.right[g] += u.right
	}
	c.remap = remap
	switch d.owner {
	case nil:
		for _, a := range d.ids {
			for j, x := range a {
				a[j] = remap[x]
			}
		}
		d.ids = nil
	case c: // added again: the ids are already the collection's
	default:
		// Added to another collection before: new arrays, so that the
		// other collection's copies keep its ids.
		for _, dc := range d.cands {
			u := make([]int32, len(dc.units))
			for j, x := range dc.units {
				u[j] = c.unitID(d.owner.keys[x])
			}
			dc.units = u
		}
	}
	d.owner = c
}

// unitID returns the collection id of the unit key k, adding it if new.
func (c *Collection) unitID(k string) int32 {
	h := mix(maphash.String(c.seed, k))
	slot, ok := c.unitIDs.find(h, func(i int) bool { return c.keys[i] == k })
	if ok {
		return int32(c.unitIDs.get(slot))
	}
	g := len(c.keys)
	c.unitIDs.insert(slot, g, h, func(i int) uint64 { return c.unitHashes[i] })
	c.keys = append(c.keys, k)
	c.unitHashes = append(c.unitHashes, h)
	c.left = append(c.left, 0)
	c.right = append(c.right, 0)
	return int32(g)
}

// Documents returns the documents in the order they were added.
func (c *Collection) Documents() []*Document { return c.docs }

// lr is the geometric mean of (FL+1)(FR+1) over the units of a candidate
// (Nakagawa & Mori 2003, frequency variant). logs caches, per unit id,
// ln(FL+1) + ln(FR+1) (negative until computed).
func (c *Collection) lr(units []int32, logs []float64) float64 {
	if len(units) == 0 {
		return 1
	}
	s := 0.0
	for _, u := range units {
		v := logs[u]
		if v < 0 {
			v = math.Log(float64(c.left[u]+1)) + math.Log(float64(c.right[u]+1))
			logs[u] = v
		}
		s += v
	}
	return math.Exp(s / float64(2*len(units)))
}

// Candidates returns the candidates of the whole collection, best first.
func (c *Collection) Candidates() []Candidate {
	return c.score(c.merged, func(i int, cand *Candidate) {
		cand.DocFreq = c.df[i]
		cand.Files = c.files[i]
	})
}

// DocumentCandidates returns the candidates of one document, best first,
// scored with the document's frequencies and the collection's adjacency
// statistics. It returns nil for a document last added to another
// collection (or not added).
func (c *Collection) DocumentCandidates(d *Document) []Candidate {
	if c.forget || d.owner != c {
		return nil
	}
	return c.score(d.cands, func(_ int, cand *Candidate) {
		cand.DocFreq = 1
		cand.Files = []string{d.Name}
	})
}

// score computes termhood, FLR of Nakagawa & Mori with a length factor:
//
//	score(a) = |a|^½ · f_ind(a) · LR(a)^½ · boost(a)
//	LR(a)    = (Π_i (FL(u_i)+1)(FR(u_i)+1))^(1/2|a|)
//
// where |a| is the number of units, f_ind(a) the number of occurrences of a
// as a whole compound (not inside a longer one; nestedWeight of the nested
// ones is added, 0 by default: this is what separates the C-value family
// from raw frequency), FL/FR the frequencies of the left/right neighbours of
// a unit inside compounds over the whole collection. boost is 2 for
// glossary-known terms, 1.5 with abbreviation or gloss evidence and
// spacedPenalty for Latin–CJK joins across a space. A candidate seen only
// inside longer ones scores 0.1 · LR^½ · (1 + max(0, C(a))) with C the
// C-value of Frantzi, Ananiadou & Mima, C(a) = log2(1+|a|) · (f(a) −
// Σ_{b∈T(a)} f(b)/|T(a)|), T(a) the longer candidates containing a: it stays
// listed, after the independent ones, ordered by how much it occurs beyond
// its containers. fill sets per-candidate fields (document frequency,
// files) by the candidate's index in cands.
func (c *Collection) score(cands []*docCand, fill func(i int, cand *Candidate)) []Candidate {
	// Nesting: for each candidate, the longer candidates that contain it.
	byUnits := newIndexTable(len(cands))
	for i, dc := range cands {
		h := unitsHash(dc.lid, dc.units)
		slot, ok := byUnits.find(h, func(j int) bool {
			return cands[j].lid == dc.lid && slices.Equal(cands[j].units, dc.units)
		})
		// Surfaces differing only in case or width share a key: keep the
		// smallest, so the result does not depend on the input order.
		if !ok || dc.term < cands[byUnits.get(slot)].term {
			byUnits.set(slot, i, h)
		}
	}
	nestSum := make([]int, len(cands))
	nestN := make([]int, len(cands))
	type edge struct{ in, out int32 } // cands[in] is contained in cands[out]
	maxEdges := 0                     // at most the proper sub-sequences
	for _, b := range cands {
		if n := len(b.units); n > 1 {
			maxEdges += n*(n+1)/2 - 1
		}
	}
	edges := make([]edge, 0, maxEdges)
	var seen []int
	for k, b := range cands {
		n := len(b.units)
		if n < 2 {
			continue
		}
		seen = seen[:0]
		for i := 0; i < n; i++ {
			for j := i + 1; j <= n; j++ {
				if j-i == n {
					continue
				}
				sub := b.units[i:j]
				h := unitsHash(b.lid, sub)
				slot, ok := byUnits.find(h, func(a int) bool {
					return cands[a].lid == b.lid && slices.Equal(cands[a].units, sub)
				})
				ak := byUnits.get(slot)
				if !ok || slices.Contains(seen, ak) {
					continue
				}
				seen = append(seen, ak)
				nestSum[ak] += b.freq
				nestN[ak]++
				edges = append(edges, edge{int32(ak), int32(k)})
			}
		}
	}
	// containedIn and contains as sub-slices of two flat arrays.
	inOff := make([]int32, len(cands)+1)
	outOff := make([]int32, len(cands)+1)
	for _, x := range edges {
		inOff[x.in+1]++
		outOff[x.out+1]++
	}
	for i := range cands {
		inOff[i+1] += inOff[i]
		outOff[i+1] += outOff[i]
	}
	inFlat := make([]string, len(edges))
	outFlat := make([]string, len(edges))
	inPos := slices.Clone(inOff[:len(cands)])
	outPos := slices.Clone(outOff[:len(cands)])
	for _, x := range edges {
		inFlat[inPos[x.in]] = cands[x.out].term
		inPos[x.in]++
		outFlat[outPos[x.out]] = cands[x.in].term
		outPos[x.out]++
	}
	generic := make([]int8, len(c.left)) // termWeight's cache
	logs := make([]float64, len(c.left))
	for i := range logs {
		logs[i] = -1
	}
	lookup := c.e.index != nil || len(c.e.known) > 0
	scores := make([]float64, len(cands))
	var concepts []string
	var known []bool
	if lookup {
		concepts, known = make([]string, len(cands)), make([]bool, len(cands))
	}
	for k, dc := range cands {
		l := float64(len(dc.units))
		f := float64(dc.indep) + nestedWeight*float64(dc.freq-dc.indep)
		lr := math.Sqrt(c.lr(dc.units, logs))
		s := math.Sqrt(l) * f * lr
		if s <= 0 {
			// Seen only inside longer candidates: rank by C-value,
			// C(a) = log2(1+|a|)·(f(a) − Σ_{b∈T(a)} f(b)/|T(a)|), below the others.
			cv := float64(dc.freq)
			if n := nestN[k]; n > 0 {
				cv -= float64(nestSum[k]) / float64(n)
			}
			s = 0.1 * lr * (1 + math.Max(0, math.Log2(1+l)*cv))
		}
		if lookup {
			if id, ok := c.e.conceptOf(dc.term); ok {
				concepts[k], known[k] = id, true
				s *= 2
			}
		}
		if dc.ev&(EvAbbreviation|EvGloss) != 0 {
			s *= 1.5
		}
		if dc.spaced {
			s *= spacedPenalty
		}
		if !lookup || !known[k] {
			s *= termWeight(c.keys, dc.units, generic)
		}
		scores[k] = math.Round(s*1000) / 1000
	}
	order, mask := rank(cands, scores)
	out := make([]Candidate, len(cands))
	var lid langID
	var tag language.Tag
	for i, r := range order {
		k := int(r & mask)
		dc := cands[k]
		if i == 0 || dc.lid != lid {
			lid, tag = dc.lid, tagOf(dc.lid)
		}
		var in, has []string // nil when empty, as before
		if inOff[k] < inOff[k+1] {
			in = inFlat[inOff[k]:inOff[k+1]:inOff[k+1]]
			slices.Sort(in) // map order upstream: make output stable
		}
		if outOff[k] < outOff[k+1] {
			has = outFlat[outOff[k]:outOff[k+1]:outOff[k+1]]
			slices.Sort(has)
		}
		cand := &out[i]
		*cand = Candidate{Term: dc.term, Lang: tag, Score: scores[k], Freq: dc.freq, Evidence: dc.ev, Contexts: dc.contexts,
			ContainedIn: slices.Compact(in), Contains: slices.Compact(has)}
		if lookup && known[k] {
			cand.Concept = concepts[k]
			cand.Evidence |= EvGlossary
		}
		fill(k, cand)
	}
	return out
}

// rank returns the indices of cands ordered by score and frequency
// descending, then term and language (a total order), in the low bits
// (mask) of the returned integers. Where they fit, the high bits hold the
// score in thousandths and the frequency (scores are rounded to
// thousandths, finite and not negative; below 2⁴⁰ thousandths a score
// and its key map one to one), so that most comparisons are
// integer ones.
func rank(cands []*docCand, scores []float64) (order []uint64, mask uint64) {
	order = make([]uint64, len(cands))
	byTerm := func(a, b uint64) int {
		x, y := cands[a&mask], cands[b&mask]
		if c := strings.Compare(x.term, y.term); c != 0 {
			return c
		}
		return strings.Compare(tagOf(x.lid).String(), tagOf(y.lid).String())
	}
	maxMilli, maxFreq := 0.0, 0
	for k, dc := range cands {
		maxMilli = max(maxMilli, math.Round(scores[k]*1000))
		maxFreq = max(maxFreq, dc.freq)
	}
	kb, fb := bits.Len(uint(len(cands))), bits.Len(uint(maxFreq))
	if maxMilli < 1<<40 && bits.Len64(uint64(maxMilli))+fb+kb <= 64 {
		mask = 1<<kb - 1
		for k, dc := range cands {
			// Descending: the distance below the largest key.
			key := uint64(maxMilli-math.Round(scores[k]*1000))<<fb | uint64(maxFreq-dc.freq)
			order[k] = key<<kb | uint64(k)
		}
		slices.Sort(order)
		for i := 0; i < len(order); {
			j := i + 1
			for j < len(order) && order[j]>>kb == order[i]>>kb {
				j++
			}
			if j-i > 1 {
				slices.SortFunc(order[i:j], byTerm)
			}
			i = j
		}
		return order, mask
	}
	mask = math.MaxUint64
	for k := range order {
		order[k] = uint64(k)
	}
	slices.SortFunc(order, func(a, b uint64) int {
		x, y := cands[a], cands[b]
		switch {
		case scores[a] != scores[b]:
			return -cmp.Compare(scores[a], scores[b])
		case x.freq != y.freq:
			return -cmp.Compare(x.freq, y.freq)
		}
		return byTerm(a, b)
	})
	return order, mask
}

// spacedPenalty scales the score of Latin–CJK compounds joined across a
// space (MSC 療法): most such sequences are two words side by side.
const spacedPenalty = 0.3

// nestedWeight is how much an occurrence inside a longer compound counts
// compared with an occurrence as a whole compound.
const nestedWeight = 0

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex []int

func newLineIndex(text string) lineIndex {
	li := make(lineIndex, 1, 1+strings.Count(text, "\n"))
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			return li
		}
		i += j + 1
		li = append(li, i)
	}
}

func (li lineIndex) line(off int) int {
	return sort.Search(len(li), func(i int) bool { return li[i] > off })
}

// line returns the line of offset off, checking first the line of the
// last context (candidates of one run share it).
func (b *docBuilder) line(off int) int {
	if k := b.lastLine; k > 0 && b.lines[k-1] <= off && (k == len(b.lines) || off < b.lines[k]) {
		return k
	}
	b.lastLine = b.lines.line(off)
	return b.lastLine
}

// kwic returns the text around [start,end) on its line, up to 15
// characters either side, without the spaces at its ends: the snippet is
// left【text[start:end]】right.
func (b *docBuilder) kwic(start, end int) (left, right string) {
	const width = 15
	text := b.text
	// In valid UTF-8 cut at rune boundaries, a character is a lead byte
	// and its continuation bytes, and '\n' is one byte.
	bytewise := b.valid && (start == len(text) || utf8.RuneStart(text[start])) && (end == len(text) || utf8.RuneStart(text[end]))
	l, r := start, end
	if bytewise {
		if b.leftAt == start+1 {
			left = b.left
		} else {
			for n := 0; n < width && l > 0; n++ {
				if text[l-1] == '\n' {
					break
				}
				l--
				for text[l]&0xC0 == 0x80 {
					l--
				}
			}
			left = trimSpace(text[l:start])
			b.leftAt, b.left = start+1, left
		}
		for n := 0; n < width && r < len(text); n++ {
			c := text[r]
			if c == '\n' {
				break
			}
			r += int(utf8Len[c>>4]) // a lead byte: valid UTF-8 has the rest
		}
		return left, trimSpace(text[end:r])
	}
	for n := 0; n < width && l > 0; n++ {
		c, w := utf8.DecodeLastRuneInString(text[:l])
		if c == '\n' {
			break
		}
		l -= w
	}
	for n := 0; n < width && r < len(text); n++ {
		c, w := utf8.DecodeRuneInString(text[r:])
		if c == '\n' {
			break
		}
		r += w
	}
	return trimSpace(text[l:start]), trimSpace(text[end:r])
}

// utf8Len is the length of a UTF-8 sequence by the high bits of its lead
// byte.
var utf8Len = [16]uint8{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4}

// trimSpace is strings.TrimSpace, without its Unicode path where the first
// and last characters are certainly not white space.
func trimSpace(s string) string {
	if s == "" {
		return s
	}
	if !maySpace(s, 0) {
		i := len(s) - 1 // the start of the last character
		for i > 0 && !utf8.RuneStart(s[i]) && len(s)-i < utf8.UTFMax {
			i--
		}
		if !maySpace(s, i) {
			return s
		}
	}
	return strings.TrimSpace(s)
}

// maySpace reports whether s[i:] may start with white space: false only
// when it certainly does not (white space outside ASCII starts with the
// bytes C2, E1, E2 or E3 80 80).
func maySpace(s string, i int) bool {
	switch c := s[i]; {
	case c < utf8.RuneSelf:
		return asciiSpace(c)
	case c == 0xE3:
		return i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80
	}
	return s[i] == 0xC2 || s[i] == 0xE1 || s[i] == 0xE2
}

// conceptOf returns the id of the concept a term is known as: through the
// index's ladder up to kana folding when there is an index, else by NFKC
// and case.
func (e *Extractor) conceptOf(term string) (string, bool) {
	if id, ok := e.known[key(term)]; ok {
		return id, true
	}
	if e.index != nil {
		if ms := e.index.Lookup(term, terms.Through(terms.KanaFolded), terms.Limit(1)); len(ms) > 0 {
			return ms[0].Concept.ID, true
		}
	}
	return "", false
}
