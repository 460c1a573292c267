package gold

import (
	"io"
	"strings"

	"golang.org/x/text/language"
)

// Equivalent is one designation in a concepts file. A trailing "?" in the
// file marks an equivalent the annotator was not sure of; it is removed from
// Text and recorded in Uncertain.
type Equivalent struct {
	Text      string
	Uncertain bool
}

// ConceptRow is one row of a concepts file: a concept with its preferred
// term per language, its abbreviations and the variants seen or known.
type ConceptRow struct {
	ID        string
	Category  string
	Preferred map[language.Tag]Equivalent   // ja, zh-Hans, zh-Hant, en; a missing key means an empty cell
	Abbr      []Equivalent                  // Latin abbreviations (MSC, RA)
	Variants  map[language.Tag][]Equivalent // ja, zh (simplified and traditional mixed, tag language.Chinese), en
	Line      int                           // line of the row in the gold file
}

// Terms returns the preferred term of lang followed by its variants. For
// zh-Hans and zh-Hant the mixed zh variants are included, since the file
// does not say which script each one is in.
func (c ConceptRow) Terms(lang language.Tag) []Equivalent {
	var out []Equivalent
	if p, ok := c.Preferred[lang]; ok {
		out = append(out, p)
	}
	v := lang
	if lang == language.SimplifiedChinese || lang == language.TraditionalChinese {
		v = language.Chinese
	}
	return append(out, c.Variants[v]...)
}

// conceptColumns maps the column names of a concepts file to the language
// of the preferred term they hold.
var conceptColumns = []struct {
	name string
	tag  language.Tag
}{
	{"ja", language.Japanese},
	{"zh_hans", language.SimplifiedChinese},
	{"zh_hant", language.TraditionalChinese},
	{"en", language.English},
}

var variantColumns = []struct {
	name string
	tag  language.Tag
}{
	{"ja_variants", language.Japanese},
	{"zh_variants", language.Chinese},
	{"en_variants", language.English},
}

// ReadConceptsFile reads a concepts file from disk.
func ReadConceptsFile(path string) ([]ConceptRow, error) {
	c := conceptReader{seen: map[string]int{}}
	err := readTSVFile(path, []string{"id"}, c.add)
	return c.rows, err
}

// ReadConcepts parses a concepts file: a header line naming the columns
// (id, category, ja, zh_hans, zh_hant, en, abbr, ja_variants, zh_variants,
// en_variants, in any order; only id is required), then one concept per
// line. Lists inside a cell are separated by "|". Ids must be unique. name
// is used in errors.
func ReadConcepts(rd io.Reader, name string) ([]ConceptRow, error) {
	c := conceptReader{seen: map[string]int{}}
	err := readTSV(rd, name, []string{"id"}, c.add)
	return c.rows, err
}

// conceptReader collects concept rows, refusing duplicate ids.
type conceptReader struct {
	rows []ConceptRow
	seen map[string]int // id → line
}

func (c *conceptReader) add(r record) error {
	get := func(key string) string { return strings.TrimSpace(r.get(key)) }
	row := ConceptRow{
		ID:        get("id"),
		Category:  get("category"),
		Preferred: map[language.Tag]Equivalent{},
		Variants:  map[language.Tag][]Equivalent{},
		Line:      r.line,
	}
	if row.ID == "" {
		return r.errorf("id", "missing id")
	}
	if prev, dup := c.seen[row.ID]; dup {
		return r.errorf("id", "duplicate concept id %q (first on line %d)", row.ID, prev)
	}
	c.seen[row.ID] = r.line
	for _, col := range conceptColumns {
		es := splitCell(get(col.name))
		if len(es) > 1 {
			return r.errorf(col.name, "%s: more than one preferred term", col.name)
		}
		if len(es) == 1 {
			row.Preferred[col.tag] = es[0]
		}
	}
	row.Abbr = splitCell(get("abbr"))
	for _, col := range variantColumns {
		if es := splitCell(get(col.name)); len(es) > 0 {
			row.Variants[col.tag] = es
		}
	}
	c.rows = append(c.rows, row)
	return nil
}

// splitCell splits a "|"-separated cell into equivalents, dropping empty
// items and recording a trailing "?".
func splitCell(s string) []Equivalent {
	if s == "" {
		return nil
	}
	var out []Equivalent
	for _, p := range strings.Split(s, "|") {
		p = strings.TrimSpace(p)
		e := Equivalent{Text: p}
		if t, ok := strings.CutSuffix(p, "?"); ok {
			e = Equivalent{Text: strings.TrimSpace(t), Uncertain: true}
		}
		if e.Text != "" {
			out = append(out, e)
		}
	}
	return out
}
