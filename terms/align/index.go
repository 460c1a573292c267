package align

import (
	"math"
	"sort"
	"sync"
)

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
	ix.attest(links)
	if k > 0 && len(links) > k {
		links = links[:k]
	}
	return links
}

// attest labels a cognate the dictionary does not list when another
// candidate is a dictionary word that translates the source by its parts
// or whole: 間葉系幹細胞 → 间叶系干细胞 (cognate, no CC-CEDICT entry) while
// 间充质干细胞 (a CC-CEDICT headword) is reached through 間葉 = 间充质 and
// 幹細胞 = 干细胞.
func (ix *Index) attest(links []Link) {
	d := ix.a.dict
	if d == nil {
		return
	}
	for i := range links {
		l := &links[i]
		if l.Standard != "" || l.Route != RouteCognate || len(d.lookup(l.Target.Lang, normalize(l.Target.Text))) > 0 {
			continue
		}
		for _, o := range links {
			// The dictionary word must translate the whole source, not
			// a part of it (肝細胞 → 干细胞 is no rival of 肝细胞): a high
			// score and at least the cognate's length.
			if o.Target.Text == l.Target.Text || o.Route == RouteCognate || o.Score < attestMin ||
				len([]rune(o.Target.Text)) < len([]rune(l.Target.Text)) {
				continue
			}
			if len(d.lookup(o.Target.Lang, normalize(o.Target.Text))) > 0 {
				l.Standard, l.StandardFrom = o.Target.Text, "dictionary"
				break
			}
		}
	}
}

// attestMin is the lowest score of a dictionary word that labels a
// cognate as a literal rendering.
const attestMin = 0.75

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
