package extract

import (
	"cmp"
	"errors"
	"math"
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
	maxUnits    int
}

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
	e := &Extractor{tok: tok, known: map[string]string{}, maxContexts: 3, maxUnits: 7}
	for _, o := range opts {
		if err := o(e); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// key is the matching key of a term: NFKC (width folded) and lower case.
func key(s string) string { return strings.ToLower(norm.NFKC.String(s)) }

// Document holds what extraction keeps of one document: counts, contexts
// and pairs. The text itself is not kept, so a collection of documents
// costs the candidate table, not the corpus.
type Document struct {
	Name  string
	Pairs []Pair
	cands map[candID]*docCand
	// Adjacency counts by unit: unit key uniq[i] occurs left[i] times with
	// a left neighbour in a compound and right[i] times with a right one
	// (a key may occur more than once: counts add up).
	uniq        []string
	left, right []int
}

type docCand struct {
	spaced   bool // Latin and CJK joined across a space: a weaker bond
	term     string
	lang     language.Tag
	units    []string
	freq     int
	indep    int // occurrences as a whole compound run, not inside a longer one
	ev       Evidence
	contexts []Context
}

// candID identifies a candidate: its language and surface form. The
// language is a small integer (langIDOf), which hashes and compares much
// faster than a language.Tag in the per-occurrence map updates.
type candID struct {
	lang langID
	term string
}

// langID identifies a language tag: its compact index when the tag is
// one exactly, else a negative number interned per distinct tag.
type langID int32

var (
	otherTags   sync.Map // language.Tag → langID, for tags without an exact compact index
	otherTagsMu sync.Mutex
	otherTagsN  int32
)

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
	d := &Document{Name: name}
	lines := newLineIndex(text)
	// Pairs first (they need no tokens): the language of each long form is
	// that of the token covering its start, looked up chunk by chunk.
	pairs := FindPairs(text)
	pairLangs := make([]language.Tag, len(pairs))
	sc := runPool.Get().(*runScratch)
	defer sc.release()
	d.cands = make(map[candID]*docCand, min(len(text), 1<<20)/16)
	// unit text → index in d.uniq. Two texts with one key (width, case)
	// get two entries; Collection.Add sums counts by key.
	unitIDs := map[string]int32{}
	var slab []docCand // candidates are allocated in blocks
	var jbuf []byte    // joined units, for generalNouns lookups
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
		// The matching keys of the chunk's units, in one array: each
		// run's keys are a sub-slice, shared by the candidates built from
		// it (never modified).
		n := 0
		for _, run := range runs {
			n += len(run)
		}
		allKeys := make([]string, 0, n)
		allIDs := make([]int32, 0, n)
		for _, run := range runs {
			for _, u := range run {
				id, ok := unitIDs[u.text]
				if !ok {
					id = int32(len(d.uniq))
					d.uniq = append(d.uniq, key(u.text))
					unitIDs[u.text] = id
				}
				allKeys = append(allKeys, d.uniq[id])
				allIDs = append(allIDs, id)
			}
			keys := allKeys[len(allKeys)-len(run):]
			ids := allIDs[len(allIDs)-len(run):]
			if len(d.left) < len(d.uniq) {
				d.left = append(d.left, make([]int, len(d.uniq)-len(d.left))...)
				d.right = append(d.right, make([]int, len(d.uniq)-len(d.right))...)
			}
			for i := 1; i < len(run); i++ {
				d.right[ids[i-1]]++
				d.left[ids[i]]++
			}
			for i := range run {
				if run[i].role == roleSuffix {
					continue
				}
				for j := i; j < len(run) && j-i < e.maxUnits; j++ {
					if run[j].role == rolePrefix {
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
					if len(slab) == 0 {
						slab = make([]docCand, 64)
					}
					c := d.add(e, &slab, text[sub[0].start:sub[len(sub)-1].end], runLang(sub), keys[i:j+1], EvPattern, name, text, lines, sub[0].start, sub[len(sub)-1].end)
					if i == 0 && j == len(run)-1 {
						c.indep++
					}
					for _, u := range sub[1:] {
						if u.spaced && u.latin != sub[0].latin || u.spaced && !u.latin {
							c.spaced = true
						}
					}
				}
			}
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
		for _, h := range e.index.Scan(text) {
			d.mark(e, h.Text, h.Lang, EvGlossary, name, text, lines, Span{h.Start, h.End})
		}
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
			d.mark(e, p.Short, language.English, ev, name, text, lines, p.ShortAt)
		}
		if p.Long != "" {
			lang := p.LongLang
			if l := pairLangs[i]; l != language.Und && l != language.English {
				lang = l
			}
			p.LongLang = lang
			d.mark(e, p.Long, lang, ev, name, text, lines, p.LongAt)
		}
		if p.LongEn != "" {
			d.mark(e, p.LongEn, language.English, ev, name, text, lines, p.LongEnAt)
		}
	}
	return d
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
func (d *Document) mark(e *Extractor, term string, lang language.Tag, ev Evidence, name, text string, lines lineIndex, at Span) {
	if c, ok := d.cands[candID{langIDOf(lang), term}]; ok {
		c.ev |= ev
		return
	}
	d.add(e, nil, term, lang, []string{key(term)}, ev, name, text, lines, at.Start, at.End).indep++
}

// add counts one occurrence of term. A new candidate is taken from *slab
// when slab is not nil (the caller keeps it non-empty).
func (d *Document) add(e *Extractor, slab *[]docCand, term string, lang language.Tag, units []string, ev Evidence, name, text string, lines lineIndex, start, end int) *docCand {
	id := candID{langIDOf(lang), term}
	c, ok := d.cands[id]
	if !ok {
		if slab != nil {
			c = &(*slab)[0]
			*slab = (*slab)[1:]
		} else {
			c = new(docCand)
		}
		// Clone: term is a slice of the text, which must not stay alive.
		id.term = strings.Clone(term)
		*c = docCand{term: id.term, lang: lang, units: units[:len(units):len(units)]} // callers never modify units
		d.cands[id] = c
	}
	c.freq++
	c.ev |= ev
	if len(c.contexts) < e.maxContexts {
		if len(c.contexts) == cap(c.contexts) {
			// One slot first (most candidates occur once), then all.
			n := 1
			if len(c.contexts) > 0 {
				n = e.maxContexts
			}
			c.contexts = append(make([]Context, 0, n), c.contexts...)
		}
		c.contexts = append(c.contexts, Context{File: name, Line: lines.line(start), Snippet: kwic(text, start, end)})
	}
	return c
}

// maxGeneralLen is the byte length of the longest general noun: longer
// unit sequences need no lookup.
var maxGeneralLen = maxLen(generalNouns)

func maxLen(set map[string]bool) int {
	n := 0
	for s := range set {
		n = max(n, len(s))
	}
	return n
}

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
		if u.role != roleNoun {
			return false, buf
		}
	}
	// A term does not start or end with a bare number (年, 28 alone).
	first, last := &sub[0], &sub[len(sub)-1]
	if last.number || first.number && len(sub) == 1 {
		return false, buf
	}
	if last.nonFinal {
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
			if generalNouns[string(buf)] {
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
// 由来 makes "X-derived" modifiers (脂肪由来); person nouns (患者, 医師) head
// phrases about people, not terms (リウマチ患者).
var nonFinal = setOf("的", "等", "など", "様", "さん", "氏", "自体", "自身", "そのもの", "全体", "之", "上", "中", "間", "内", "外", "由来", "患者", "患者さん", "患者様", "医師", "専門医", "主治医")

// maxNonFinalLen is the byte length of the longest nonFinal unit.
var maxNonFinalLen = maxLen(nonFinal)

// glued reports whether a and b are two single han characters the
// tokenizer split out of one word (間|葉): no term starts at b.
func glued(a, b unit) bool {
	return a.role != roleSuffix && b.role != rolePrefix && a.oneRune && b.oneRune && a.allHan && b.allHan
}

// bindsRight reports whether the single han character a leans on the han
// word b after it (幹|細胞): no term ends at a.
func bindsRight(a, b unit) bool {
	return a.role == roleNoun && a.oneRune && a.allHan && b.startHan
}

// latinTermShape reports whether a single Latin word may be a term on its
// own: an abbreviation-like form (a capital after the first letter, a
// digit, a Greek letter: MSC, DAS28, TNF-α, adMSC) or a lower-case word of
// at least five letters that is not a function word.
func latinTermShape(s string) bool {
	if englishStop[strings.ToLower(s)] || englishGeneral[strings.ToLower(s)] {
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
	"which", "who", "why", "can", "may", "do", "does", "has", "have", "had", "will", "would", "should", "could", "but", "if", "so")

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
	left   map[string]int
	right  map[string]int
	forget bool // streaming: drop each document's table once merged

	// The merged candidate table, filled by Add.
	idx    map[candID]int
	merged []*docCand
	df     []int
	files  [][]string
	slab   []docCand // merged candidates are allocated in blocks
}

// NewCollection returns an empty collection scored by e. It keeps every
// document's own table, for DocumentCandidates (evaluation per article).
func (e *Extractor) NewCollection() *Collection {
	return &Collection{e: e, left: map[string]int{}, right: map[string]int{}, idx: map[candID]int{}}
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
	c.docs = append(c.docs, d)
	for i, k := range d.uniq {
		if i < len(d.left) && d.left[i] > 0 {
			c.left[k] += d.left[i]
		}
		if i < len(d.right) && d.right[i] > 0 {
			c.right[k] += d.right[i]
		}
	}
	// Candidates seen in one document (most of them) share one []string
	// holding its name; the capacity of 1 makes a second file's append copy.
	self := []string{d.Name}
	for k, dc := range d.cands {
		i, ok := c.idx[k]
		if !ok {
			i = len(c.merged)
			c.idx[k] = i
			var m *docCand
			if c.forget {
				m = dc // the document's table is dropped below: take it over
			} else {
				if len(c.slab) == 0 {
					c.slab = make([]docCand, 256)
				}
				m = &c.slab[0]
				c.slab = c.slab[1:]
				*m = *dc
				m.contexts = dc.contexts[:len(dc.contexts):len(dc.contexts)] // appends copy
			}
			c.merged = append(c.merged, m)
			c.df = append(c.df, 1)
			c.files = append(c.files, self[:1:1])
			continue
		}
		m := c.merged[i]
		m.freq += dc.freq
		m.indep += dc.indep
		m.ev |= dc.ev
		for _, x := range dc.contexts {
			if len(m.contexts) < c.e.maxContexts {
				m.contexts = append(m.contexts, x)
			}
		}
		c.df[i]++
		c.files[i] = append(c.files[i], d.Name)
	}
	if c.forget {
		d.cands, d.uniq, d.left, d.right = nil, nil, nil, nil
	}
}

// Documents returns the documents in the order they were added.
func (c *Collection) Documents() []*Document { return c.docs }

// lr is the geometric mean of (FL+1)(FR+1) over the units of a candidate
// (Nakagawa & Mori 2003, frequency variant). logs caches, per unit,
// ln(FL+1) + ln(FR+1).
func (c *Collection) lr(units []string, logs map[string]float64) float64 {
	if len(units) == 0 {
		return 1
	}
	s := 0.0
	for _, u := range units {
		v, ok := logs[u]
		if !ok {
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
// statistics.
func (c *Collection) DocumentCandidates(d *Document) []Candidate {
	if d.cands == nil {
		return nil
	}
	cands := make([]*docCand, 0, len(d.cands))
	for _, dc := range d.cands { // order is restored by the final sort
		cands = append(cands, dc)
	}
	return c.score(cands, func(_ int, cand *Candidate) {
		cand.DocFreq = 1
		cand.Files = []string{d.Name}
	})
}

// unitsKey appends the matching key of a unit sequence to buf.
func unitsKey(buf []byte, lang langID, units []string) []byte {
	buf = append(buf, byte(lang), byte(lang>>8), byte(lang>>16), byte(lang>>24))
	for _, u := range units {
		buf = append(buf, 0)
		buf = append(buf, u...)
	}
	return buf
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
	// All keys are built into one buffer and converted to one string, so
	// the map keys are substrings of it (no allocation per key).
	lids := make([]langID, len(cands))
	ends := make([]int, len(cands))
	var buf []byte
	for i, dc := range cands {
		lids[i] = langIDOf(dc.lang)
		buf = unitsKey(buf, lids[i], dc.units)
		ends[i] = len(buf)
	}
	all := string(buf)
	byUnits := make(map[string]int, len(cands))
	for i, dc := range cands {
		start := 0
		if i > 0 {
			start = ends[i-1]
		}
		k := all[start:ends[i]]
		// Surfaces differing only in case or width share a key: keep the
		// smallest, so the result does not depend on map order.
		if j, ok := byUnits[k]; !ok || dc.term < cands[j].term {
			byUnits[k] = i
		}
	}
	nestSum := make([]int, len(cands))
	nestN := make([]int, len(cands))
	type edge struct{ in, out int32 } // cands[in] is contained in cands[out]
	var edges []edge
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
				buf = unitsKey(buf[:0], lids[k], b.units[i:j])
				ak, ok := byUnits[string(buf)]
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
	logs := make(map[string]float64, len(c.left))
	lookup := c.e.index != nil || len(c.e.known) > 0
	type ranked struct {
		score float64
		freq  int
		term  string
		k     int
	}
	order := make([]ranked, len(cands))
	scores := make([]float64, len(cands))
	concepts := make([]string, len(cands))
	known := make([]bool, len(cands))
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
		scores[k] = math.Round(s*1000) / 1000
		order[k] = ranked{scores[k], dc.freq, dc.term, k}
	}
	// The order is total.
	slices.SortFunc(order, func(a, b ranked) int {
		switch {
		case a.score != b.score:
			return cmp.Compare(b.score, a.score)
		case a.freq != b.freq:
			return cmp.Compare(b.freq, a.freq)
		case a.term != b.term:
			return strings.Compare(a.term, b.term)
		}
		return strings.Compare(cands[a.k].lang.String(), cands[b.k].lang.String())
	})
	out := make([]Candidate, len(cands))
	for i, r := range order {
		k, dc := r.k, cands[r.k]
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
		*cand = Candidate{Term: dc.term, Lang: dc.lang, Score: scores[k], Freq: dc.freq, Evidence: dc.ev, Contexts: dc.contexts,
			ContainedIn: slices.Compact(in), Contains: slices.Compact(has), Concept: concepts[k]}
		if known[k] {
			cand.Evidence |= EvGlossary
		}
		fill(k, cand)
	}
	return out
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
	li := lineIndex{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			li = append(li, i+1)
		}
	}
	return li
}

func (li lineIndex) line(off int) int {
	return sort.Search(len(li), func(i int) bool { return li[i] > off })
}

// kwic returns the text around [start,end) on its line, up to 15
// characters either side, with the key in 【】.
func kwic(text string, start, end int) string {
	const width = 15
	l := start
	for n := 0; n < width && l > 0; n++ {
		c, w := utf8.DecodeLastRuneInString(text[:l])
		if c == '\n' {
			break
		}
		l -= w
	}
	r := end
	for n := 0; n < width && r < len(text); n++ {
		c, w := utf8.DecodeRuneInString(text[r:])
		if c == '\n' {
			break
		}
		r += w
	}
	return strings.TrimSpace(text[l:start]) + "【" + text[start:end] + "】" + strings.TrimSpace(text[end:r])
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
