package align

import (
	"math"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/tokenize/han"
)

// glossSpecificity discounts a shared gloss that many headwords of either
// language carry ("case", "sign", "target"): 1 up to commonGloss
// headwords, then falling with the logarithm of the count.
func (a *Aligner) glossSpecificity(sl, tl language.Tag, g string) float64 {
	n := max(a.dict.glossDF(sl, g), a.dict.glossDF(tl, g))
	if n <= commonGloss {
		return 1
	}
	return 1 / (1 + 0.15*math.Log(float64(n)/commonGloss))
}

// commonGloss is the number of headwords per language a gloss may have
// before it counts as generic.
const commonGloss = 8

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
	case RouteDerived:
		return derivedQuality
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
	case kindDerived:
		return RouteDerived
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
	ms := a.matches(sa, ssp, ta, tsp)
	if len(ms) == 0 {
		return Link{}, false
	}
	var wholeRoutes [numRoutes]string
	var wholeOK [numRoutes]bool
	for _, m := range ms {
		p, q := sa.pieces[m.sp], ta.pieces[m.tp]
		if p.units == sa.units && q.units == ta.units && p.start == 0 && q.start == 0 && !wholeOK[m.route] {
			wholeRoutes[m.route], wholeOK[m.route] = m.via, true
		}
	}
	best := a.bestCover(sa, ta, ms)
	return a.link(src, sa, tgt, ta, ms, best, wholeRoutes, wholeOK)
}

// matches merge-joins the sorted sense lists of two terms into candidate
// piece pairs, heaviest first.
func (a *Aligner) matches(sa *analysis, ssp []sensePiece, ta *analysis, tsp []sensePiece) []match {
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
					switch s[0] {
					case kindWord:
						qu = weakWord
					case kindGloss:
						qu *= a.glossSpecificity(sa.lang, ta.lang, s[1:])
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
	// Heaviest pairs first, for the greedy cover.
	sort.Slice(ms, func(x, y int) bool {
		if ms[x].weight != ms[y].weight {
			return ms[x].weight > ms[y].weight
		}
		return ms[x].route < ms[y].route
	})
	return ms
}

// bestCover covers two terms with matched piece pairs: greedily, heaviest
// pairs first with no overlap on either side. The greedy cover can be
// fooled by a long pair that blocks two better ones (肝臓疾 = 肝脏疾
// against 肝臓 = 肝脏 + 疾患 = 疾病), so it is run again without each pair
// of its first answer, and the best cover wins.
func (a *Aligner) bestCover(sa, ta *analysis, ms []match) coverage {
	best := a.cover(sa, ta, ms, -1)
	if len(best.chosen) > 0 && len(ms) > 1 {
		for _, x := range best.chosen {
			if c := a.cover(sa, ta, ms, x); c.f1() > best.f1()+1e-9 {
				best = c
			}
		}
	}
	return best
}

// link builds the link of two compared terms from their best cover and
// their whole-term matches.
func (a *Aligner) link(src Term, sa *analysis, tgt Term, ta *analysis, ms []match, best coverage, wholeRoutes [numRoutes]string, wholeOK [numRoutes]bool) (Link, bool) {
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
	for _, r := range []Route{RouteGlossary, RouteCognate, RouteDictionary, RouteTransliteration, RouteDerived} {
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
			case RouteDerived:
				e.Detail = "part pair " + via + " derived from glossary compounds"
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
	for _, c := range a.glossConcepts(sa.lang, sa.norm) {
		if p, ok := c.Preferred(ta.lang); ok && normalize(p.Text) != ta.norm {
			l.Standard, l.StandardFrom = p.Text, "glossary"
			return
		}
	}
	// Dictionary: the target is not a headword, but a headword of the
	// target language has a specific meaning of the source (a gloss of two
	// or more words that at most two headwords of either language carry):
	// 生存率 "survival rate" → CC-CEDICT lists 存活率. Single-word glosses
	// and parts of terms are not used: cut to 7 letters they collide
	// (interstitial, interstellar) and a part's cognate is often a word
	// the dictionary merely lacks.
	if a.dict == nil || len(tg) > 0 || len(sg) == 0 {
		return
	}
	var specific []string
	for _, g := range sg {
		if strings.Contains(g, " ") && a.dict.glossDF(sa.lang, g) <= 2 && a.dict.glossDF(ta.lang, g) <= 2 {
			specific = append(specific, g)
		}
	}
	if h := a.bestHead(specific, ta.lang); h != "" && han.Fold(h) != han.Fold(ta.norm) {
		l.Standard, l.StandardFrom = h, "dictionary"
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
