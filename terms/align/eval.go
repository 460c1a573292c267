package align

import (
	"math/rand"
	"sort"

	"golang.org/x/text/language"
)

// GoldPair is one concept of a gold standard with its term in the source
// and the target language.
type GoldPair struct {
	ID     string
	Source string
	Target string
}

// Score is accuracy and coverage over a set of source terms.
type Score struct {
	Total    int     `json:"total"`    // source terms to align
	Answered int     `json:"answered"` // source terms that got a link
	Correct  int     `json:"correct"`  // links to the gold target
	Accuracy float64 `json:"accuracy"` // Correct / Answered (accuracy@1)
	Coverage float64 `json:"coverage"` // Answered / Total
}

func (s *Score) finish() {
	s.Accuracy, s.Coverage = 0, 0
	if s.Answered > 0 {
		s.Accuracy = float64(s.Correct) / float64(s.Answered)
	}
	if s.Total > 0 {
		s.Coverage = float64(s.Answered) / float64(s.Total)
	}
}

// EvalResult is the outcome of aligning the two sides of a gold standard.
type EvalResult struct {
	Source  string           `json:"source"`
	Target  string           `json:"target"`
	Overall Score            `json:"overall"`
	ByRoute map[string]Score `json:"by_route"`         // by the route of each answer's best evidence; Total is the overall total
	Errors  []EvalError      `json:"errors,omitempty"` // wrong answers, for error analysis
	Missed  []string         `json:"missed,omitempty"` // source terms left without a link
}

// EvalError is one wrong answer.
type EvalError struct {
	Source string  `json:"source"`
	Got    string  `json:"got"`
	Want   string  `json:"want"`
	Route  Route   `json:"route"`
	Score  float64 `json:"score"`
}

// Evaluate gives the aligner the source and target terms of the pairs as
// two shuffled lists (seeded, so runs repeat), aligns them one-to-one with
// AlignLists and scores each answer against the gold target of its source
// term. Pairs with an empty side, and repeated source or target strings
// after the first, are skipped.
func Evaluate(a *Aligner, src, tgt language.Tag, pairs []GoldPair, seed int64) EvalResult {
	gold := map[string]string{}
	seenT := map[string]bool{}
	var ss, ts []Term
	for _, p := range pairs {
		if p.Source == "" || p.Target == "" {
			continue
		}
		if _, dup := gold[p.Source]; dup || seenT[p.Target] {
			continue
		}
		gold[p.Source] = p.Target
		seenT[p.Target] = true
		ss = append(ss, Term{Text: p.Source, Lang: src})
		ts = append(ts, Term{Text: p.Target, Lang: tgt})
	}
	r := rand.New(rand.NewSource(seed))
	r.Shuffle(len(ss), func(i, j int) { ss[i], ss[j] = ss[j], ss[i] })
	r.Shuffle(len(ts), func(i, j int) { ts[i], ts[j] = ts[j], ts[i] })

	res := EvalResult{Source: src.String(), Target: tgt.String(), ByRoute: map[string]Score{}}
	res.Overall.Total = len(ss)
	answered := map[string]bool{}
	for _, l := range a.AlignLists(ss, ts) {
		answered[l.Source.Text] = true
		res.Overall.Answered++
		rs := res.ByRoute[l.Route.String()]
		rs.Total = len(ss)
		rs.Answered++
		if gold[l.Source.Text] == l.Target.Text {
			res.Overall.Correct++
			rs.Correct++
		} else {
			res.Errors = append(res.Errors, EvalError{Source: l.Source.Text, Got: l.Target.Text, Want: gold[l.Source.Text], Route: l.Route, Score: l.Score})
		}
		res.ByRoute[l.Route.String()] = rs
	}
	for _, s := range ss {
		if !answered[s.Text] {
			res.Missed = append(res.Missed, s.Text)
		}
	}
	sort.Strings(res.Missed)
	sort.Slice(res.Errors, func(i, j int) bool { return res.Errors[i].Source < res.Errors[j].Source })
	res.Overall.finish()
	for k, v := range res.ByRoute {
		v.finish()
		res.ByRoute[k] = v
	}
	return res
}
