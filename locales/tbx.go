package locales

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/medterm/glossary/terms"
	"golang.org/x/text/language"
)

// TBX v3 (ISO 30042:2019), dialect TBX-Basic, DCA style.
//
// Mapping of the glossary model:
//
//	concept id          conceptEntry/@id (an NCName; other ids are escaped, see tbxID)
//	category            conceptEntry/descrip[@type=subjectField]
//	sources             conceptEntry/admin[@type=source], in order
//	definition[lang]    langSec/descrip[@type=definition] (conceptEntry level with xml:lang when the language has no terms)
//	note[lang]          langSec/note (likewise)
//	status              conceptEntry/note "status: approved"
//	external ids        conceptEntry/note "external: mesh D059630", one per scheme
//	term                termSec/term
//	term status         termNote[@type=administrativeStatus]:
//	                    preferred → preferredTerm-admn-sts, admitted → admittedTerm-admn-sts,
//	                    deprecated → supersededTerm-admn-sts, forbidden → deprecatedTerm-admn-sts
//	term type           termNote[@type=termType]: fullForm, abbreviation, variant
//	plural              termSec/note "plural: mesenchymal stem cells"
//	term note           termSec/note
//
// TBX-Basic allows only the four administrative statuses above. ISO 12620
// defines deprecatedTerm as a term to be avoided (what CAT tools call
// forbidden, and how memoQ and Trados exchange their forbidden flag) and
// supersededTerm as one replaced by a newer term (the glossary's deprecated:
// an outdated name). TBX-Basic has no data category for plurals, concept
// status or external ids, so they travel as notes with a fixed prefix; a
// user note that itself starts with one of the prefixes is written as
// "note: ..." so the import can tell them apart.

const (
	tbxNS        = "urn:iso:std:iso:30042:ed-2"
	notePlural   = "plural: "
	noteStatus   = "status: "
	noteExternal = "external: "
	noteEscape   = "note: "
)

var tbxStatus = [...]string{
	terms.Preferred:  "preferredTerm-admn-sts",
	terms.Admitted:   "admittedTerm-admn-sts",
	terms.Deprecated: "supersededTerm-admn-sts",
	terms.Forbidden:  "deprecatedTerm-admn-sts",
}

var tbxType = [...]string{
	terms.FullForm:     "fullForm",
	terms.Abbreviation: "abbreviation",
	terms.Variant:      "variant",
}

