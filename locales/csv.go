package locales

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/medterm/glossary/terms"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Field is what a CSV column holds.
type Field uint8

const (
	Ignore     Field = iota // a column the import skips
	ID                      // concept id
	Category                // concept category
	Status                  // concept status (candidate, approved)
	Sources                 // concept sources, one per line
	External                // external ids, "scheme id" one per line
	Definition              // definition in Column.Lang
	LangNote                // note in Column.Lang
	TermText                // a term in Column.Lang
	TermStatus              // its status
	TermType                // its type
	TermPlural              // its plural
	TermNote                // its note
)

var fieldNames = [...]string{Ignore: "ignore", ID: "id", Category: "category", Status: "status", Sources: "sources",
	External: "external", Definition: "definition", LangNote: "note", TermText: "term", TermStatus: "term-status",
	TermType: "term-type", TermPlural: "plural", TermNote: "term-note"}

// String returns the field's name as used in column specs ("term").
func (f Field) String() string {
	if int(f) < len(fieldNames) {
		return fieldNames[f]
	}
	return fmt.Sprintf("Field(%d)", uint8(f))
}

func (f Field) perLang() bool { return f >= Definition }

// Column maps one CSV column to a field (and, for per-language fields, a
// language).
type Column struct {
	Header string
	Field  Field
	Lang   language.Tag
}

// Mapping is a CSV layout: the columns in order and the words used for
// statuses and types.
type Mapping struct {
	Preset  string
	Comma   rune
	Columns []Column
	p       *preset
}

// A preset names the columns the way a tool expects them.
type preset struct {
	name     string
	comma    rune
	concept  []Column // Header is the header text
	lang     []Column // Header is a template with {lang}
	langName func(language.Tag) string
	status   [4]string // by terms.TermStatus
	types    [3]string // by terms.TermType
}

var presets = map[string]*preset{
	// glossary: every field of the model, lossless; BCP 47 tags in headers.
	"glossary": {
		name:  "glossary",
		comma: ',',
		concept: []Column{{Header: "id", Field: ID}, {Header: "category", Field: Category}, {Header: "status", Field: Status},
			{Header: "sources", Field: Sources}, {Header: "external", Field: External}},
		lang: []Column{{Header: "definition_{lang}", Field: Definition}, {Header: "note_{lang}", Field: LangNote},
			{Header: "term_{lang}", Field: TermText}, {Header: "term_status_{lang}", Field: TermStatus},
			{Header: "term_type_{lang}", Field: TermType}, {Header: "plural_{lang}", Field: TermPlural},
			{Header: "term_note_{lang}", Field: TermNote}},
		langName: language.Tag.String,
		status:   statusNames,
		types:    typeNames,
	},
	// crowdin: the keys of Crowdin's glossary import column scheme
	// (term_<lang>, description_<lang>, status_<lang>, type_<lang>,
	// note_<lang>, conceptSubject, conceptNote) with Crowdin's language
	// codes (zh-CN, zh-TW) and its status and type words.
	"crowdin": {
		name:    "crowdin",
		comma:   ',',
		concept: []Column{{Header: "id", Field: ID}, {Header: "conceptSubject", Field: Category}},
		lang: []Column{{Header: "term_{lang}", Field: TermText}, {Header: "description_{lang}", Field: Definition},
			{Header: "status_{lang}", Field: TermStatus}, {Header: "type_{lang}", Field: TermType},
			{Header: "note_{lang}", Field: TermNote}},
		langName: crowdinLang,
		status:   [4]string{"preferred", "admitted", "obsolete", "not recommended"},
		types:    [3]string{"full form", "abbreviation", "variant"},
	},
	// memoq: memoQ's CSV column names (Entry_ID, Entry_Subject, Entry_Note,
	// <Language>_Def, <Language>) with English language names, semicolon
	// delimited; the term status goes to <Language>_Status, which memoQ's
	// import maps by hand (forbidden → its Forbidden flag).
	"memoq": {
		name:    "memoq",
		comma:   ';',
		concept: []Column{{Header: "Entry_ID", Field: ID}, {Header: "Entry_Subject", Field: Category}},
		lang: []Column{{Header: "{lang}_Def", Field: Definition}, {Header: "{lang}", Field: TermText},
			{Header: "{lang}_Status", Field: TermStatus}},
		langName: memoqLang,
		status:   statusNames,
		types:    typeNames,
	},
}

