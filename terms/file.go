package terms

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// origin records where a concept was read from, so that Save writes it back
// to the same file at the same place and check can point at its lines.
//
// The positions of a concept's parts (its id, category, each language key
// and term) are kept only for concepts read by the YAML parser. A concept
// read by fastParse from a canonical file has details nil: its layout is
// what encodeConcept writes, so [origin.detailed] recomputes them when check
// needs them. That saves four maps per concept (about 1.2 KB: a third of the
// heap of a 100k-concept glossary).
type origin struct {
	file     string // name inside the glossary directory ("common.yaml"); "" for a new concept
	order    int    // index in its file; new concepts sort after loaded ones
	pos      Position
	*details // nil for a new concept or one read from a canonical file
}

// details are the positions of a concept's parts.
type details struct {
	idPos   Position
	catPos  Position
	extPos  map[string]Position
	tagPos  map[language.Tag]Position   // the language key under terms:
	tagRaw  map[language.Tag]string     // its spelling
	termPos map[language.Tag][]Position // each term item
}

// detailed returns o with the positions of c's parts: o itself if it has
// them, else an origin with details recomputed from c's canonical encoding
// (for a concept fastParse read), or with empty details (o nil, or a
// concept not read from a file). It never modifies o.
func (o *origin) detailed(c *Concept) *origin {
	switch {
	case o == nil:
		return &origin{details: &details{}}
	case o.details != nil:
		return o
	}
	d := *o
	d.details = &details{}
	if o.file == "" || o.pos.Line == 0 {
		return &d
	}
	src := encodeFile([]*Concept{c})
	f := fastParser{name: o.file, file: o.pos.File, detail: true, single: true, lineOff: o.pos.Line - 1,
		lines: strings.Split(string(src[:len(src)-1]), "\n")}
	if e, ok := f.concept(o.order); ok && f.i == len(f.lines) {
		d.details = e.o.details
	} else {
		d.idPos = o.pos // the concept was changed into something fastParse declines
	}
	return &d
}

func (o *origin) term(tag language.Tag, i int) Position {
	if o == nil {
		return Position{}
	}
	if o.details != nil {
		if ps := o.termPos[tag]; i < len(ps) {
			return ps[i]
		}
		if p, ok := o.tagPos[tag]; ok {
			return p
		}
	}
	return o.pos
}

// entry is a parsed concept with its origin.
type entry struct {
	c *Concept
	o *origin
}

// parser reads one glossary file. It keeps going after an error where it
// can, so that check reports every problem at once.
type parser struct {
	name  string // name inside the directory
	file  string // name shown in positions
	src   []byte
	lines []string
	errs  []*ParseError
}

func (p *parser) errorf(line, col int, format string, args ...any) {
	p.errs = append(p.errs, &ParseError{File: p.file, Line: line, Col: col, Err: fmt.Errorf(format, args...)})
}

func (p *parser) errAt(n *yaml.Node, err error) {
	p.errs = append(p.errs, &ParseError{File: p.file, Line: n.Line, Col: n.Column, Err: err})
}

func (p *parser) pos(n *yaml.Node) Position { return Position{p.file, n.Line, n.Column} }

// parseFile parses the content of one glossary file. name is the file's
// name inside the directory, file the name shown in positions.
func parseFile(name, file string, src []byte) ([]entry, []*ParseError) {
	return parseFileDetail(name, file, src, false)
}

// parseFileDetail is parseFile; with detail set, the origins of concepts
// read by the fast path have their details too (the YAML path always
// records them).
func parseFileDetail(name, file string, src []byte, detail bool) ([]entry, []*ParseError) {
	if es, ok := fastParseDetail(name, file, src, detail); ok {
		return es, nil
	}
	return parseFileYAML(name, file, src)
}

// parseFileYAML is parseFile through the YAML library, for any file.
func parseFileYAML(name, file string, src []byte) ([]entry, []*ParseError) {
	p := &parser{name: name, file: file, src: src}
	return p.parse(), p.errs
}

