package terms

import (
	"fmt"
	"sort"

	"golang.org/x/text/language"
)

// Glossary is a set of concepts with unique ids.
type Glossary struct {
	concepts []*Concept // sorted by ID
	byID     map[string]*Concept
}

// New returns a glossary of the given concepts. It fails on a duplicate id.
func New(concepts ...*Concept) (*Glossary, error) {
	g := &Glossary{byID: make(map[string]*Concept, len(concepts))}
	for _, c := range concepts {
		if _, dup := g.byID[c.ID]; dup {
			return nil, fmt.Errorf("terms: duplicate concept id %q", c.ID)
		}
		g.byID[c.ID] = c
		g.concepts = append(g.concepts, c)
	}
	sort.Slice(g.concepts, func(i, j int) bool { return g.concepts[i].ID < g.concepts[j].ID })
	return g, nil
}

// Concepts returns the concepts sorted by id. The slice must not be modified.
func (g *Glossary) Concepts() []*Concept { return g.concepts }

// Concept returns the concept with the given id.
func (g *Glossary) Concept(id string) (*Concept, bool) {
	c, ok := g.byID[id]
	return c, ok
}

// Len returns the number of concepts.
func (g *Glossary) Len() int { return len(g.concepts) }

// Preferred returns the preferred term of the concept in a language: the
// term with status Preferred, else the first admitted one.
func (c *Concept) Preferred(tag language.Tag) (Term, bool) {
	ts := c.Terms[tag]
	for _, t := range ts {
		if t.Status == Preferred {
			return t, true
		}
	}
	for _, t := range ts {
		if t.Status == Admitted {
			return t, true
		}
	}
	return Term{}, false
}
