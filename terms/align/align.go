package align

import (
	"fmt"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
)

// Route is the kind of evidence behind a link.
type Route uint8

const (
	RouteGlossary        Route = iota // both terms belong to one glossary concept
	RouteCognate                      // the same characters after han folding (or the same Latin token)
	RouteAbbreviation                 // an abbreviation defined on both sides, or an abbreviation and its long form
	RouteAnchor                       // a tri-anchor: CJK long form, English long form and abbreviation given together
	RouteDictionary                   // bilingual dictionaries share an English gloss for the two whole terms
	RouteCompositional                // the parts of the terms translate one another
	RouteContext                      // frequency similarity in comparable articles (weak)
	RouteTransliteration              // a katakana loanword and an English word sound alike (エクソソーム, exosome)
	numRoutes
)

var routeNames = [...]string{"glossary", "cognate", "abbreviation", "anchor", "dictionary", "compositional", "context", "transliteration"}

func (r Route) String() string {
	if int(r) < len(routeNames) {
		return routeNames[r]
	}
	return fmt.Sprintf("Route(%d)", r)
}

// ParseRoute parses a route name as printed by String.
func ParseRoute(s string) (Route, error) {
	for i, n := range routeNames {
		if strings.EqualFold(s, n) {
			return Route(i), nil
		}
	}
	return 0, fmt.Errorf("align: unknown route %q (want one of %s)", s, strings.Join(routeNames[:], ", "))
}

// MarshalText implements encoding.TextMarshaler.
func (r Route) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Route) UnmarshalText(b []byte) error {
	x, err := ParseRoute(string(b))
	if err != nil {
		return err
	}
	*r = x
	return nil
}

// Term is a term to align: its text and language, and for terms found in
// articles, how often it occurs.
type Term struct {
	Text string
	Lang language.Tag
	Freq int // occurrences in its article(s); 0 when unknown
}

// Part is one matched pair of pieces inside a compositional link.
type Part struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Route  Route  `json:"route"`           // RouteCognate, RouteDictionary or RouteGlossary
	Via    string `json:"via,omitempty"`   // the shared English gloss or concept id
	Whole  bool   `json:"whole,omitempty"` // the part is the whole of both terms
}

// Evidence is one route's support for a link.
type Evidence struct {
	Route  Route   `json:"route"`
	Score  float64 `json:"score"`
	Detail string  `json:"detail,omitempty"`
	Parts  []Part  `json:"parts,omitempty"`
}

// Link is a proposed equivalence between a source and a target term.
type Link struct {
	Source   Term
	Target   Term
	Score    float64    // the best route's score, raised a little when other routes agree
	Route    Route      // the route of the best evidence
	Evidence []Evidence // every route that supports the link, best first
	// Standard is set on a cognate link when the glossary or a dictionary
	// gives a different standard term in the target language: the cognate
	// is a literal rendering, not the standard term.
	Standard     string
	StandardFrom string // "glossary" or "dictionary"
	// FalseFriend is set when the folded characters agree but the
	// dictionaries give the two terms no common meaning.
	FalseFriend bool
}

// Aligner proposes equivalents between terms of different languages.
type Aligner struct {
	dict     *Dictionary
	gloss    *glossIndex
	routes   [numRoutes]bool
	minScore float64
}

// Option configures an Aligner.
type Option func(*Aligner) error

// WithDictionary uses d as an English pivot (Dictionary route).
func WithDictionary(d *Dictionary) Option {
	return func(a *Aligner) error { a.dict = d; return nil }
}

// WithGlossary uses the concepts of g as known terms (Glossary route) and
// as the reference for standard terms.
func WithGlossary(g *terms.Glossary) Option {
	return func(a *Aligner) error { a.gloss = newGlossIndex(g); return nil }
}

// Routes enables only the given routes (all are enabled by default).
func Routes(rs ...Route) Option {
	return func(a *Aligner) error {
		a.routes = [numRoutes]bool{}
		for _, r := range rs {
			if r >= numRoutes {
				return fmt.Errorf("align: unknown route %d", r)
			}
			a.routes[r] = true
		}
		return nil
	}
}