// Presets returns the names of the CSV presets.
func Presets() []string { return slices.Sorted(maps.Keys(presets)) }

func crowdinLang(t language.Tag) string {
	switch t {
	case language.SimplifiedChinese:
		return "zh-CN"
	case language.TraditionalChinese:
		return "zh-TW"
	}
	return t.String()
}

func memoqLang(t language.Tag) string { return display.English.Tags().Name(t) }

func getPreset(name string) (*preset, error) {
	p, ok := presets[name]
	if !ok {
		return nil, fmt.Errorf("locales: unknown CSV preset %q (want %s)", name, strings.Join(Presets(), ", "))
	}
	return p, nil
}

// NewMapping returns the columns of a preset for the languages, in order.
func NewMapping(presetName string, langs []language.Tag) (*Mapping, error) {
	p, err := getPreset(presetName)
	if err != nil {
		return nil, err
	}
	m := &Mapping{Preset: p.name, Comma: p.comma, p: p}
	m.Columns = append(m.Columns, p.concept...)
	for _, lang := range langs {
		for _, c := range p.lang {
			m.Columns = append(m.Columns, Column{Header: strings.ReplaceAll(c.Header, "{lang}", p.langName(lang)), Field: c.Field, Lang: lang})
		}
	}
	return m, nil
}

// ParseHeader maps a header row to fields with a preset's names. langs
// are the languages the header may name (default: ja, zh-Hans, zh-Hant,
// en); the glossary preset also accepts any BCP 47 tag. Columns it does
// not know are ignored. overrides ("Header" → column) take precedence,
// for files whose headers follow no preset.
func ParseHeader(presetName string, header []string, langs []language.Tag, overrides map[string]Column) (*Mapping, error) {
	p, err := getPreset(presetName)
	if err != nil {
		return nil, err
	}
	if len(langs) == 0 {
		langs = CoreLanguages()
	}
	m := &Mapping{Preset: p.name, Comma: p.comma, p: p}
	names := make(map[string]Column)
	for _, c := range p.concept {
		names[strings.ToLower(c.Header)] = c
	}
	for _, lang := range langs {
		for _, c := range p.lang {
			names[strings.ToLower(strings.ReplaceAll(c.Header, "{lang}", p.langName(lang)))] = Column{Field: c.Field, Lang: lang}
		}
	}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		col, ok := overrides[h]
		if !ok {
			col, ok = names[strings.ToLower(h)]
		}
		if !ok && p.name == "glossary" {
			col, _ = parseGlossaryHeader(p, h) // an unknown header stays an ignored column
		}
		col.Header = h
		m.Columns = append(m.Columns, col)
	}
	if !slices.ContainsFunc(m.Columns, func(c Column) bool { return c.Field == TermText }) {
		return nil, fmt.Errorf("locales: no term column in the header (preset %s): %q", p.name, header)
	}
	return m, nil
}

// parseGlossaryHeader recognizes "<field>_<tag>" for any BCP 47 tag.
func parseGlossaryHeader(p *preset, h string) (Column, bool) {
	// Longest templates first: "term_status_{lang}" before "term_{lang}".
	for _, c := range slices.SortedFunc(slices.Values(p.lang), func(a, b Column) int { return len(b.Header) - len(a.Header) }) {
		prefix := strings.TrimSuffix(c.Header, "{lang}")
		if rest, ok := strings.CutPrefix(h, prefix); ok {
			if t, err := language.Parse(rest); err == nil && t != language.Und {
				return Column{Field: c.Field, Lang: t}, true
			}
		}
	}
	return Column{}, false
}

// ParseColumnSpec parses overrides "Header=field[:lang],..." such as
// "English=term:en,Japanese=term:ja,Notes=term-note:en".
func ParseColumnSpec(spec string) (map[string]Column, error) {
	out := make(map[string]Column)
	if strings.TrimSpace(spec) == "" {
		return out, nil
	}
	for _, item := range strings.Split(spec, ",") {
		h, v, ok := strings.Cut(item, "=")
		if !ok || strings.TrimSpace(h) == "" {
			return nil, fmt.Errorf("locales: bad column spec %q (want Header=field[:lang])", item)
		}
		fname, lang, _ := strings.Cut(strings.TrimSpace(v), ":")
		f, err := parseName[Field](fieldNames[:], fname, "field")
		if err != nil {
			return nil, fmt.Errorf("locales: column %q: %w", h, err)
		}
		col := Column{Header: strings.TrimSpace(h), Field: f}
		if f.perLang() {
			t, err := language.Parse(lang)
			if err != nil || t == language.Und {
				return nil, fmt.Errorf("locales: column %q: field %s needs a language (%s:ja)", h, f, f)
			}
			col.Lang = t
		}
		out[col.Header] = col
	}
	return out, nil
}

