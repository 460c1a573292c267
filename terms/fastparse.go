package terms

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// fastParse reads a file that is exactly in canonical form (what Save
// writes) without the YAML library, about ten times faster: it makes the
// embedded starter cheap to load. It gives up (ok false) at anything
// unexpected, and its result is accepted only if encoding it gives back the
// very same bytes — then the YAML parser would have read the same concepts
// (encodeFile's output always parses back to its input; FuzzParse checks
// that), so the fast path never changes what a file means.
func fastParse(name, file string, src []byte) (es []entry, ok bool) {
	return fastParseDetail(name, file, src, false)
}

// fastParseDetail is fastParse, recording the positions of each concept's
// parts (origin.details) if detail is set.
func fastParseDetail(name, file string, src []byte, detail bool) (es []entry, ok bool) {
	if len(src) == 0 || src[len(src)-1] != '\n' || !utf8.Valid(src) || bytes.IndexByte(src, 0) >= 0 {
		return nil, false
	}
	if string(src) == "[]\n" {
		return nil, true
	}
	f := fastParser{name: name, file: file, detail: detail, lines: strings.Split(string(src[:len(src)-1]), "\n")}
	es, ok = f.parse()
	if !ok {
		return nil, false
	}
	// encodeFile(concepts) == src, checked a concept at a time so that no
	// copy of the whole file is made.
	var b bytes.Buffer
	off := 0
	for _, e := range es {
		b.Reset()
		encodeConcept(&b, e.c)
		if !bytes.HasPrefix(src[off:], b.Bytes()) {
			return nil, false
		}
		off += b.Len()
	}
	if len(es) == 0 || off != len(src) {
		return nil, false
	}
	compactStrings(es, f.spans)
	return es, true
}

// compactStrings makes the concepts of a file hold their strings in one
// string of just them instead of pieces of the file's text, which also
// holds keys, indentation and quotes (about half of a typical file), so
// that the file's text can be freed. spans are the terms of each concept.
// The rarer fields (sources, definitions, notes, external ids) get copies
// of their own.
func compactStrings(es []entry, spans [][]Term) {
	n := 0
	for _, e := range es {
		n += len(e.c.ID)
	}
	for _, ts := range spans {
		for _, t := range ts {
			n += len(t.Text) + len(t.Note) + len(t.Plural)
		}
	}
	var b strings.Builder
	b.Grow(n)
	for _, e := range es {
		b.WriteString(e.c.ID)
	}
	for _, ts := range spans {
		for _, t := range ts {
			b.WriteString(t.Text)
			b.WriteString(t.Note)
			b.WriteString(t.Plural)
		}
	}
	all, off := b.String(), 0
	next := func(s string) string {
		if s == "" {
			return ""
		}
		off += len(s)
		return all[off-len(s) : off]
	}
	for _, e := range es {
		c := e.c
		c.ID = next(c.ID)
		for i, s := range c.Sources {
			c.Sources[i] = strings.Clone(s)
		}
		for _, m := range []map[language.Tag]string{c.Definitions, c.Notes} {
			for k, v := range m {
				m[k] = strings.Clone(v)
			}
		}
		for k, v := range c.External {
			c.External[strings.Clone(k)] = strings.Clone(v) // same key: replaces the value
		}
	}
	for _, ts := range spans {
		for i := range ts {
			t := &ts[i]
			t.Text, t.Note, t.Plural = next(t.Text), next(t.Note), next(t.Plural)
		}
	}
}

type fastParser struct {
	name, file string
	lines      []string
	i          int                     // current line index
	tags       map[string]language.Tag // canonical tags seen
	detail     bool                    // record the positions of each concept's parts (origin.details)
	lineOff    int                     // line number of lines[0], less one
	single     bool                    // reading one concept: no term blocks

	// Terms of the concept being read, by language (in file order), and
	// the block the terms of the next concepts are cut from: one
	// allocation for many concepts instead of one per language.
	scratch []Term
	langs   []langSpan
	block   []Term
	cats    map[string]string // categories seen, so that concepts share one string
	spans   [][]Term          // the terms of each concept, in file order
}

type langSpan struct {
	tag        language.Tag
	start, end int // in scratch
}

// termBlock is the number of terms allocated at once.
const termBlock = 1024

// takeTerms returns a copy of ts in the current block, with capacity
// len(ts) so that an append by a caller never writes into the next
// concept's terms.
func (f *fastParser) takeTerms(ts []Term) []Term {
	if len(ts) > termBlock {
		return append([]Term(nil), ts...)
	}
	if len(ts) > len(f.block) {
		n := termBlock
		if f.single {
			n = len(ts)
		}
		f.block = make([]Term, n)
	}
	d := f.block[:len(ts):len(ts)]
	copy(d, ts)
	f.block = f.block[len(ts):]
	return d
}