// parserProblems are the messages of yaml.v3's parser errors (parserc.go).
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'": true, "did not find expected ',' or '}'": true,
	"did not find expected '-' indicator": true, "did not find expected <document start>": true,
	"did not find expected <stream-start>": true, "did not find expected key": true,
	"did not find expected node content": true, "found duplicate %TAG directive": true,
	"found duplicate %YAML directive": true, "found incompatible YAML document": true,
	"found undefined tag handle": true,
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (p *parser) parse() []entry {
	src := p.src
	if len(src) >= 2 && (src[0] == 0xFE && src[1] == 0xFF || src[0] == 0xFF && src[1] == 0xFE) {
		p.errorf(1, 1, "file is UTF-16; glossary files must be UTF-8")
		return nil
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		l, c := lineCol(src, i)
		p.errorf(l, c, "binary file: NUL byte at offset %d (glossary files are UTF-8 YAML text)", i)
		return nil
	}
	if !utf8.Valid(src) {
		i := firstInvalidUTF8(src)
		l, c := lineCol(src, i)
		p.errorf(l, c, "invalid UTF-8: byte 0x%02x at offset %d (glossary files must be UTF-8)", src[i], i)
		return nil
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := safeDecode(dec, &doc); err != nil {
		if errors.Is(err, io.EOF) {
			// Empty, or only comments (which a save would drop).
			for i, l := range strings.Split(string(src), "\n") {
				if t := strings.TrimSpace(l); t != "" {
					p.errorf(i+1, strings.Index(l, t)+1, "comment %q: comments are not part of the format (a save would drop them); use a note: field", t)
					break
				}
			}
			return nil
		}
		p.yamlError(err)
		return nil
	}
	var extra yaml.Node
	if err := safeDecode(dec, &extra); !errors.Is(err, io.EOF) {
		if err != nil {
			p.yamlError(err)
		} else {
			p.errorf(extra.Line, extra.Column, "more than one YAML document (a glossary file is one sequence of concepts)")
		}
		return nil
	}
	p.comments(&doc)
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.SequenceNode {
		p.errAt(root, fmt.Errorf("not a sequence: a glossary file is a YAML sequence of concepts (\"- id: ...\"), found %s", kindName(root)))
		return nil
	}
	if !p.plainNode(root) {
		return nil
	}
	var out []entry
	for i, item := range root.Content {
		if c, o := p.concept(item, i); c != nil {
			out = append(out, entry{c, o})
		}
	}
	return out
}

// safeDecode runs the YAML decoder, turning a panic inside it into an
// error: bad input must never crash the program.
func safeDecode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: internal error: %v", r)
		}
	}()
	return dec.Decode(n)
}

func (p *parser) yamlError(err error) {
	msg := err.Error()
	line := 1
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		// yaml.v3 reports parser (not scanner) errors at the 0-based line
		// where the enclosing construct starts.
		if parserProblems[msg] {
			line++
			msg += " (in the construct starting on this line)"
		}
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	p.errorf(line, 0, "YAML syntax: %s", msg)
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a sequence"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return "an empty value"
		}
		return fmt.Sprintf("the scalar %q", n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "a document"
}

