package gold

import (
	"bufio"
	"fmt"
	"io"
	"os"
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
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	defer f.Close()
	return ReadConcepts(f, path)
}

// ReadConcepts parses a concepts file: a header line naming the columns
// (id, category, ja, zh_hans, zh_hant, en, abbr, ja_variants, zh_variants,
// en_variants, in any order; only id is required), then one concept per
// line. Lists inside a cell are separated by "|". Ids must be unique. name
// is used in errors.
func ReadConcepts(r io.Reader, name string) ([]ConceptRow, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var rows []ConceptRow
	col := map[string]int{}
	seen := map[string]int{}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if err := checkText(name, line, text); err != nil {
			return nil, err
		}
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
			for i, h := range strings.Split(text, "\t") {
				col[strings.ToLower(strings.TrimSpace(h))] = i
			}
			if _, ok := col["id"]; !ok {
				return nil, &ParseError{File: name, Line: 1, Col: 1, Err: fmt.Errorf("gold: header has no id column")}
			}
			continue
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		f := strings.Split(text, "\t")
		get := func(key string) string {
			i, ok := col[key]
			if !ok || i >= len(f) {
				return ""
			}
			return strings.TrimSpace(f[i])
		}
		row := ConceptRow{
			ID:        get("id"),
			Category:  get("category"),
			Preferred: map[language.Tag]Equivalent{},
			Variants:  map[language.Tag][]Equivalent{},
			Line:      line,
		}
		if row.ID == "" {
			return nil, &ParseError{File: name, Line: line, Col: colOf(f, col["id"]), Err: fmt.Errorf("gold: missing id")}
		}
		if prev, dup := seen[row.ID]; dup {
			return nil, &ParseError{File: name, Line: line, Col: colOf(f, col["id"]), Err: fmt.Errorf("gold: duplicate concept id %q (first on line %d)", row.ID, prev)}
		}
		seen[row.ID] = line
		for _, c := range conceptColumns {
			es := splitCell(get(c.name))
			if len(es) > 1 {
				return nil, &ParseError{File: name, Line: line, Col: colOf(f, col[c.name]), Err: fmt.Errorf("gold: %s: more than one preferred term", c.name)}
			}
			if len(es) == 1 {
				row.Preferred[c.tag] = es[0]
			}
		}
		row.Abbr = splitCell(get("abbr"))
		for _, c := range variantColumns {
			if es := splitCell(get(c.name)); len(es) > 0 {
				row.Variants[c.tag] = es
			}
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gold: %s: %w", name, err)
	}
	if line == 0 {
		return nil, &ParseError{File: name, Line: 1, Col: 1, Err: fmt.Errorf("gold: empty file")}
	}
	return rows, nil
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