// DefaultMinScore is the lowest link score proposed by default. It was
// chosen on two sets (docs/align.md): the dev gold and the starter
// glossary's concepts outside it; both keep accuracy@1 above 0.95 at
// coverage above 0.80 with it (ja⇄zh-Hans, with the dictionaries).
const DefaultMinScore = 0.4

// MinScore sets the lowest score of a link that is proposed (default
// DefaultMinScore).
func MinScore(s float64) Option {
	return func(a *Aligner) error {
		if s < 0 || s > 1 || math.IsNaN(s) {
			return fmt.Errorf("align: min score %v out of [0,1]", s)
		}
		a.minScore = s
		return nil
	}
}

// New returns an aligner.
func New(opts ...Option) (*Aligner, error) {
	a := &Aligner{minScore: DefaultMinScore}
	for i := range a.routes {
		a.routes[i] = true
	}
	for _, o := range opts {
		if err := o(a); err != nil {
			return nil, err
		}
	}
	if a.gloss == nil {
		a.gloss = newGlossIndex(nil)
	}
	return a, nil
}

func (a *Aligner) on(r Route) bool { return a.routes[r] }

// Index is a set of target terms prepared for ranking. It is safe for
// concurrent use.
type Index struct {
	a     *Aligner
	terms []Term
	an    []*analysis
	sp    [][]sensePiece
	inv   map[string][]int32 // sense -> targets having it
	maxDF int
	// scratch pools the working memory of Rank.
	scratch sync.Pool
}

// NewIndex prepares the target terms for ranking.
func (a *Aligner) NewIndex(targets []Term) *Index {
	ix := &Index{a: a, terms: targets, inv: map[string][]int32{}}
	ix.an = make([]*analysis, len(targets))
	ix.sp = make([][]sensePiece, len(targets))
	for i, t := range targets {
		an := a.analyze(t.Text, t.Lang)
		ix.an[i] = an
		ix.sp[i] = sensePieces(an)
		last := ""
		for _, s := range ix.sp[i] {
			if s.sense != last {
				ix.inv[s.sense] = append(ix.inv[s.sense], int32(i))
				last = s.sense
			}
		}
	}
	ix.maxDF = 50 + len(targets)/10
	n := len(targets)
	ix.scratch.New = func() any {
		return &scratch{acc: make([]float64, n), stamp: make([]int32, n)}
	}
	return ix
}

// scratch is the per-call working memory of Rank, pooled.
type scratch struct {
	acc     []float64 // shared share of the source, per target
	stamp   []int32   // 1 + the last source piece counted for a target
	touched []int32
}

// Len returns the number of target terms.
func (ix *Index) Len() int { return len(ix.terms) }

// candidatesPerTerm is how many targets get a detailed comparison.
const candidatesPerTerm = 24

// Rank returns the links from src to the targets, best first, at most k
// (all above the minimum score when k <= 0).
func (ix *Index) Rank(src Term, k int) []Link {
	an := ix.a.analyze(src.Text, src.Lang)
	return ix.rank(src, an, sensePieces(an), k)
}

