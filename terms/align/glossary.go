package align

import (
	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
	"github.com/medterm/glossary/tokenize/han"
)

// glossIndex finds the concepts of a glossary by term text, per language:
// exact normalized text first, else the han-folded form within the same
// language (a Japanese term typed in traditional characters still counts).
type glossIndex struct {
	g      *terms.Glossary
	exact  map[string][]string // lang \x00 normalized -> concept ids
	folded map[string][]string // lang \x00 folded -> concept ids
}

func newGlossIndex(g *terms.Glossary) *glossIndex {
	ix := &glossIndex{g: g, exact: map[string][]string{}, folded: map[string][]string{}}
	if g == nil {
		return ix
	}
	for _, c := range g.Concepts() {
		for tag, ts := range c.Terms {
			for _, t := range ts {
				if t.Status == terms.Forbidden {
					continue
				}
				n := normalize(t.Text)
				addID(ix.exact, langKey(tag)+n, c.ID)
				addID(ix.folded, langKey(tag)+han.Fold(n), c.ID)
			}
		}
	}
	return ix
}

func addID(m map[string][]string, k, id string) {
	for _, x := range m[k] {
		if x == id {
			return
		}
	}
	m[k] = append(m[k], id)
}

// langKey groups tags the way terms are filed: ja, zh-Hans, zh-Hant, en.
func langKey(tag language.Tag) string {
	return tag.String() + "\x00"
}

// lookup returns the ids of the concepts that have s as a term in lang.
func (ix *glossIndex) lookup(lang language.Tag, s string) []string {
	if ix == nil || ix.g == nil {
		return nil
	}
	n := normalize(s)
	if ids := ix.exact[langKey(lang)+n]; len(ids) > 0 {
		return ids
	}
	return ix.folded[langKey(lang)+han.Fold(n)]
}

// preferred returns the preferred term of concept id in lang.
func (ix *glossIndex) preferred(id string, lang language.Tag) (string, bool) {
	if ix == nil || ix.g == nil {
		return "", false
	}
	c, ok := ix.g.Concept(id)
	if !ok {
		return "", false
	}
	t, ok := c.Preferred(lang)
	return t.Text, ok
}
