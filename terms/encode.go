package terms

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// encodeFile returns the canonical form of a glossary file holding cs, in
// that order. The output is a function of the concepts alone: the same
// concepts always give the same bytes.
func encodeFile(cs []*Concept) []byte {
	if len(cs) == 0 {
		return []byte("[]\n")
	}
	var b bytes.Buffer
	for _, c := range cs {
		encodeConcept(&b, c)
	}
	return b.Bytes()
}

// schemeOrder is the canonical order of external id schemes; others follow
// alphabetically.
var schemeOrder = []string{"mesh", "icd10", "umls", "wikidata"}

func sortedSchemes(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	rank := func(s string) int {
		if i := slices.Index(schemeOrder, s); i >= 0 {
			return i
		}
		return len(schemeOrder)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
	return keys
}

func sortedTags[V any](m map[language.Tag]V) []language.Tag {
	tags := make([]language.Tag, 0, len(m))
	for t := range m {
		tags = append(tags, t)
	}
	SortTags(tags)
	return tags
}

// line writes the parts and a newline.
func line(b *bytes.Buffer, parts ...string) {
	for _, p := range parts {
		b.WriteString(p)
	}
	b.WriteByte('\n')
}

func encodeConcept(b *bytes.Buffer, c *Concept) {
	line(b, "- id: ", scalar(c.ID, false))
	if c.Category != "" {
		line(b, "  category: ", scalar(c.Category, false))
	}
	line(b, "  status: ", c.Status.String())
	if len(c.External) > 0 {
		b.WriteString("  external: {")
		for i, k := range sortedSchemes(c.External) {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(scalar(k, true))
			b.WriteString(": ")
			b.WriteString(scalar(c.External[k], true))
		}
		b.WriteString("}\n")
	}
	for _, f := range []struct {
		key string
		m   map[language.Tag]string
	}{{"definition", c.Definitions}, {"note", c.Notes}} {
		if len(f.m) == 0 {
			continue
		}
		line(b, "  ", f.key, ":")
		for _, t := range sortedTags(f.m) {
			line(b, "    ", t.String(), ": ", scalar(f.m[t], false))
		}
	}
	if len(c.Sources) > 0 {
		b.WriteString("  sources: [")
		for i, s := range c.Sources {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(scalar(s, true))
		}
		b.WriteString("]\n")
	}
	tags := sortedTags(c.Terms)
	tags = slices.DeleteFunc(tags, func(t language.Tag) bool { return len(c.Terms[t]) == 0 })
	if len(tags) == 0 {
		return
	}
	b.WriteString("  terms:\n")
	for _, t := range tags {
		line(b, "    ", t.String(), ":")
		for _, term := range canonicalTerms(c.Terms[t]) {
			b.WriteString("      - ")
			encodeTerm(b, term)
			b.WriteByte('\n')
		}
	}
}

// canonicalTerms orders terms by status (preferred, admitted, deprecated,
// forbidden), keeping file order within a status.
func canonicalTerms(ts []Term) []Term {
	if slices.IsSortedFunc(ts, func(a, b Term) int { return int(a.Status) - int(b.Status) }) {
		return ts
	}
	out := slices.Clone(ts)
	slices.SortStableFunc(out, func(a, b Term) int { return int(a.Status) - int(b.Status) })
	return out
}

func encodeTerm(b *bytes.Buffer, t Term) {
	if t.Status == Preferred && t.Type == FullForm && t.Note == "" && t.Plural == "" && t.Text != "" {
		b.WriteString(scalar(t.Text, false))
		return
	}
	b.WriteString("{text: ")
	b.WriteString(scalar(t.Text, true))
	if t.Status != Preferred {
		b.WriteString(", status: ")
		b.WriteString(t.Status.String())
	}
	if t.Type != FullForm {
		b.WriteString(", type: ")
		b.WriteString(t.Type.String())
	}
	if t.Note != "" {
		b.WriteString(", note: ")
		b.WriteString(scalar(t.Note, true))
	}
	if t.Plural != "" {
		b.WriteString(", plural: ")
		b.WriteString(scalar(t.Plural, true))
	}
	b.WriteByte('}')
}

// scalar writes s as a YAML scalar: plain when that reads back as the same
// string in the given context (flow: inside [...] or {...}), else
// single-quoted, else (for line breaks and other unprintable characters)
// double-quoted with escapes.
func scalar(s string, flow bool) string {
	if plainSafe(s, flow) {
		return s
	}
	printable := true
	for _, r := range s {
		if !printableRune(r) {
			printable = false
			break
		}
	}
	if printable {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return doubleQuoted(s)
}

// printableRune reports whether r may appear literally in a quoted YAML
// scalar that yaml.v3 reads back unchanged and a reader can see: ASCII space
// and the graphic characters (no tabs, line breaks, NEL, byte-order mark,
// format characters or other spaces such as U+3000 and U+00A0, which are
// written as escapes so that a reviewer notices them).
func printableRune(r rune) bool { return r == ' ' || unicode.IsPrint(r) }

func plainSafe(s string, flow bool) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`~.<=", rune(s[0])) {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") || strings.Contains(s, "  ") {
		return false
	}
	if flow && strings.ContainsAny(s, ",[]{}:#") {
		return false
	}
	for _, r := range s {
		if !printableRune(r) || r != ' ' && unicode.IsSpace(r) {
			return false
		}
	}
	// A plain scalar must not read as a number, boolean, null or date: those
	// start with a digit or '+' or are one of a few words.
	if len(s) <= 5 && asciiLetters(s) {
		switch strings.ToLower(s) {
		case "null", "true", "false", // YAML 1.2 core schema
			"y", "n", "yes", "no", "on", "off": // booleans in YAML 1.1 readers
			return false
		}
		return true
	}
	if c := s[0]; !(c >= '0' && c <= '9' || c == '+') {
		return true
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(s), &n); err != nil || len(n.Content) != 1 {
		return false
	}
	v := n.Content[0]
	return v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" && v.Value == s && v.Style == 0
}

func doubleQuoted(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			switch {
			case printableRune(r):
				b.WriteRune(r)
			case r <= 0xFF:
				fmt.Fprintf(&b, `\x%02X`, r)
			case r <= 0xFFFF:
				fmt.Fprintf(&b, `\u%04X`, r)
			default:
				fmt.Fprintf(&b, `\U%08X`, r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func asciiLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