// WriteTBX writes the concepts as a TBX-Basic DCA document. Every concept
// needs at least one term (TBX requires a termSec in each langSec and a
// langSec in each conceptEntry). The output is deterministic.
func WriteTBX(w io.Writer, concepts []*terms.Concept) error {
	bw := bufio.NewWriter(w)
	x := &xmlWriter{w: bw}
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader>
    <fileDesc>
      <sourceDesc>
        <p>Exported by glossary (github.com/medterm/glossary).</p>
      </sourceDesc>
    </fileDesc>
  </tbxHeader>
  <text>
`)
	if len(concepts) > 0 {
		bw.WriteString("    <body>\n")
	}
	for _, c := range concepts {
		langs := make([]language.Tag, 0, len(c.Terms))
		for t, ts := range c.Terms {
			if len(ts) > 0 {
				langs = append(langs, t)
			}
		}
		if len(langs) == 0 {
			return fmt.Errorf("locales: concept %q has no terms; a TBX conceptEntry needs at least one", c.ID)
		}
		slices.SortFunc(langs, compareTags)
		x.open(6, "conceptEntry", "id", tbxID(c.ID))
		if c.Category != "" {
			x.elem(8, "descrip", c.Category, "type", "subjectField")
		}
		for _, s := range c.Sources {
			x.elem(8, "admin", s, "type", "source")
		}
		x.elem(8, "note", noteStatus+cstatNames[c.Status])
		for _, k := range slices.Sorted(maps.Keys(c.External)) {
			x.elem(8, "note", noteExternal+k+" "+c.External[k])
		}
		// Definitions and notes of languages without terms stay at concept level.
		for _, lang := range slices.SortedFunc(maps.Keys(c.Definitions), compareTags) {
			if len(c.Terms[lang]) == 0 {
				x.elem(8, "descrip", c.Definitions[lang], "type", "definition", "xml:lang", lang.String())
			}
		}
		for _, lang := range slices.SortedFunc(maps.Keys(c.Notes), compareTags) {
			if len(c.Terms[lang]) == 0 {
				x.elem(8, "note", escapeNote(c.Notes[lang]), "xml:lang", lang.String())
			}
		}
		for _, lang := range langs {
			x.open(8, "langSec", "xml:lang", lang.String())
			if d, ok := c.Definitions[lang]; ok {
				x.elem(10, "descrip", d, "type", "definition")
			}
			if n, ok := c.Notes[lang]; ok {
				x.elem(10, "note", escapeNote(n))
			}
			for _, t := range c.Terms[lang] {
				if int(t.Status) >= len(tbxStatus) || int(t.Type) >= len(tbxType) {
					return fmt.Errorf("locales: concept %q: term %q has an unknown status or type", c.ID, t.Text)
				}
				x.open(10, "termSec")
				x.elem(12, "term", t.Text)
				x.elem(12, "termNote", tbxStatus[t.Status], "type", "administrativeStatus")
				x.elem(12, "termNote", tbxType[t.Type], "type", "termType")
				if t.Plural != "" {
					x.elem(12, "note", notePlural+t.Plural)
				}
				if t.Note != "" {
					x.elem(12, "note", escapeNote(t.Note))
				}
				x.close(10, "termSec")
			}
			x.close(8, "langSec")
		}
		x.close(6, "conceptEntry")
	}
	if len(concepts) > 0 {
		bw.WriteString("    </body>\n")
	}
	bw.WriteString("  </text>\n</tbx>\n")
	return bw.Flush()
}

func escapeNote(s string) string {
	for _, p := range []string{notePlural, noteStatus, noteExternal, noteEscape} {
		if strings.HasPrefix(s, p) {
			return noteEscape + s
		}
	}
	return s
}

// tbxID returns id when it is an NCName not starting with "_"; otherwise
// "_" followed by id with every byte that an NCName cannot hold (and ".")
// written as ".HH". parseTBXID undoes it.
func tbxID(id string) string {
	if isNCName(id) && !strings.HasPrefix(id, "_") {
		return id
	}
	var b strings.Builder
	b.WriteByte('_')
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, ".%02X", c)
		}
	}
	return b.String()
}

// parseTBXID undoes tbxID. An id from another tool that starts with "_"
// but is not an escape is kept as it is.
func parseTBXID(s string) string {
	rest, ok := strings.CutPrefix(s, "_")
	if !ok {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(rest); i++ {
		if rest[i] != '.' {
			b.WriteByte(rest[i])
			continue
		}
		if i+2 >= len(rest) {
			return s
		}
		v, err := strconv.ParseUint(rest[i+1:i+3], 16, 8)
		if err != nil {
			return s
		}
		b.WriteByte(byte(v))
		i += 2
	}
	if tbxID(b.String()) != s {
		return s
	}
	return b.String()
}

func isNCName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0xC0 && r != 0xD7 && r != 0xF7:
		case i > 0 && (r == '-' || r == '.' || r >= '0' && r <= '9' || r == 0xB7):
		default:
			return false
		}
	}
	return true
}

type xmlWriter struct{ w *bufio.Writer }

func (x *xmlWriter) indent(n int) {
	for ; n > 0; n-- {
		x.w.WriteByte(' ')
	}
}

func (x *xmlWriter) start(name string, attrs []string) {
	x.w.WriteByte('<')
	x.w.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		x.w.WriteByte(' ')
		x.w.WriteString(attrs[i])
		x.w.WriteString(`="`)
		xmlEscape(x.w, attrs[i+1], true)
		x.w.WriteByte('"')
	}
	x.w.WriteByte('>')
}