// CSVOptions control how a CSV file is written.
type CSVOptions struct {
	Comma rune // 0: the mapping's (',' or ';'); '\t' for TSV
	BOM   bool // start with a UTF-8 byte order mark (for Excel)
}

// WriteCSV writes concepts as CSV with the mapping's columns: a header row,
// then one row per concept, or several when a language has several terms
// (row k holds the k-th term of every language and repeats the concept id;
// concept and language fields are on the first row only). Cells that a
// spreadsheet would run as a formula are neutralized (see [Neutralize]).
func WriteCSV(w io.Writer, concepts []*terms.Concept, m *Mapping, opt CSVOptions) error {
	bw := bufio.NewWriter(w)
	if opt.BOM {
		bw.WriteString("\ufeff")
	}
	cw := csv.NewWriter(bw)
	cw.Comma = m.Comma
	if opt.Comma != 0 {
		cw.Comma = opt.Comma
	}
	header := make([]string, len(m.Columns))
	for i, c := range m.Columns {
		header[i] = Neutralize(c.Header)
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("locales: %w", err)
	}
	row := make([]string, len(m.Columns))
	for _, c := range concepts {
		n := 1
		for _, col := range m.Columns {
			if col.Field == TermText {
				n = max(n, len(c.Terms[col.Lang]))
			}
		}
		for k := range n {
			for i, col := range m.Columns {
				row[i] = Neutralize(m.cell(c, col, k))
			}
			if err := cw.Write(row); err != nil {
				return fmt.Errorf("locales: %w", err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("locales: %w", err)
	}
	return bw.Flush()
}

func (m *Mapping) cell(c *terms.Concept, col Column, k int) string {
	if k == 0 {
		switch col.Field {
		case ID:
			return c.ID
		case Category:
			return c.Category
		case Status:
			return cstatNames[c.Status]
		case Sources:
			return strings.Join(c.Sources, "\n")
		case External:
			var b []string
			for _, s := range slices.Sorted(maps.Keys(c.External)) {
				b = append(b, s+" "+c.External[s])
			}
			return strings.Join(b, "\n")
		case Definition:
			return c.Definitions[col.Lang]
		case LangNote:
			return c.Notes[col.Lang]
		}
	} else if col.Field == ID {
		return c.ID
	}
	ts := c.Terms[col.Lang]
	if k >= len(ts) {
		return ""
	}
	t := ts[k]
	switch col.Field {
	case TermText:
		return t.Text
	case TermStatus:
		return m.p.status[t.Status]
	case TermType:
		return m.p.types[t.Type]
	case TermPlural:
		return t.Plural
	case TermNote:
		return t.Note
	}
	return ""
}

// Neutralize makes a cell safe to open in a spreadsheet: a value starting
// with =, +, -, @, tab or CR (which Excel, LibreOffice and Google Sheets
// would evaluate as a formula) gets a leading apostrophe, the escape those
// programs themselves use. So that the import can undo it exactly, a value
// that already starts with apostrophes followed by one of those characters
// gets one more. [Unneutralize] removes the apostrophe.
func Neutralize(s string) string {
	if needsQuote(strings.TrimLeft(s, "'")) {
		return "'" + s
	}
	return s
}

// Unneutralize undoes [Neutralize]: it removes one leading apostrophe from
// a value of apostrophes followed by =, +, -, @, tab or CR. A value a
// person typed as "'=x" in a file not written by this package loses its
// apostrophe too, which is what a spreadsheet would show anyway.
func Unneutralize(s string) string {
	if strings.HasPrefix(s, "'") && needsQuote(strings.TrimLeft(s, "'")) {
		return s[1:]
	}
	return s
}

func needsQuote(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// notText returns the index of the first cell that is not UTF-8 text (a
// NUL byte, invalid UTF-8, a control character other than tab and line
// breaks) and what is wrong with it.
func notText(rec []string) (int, error) {
	for i, cell := range rec {
		switch {
		case strings.IndexByte(cell, 0) >= 0:
			return i, errors.New("NUL byte: binary data or UTF-16, not UTF-8 text")
		case !utf8.ValidString(cell):
			return i, errors.New("invalid UTF-8 (CSV files must be UTF-8)")
		}
		for _, r := range cell {
			if r != '\t' && r != '\n' && r != '\r' && unicode.IsControl(r) {
				return i, fmt.Errorf("control character %U", r)
			}
		}
	}
	return -1, nil
}

// CSVError is a problem at a place in a CSV file.
type CSVError struct {
	File string
	Line int
	Col  int
	Err  error
}

func (e *CSVError) Error() string {
	return fmt.Sprintf("locales: %s:%d:%d: %v", e.File, e.Line, e.Col, e.Err)
}

func (e *CSVError) Unwrap() error { return e.Err }

// CSVReadOptions control how a CSV file is read.
type CSVReadOptions struct {
	Preset    string // default "glossary"
	Comma     rune   // default: the preset's; '\t' for TSV
	Langs     []language.Tag
	Overrides map[string]Column
}

// ReadCSV reads concepts from CSV written by [WriteCSV] or by a tool using
// the preset's column names. Rows with the same id belong to one concept
// (their k-th term cells add terms in order); without an id column, every
// row is a concept whose id is made from its first term. Cells are
// unneutralized. name is used in errors.
func ReadCSV(r io.Reader, name string, opt CSVReadOptions) ([]*terms.Concept, error) {
	if opt.Preset == "" {
		opt.Preset = "glossary"
	}
	p, err := getPreset(opt.Preset)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(r)
	cr.Comma = p.comma
	if opt.Comma != 0 {
		cr.Comma = opt.Comma
	}
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, csvErr(name, err)
	}
	if i, err := notText(header); err != nil {
		_, c := cr.FieldPos(i)
		return nil, &CSVError{File: name, Line: 1, Col: c, Err: err}
	}
	m, err := ParseHeader(opt.Preset, header, opt.Langs, opt.Overrides)
	if err != nil {
		return nil, &CSVError{File: name, Line: 1, Col: 1, Err: err}
	}
	hasID := slices.ContainsFunc(m.Columns, func(c Column) bool { return c.Field == ID })
	var out []*terms.Concept
	byID := make(map[string]*terms.Concept)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvErr(name, err)
		}
		line, _ := cr.FieldPos(0)
		if i, err := notText(rec); err != nil {
			l, c := cr.FieldPos(i)
			return nil, &CSVError{File: name, Line: l, Col: c, Err: err}
		}
		if slices.IndexFunc(rec, func(s string) bool { return strings.TrimSpace(s) != "" }) < 0 {
			continue
		}
		for i := range rec {
			rec[i] = Unneutralize(rec[i])
		}
		fail := func(col int, err error) error {
			_, c := cr.FieldPos(col)
			return &CSVError{File: name, Line: line, Col: c, Err: err}
		}
		var c *terms.Concept
		if hasID {
			id := strings.TrimSpace(rec[slices.IndexFunc(m.Columns, func(c Column) bool { return c.Field == ID })])
			if id == "" {
				return nil, fail(0, errors.New("empty concept id"))
			}
			c = byID[id]
			if c == nil {
				c = &terms.Concept{ID: id, Status: terms.Candidate}
				byID[id] = c
				out = append(out, c)
			}
		} else {
			c = &terms.Concept{Status: terms.Candidate}
			out = append(out, c)
		}
		if err := m.fill(c, rec, fail); err != nil {
			return nil, err
		}
		if !hasID && len(c.Terms) == 0 {
			return nil, fail(0, errors.New("row without a term (and no id column to attach it to a concept)"))
		}
	}
	if !hasID {
		assignIDs(out)
	}
	return out, nil
}

func csvErr(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &CSVError{File: name, Line: pe.Line, Col: pe.Column, Err: pe.Err}
	}
	return &CSVError{File: name, Line: 1, Col: 1, Err: err}
}

