package align

import (
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/medterm/glossary/terms"
)

// Aligner proposes equivalents between terms of different languages.
type Aligner struct {
	dict     *Dictionary
	index    *terms.Index        // glossary evidence; nil without a glossary
	derived  map[string][]string // side + folded run -> derived part pairs (derive.go)
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
// as the reference for standard terms. It builds a terms.Index of g; use
// WithIndex to share one already built.
func WithGlossary(g *terms.Glossary) Option {
	return func(a *Aligner) error {
		a.index = nil
		if g != nil {
			a.index = terms.NewIndex(g)
		}
		return nil
	}
}

// WithIndex uses the glossary of x as WithGlossary does, looking terms up
// in x (exact, normalized, han- and kana-folded rungs only).
func WithIndex(x *terms.Index) Option {
	return func(a *Aligner) error { a.index = x; return nil }
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
// glossary's concepts outside it give accuracy@1 0.966 and 0.952 at
// coverage 0.902 and 0.831 with it (ja⇄zh-Hans, with the dictionaries).
const DefaultMinScore = 0.35

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
	a.mineDerived()
	return a, nil
}

func (a *Aligner) on(r Route) bool { return a.routes[r] }

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
	// A literal rendering and the standard term stay together: whichever
	// of the two won the one-to-one pairing, the other joins as an extra
	// link when its target is still free.
	for _, l := range all {
		if l.Standard != "" && hasRoute(l, RouteCognate) {
			if usedS[termKey(l.Source)] && !usedT[termKey(l.Target)] {
				usedT[termKey(l.Target)] = true
				literal = append(literal, l)
			}
		}
	}
	for _, w := range links {
		if w.Standard == "" {
			continue
		}
		for _, l := range all {
			if l.Source.Text == w.Source.Text && l.Target.Text == w.Standard && !usedT[termKey(l.Target)] {
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