func (ix *Index) rank(src Term, an *analysis, sp []sensePiece, k int) []Link {
	// Blocking: accumulate, per target, the share of the source covered
	// by pieces whose senses it shares; senses held by too many targets
	// only count for whole-term matches.
	sc := ix.scratch.Get().(*scratch)
	defer ix.scratch.Put(sc)
	acc, stamp := sc.acc, sc.stamp
	touched := sc.touched[:0]
	defer func() {
		for _, t := range touched {
			acc[t], stamp[t] = 0, 0
		}
		sc.touched = touched[:0]
	}()
	for pi, p := range an.pieces {
		w := float64(p.units) / float64(an.units)
		whole := p.start == 0 && p.units == an.units
		for _, sense := range p.senses {
			ts := ix.inv[sense]
			if len(ts) == 0 || len(ts) > ix.maxDF && !whole {
				continue
			}
			for _, t := range ts {
				if stamp[t] == int32(pi+1) {
					continue
				}
				if acc[t] == 0 {
					touched = append(touched, t)
				}
				stamp[t] = int32(pi + 1)
				acc[t] += w
			}
		}
	}
	type cand struct {
		t int32
		w float64
	}
	better := func(a, b cand) bool { return a.w > b.w || a.w == b.w && a.t < b.t }
	// Keep the best candidatesPerTerm in a small sorted array: most
	// targets fall below its last entry and cost one comparison.
	cs := make([]cand, 0, candidatesPerTerm+1)
	for _, t := range touched {
		w := acc[t]
		// Estimate the harmonic coverage score: the shared units cover w
		// of the source and w*|src|/|tgt| of the target (overlapping
		// pieces overcount; the detailed comparison settles it).
		cs0 := math.Min(1, w)
		ct0 := math.Min(1, w*float64(an.units)/float64(ix.an[t].units))
		c := cand{t, 2 * cs0 * ct0 / (cs0 + ct0)}
		if len(cs) == candidatesPerTerm && !better(c, cs[len(cs)-1]) {
			continue
		}
		i := len(cs)
		cs = append(cs, c)
		for i > 0 && better(c, cs[i-1]) {
			cs[i] = cs[i-1]
			i--
		}
		cs[i] = c
		if len(cs) > candidatesPerTerm {
			cs = cs[:candidatesPerTerm]
		}
	}
	var links []Link
	for _, c := range cs {
		l, ok := ix.a.compare(src, an, sp, ix.terms[c.t], ix.an[c.t], ix.sp[c.t])
		if ok && (l.Score >= ix.a.minScore || l.FalseFriend) {
			links = append(links, l)
		}
	}
	sortLinks(links)
	if k > 0 && len(links) > k {
		links = links[:k]
	}
	return links
}

func sortLinks(links []Link) {
	sort.SliceStable(links, func(i, j int) bool {
		if links[i].Score != links[j].Score {
			return links[i].Score > links[j].Score
		}
		if links[i].Route != links[j].Route {
			return links[i].Route < links[j].Route
		}
		return links[i].Target.Text < links[j].Target.Text
	})
}

// routeQuality scales a matched pair's coverage by how much the route is
// trusted.
func routeQuality(r Route, units int, whole bool) float64 {
	switch r {
	case RouteGlossary:
		return 1
	case RouteCognate:
		if units == 1 && !whole {
			return 0.9
		}
		return 1
	case RouteDictionary:
		if whole {
			return 0.95
		}
		return 0.9
	case RouteTransliteration:
		return 0.85
	}
	return 0.8
}

// weakWord is the quality of a whole-term match through one shared word
// of the dictionary glosses (投与 "administration" ~ 给药 "to administer
// medicine").
const weakWord = 0.6

func senseRoute(s string) Route {
	switch s[0] {
	case kindFold, kindLatin:
		return RouteCognate
	case kindConc:
		return RouteGlossary
	case kindTranslit:
		return RouteTransliteration
	}
	return RouteDictionary
}

type match struct {
	sp, tp int32 // piece indexes
	route  Route
	via    string
	weight float64
	fs, ft float64 // covered share of the source and of the target, scaled by the route's quality
}

