package align

import (
	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
)

// glossRungs is the last rung of the terms.Index ladder used as glossary
// evidence: exact, normalized (case, width, separators, English plural),
// han-folded and kana-folded matches say that a piece *is* a term of the
// concept; prefix and fuzzy matches only say that it resembles one, and are
// never evidence.
const glossRungs = terms.KanaFolded

// glossConcepts returns the concepts of the glossary that have s as a term
// in lang, matched at the first rung of the ladder (through kana-folded)
// that finds any. Forbidden terms are not evidence.
func (a *Aligner) glossConcepts(lang language.Tag, s string) []*terms.Concept {
	return glossConcepts(a.index, lang, s)
}

func glossConcepts(x *terms.Index, lang language.Tag, s string) []*terms.Concept {
	if x == nil {
		return nil
	}
	ms := x.Lookup(s, terms.Through(glossRungs), terms.InLanguages(lang), terms.Limit(0))
	if len(ms) == 0 {
		return nil
	}
	out := make([]*terms.Concept, 0, len(ms))
	for _, m := range ms {
		if m.Rung > glossRungs || m.Term.Status == terms.Forbidden {
			continue
		}
		out = append(out, m.Concept)
	}
	return out
}