// comments reports every comment in the tree: the format has none, since a
// save could not keep them (notes go in note:).
func (p *parser) comments(n *yaml.Node) {
	for _, c := range []struct {
		text string
		dir  int
	}{{n.HeadComment, -1}, {n.LineComment, 0}, {n.FootComment, 1}} {
		if c.text != "" {
			l, col := p.findComment(c.text, n.Line, c.dir)
			p.errorf(l, col, "comment %q: comments are not part of the format (a save would drop them); use a note: field", firstLine(c.text))
		}
	}
	for _, k := range n.Content {
		p.comments(k)
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// findComment locates the source line of a comment the YAML parser
// attached to a node at line near: before it (dir<0), on it (0) or after
// it (dir>0). It falls back to the node's line.
func (p *parser) findComment(text string, near, dir int) (int, int) {
	want := strings.TrimSpace(firstLine(text))
	if p.lines == nil {
		p.lines = strings.Split(string(p.src), "\n")
	}
	best, bestCol := 0, 0
	for i, l := range p.lines {
		j := strings.Index(l, want)
		if j < 0 || !strings.HasPrefix(want, "#") {
			continue
		}
		line := i + 1
		if dir < 0 && line > near || dir > 0 && line < near {
			continue
		}
		if best == 0 || abs(line-near) < abs(best-near) {
			best, bestCol = line, utf8.RuneCountInString(l[:j])+1
		}
	}
	if best == 0 {
		return max(near, 1), 0
	}
	return best, bestCol
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// plainNode rejects YAML features the format leaves out because a save
// cannot reproduce them: anchors, aliases and explicit tags.
func (p *parser) plainNode(n *yaml.Node) bool {
	switch {
	case n.Kind == yaml.AliasNode:
		p.errAt(n, fmt.Errorf("alias *%s: anchors and aliases are not part of the format; write the value out", n.Value))
		return false
	case n.Anchor != "":
		p.errAt(n, fmt.Errorf("anchor &%s: anchors and aliases are not part of the format", n.Anchor))
		return false
	case n.Style&yaml.TaggedStyle != 0 && n.Tag != "!!str":
		p.errAt(n, fmt.Errorf("explicit YAML tag %s is not part of the format", n.Tag))
		return false
	}
	return true
}

// str reads a string scalar. Plain numbers and booleans are read as the
// text they spell; an empty value is an error.
func (p *parser) str(n *yaml.Node, what string) (string, bool) {
	if !p.plainNode(n) {
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		p.errAt(n, fmt.Errorf("%s: want a string, found %s", what, kindName(n)))
		return "", false
	}
	if n.ShortTag() == "!!null" && n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) == 0 {
		p.errAt(n, fmt.Errorf("%s: empty value (omit the key instead)", what))
		return "", false
	}
	return n.Value, true
}

// mapping iterates over a mapping's pairs, reporting duplicate keys and
// non-string keys.
func (p *parser) mapping(n *yaml.Node, what string, f func(key string, k, v *yaml.Node)) bool {
	if !p.plainNode(n) {
		return false
	}
	if n.Kind != yaml.MappingNode {
		p.errAt(n, fmt.Errorf("%s: want a mapping, found %s", what, kindName(n)))
		return false
	}
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !p.plainNode(k) {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			p.errAt(k, fmt.Errorf("%s: a key must be a string, found %s", what, kindName(k)))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			p.errAt(k, fmt.Errorf("%s: duplicate key %q (first at line %d)", what, k.Value, first))
			continue
		}
		seen[k.Value] = k.Line
		f(k.Value, k, v)
	}
	return true
}

func (p *parser) concept(n *yaml.Node, order int) (*Concept, *origin) {
	o := &origin{file: p.name, order: order, pos: p.pos(n), details: &details{}}
	c := &Concept{}
	what := fmt.Sprintf("concept %d", order+1)
	hasID := false // a missing status means candidate
	ok := p.mapping(n, what, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			o.idPos = p.pos(v)
			if s, ok := p.str(v, "id"); ok {
				if err := ValidID(s); err != nil {
					p.errAt(v, &kindError{"invalid-id", err})
					return
				}
				c.ID, hasID = s, true
				what = fmt.Sprintf("concept %s", s)
			}
		case "category":
			o.catPos = p.pos(v)
			if s, ok := p.str(v, "category"); ok {
				if err := validCategory(s); err != nil {
					p.errAt(v, err)
					return
				}
				c.Category = s
			}
		case "status":
			if s, ok := p.str(v, "status"); ok {
				st, err := ParseConceptStatus(s)
				if err != nil {
					p.errAt(v, err)
					return
				}
				c.Status = st
			}
		case "external":
			c.External = map[string]string{}
			o.extPos = map[string]Position{}
			p.mapping(v, "external", func(scheme string, k, v *yaml.Node) {
				if !validScheme(scheme) {
					p.errAt(k, fmt.Errorf("external: bad scheme %q (want a lower-case name such as mesh, icd10, umls, wikidata)", scheme))
					return
				}
				if s, ok := p.str(v, "external "+scheme); ok {
					c.External[scheme] = s
					o.extPos[scheme] = p.pos(v)
				}
			})
		case "definition", "note":
			m := p.langText(v, key)
			if key == "definition" {
				c.Definitions = m
			} else {
				c.Notes = m
			}
		case "sources":
			if !p.plainNode(v) {
				return
			}
			if v.Kind != yaml.SequenceNode {
				p.errAt(v, fmt.Errorf("sources: want a sequence ([a, b] or \"- a\" lines), found %s", kindName(v)))
				return
			}
			for _, s := range v.Content {
				if t, ok := p.str(s, "source"); ok {
					c.Sources = append(c.Sources, t)
				}
			}
		case "terms":
			p.terms(v, c, o)
		default:
			p.errAt(k, fmt.Errorf("%s: unknown key %q (want id, category, status, external, definition, note, sources, terms)", what, key))
		}
	})
	if !ok {
		return nil, nil
	}
	if !hasID {
		if o.idPos.Line == 0 { // no id key at all (a bad one was reported already)
			p.errAt(n, fmt.Errorf("%s: missing id", what))
		}
		return nil, nil
	}
	return c, o
}

