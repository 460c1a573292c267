package align

import (
	"fmt"
	"hash/fnv"
	"strings"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
)

// ApplyResult says what Apply did with each proposal.
type ApplyResult struct {
	Added    []string // ids of new candidate concepts
	Extended []string // ids of existing concepts that got admitted terms
	Skipped  []string // proposals left alone, with the reason
}

// CandidateCategory is the category of the concepts Apply creates; a
// curator moves them to their real category on review.
const CandidateCategory = "candidate"

// Apply merges proposals into g without ever changing a curated term:
//
//   - a proposal none of whose terms is in the glossary becomes a new
//     concept with status candidate (the first term of each language
//     preferred, abbreviations admitted);
//   - a proposal that touches exactly one concept adds its missing terms to
//     that concept with status admitted (type variant, or abbreviation),
//     noting the evidence; a cognate that is not the standard term is noted
//     as a literal rendering;
//   - a proposal touching several concepts is skipped and reported;
//   - a proposal with a false-friend link is never applied.
func Apply(g *terms.Glossary, ps []Proposal) (ApplyResult, error) {
	var res ApplyResult
	// The index is built once: concepts added or extended below are not
	// looked up again by later proposals of the same call.
	ix := terms.NewIndex(g)
	for _, p := range ps {
		if hasFalseFriend(p) {
			res.Skipped = append(res.Skipped, firstTerm(p)+": false friend")
			continue
		}
		var ids []string
		for _, tag := range proposalTagsOf(p) {
			for _, t := range proposalTerms(p, tag) {
				for _, c := range glossConcepts(ix, tag, t) {
					if !containsStr(ids, c.ID) {
						ids = append(ids, c.ID)
					}
				}
			}
		}
		switch len(ids) {
		case 0:
			c := newCandidate(g, p)
			if err := g.Add(c); err != nil {
				return res, fmt.Errorf("align: apply: %w", err)
			}
			res.Added = append(res.Added, c.ID)
		case 1:
			old, _ := g.Concept(ids[0])
			c := old.Clone()
			if c.Terms == nil {
				c.Terms = map[language.Tag][]terms.Term{}
			}
			n := 0
			for _, tag := range proposalTagsOf(p) {
				for _, t := range proposalTerms(p, tag) {
					if hasTerm(c, tag, t) {
						continue
					}
					c.Terms[tag] = append(c.Terms[tag], terms.Term{Text: t, Status: terms.Admitted, Type: termType(tag, t), Note: noteFor(p, tag, t)})
					n++
				}
			}
			if n == 0 {
				continue
			}
			if err := g.Replace(c); err != nil {
				return res, fmt.Errorf("align: apply: %w", err)
			}
			res.Extended = append(res.Extended, c.ID)
		default:
			res.Skipped = append(res.Skipped, fmt.Sprintf("%s: terms belong to several concepts (%s)", firstTerm(p), strings.Join(ids, ", ")))
		}
	}
	return res, nil
}

func hasFalseFriend(p Proposal) bool {
	for _, l := range p.Links {
		if l.FalseFriend {
			return true
		}
	}
	return false
}

func proposalTagsOf(p Proposal) []language.Tag {
	var out []language.Tag
	for _, t := range proposalLangs {
		if len(p.Terms[t]) > 0 || t == language.English && len(p.Abbreviations) > 0 {
			out = append(out, t)
		}
	}
	for t := range p.Terms {
		if !containsTag(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func proposalTerms(p Proposal, tag language.Tag) []string {
	ts := append([]string(nil), p.Terms[tag]...)
	if tag == language.English {
		ts = append(ts, p.Abbreviations...)
	}
	return ts
}

func termType(tag language.Tag, t string) terms.TermType {
	if tag == language.English && IsAbbreviation(t) {
		return terms.Abbreviation
	}
	return terms.Variant
}

func hasTerm(c *terms.Concept, tag language.Tag, t string) bool {
	n := normalize(t)
	for _, x := range c.Terms[tag] {
		if normalize(x.Text) == n {
			return true
		}
	}
	return false
}

// noteFor records how the aligner linked a term, so that a reviewer sees
// the evidence in the file.
func noteFor(p Proposal, tag language.Tag, t string) string {
	for _, l := range p.Links {
		var other Term
		switch {
		case l.Source.Lang == tag && l.Source.Text == t:
			other = l.Target
		case l.Target.Lang == tag && l.Target.Text == t:
			other = l.Source
		default:
			continue
		}
		s := fmt.Sprintf("aligned with %s by %s (score %.2f)", other.Text, l.Route, l.Score)
		if l.Standard != "" && l.Target.Text == t {
			s += "; literal rendering (cognate), " + l.StandardFrom + " gives " + l.Standard
		}
		if l.FalseFriend {
			s += "; possible false friend"
		}
		return s
	}
	return ""
}

func firstTerm(p Proposal) string {
	for _, tag := range proposalTagsOf(p) {
		if ts := proposalTerms(p, tag); len(ts) > 0 {
			return ts[0]
		}
	}
	return "?"
}

// newCandidate builds a candidate concept from a proposal. Its id is the
// slug of the English term when there is one, else "candidate-" and a hash
// of the terms; a number is appended when the id is taken.
func newCandidate(g *terms.Glossary, p Proposal) *terms.Concept {
	c := &terms.Concept{Category: CandidateCategory, Status: terms.Candidate, Terms: map[language.Tag][]terms.Term{}}
	for _, tag := range proposalTagsOf(p) {
		for i, t := range p.Terms[tag] {
			st := terms.Preferred
			if i > 0 {
				st = terms.Admitted
			}
			c.Terms[tag] = append(c.Terms[tag], terms.Term{Text: t, Status: st, Type: terms.FullForm, Note: noteFor(p, tag, t)})
		}
	}
	for _, a := range p.Abbreviations {
		st := terms.Admitted
		if len(p.Terms[language.English]) == 0 && len(c.Terms[language.English]) == 0 {
			st = terms.Preferred
		}
		c.Terms[language.English] = append(c.Terms[language.English], terms.Term{Text: a, Status: st, Type: terms.Abbreviation, Note: noteFor(p, language.English, a)})
	}
	base := ""
	if en := p.Terms[language.English]; len(en) > 0 {
		base = slug(en[0])
	}
	if base == "" || terms.ValidID(base) != nil {
		h := fnv.New32a()
		h.Write([]byte(firstTerm(p)))
		base = fmt.Sprintf("candidate-%08x", h.Sum32())
	}
	id := base
	for i := 2; ; i++ {
		if _, taken := g.Concept(id); !taken {
			break
		}
		id = fmt.Sprintf("%s-%d", base, i)
	}
	c.ID = id
	return c
}

// slug turns an English term into an id: lower-case ASCII letters and
// digits, other runs as single hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	out := b.String()
	if len(out) > 64 {
		out = strings.TrimRight(out[:64], "-")
	}
	return out
}