func (x *xmlWriter) open(n int, name string, attrs ...string) {
	x.indent(n)
	x.start(name, attrs)
	x.w.WriteByte('\n')
}

func (x *xmlWriter) close(n int, name string) {
	x.indent(n)
	x.end(name)
	x.w.WriteByte('\n')
}

func (x *xmlWriter) end(name string) {
	x.w.WriteString("</")
	x.w.WriteString(name)
	x.w.WriteByte('>')
}

func (x *xmlWriter) elem(n int, name, text string, attrs ...string) {
	x.indent(n)
	x.start(name, attrs)
	xmlEscape(x.w, text, false)
	x.end(name)
	x.w.WriteByte('\n')
}

// xmlEscape writes s as XML character data. Characters XML 1.0 cannot hold
// (most C0 controls, invalid UTF-8) become U+FFFD; CR, LF and tab are kept as
// character references so that a reader gets them back unnormalized.
func xmlEscape(w *bufio.Writer, s string, attr bool) {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		size := 1
		if c < utf8.RuneSelf {
			switch {
			case c == '<':
				esc = "&lt;"
			case c == '>':
				esc = "&gt;"
			case c == '&':
				esc = "&amp;"
			case c == '"' && attr:
				esc = "&quot;"
			case c == '\n':
				esc = "&#xA;"
			case c == '\r':
				esc = "&#xD;"
			case c == '\t':
				esc = "&#x9;"
			case c < 0x20:
				esc = "\uFFFD"
			default:
				i++
				continue
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError && r != 0xFFFE && r != 0xFFFF {
				i += size
				continue
			}
			esc = "\uFFFD"
		}
		w.WriteString(s[start:i])
		w.WriteString(esc)
		i += size
		start = i
	}
	w.WriteString(s[start:])
}

// TBX reading.

type tbxDoc struct {
	XMLName xml.Name   `xml:"tbx"`
	Type    string     `xml:"type,attr"`
	Style   string     `xml:"style,attr"`
	Lang    string     `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Entries []tbxEntry `xml:"text>body>conceptEntry"`
}

type tbxText struct {
	Type string `xml:"type,attr"`
	Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Text string `xml:",chardata"`
}

type tbxEntry struct {
	ID         string       `xml:"id,attr"`
	Descrips   []tbxText    `xml:"descrip"`
	DescripGrp []tbxText    `xml:"descripGrp>descrip"`
	Admins     []tbxText    `xml:"admin"`
	AdminGrp   []tbxText    `xml:"adminGrp>admin"`
	Notes      []tbxText    `xml:"note"`
	LangSecs   []tbxLangSec `xml:"langSec"`
}

type tbxLangSec struct {
	Lang       string       `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Descrips   []tbxText    `xml:"descrip"`
	DescripGrp []tbxText    `xml:"descripGrp>descrip"`
	Notes      []tbxText    `xml:"note"`
	TermSecs   []tbxTermSec `xml:"termSec"`
}

type tbxTermSec struct {
	Term      string    `xml:"term"`
	TermNotes []tbxText `xml:"termNote"`
	NoteGrp   []tbxText `xml:"termNoteGrp>termNote"`
	Notes     []tbxText `xml:"note"`
}

// TBXError is a problem in a TBX file, with the position of the concept
// entry it was found in (line 0 when not known).
type TBXError struct {
	File string
	Line int
	Col  int
	Err  error
}

func (e *TBXError) Error() string {
	return fmt.Sprintf("locales: %s:%d:%d: %v", e.File, e.Line, e.Col, e.Err)
}

func (e *TBXError) Unwrap() error { return e.Err }

