package locales

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Format is a go-i18n message file format.
type Format uint8

const (
	TOML Format = iota
	JSON
	YAML
)

var formatNames = [...]string{TOML: "toml", JSON: "json", YAML: "yaml"}

// String returns the format's file extension: "toml", "json" or "yaml".
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", uint8(f))
}

// ParseFormat parses "toml", "json" or "yaml".
func ParseFormat(s string) (Format, error) {
	for i, n := range formatNames {
		if s == n {
			return Format(i), nil
		}
	}
	return 0, fmt.Errorf("locales: unknown format %q (want toml, json or yaml)", s)
}

// File is one generated file: a slash-separated path relative to the output
// directory, and its bytes.
type File struct {
	Path string
	Data []byte
}

// ActiveName returns the go-i18n file name for a language's messages,
// "active.zh-Hant.toml". go-i18n takes the language from the name, so the
// tag must be canonical: a name it cannot parse loads as "und".
func ActiveName(lang language.Tag, f Format) string {
	return "active." + lang.String() + "." + f.String()
}

// TranslateName returns the name of a language's translate file,
// "translate.zh-Hant.toml", the form goi18n merge reads and writes.
func TranslateName(lang language.Tag, f Format) string {
	return "translate." + lang.String() + "." + f.String()
}

// GoI18nFiles returns the active file of every language and a translate
// file for every language with missing messages, in the catalog's language
// order. Active files of the source language carry no hash, as goi18n
// writes them. The bytes are deterministic: messages sorted by id, fields
// in a fixed order.
func (c *Catalog) GoI18nFiles(f Format) []File {
	var files []File
	for _, lang := range c.Langs {
		files = append(files, File{ActiveName(lang, f), encodeMessages(c.Active[lang], f, lang != c.Source)})
	}
	for _, lang := range c.Langs {
		if ms := c.Missing[lang]; len(ms) > 0 {
			files = append(files, File{TranslateName(lang, f), encodeMessages(ms, f, true)})
		}
	}
	return files
}

// EncodeMessages writes messages in a go-i18n file format, every message as
// a table/object of its fields (description, hash, one, other) so that no
// message can be mistaken for a bare string or a nested group.
func EncodeMessages(ms []Message, f Format, withHash bool) []byte {
	return encodeMessages(ms, f, withHash)
}

func encodeMessages(ms []Message, f Format, withHash bool) []byte {
	var b bytes.Buffer
	size := 16
	for i := range ms {
		m := &ms[i]
		size += 2*len(m.ID) + len(m.Description) + len(m.Hash) + len(m.One) + len(m.Other) + 96
	}
	b.Grow(size)
	switch f {
	case JSON:
		if len(ms) == 0 {
			b.WriteString("{}\n")
			return b.Bytes()
		}
		b.WriteString("{\n")
		for i, m := range ms {
			b.WriteString("  ")
			writeJSONString(&b, m.ID)
			b.WriteString(": {")
			first := true
			for _, kv := range fields(m, withHash) {
				if !first {
					b.WriteByte(',')
				}
				first = false
				b.WriteString("\n    ")
				writeJSONString(&b, kv[0])
				b.WriteString(": ")
				writeJSONString(&b, kv[1])
			}
			b.WriteString("\n  }")
			if i < len(ms)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString("}\n")
	case YAML:
		if len(ms) == 0 {
			b.WriteString("{}\n")
			return b.Bytes()
		}
		for _, m := range ms {
			// YAML double-quoted scalars accept every JSON escape.
			writeJSONString(&b, m.ID)
			b.WriteString(":\n")
			for _, kv := range fields(m, withHash) {
				b.WriteString("  ")
				b.WriteString(kv[0])
				b.WriteString(": ")
				writeJSONString(&b, kv[1])
				b.WriteByte('\n')
			}
		}
	default: // TOML
		for i, m := range ms {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteByte('[')
			writeTOMLKey(&b, m.ID)
			b.WriteString("]\n")
			for _, kv := range fields(m, withHash) {
				b.WriteString(kv[0])
				b.WriteString(" = ")
				writeTOMLString(&b, kv[1])
				b.WriteByte('\n')
			}
		}
	}
	return b.Bytes()
}

// fields lists a message's non-empty fields in alphabetical order (the
// order goi18n's encoders use).
func fields(m Message, withHash bool) [][2]string {
	kv := make([][2]string, 0, 4)
	if m.Description != "" {
		kv = append(kv, [2]string{"description", m.Description})
	}
	if withHash && m.Hash != "" {
		kv = append(kv, [2]string{"hash", m.Hash})
	}
	if m.One != "" {
		kv = append(kv, [2]string{"one", m.One})
	}
	kv = append(kv, [2]string{"other", m.Other})
	return kv
}

const hexDigits = "0123456789abcdef"

// writeJSONString writes s as a JSON string (also a valid YAML
// double-quoted scalar). Invalid UTF-8 is replaced by U+FFFD; C1 controls,
// U+FFFE, U+FFFF, U+2028, U+2029 and U+FEFF are escaped so YAML and
// JavaScript readers keep them.
func writeJSONString(b *bytes.Buffer, s string) { writeQuoted(b, s, true) }

// writeTOMLString writes s as a TOML basic string.
func writeTOMLString(b *bytes.Buffer, s string) { writeQuoted(b, s, false) }

func writeQuoted(b *bytes.Buffer, s string, json bool) {
	b.WriteByte('"')
	start := 0 // start of the pending run of bytes to copy as they are
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
				i++
				continue
			}
			b.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\n':
				b.WriteString(`\n`)
			case '\t':
				b.WriteString(`\t`)
			case '\r':
				b.WriteString(`\r`)
			default:
				b.WriteString(`\u00`)
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(s[start:i])
			b.WriteString(`\ufffd`)
		case r >= 0x80 && r <= 0x9f || r == 0xfffe || r == 0xffff ||
			json && (r == 0x2028 || r == 0x2029 || r == 0xfeff):
			// C1 controls and noncharacters: YAML forbids them raw.
			b.WriteString(s[start:i])
			b.WriteString(`\u`)
			b.WriteString(strconv.FormatInt(int64(r)|0x10000, 16)[1:])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

// writeTOMLKey writes a bare key when TOML allows one, else a quoted key.
func writeTOMLKey(b *bytes.Buffer, k string) {
	bare := k != ""
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			bare = false
			break
		}
	}
	if bare {
		b.WriteString(k)
		return
	}
	writeTOMLString(b, k)
}

// isSafeName reports whether an id can be used unquoted in file paths and
// keys of the app formats that split on "." or ":" (i18next).
func hasSeparator(id string) bool { return strings.ContainsAny(id, ".:") }