// compare scores one pair of analyzed terms.
func (a *Aligner) compare(src Term, sa *analysis, ssp []sensePiece, tgt Term, ta *analysis, tsp []sensePiece) (Link, bool) {
	// Merge-join the sorted sense lists into candidate piece pairs.
	var ms []match
	i, j := 0, 0
	for i < len(ssp) && j < len(tsp) {
		switch c := strings.Compare(ssp[i].sense, tsp[j].sense); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			s := ssp[i].sense
			i2 := i
			for i2 < len(ssp) && ssp[i2].sense == s {
				i2++
			}
			j2 := j
			for j2 < len(tsp) && tsp[j2].sense == s {
				j2++
			}
			r := senseRoute(s)
			for x := i; x < i2; x++ {
				for y := j; y < j2; y++ {
					p, q := sa.pieces[ssp[x].piece], ta.pieces[tsp[y].piece]
					whole := p.units == sa.units && q.units == ta.units
					qu := routeQuality(r, p.units, whole)
					if s[0] == kindWord {
						qu = weakWord
					}
					fs, ft := qu*float64(p.units)/float64(sa.units), qu*float64(q.units)/float64(ta.units)
					via := s[1:]
					if s[0] == kindWord {
						via = "~" + via
					}
					ms = append(ms, match{ssp[x].piece, tsp[y].piece, r, via, (fs + ft) / 2, fs, ft})
				}
			}
			i, j = i2, j2
		}
	}
	if len(ms) == 0 {
		return Link{}, false
	}
	// Greedy cover: heaviest pairs first, no overlap on either side.
	sort.Slice(ms, func(x, y int) bool {
		if ms[x].weight != ms[y].weight {
			return ms[x].weight > ms[y].weight
		}
		return ms[x].route < ms[y].route
	})
	var wholeRoutes [numRoutes]string
	var wholeOK [numRoutes]bool
	for _, m := range ms {
		p, q := sa.pieces[m.sp], ta.pieces[m.tp]
		if p.units == sa.units && q.units == ta.units && p.start == 0 && q.start == 0 && !wholeOK[m.route] {
			wholeRoutes[m.route], wholeOK[m.route] = m.via, true
		}
	}
	// The greedy cover can be fooled by a long pair that blocks two better
	// ones (肝臓疾 = 肝脏疾 against 肝臓 = 肝脏 + 疾患 = 疾病), so it is run
	// again without each pair of its first answer, and the best cover wins.
	best := a.cover(sa, ta, ms, -1)
	if len(best.chosen) > 0 && len(ms) > 1 {
		for _, x := range best.chosen {
			if c := a.cover(sa, ta, ms, x); c.f1() > best.f1()+1e-9 {
				best = c
			}
		}
	}
	covS, covT := best.covS, best.covT
	var parts []Part
	for _, x := range best.chosen {
		m := ms[x]
		p, q := sa.pieces[m.sp], ta.pieces[m.tp]
		parts = append(parts, Part{
			Source: pieceText(sa, p), Target: pieceText(ta, q),
			Route: m.route, Via: m.via,
			Whole: p.units == sa.units && q.units == ta.units,
		})
	}
	// Both terms must be covered: the harmonic mean of the two shares
	// keeps 関節 from passing for 関節リウマチ.
	score := 0.0
	if covS+covT > 0 {
		score = 2 * covS * covT / (covS + covT)
	}
	l := Link{Source: src, Target: tgt}
	// Whole-term routes, each reported with its own score.
	for _, r := range []Route{RouteGlossary, RouteCognate, RouteDictionary, RouteTransliteration} {
		if via, ok := wholeRoutes[r], wholeOK[r]; ok {
			e := Evidence{Route: r, Score: routeQuality(r, sa.units, true)}
			switch r {
			case RouteGlossary:
				e.Detail = "concept " + via
			case RouteDictionary:
				e.Detail = "gloss \"" + via + "\""
				if strings.HasPrefix(via, "~") {
					e.Detail = "gloss word \"" + via[1:] + "\""
					e.Score = weakWord
				}
			case RouteCognate:
				e.Detail = "folds to " + via
			case RouteTransliteration:
				e.Detail = "sounds alike (" + via + ")"
			}
			l.Evidence = append(l.Evidence, e)
		}
	}
	if (len(parts) > 1 || len(l.Evidence) == 0) && a.on(RouteCompositional) {
		l.Evidence = append(l.Evidence, Evidence{Route: RouteCompositional, Score: score * 0.95, Parts: parts})
	}
	if len(l.Evidence) == 0 {
		return Link{}, false
	}
	if wholeOK[RouteCognate] {
		a.checkCognate(&l, sa, ta)
	}
	l.finish()
	if l.StandardFrom == "glossary" && l.Score > literalCap {
		// A literal rendering ranks below the glossary's standard term
		// when both are on offer; Propose keeps it in the group,
		// labelled. (A dictionary's suggestion only labels the link: it
		// is a guess from parts.)
		l.Score = literalCap
	}
	return l, true
}

// literalCap is the highest score of a cognate that the glossary says is
// not the standard term of the target language.
const literalCap = 0.9

// coverage is one way of covering two terms with matched piece pairs.
type coverage struct {
	chosen     []int // indexes into the match list
	covS, covT float64
}

func (c coverage) f1() float64 {
	if c.covS+c.covT == 0 {
		return 0
	}
	return 2 * c.covS * c.covT / (c.covS + c.covT)
}

