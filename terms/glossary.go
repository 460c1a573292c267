package terms

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Glossary is a set of concepts with unique ids.
//
// A glossary read by [Load] remembers which file each concept came from and
// what each file held, so that [Glossary.Save] writes every concept back to
// its own file and refuses to overwrite a file someone else changed since.
type Glossary struct {
	concepts []*Concept // sorted by ID
	byID     map[string]*Concept

	origins map[*Concept]*origin
	seq     int                  // order given to the next added concept
	dir     string               // directory loaded from or last saved to ("" if none)
	files   map[string]fileState // by name inside dir, as last read or written
	broken  *StaleLock           // the stale lock the last save removed
}

// fileState is what a glossary file held when the glossary last read or
// wrote it.
type fileState struct {
	exists bool
	sum    [sha256.Size]byte
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
	slices.SortFunc(g.concepts, func(a, b *Concept) int { return strings.Compare(a.ID, b.ID) })
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

// Add adds a concept. It fails if the id is invalid (see [ValidID]) or
// already used. A concept added to a glossary read from files is saved to
// "<category>.yaml" (appended at its end if that file exists).
func (g *Glossary) Add(c *Concept) error {
	if err := ValidID(c.ID); err != nil {
		return err
	}
	if _, dup := g.byID[c.ID]; dup {
		return fmt.Errorf("terms: duplicate concept id %q", c.ID)
	}
	if g.byID == nil {
		g.byID = map[string]*Concept{}
	}
	g.byID[c.ID] = c
	i, _ := slices.BinarySearchFunc(g.concepts, c.ID, func(a *Concept, id string) int { return strings.Compare(a.ID, id) })
	g.concepts = slices.Insert(g.concepts, i, c)
	g.seq++
	g.setOrigin(c, &origin{order: 1<<31 + g.seq})
	return nil
}

// Replace puts c in place of the concept with the same id, keeping its
// place in its file. It fails if there is no such concept.
func (g *Glossary) Replace(c *Concept) error {
	old, ok := g.byID[c.ID]
	if !ok {
		return fmt.Errorf("terms: no concept %q", c.ID)
	}
	i := slices.Index(g.concepts, old)
	g.concepts[i] = c
	g.byID[c.ID] = c
	if o, ok := g.origins[old]; ok {
		delete(g.origins, old)
		g.setOrigin(c, o)
	}
	return nil
}

// Remove removes the concept with the given id and reports whether there
// was one.
func (g *Glossary) Remove(id string) bool {
	c, ok := g.byID[id]
	if !ok {
		return false
	}
	delete(g.byID, id)
	g.concepts = slices.DeleteFunc(g.concepts, func(x *Concept) bool { return x == c })
	delete(g.origins, c)
	return true
}

// Position returns where the concept with the given id starts in the
// glossary's files ("- id: ..."), if it was read from a file.
func (g *Glossary) Position(id string) (Position, bool) {
	c, ok := g.byID[id]
	if !ok {
		return Position{}, false
	}
	o := g.origins[c]
	if o == nil || o.file == "" {
		return Position{}, false
	}
	return o.pos, true
}

// File returns the name of the file (inside the glossary directory) the
// concept is saved to: the file it was read from, else "<category>.yaml"
// ("uncategorized.yaml" without a category).
func (g *Glossary) File(id string) (string, bool) {
	c, ok := g.byID[id]
	if !ok {
		return "", false
	}
	return g.fileOf(c), true
}

func (g *Glossary) fileOf(c *Concept) string {
	if o := g.origins[c]; o != nil && o.file != "" {
		return o.file
	}
	if c.Category == "" {
		return "uncategorized.yaml"
	}
	return c.Category + ".yaml"
}

func (g *Glossary) setOrigin(c *Concept, o *origin) {
	if g.origins == nil {
		g.origins = map[*Concept]*origin{}
	}
	g.origins[c] = o
}

// clone returns a deep copy of g.
func (g *Glossary) clone() *Glossary {
	h := &Glossary{
		concepts: make([]*Concept, len(g.concepts)),
		byID:     make(map[string]*Concept, len(g.byID)),
		origins:  make(map[*Concept]*origin, len(g.origins)),
		seq:      g.seq,
		dir:      g.dir,
		files:    make(map[string]fileState, len(g.files)),
	}
	for i, c := range g.concepts {
		d := c.Clone()
		h.concepts[i] = d
		h.byID[d.ID] = d
		if o, ok := g.origins[c]; ok {
			h.origins[d] = o // origins are never modified in place
		}
	}
	for k, v := range g.files {
		h.files[k] = v
	}
	return h
}

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