// tag parses a language key, which must be spelled canonically.
func (f *fastParser) tag(s string) (language.Tag, bool) {
	if t, ok := f.tags[s]; ok {
		return t, true
	}
	var t language.Tag
	if v, ok := tagCache.Load(s); ok {
		t = v.(language.Tag)
	} else {
		var err error
		t, err = ParseTag(s)
		if err != nil || t.String() != s {
			return t, false
		}
		if tagCacheLen.Add(1) <= maxTagCache {
			tagCache.Store(strings.Clone(s), t)
		}
	}
	if f.tags == nil {
		f.tags = map[string]language.Tag{}
	}
	f.tags[s] = t
	return t, true
}

// tagCache holds the canonical language keys fastParse has read (a
// glossary uses a handful), shared by all parsers: ParseTag is slow next to
// the rest of the fast path, and origin.detailed parses one concept at a
// time.
var (
	tagCache    sync.Map // string → language.Tag
	tagCacheLen atomic.Int32
)

const maxTagCache = 256

func (f *fastParser) pos(line, byteCol int) Position {
	return Position{f.file, f.lineOff + line + 1, utf8.RuneCountInString(f.lines[line][:byteCol]) + 1}
}

func (f *fastParser) parse() ([]entry, bool) {
	var es []entry
	for f.i < len(f.lines) {
		e, ok := f.concept(len(es))
		if !ok {
			return nil, false
		}
		es = append(es, e)
	}
	return es, true
}

func (f *fastParser) concept(order int) (entry, bool) {
	l := f.lines[f.i]
	rest, ok := strings.CutPrefix(l, "- id: ")
	if !ok {
		return entry{}, false
	}
	id, ok := blockScalar(rest)
	if !ok || ValidID(id) != nil {
		return entry{}, false
	}
	c := &Concept{ID: id}
	o := &origin{file: f.name, order: order, pos: f.pos(f.i, 2)}
	if f.detail {
		o.details = &details{idPos: f.pos(f.i, 6)}
	}
	f.i++
	for f.i < len(f.lines) {
		l := f.lines[f.i]
		if strings.HasPrefix(l, "- ") {
			break
		}
		key, val, ok := strings.Cut(l, ":")
		if !ok || !strings.HasPrefix(key, "  ") || strings.HasPrefix(key, "   ") {
			return entry{}, false
		}
		key = key[2:]
		val, hasVal := strings.CutPrefix(val, " ")
		switch {
		case key == "category" && hasVal:
			s, ok := blockScalar(val)
			if !ok || validCategory(s) != nil {
				return entry{}, false
			}
			if f.detail {
				o.catPos = f.pos(f.i, len(l)-len(val))
			}
			if cat, ok := f.cats[s]; ok {
				s = cat
			} else {
				if f.cats == nil {
					f.cats = map[string]string{}
				}
				s = strings.Clone(s) // not a piece of the file's text: see compactStrings
				f.cats[s] = s
			}
			c.Category = s
		case key == "status" && hasVal:
			st, err := ParseConceptStatus(val)
			if err != nil {
				return entry{}, false
			}
			c.Status = st
		case key == "external" && hasVal:
			c.External = map[string]string{}
			if f.detail {
				o.extPos = map[string]Position{}
			}
			off := len(l) - len(val)
			ok := flowItems(val, '{', '}', func(k string, v string, at int) bool {
				if !validScheme(k) || v == "" {
					return false
				}
				c.External[k] = v
				if f.detail {
					o.extPos[k] = f.pos(f.i, off+at)
				}
				return true
			})
			if !ok {
				return entry{}, false
			}
		case key == "sources" && hasVal:
			ok := flowItems(val, '[', ']', func(_ string, v string, _ int) bool {
				c.Sources = append(c.Sources, v)
				return true
			})
			if !ok {
				return entry{}, false
			}
		case (key == "definition" || key == "note") && val == "":
			m := map[language.Tag]string{}
			for f.i+1 < len(f.lines) && strings.HasPrefix(f.lines[f.i+1], "    ") {
				f.i++
				tag, s, ok := strings.Cut(f.lines[f.i][4:], ": ")
				t, good := f.tag(tag)
				if !ok || !good {
					return entry{}, false
				}
				if m[t], ok = blockScalar(s); !ok {
					return entry{}, false
				}
			}
			if key == "definition" {
				c.Definitions = m
			} else {
				c.Notes = m
			}
		case key == "terms" && val == "":
			if !f.terms(c, o) {
				return entry{}, false
			}
		default:
			return entry{}, false
		}
		f.i++
	}
	return entry{c, o}, true
}