// cover takes the matches (heaviest first) that overlap nothing taken
// before, skipping match skip.
func (a *Aligner) cover(sa, ta *analysis, ms []match, skip int) coverage {
	var c coverage
	var smask, tmask uint64
	for i, m := range ms {
		if i == skip {
			continue
		}
		p, q := sa.pieces[m.sp], ta.pieces[m.tp]
		pm, qm := spanMask(p.start, p.end), spanMask(q.start, q.end)
		if smask&pm != 0 || tmask&qm != 0 {
			continue
		}
		smask |= pm
		tmask |= qm
		c.covS += m.fs
		c.covT += m.ft
		c.chosen = append(c.chosen, i)
	}
	return c
}

// checkCognate flags a cognate that is a false friend or not the standard
// term of the target language.
func (a *Aligner) checkCognate(l *Link, sa, ta *analysis) {
	if sa.latin || ta.latin {
		return
	}
	sg := a.dictGlosses(sa.lang, sa.norm)
	tg := a.dictGlosses(ta.lang, ta.norm)
	if a.on(RouteDictionary) && len(sg) > 0 && len(tg) > 0 && !overlap(glossWords(sg), glossWords(tg)) {
		l.FalseFriend = true
		for i := range l.Evidence {
			if l.Evidence[i].Route == RouteCognate {
				l.Evidence[i].Score = 0.4
				l.Evidence[i].Detail += "; false friend: dictionaries give no common meaning"
			}
		}
	}
	// Glossary: the source's concept has another preferred target term.
	for _, id := range a.gloss.lookup(sa.lang, sa.norm) {
		if p, ok := a.gloss.preferred(id, ta.lang); ok && normalize(p) != ta.norm {
			l.Standard, l.StandardFrom = p, "glossary"
			return
		}
	}
	// Dictionary: the target is not a headword, but a headword of the
	// target language shares a meaning with the source; or, part by part,
	// a part of the source has a dictionary meaning whose cognate is no
	// word of the target language (間葉 → 间叶), while another word is
	// (间充质).
	if a.dict == nil || len(tg) > 0 {
		return
	}
	if len(sg) > 0 {
		if h := a.bestHead(sg, ta.lang); h != "" {
			l.Standard, l.StandardFrom = h, "dictionary"
		}
		return
	}
	if sa.latin || len([]rune(sa.norm)) != len([]rune(ta.norm)) {
		return
	}
	tr := []rune(ta.norm)
	best := piece{}
	bestH := ""
	for _, p := range sa.pieces {
		if p.end-p.start < 2 || p.units == sa.units || p.end-p.start <= best.end-best.start {
			continue
		}
		pg := a.dictGlosses(sa.lang, pieceText(sa, p))
		if len(pg) == 0 {
			continue
		}
		t := string(tr[p.start:p.end])
		if len(a.dict.lookup(ta.lang, t)) > 0 {
			continue
		}
		if h := a.bestHead(pg, ta.lang); h != "" {
			best, bestH = p, h
		}
	}
	if bestH != "" {
		l.Standard = string(tr[:best.start]) + bestH + string(tr[best.end:])
		l.StandardFrom = "dictionary: " + pieceText(sa, best) + " is " + bestH + " in " + ta.lang.String() + ", not " + string(tr[best.start:best.end])
	}
}

// bestHead returns the headword of lang sharing most of the glosses gs
// (the shortest among equals).
func (a *Aligner) bestHead(gs []string, lang language.Tag) string {
	best, bestN := "", 0
	for _, g := range gs {
		id, ok := a.dict.glossKey(g)
		if !ok {
			continue
		}
		for _, h := range a.dict.headsOf(lang, id) {
			n := 0
			for _, hg := range a.dictGlosses(lang, h) {
				if containsStr(gs, hg) {
					n++
				}
			}
			if n > bestN || n == bestN && len(h) < len(best) || n == bestN && len(h) == len(best) && h < best {
				best, bestN = h, n
			}
		}
	}
	return best
}