// ReadTBX reads the concept entries of a TBX document (TBX-Basic, or any
// TBX v3 DCA dialect: data categories it does not know are ignored) into
// concepts, undoing the mapping [WriteTBX] applies. Administrative statuses
// outside TBX-Basic map to the nearest glossary status (standardized →
// preferred, legal/regulated → admitted); termTypes acronym and shortForm
// map to abbreviation, phrase to full form. A concept with no status note
// is a candidate. name is used in errors.
func ReadTBX(r io.Reader, name string) ([]*terms.Concept, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("locales: %s: %w", name, err)
	}
	var doc tbxDoc
	dec := xml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		line, col := dec.InputPos()
		var se *xml.SyntaxError
		if ok := asSyntax(err, &se); ok && se.Line != line {
			line, col = se.Line, 1
		}
		return nil, &TBXError{File: name, Line: max(line, 1), Col: max(col, 1), Err: err}
	}
	if doc.XMLName.Space != tbxNS {
		return nil, &TBXError{File: name, Line: 1, Col: 1, Err: fmt.Errorf("root element is not TBX v3 (namespace %q, want %q)", doc.XMLName.Space, tbxNS)}
	}
	lines := entryLines(data)
	var out []*terms.Concept
	seen := make(map[string]bool)
	for i, e := range doc.Entries {
		pos := func(err error) error {
			l := 0
			if i < len(lines) {
				l = lines[i]
			}
			return &TBXError{File: name, Line: l, Col: 1, Err: err}
		}
		c, err := e.concept(doc.Lang)
		if err != nil {
			return nil, pos(err)
		}
		if seen[c.ID] {
			return nil, pos(fmt.Errorf("duplicate conceptEntry id %q", c.ID))
		}
		seen[c.ID] = true
		out = append(out, c)
	}
	return out, nil
}

func asSyntax(err error, se **xml.SyntaxError) bool {
	s, ok := err.(*xml.SyntaxError)
	if ok {
		*se = s
	}
	return ok
}

// entryLines returns the line of each conceptEntry start tag, in order.
func entryLines(data []byte) []int {
	var lines []int
	line := 1
	for i := 0; i < len(data); i++ {
		switch {
		case data[i] == '\n':
			line++
		case data[i] == '<' && bytes.HasPrefix(data[i+1:], []byte("conceptEntry")):
			lines = append(lines, line)
		}
	}
	return lines
}

