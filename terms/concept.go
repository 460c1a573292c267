package terms

import (
	"fmt"
	"maps"
	"slices"

	"golang.org/x/text/language"
)

// ConceptStatus says whether a concept has been reviewed.
type ConceptStatus uint8

const (
	Candidate ConceptStatus = iota // proposed (by extraction, alignment or a person), not yet reviewed
	Approved                       // reviewed by a curator
)

// TermStatus is the usage status of a term within its language
// (TBX administrativeStatus).
type TermStatus uint8

const (
	Preferred TermStatus = iota
	Admitted
	Deprecated
	Forbidden
)

// TermType is the form of a term (TBX termType).
type TermType uint8

const (
	FullForm TermType = iota
	Abbreviation
	Variant
)

// Term is one designation of a concept in one language.
type Term struct {
	Text   string
	Status TermStatus
	Type   TermType
	Note   string
	Plural string // English plural form for bundles ("mesenchymal stem cells"); empty when regular or not countable
}

// Concept is one entry of the glossary: a meaning, with its designations in
// each language.
type Concept struct {
	ID          string // ASCII slug; also the XML NCName and the go-i18n message id
	Category    string
	Status      ConceptStatus
	Definitions map[language.Tag]string
	Notes       map[language.Tag]string
	Sources     []string
	External    map[string]string       // external ids by scheme: mesh, icd10, umls, wikidata
	Terms       map[language.Tag][]Term // per language, in file order (preferred first after Save)
}

var conceptStatusNames = [...]string{Candidate: "candidate", Approved: "approved"}

// String returns the status as written in glossary files: "candidate" or
// "approved".
func (s ConceptStatus) String() string {
	if int(s) < len(conceptStatusNames) {
		return conceptStatusNames[s]
	}
	return fmt.Sprintf("ConceptStatus(%d)", uint8(s))
}

// ParseConceptStatus parses "candidate" or "approved".
func ParseConceptStatus(s string) (ConceptStatus, error) {
	for i, n := range conceptStatusNames {
		if s == n {
			return ConceptStatus(i), nil
		}
	}
	return 0, fmt.Errorf("terms: bad concept status %q (want candidate or approved)", s)
}

var termStatusNames = [...]string{Preferred: "preferred", Admitted: "admitted", Deprecated: "deprecated", Forbidden: "forbidden"}

// String returns the status as written in glossary files.
func (s TermStatus) String() string {
	if int(s) < len(termStatusNames) {
		return termStatusNames[s]
	}
	return fmt.Sprintf("TermStatus(%d)", uint8(s))
}

// ParseTermStatus parses "preferred", "admitted", "deprecated" or "forbidden".
func ParseTermStatus(s string) (TermStatus, error) {
	for i, n := range termStatusNames {
		if s == n {
			return TermStatus(i), nil
		}
	}
	return 0, fmt.Errorf("terms: bad term status %q (want preferred, admitted, deprecated or forbidden)", s)
}

var termTypeNames = [...]string{FullForm: "full", Abbreviation: "abbreviation", Variant: "variant"}

// String returns the type as written in glossary files: "full",
// "abbreviation" or "variant".
func (t TermType) String() string {
	if int(t) < len(termTypeNames) {
		return termTypeNames[t]
	}
	return fmt.Sprintf("TermType(%d)", uint8(t))
}

// ParseTermType parses "full", "abbreviation" or "variant".
func ParseTermType(s string) (TermType, error) {
	for i, n := range termTypeNames {
		if s == n {
			return TermType(i), nil
		}
	}
	return 0, fmt.Errorf("terms: bad term type %q (want full, abbreviation or variant)", s)
}

// Languages returns the languages the concept has terms in, in canonical
// order (see [CompareTags]).
func (c *Concept) Languages() []language.Tag {
	tags := make([]language.Tag, 0, len(c.Terms))
	for t := range c.Terms {
		tags = append(tags, t)
	}
	SortTags(tags)
	return tags
}

// Clone returns a deep copy of the concept.
func (c *Concept) Clone() *Concept {
	d := *c
	d.Definitions = maps.Clone(c.Definitions)
	d.Notes = maps.Clone(c.Notes)
	d.Sources = slices.Clone(c.Sources)
	d.External = maps.Clone(c.External)
	if c.Terms != nil {
		d.Terms = make(map[language.Tag][]Term, len(c.Terms))
		for t, ts := range c.Terms {
			d.Terms[t] = slices.Clone(ts)
		}
	}
	return &d
}
