package qa

import (
	"errors"
	"fmt"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
)

// Kind is the kind of a finding.
type Kind uint8

const (
	Missing Kind = iota + 1 // a concept of the source has no allowed term in the target
	Avoid                   // the target uses a deprecated or forbidden term
)

// String returns "missing" or "avoid".
func (k Kind) String() string {
	switch k {
	case Missing:
		return "missing"
	case Avoid:
		return "avoid"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Finding is one terminology problem of a segment pair.
type Finding struct {
	Kind    Kind
	Segment int // the segment's index, as given to Check
	Concept *terms.Concept
	// Source is the first source occurrence of the concept (Missing);
	// Target the occurrence of the term to avoid (Avoid). Offsets are
	// into the segment's text.
	Source, Target *terms.Hit
	Want           []string // the allowed target terms, preferred first
}

// Checker checks translations from one language into another.
type Checker struct {
	ix       *terms.Index
	from, to language.Tag
	minChars int
	skip     map[string]bool // categories not checked
}

// Option configures a Checker.
type Option func(*Checker)

// MinChars makes the checker skip source terms shorter than n characters
// (folded, as terms.MinChars counts them). With n = 2, one-character terms
// such as 薬 or 心, which the source mostly holds inside words the
// glossary lacks (阻害薬, 心筋), are not checked.
func MinChars(n int) Option { return func(c *Checker) { c.minChars = n } }

// SkipCategories makes the checker leave out the concepts of these
// categories (common, say: the general words of a medical glossary, such
// as cell or treatment, which translators often render freely).
func SkipCategories(cats ...string) Option {
	return func(c *Checker) {
		if c.skip == nil {
			c.skip = map[string]bool{}
		}
		for _, cat := range cats {
			c.skip[cat] = true
		}
	}
}

// New returns a checker of translations from language from into language
// to against the glossary of ix.
func New(ix *terms.Index, from, to language.Tag, opts ...Option) (*Checker, error) {
	if ix == nil {
		return nil, errors.New("qa: nil index")
	}
	if from == to {
		return nil, fmt.Errorf("qa: source and target language are both %s", from)
	}
	c := &Checker{ix: ix, from: from, to: to}
	for _, o := range opts {
		o(c)
	}
	return c, nil
}

// Check returns the findings of the segment pair source → target, in the
// order of the source (Missing), then of the target (Avoid). seg is
// copied into the findings.
func (c *Checker) Check(seg int, source, target string) []Finding {
	// Concepts the target renders by an allowed term, and those it
	// renders by a term to avoid (anywhere, also inside longer terms).
	allowed, avoided := map[*terms.Concept]bool{}, map[*terms.Concept]bool{}
	c.ix.ScanFunc(target, func(h terms.Hit) bool {
		if h.Lang == c.to {
			if usable(h.Term.Status) {
				allowed[h.Concept] = true
			} else {
				avoided[h.Concept] = true
			}
		}
		return true
	}, terms.TextLanguage(c.to), terms.Overlapping())

	var out []Finding
	seen := map[*terms.Concept]bool{}
	c.ix.ScanFunc(source, func(h terms.Hit) bool {
		cn := h.Concept
		if h.Lang != c.from || !c.checked(cn) || seen[cn] {
			return true
		}
		seen[cn] = true
		want := c.want(cn)
		if len(want) == 0 || allowed[cn] || avoided[cn] { // avoided: reported below
			return true
		}
		out = append(out, Finding{Kind: Missing, Segment: seg, Concept: cn, Source: &h, Want: want})
		return true
	}, terms.TextLanguage(c.from), terms.MinChars(c.minChars))

	c.ix.ScanFunc(target, func(h terms.Hit) bool {
		if h.Lang != c.to || usable(h.Term.Status) || !c.checked(h.Concept) {
			return true
		}
		out = append(out, Finding{Kind: Avoid, Segment: seg, Concept: h.Concept, Target: &h, Want: c.want(h.Concept)})
		return true
	}, terms.TextLanguage(c.to))
	return out
}

// checked reports whether c enforces the terms of concept cn.
func (c *Checker) checked(cn *terms.Concept) bool {
	return cn.Status == terms.Approved && !c.skip[cn.Category]
}

// want returns the allowed terms of cn in the target language, preferred
// first.
func (c *Checker) want(cn *terms.Concept) []string {
	var pref, adm []string
	for _, t := range cn.Terms[c.to] {
		switch t.Status {
		case terms.Preferred:
			pref = append(pref, t.Text)
		case terms.Admitted:
			adm = append(adm, t.Text)
		}
	}
	return append(pref, adm...)
}

// usable reports whether a term of status s may be used.
func usable(s terms.TermStatus) bool { return s == terms.Preferred || s == terms.Admitted }