func (e *tbxEntry) concept(docLang string) (*terms.Concept, error) {
	id := parseTBXID(strings.TrimSpace(e.ID))
	if id == "" {
		return nil, fmt.Errorf("conceptEntry without an id")
	}
	c := &terms.Concept{ID: id, Status: terms.Candidate}
	setLangText := func(m *map[language.Tag]string, lang, text, what string) error {
		tag, err := parseLang(lang)
		if err != nil {
			return err
		}
		if *m == nil {
			*m = make(map[language.Tag]string)
		}
		// Other tools may give several; the glossary keeps one per language.
		if old, dup := (*m)[tag]; dup {
			text = old + "\n" + text
		}
		(*m)[tag] = text
		return nil
	}
	for _, d := range slices.Concat(e.Descrips, e.DescripGrp) {
		switch d.Type {
		case "subjectField":
			c.Category = d.Text
		case "definition":
			if d.Lang == "" {
				d.Lang = docLang
			}
			if err := setLangText(&c.Definitions, d.Lang, d.Text, "definition"); err != nil {
				return nil, err
			}
		}
	}
	for _, a := range slices.Concat(e.Admins, e.AdminGrp) {
		if a.Type == "source" {
			c.Sources = append(c.Sources, a.Text)
		}
	}
	for _, n := range e.Notes {
		switch {
		case n.Lang != "" && !strings.HasPrefix(n.Text, noteStatus) && !strings.HasPrefix(n.Text, noteExternal):
			if err := setLangText(&c.Notes, n.Lang, unescapeNote(n.Text), "note"); err != nil {
				return nil, err
			}
		case strings.HasPrefix(n.Text, noteStatus):
			st, err := parseName[terms.ConceptStatus](cstatNames[:], strings.TrimPrefix(n.Text, noteStatus), "concept status")
			if err != nil {
				return nil, fmt.Errorf("concept %q: %w", id, err)
			}
			c.Status = st
		case strings.HasPrefix(n.Text, noteExternal):
			k, v, ok := strings.Cut(strings.TrimPrefix(n.Text, noteExternal), " ")
			if !ok || k == "" {
				return nil, fmt.Errorf("concept %q: bad external note %q (want \"external: scheme id\")", id, n.Text)
			}
			if c.External == nil {
				c.External = make(map[string]string)
			}
			c.External[k] = v
		default:
			// A note of another tool without a language: the document's.
			if err := setLangText(&c.Notes, docLang, unescapeNote(n.Text), "note"); err != nil {
				return nil, err
			}
		}
	}
	for _, ls := range e.LangSecs {
		tag, err := parseLang(ls.Lang)
		if err != nil {
			return nil, fmt.Errorf("concept %q: %w", id, err)
		}
		for _, d := range slices.Concat(ls.Descrips, ls.DescripGrp) {
			if d.Type == "definition" {
				if err := setLangText(&c.Definitions, ls.Lang, d.Text, "definition"); err != nil {
					return nil, err
				}
			}
		}
		for _, n := range ls.Notes {
			if err := setLangText(&c.Notes, ls.Lang, unescapeNote(n.Text), "note"); err != nil {
				return nil, err
			}
		}
		for _, ts := range ls.TermSecs {
			t, err := ts.term()
			if err != nil {
				return nil, fmt.Errorf("concept %q: %w", id, err)
			}
			if c.Terms == nil {
				c.Terms = make(map[language.Tag][]terms.Term)
			}
			c.Terms[tag] = append(c.Terms[tag], t)
		}
	}
	return c, nil
}

func (ts *tbxTermSec) term() (terms.Term, error) {
	t := terms.Term{Text: ts.Term, Status: terms.Admitted}
	if t.Text == "" {
		return t, fmt.Errorf("empty term")
	}
	for _, n := range slices.Concat(ts.TermNotes, ts.NoteGrp) {
		v := strings.TrimSpace(n.Text)
		switch n.Type {
		case "administrativeStatus":
			switch v {
			case "preferredTerm-admn-sts", "standardizedTerm-admn-sts":
				t.Status = terms.Preferred
			case "admittedTerm-admn-sts", "legalTerm-admn-sts", "regulatedTerm-admn-sts":
				t.Status = terms.Admitted
			case "supersededTerm-admn-sts":
				t.Status = terms.Deprecated
			case "deprecatedTerm-admn-sts":
				t.Status = terms.Forbidden
			default:
				return t, fmt.Errorf("term %q: unknown administrativeStatus %q", t.Text, v)
			}
		case "termType":
			switch v {
			case "fullForm", "phrase":
				t.Type = terms.FullForm
			case "abbreviation", "acronym", "shortForm":
				t.Type = terms.Abbreviation
			case "variant":
				t.Type = terms.Variant
			default:
				return t, fmt.Errorf("term %q: unknown termType %q", t.Text, v)
			}
		}
	}
	for _, n := range ts.Notes {
		if p, ok := strings.CutPrefix(n.Text, notePlural); ok {
			t.Plural = p
			continue
		}
		if t.Note != "" {
			t.Note += "\n"
		}
		t.Note += unescapeNote(n.Text)
	}
	return t, nil
}

func unescapeNote(s string) string {
	if r, ok := strings.CutPrefix(s, noteEscape); ok {
		return r
	}
	return s
}

func parseLang(s string) (language.Tag, error) {
	t, err := language.Parse(s)
	if err != nil || t == language.Und && s != "und" {
		return language.Und, fmt.Errorf("bad xml:lang %q", s)
	}
	return t, nil
}