// fill adds one row's cells to the concept.
func (m *Mapping) fill(c *terms.Concept, rec []string, fail func(int, error) error) error {
	// Terms of this row, per language, built from the term columns.
	row := make(map[language.Tag]*terms.Term)
	var order []language.Tag
	setText := func(mp *map[language.Tag]string, lang language.Tag, v, what string, i int) error {
		if *mp == nil {
			*mp = make(map[language.Tag]string)
		}
		if old, ok := (*mp)[lang]; ok && old != v {
			return fail(i, fmt.Errorf("concept %q: second %s for %s", c.ID, what, lang))
		}
		(*mp)[lang] = v
		return nil
	}
	for i, col := range m.Columns {
		if i >= len(rec) {
			break
		}
		v := rec[i]
		if v == "" {
			continue
		}
		switch col.Field {
		case Category:
			if c.Category != "" && c.Category != v {
				return fail(i, fmt.Errorf("concept %q: second category %q", c.ID, v))
			}
			c.Category = v
		case Status:
			st, err := parseName[terms.ConceptStatus](cstatNames[:], strings.TrimSpace(v), "concept status")
			if err != nil {
				return fail(i, err)
			}
			c.Status = st
		case Sources:
			for _, s := range strings.Split(v, "\n") {
				if s != "" && !slices.Contains(c.Sources, s) {
					c.Sources = append(c.Sources, s)
				}
			}
		case External:
			for _, l := range strings.Split(v, "\n") {
				if l == "" {
					continue
				}
				k, id, ok := strings.Cut(l, " ")
				if !ok {
					return fail(i, fmt.Errorf("bad external id %q (want \"scheme id\")", l))
				}
				if c.External == nil {
					c.External = make(map[string]string)
				}
				c.External[k] = id
			}
		case Definition:
			if err := setText(&c.Definitions, col.Lang, v, "definition", i); err != nil {
				return err
			}
		case LangNote:
			if err := setText(&c.Notes, col.Lang, v, "note", i); err != nil {
				return err
			}
		case TermText, TermStatus, TermType, TermPlural, TermNote:
			t := row[col.Lang]
			if t == nil {
				t = &terms.Term{Status: terms.Preferred}
				row[col.Lang] = t
				order = append(order, col.Lang)
			}
			switch col.Field {
			case TermText:
				t.Text = v
			case TermStatus:
				st, err := m.parseStatus(v)
				if err != nil {
					return fail(i, err)
				}
				t.Status = st
			case TermType:
				ty, err := m.parseType(v)
				if err != nil {
					return fail(i, err)
				}
				t.Type = ty
			case TermPlural:
				t.Plural = v
			case TermNote:
				t.Note = v
			}
		}
	}
	for _, lang := range order {
		t := row[lang]
		if t.Text == "" {
			return fail(0, fmt.Errorf("concept %q: %s term fields without a term", c.ID, lang))
		}
		if c.Terms == nil {
			c.Terms = make(map[language.Tag][]terms.Term)
		}
		c.Terms[lang] = append(c.Terms[lang], *t)
	}
	return nil
}

