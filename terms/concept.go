package terms

import "golang.org/x/text/language"

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