// terms reads the lines under "  terms:"; f.i is on that line and is left
// on the last term line.
func (f *fastParser) terms(c *Concept, o *origin) bool {
	if f.detail {
		o.tagPos = map[language.Tag]Position{}
		o.termPos = map[language.Tag][]Position{}
		o.tagRaw = map[language.Tag]string{}
	}
	f.scratch, f.langs = f.scratch[:0], f.langs[:0]
	for f.i+1 < len(f.lines) && strings.HasPrefix(f.lines[f.i+1], "    ") {
		f.i++
		l := f.lines[f.i]
		tag, ok := strings.CutSuffix(l[4:], ":")
		t, good := f.tag(tag)
		if !ok || !good {
			return false
		}
		if f.detail {
			o.tagPos[t], o.tagRaw[t] = f.pos(f.i, 4), tag
		}
		start := len(f.scratch)
		for f.i+1 < len(f.lines) && strings.HasPrefix(f.lines[f.i+1], "      - ") {
			f.i++
			item := f.lines[f.i][8:]
			var term Term
			if strings.HasPrefix(item, "{") {
				ok := flowItems(item, '{', '}', func(k, v string, _ int) bool {
					var err error
					switch k {
					case "text":
						term.Text = v
					case "status":
						term.Status, err = ParseTermStatus(v)
					case "type":
						term.Type, err = ParseTermType(v)
					case "note":
						term.Note = v
					case "plural":
						term.Plural = v
					default:
						return false
					}
					return err == nil
				})
				if !ok {
					return false
				}
			} else if term.Text, ok = blockScalar(item); !ok {
				return false
			}
			f.scratch = append(f.scratch, term)
			if f.detail {
				o.termPos[t] = append(o.termPos[t], f.pos(f.i, 8))
			}
		}
		// A language key twice or without terms is not canonical: the
		// re-encoding check declines the file.
		f.langs = append(f.langs, langSpan{t, start, len(f.scratch)})
	}
	c.Terms = make(map[language.Tag][]Term, len(f.langs))
	all := f.takeTerms(f.scratch)
	f.spans = append(f.spans, all)
	for _, l := range f.langs {
		if l.end > l.start { // a key without terms adds no entry, as in the YAML parser
			c.Terms[l.tag] = all[l.start:l.end:l.end]
		}
	}
	return true
}

// blockScalar decodes a whole-line scalar: plain, 'single' or "double".
func blockScalar(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	v, n, ok := quoted(s)
	if !ok {
		return "", false
	}
	if n == 0 {
		return s, true // plain; re-encoding checks it was allowed
	}
	return v, n == len(s)
}

// quoted decodes a quoted scalar at the start of s, returning its value and
// length; n is 0 if s does not start with a quote.
func quoted(s string) (v string, n int, ok bool) {
	switch s[0] {
	case '\'':
		var b strings.Builder
		for i := 1; i < len(s); i++ {
			if s[i] == '\'' {
				if i+1 < len(s) && s[i+1] == '\'' {
					b.WriteByte('\'')
					i++
					continue
				}
				return b.String(), i + 1, true
			}
			b.WriteByte(s[i])
		}
		return "", 0, false
	case '"':
		return doubleQuotedPrefix(s)
	}
	return "", 0, true
}

// flowItems decodes a one-line flow collection "{k: v, ...}" or "[v, ...]"
// that is all of s, calling item for each entry with the offset of the
// value in s.
func flowItems(s string, open, close byte, item func(key, val string, at int) bool) bool {
	if len(s) < 2 || s[0] != open || s[len(s)-1] != close {
		return false
	}
	i := 1
	for i < len(s)-1 {
		var key string
		if open == '{' {
			k, n, ok := quoted(s[i:])
			if !ok {
				return false
			}
			if n == 0 { // plain key
				n = strings.Index(s[i:], ": ")
				if n <= 0 {
					return false
				}
				k = s[i : i+n]
			}
			if !strings.HasPrefix(s[i+n:], ": ") {
				return false
			}
			key, i = k, i+n+2
		}
		at := i
		v, n, ok := quoted(s[i:])
		if !ok {
			return false
		}
		if n == 0 { // plain: up to the next ", " or the end
			j := strings.IndexAny(s[i:], ",]}")
			if j <= 0 {
				return false
			}
			v, n = s[i:i+j], j
		}
		if !item(key, v, at) {
			return false
		}
		i += n
		switch {
		case i == len(s)-1:
		case strings.HasPrefix(s[i:], ", "):
			i += 2
		default:
			return false
		}
	}
	return i == len(s)-1
}

// doubleQuotedPrefix decodes the double-quoted scalar at the start of s,
// with the escapes encodeFile writes (\" \\ \n \t \r \xXX \uXXXX
// \UXXXXXXXX); any other escape gives up.
func doubleQuotedPrefix(s string) (string, int, bool) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			return b.String(), i + 1, true
		case '\\':
			if i+1 >= len(s) {
				return "", 0, false
			}
			i++
			digits := 0
			switch s[i] {
			case '"', '\\':
				b.WriteByte(s[i])
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'x':
				digits = 2
			case 'u':
				digits = 4
			case 'U':
				digits = 8
			default:
				return "", 0, false
			}
			if digits > 0 {
				if i+digits >= len(s) {
					return "", 0, false
				}
				r, err := strconv.ParseUint(s[i+1:i+1+digits], 16, 32)
				if err != nil || !utf8.ValidRune(rune(r)) {
					return "", 0, false
				}
				b.WriteRune(rune(r))
				i += digits
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", 0, false
}