// glossWords returns the content words of glosses: 体重 "weight" and
// 体重 "body weight" share one, so they are not false friends.
func glossWords(gs []string) []string {
	var out []string
	for _, g := range gs {
		for _, w := range strings.Fields(g) {
			if len(w) > 2 && !stopWords[w] && !containsStr(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}

var stopWords = map[string]bool{"the": true, "and": true, "for": true, "with": true, "have": true, "one": true, "someth": true, "somethi": true, "person": true, "etc": true}

func overlap(a, b []string) bool {
	for _, x := range a {
		if containsStr(b, x) {
			return true
		}
	}
	return false
}

func containsStr(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// finish sorts the evidence and sets the link's score and route: the best
// route's score, plus 0.02 for each other route that agrees.
func (l *Link) finish() {
	sort.SliceStable(l.Evidence, func(i, j int) bool {
		if l.Evidence[i].Score != l.Evidence[j].Score {
			return l.Evidence[i].Score > l.Evidence[j].Score
		}
		return l.Evidence[i].Route < l.Evidence[j].Route
	})
	if len(l.Evidence) == 0 {
		return
	}
	l.Route = l.Evidence[0].Route
	s := l.Evidence[0].Score
	for _, e := range l.Evidence[1:] {
		if e.Score >= 0.5 {
			s += 0.02
		}
	}
	l.Score = math.Min(1, s)
}

func spanMask(start, end int) uint64 {
	var m uint64
	for i := start; i < end && i < 64; i++ {
		m |= 1 << uint(i)
	}
	return m
}

func pieceText(an *analysis, p piece) string {
	if an.latin {
		w := strings.Fields(strings.NewReplacer("-", " ", "/", " ").Replace(an.norm))
		if p.end <= len(w) {
			return strings.Join(w[p.start:p.end], " ")
		}
		return an.norm
	}
	r := []rune(an.norm)
	if p.end <= len(r) {
		return string(r[p.start:p.end])
	}
	return an.norm
}

// AlignLists links each source term to at most one target term and each
// target to at most one source (the best-scored pairs first), returning the
// links sorted by score. Terms left unlinked have no link above the
// minimum score or lost their partner to a better-scored pair.
func (a *Aligner) AlignLists(src, tgt []Term) []Link {
	links, _, _ := a.alignLists(src, tgt)
	return links
}

// alignLists is AlignLists that also returns the false friends met (pairs
// whose folded characters agree but whose dictionary meanings do not) and
// the literal renderings left over: cognates that are not the standard
// term, whose source got the standard term and whose target got nothing.
func (a *Aligner) alignLists(src, tgt []Term) (links, falseFriends, literal []Link) {
	ix := a.NewIndex(tgt)
	// Rank the sources on all cores; results are kept in source order so
	// the output does not depend on scheduling.
	ranked := make([][]Link, len(src))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				ranked[i] = ix.Rank(src[i], 5)
			}
		}()
	}
	for i := range src {
		next <- i
	}
	close(next)
	wg.Wait()
	var all []Link
	for _, ls := range ranked {
		for _, l := range ls {
			if l.FalseFriend && l.Score < a.minScore {
				falseFriends = append(falseFriends, l)
				continue
			}
			all = append(all, l)
		}
	}
	links = oneToOne(all)
	usedS, usedT := map[string]bool{}, map[string]bool{}
	for _, l := range links {
		usedS[termKey(l.Source)], usedT[termKey(l.Target)] = true, true
	}
	for _, l := range all {
		if l.Standard != "" && hasRoute(l, RouteCognate) {
			if usedS[termKey(l.Source)] && !usedT[termKey(l.Target)] {
				usedT[termKey(l.Target)] = true
				literal = append(literal, l)
			}
		}
	}
	return links, falseFriends, literal
}

func termKey(t Term) string { return t.Lang.String() + "\x00" + t.Text }

func hasRoute(l Link, r Route) bool {
	for _, e := range l.Evidence {
		if e.Route == r {
			return true
		}
	}
	return false
}

func oneToOne(all []Link) []Link {
	sortLinks(all)
	usedS, usedT := map[string]bool{}, map[string]bool{}
	var out []Link
	for _, l := range all {
		ks, kt := l.Source.Lang.String()+"\x00"+l.Source.Text, l.Target.Lang.String()+"\x00"+l.Target.Text
		if usedS[ks] || usedT[kt] {
			continue
		}
		usedS[ks], usedT[kt] = true, true
		out = append(out, l)
	}
	return out
}