func (m *Mapping) parseStatus(v string) (terms.TermStatus, error) {
	if st, err := parseName[terms.TermStatus](m.p.status[:], strings.TrimSpace(v), "term status"); err == nil {
		return st, nil
	}
	return parseName[terms.TermStatus](statusNames[:], strings.TrimSpace(v), "term status")
}

func (m *Mapping) parseType(v string) (terms.TermType, error) {
	if ty, err := parseName[terms.TermType](m.p.types[:], strings.TrimSpace(v), "term type"); err == nil {
		return ty, nil
	}
	return parseName[terms.TermType](typeNames[:], strings.TrimSpace(v), "term type")
}

// assignIDs gives concepts read without an id column an ASCII slug of their
// English term (else their first term), unique within the file.
func assignIDs(cs []*terms.Concept) {
	used := make(map[string]bool)
	for i, c := range cs {
		text := ""
		if ts := c.Terms[language.English]; len(ts) > 0 {
			text = ts[0].Text
		} else {
			for _, lang := range slices.SortedFunc(maps.Keys(c.Terms), compareTags) {
				if len(c.Terms[lang]) > 0 {
					text = c.Terms[lang][0].Text
					break
				}
			}
		}
		id := slug(text)
		if id == "" {
			id = fmt.Sprintf("row-%d", i+1)
		}
		base := id
		for n := 2; used[id]; n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		used[id] = true
		c.ID = id
	}
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}