// validScheme reports whether s can name an external id scheme: a
// lower-case letter, then lower-case letters, digits, '-' and '_'.
func validScheme(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// tag parses a language key, reporting a bad or repeated tag.
func (p *parser) tag(k *yaml.Node, what string, seen map[language.Tag]int) (language.Tag, bool) {
	t, err := ParseTag(k.Value)
	if err != nil {
		p.errAt(k, &kindError{"invalid-tag", fmt.Errorf("%s: %s", what, strings.TrimPrefix(err.Error(), "terms: "))})
		return t, false
	}
	if first, dup := seen[t]; dup {
		p.errAt(k, fmt.Errorf("%s: language %s given twice (first at line %d)", what, t, first))
		return t, false
	}
	seen[t] = k.Line
	return t, true
}

func (p *parser) langText(n *yaml.Node, what string) map[language.Tag]string {
	m := map[language.Tag]string{}
	seen := map[language.Tag]int{}
	p.mapping(n, what, func(_ string, k, v *yaml.Node) {
		t, ok := p.tag(k, what, seen)
		if !ok {
			return
		}
		if s, ok := p.str(v, what+" "+k.Value); ok {
			m[t] = s
		}
	})
	return m
}

func (p *parser) terms(n *yaml.Node, c *Concept, o *origin) {
	c.Terms = map[language.Tag][]Term{}
	o.tagPos = map[language.Tag]Position{}
	o.termPos = map[language.Tag][]Position{}
	o.tagRaw = map[language.Tag]string{}
	seen := map[language.Tag]int{}
	p.mapping(n, "terms", func(_ string, k, v *yaml.Node) {
		t, ok := p.tag(k, "terms", seen)
		if !ok {
			return
		}
		o.tagPos[t] = p.pos(k)
		o.tagRaw[t] = k.Value
		if !p.plainNode(v) {
			return
		}
		if v.Kind != yaml.SequenceNode {
			p.errAt(v, fmt.Errorf("terms %s: want a sequence of terms (\"- text\" lines), found %s", k.Value, kindName(v)))
			return
		}
		for _, item := range v.Content {
			if term, ok := p.term(item, k.Value); ok {
				c.Terms[t] = append(c.Terms[t], term)
				o.termPos[t] = append(o.termPos[t], p.pos(item))
			}
		}
	})
}

func (p *parser) term(n *yaml.Node, lang string) (Term, bool) {
	if !p.plainNode(n) {
		return Term{}, false
	}
	switch n.Kind {
	case yaml.ScalarNode:
		// "- " alone is an empty term: loaded, so that check reports it.
		return Term{Text: n.Value}, true
	case yaml.MappingNode:
	default:
		p.errAt(n, fmt.Errorf("terms %s: want a term (a string or {text: ..., status: ...}), found %s", lang, kindName(n)))
		return Term{}, false
	}
	var t Term
	hasText, ok := false, true
	what := "term"
	p.mapping(n, what, func(key string, k, v *yaml.Node) {
		if key == "text" && v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null" {
			hasText = true // empty text: check reports it
			return
		}
		s, good := p.str(v, "term "+key)
		if !good {
			ok = false
			return
		}
		var err error
		switch key {
		case "text":
			t.Text, hasText = s, true
		case "status":
			t.Status, err = ParseTermStatus(s)
		case "type":
			t.Type, err = ParseTermType(s)
		case "note":
			t.Note = s
		case "plural":
			t.Plural = s
		default:
			p.errAt(k, fmt.Errorf("term: unknown key %q (want text, status, type, note, plural)", key))
			ok = false
			return
		}
		if err != nil {
			p.errAt(v, err)
			ok = false
		}
	})
	if !hasText {
		p.errAt(n, fmt.Errorf("terms %s: term has no text", lang))
		return t, false
	}
	return t, ok
}

// lineCol converts a byte offset into a 1-based line and rune column.
func lineCol(src []byte, off int) (int, int) {
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	col := 1
	for i := start; i < off; {
		_, n := utf8.DecodeRune(src[i:off])
		i += n
		col++
	}
	return line, col
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// ParseConcepts reads concepts written in the glossary format — a YAML
// sequence of concepts, or a single concept mapping — from src. Since JSON
// is YAML, scripts can send concept objects as JSON:
//
//	[{"id": "synovium", "category": "anatomy", "terms": {"ja": ["滑膜"], "en": ["synovium"]}}]
//
// name is the file name used in error positions. Errors are *ParseError.
func ParseConcepts(name string, src []byte) ([]*Concept, error) {
	p := &parser{name: "", file: name, src: src}
	es := p.parseAny()
	if len(p.errs) > 0 {
		return nil, p.errs[0]
	}
	cs := make([]*Concept, len(es))
	for i, e := range es {
		cs[i] = e.c
	}
	return cs, nil
}

// parseAny is parse, also accepting a single concept mapping at the top.
func (p *parser) parseAny() []entry {
	if !utf8.Valid(p.src) || bytes.IndexByte(p.src, 0) >= 0 {
		return p.parse() // reports the problem
	}
	var probe yaml.Node
	err := safeDecode(yaml.NewDecoder(bytes.NewReader(p.src)), &probe)
	if err == nil && len(probe.Content) == 1 && probe.Content[0].Kind == yaml.MappingNode {
		p.comments(&probe)
		if len(p.errs) > 0 {
			return nil
		}
		if c, o := p.concept(probe.Content[0], 0); c != nil {
			return []entry{{c, o}}
		}
		return nil
	}
	return p.parse()
}
