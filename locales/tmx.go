package locales

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"
)

// TMXUnit is one translation unit of a translation memory: its text in
// each language it has.
type TMXUnit struct {
	ID   string // tuid, when given
	Line int    // line of the <tu> start tag
	// Texts by language, and the line of each <tuv>. The texts are without
	// inline codes: the content of <hi> and <sub> is kept, that of <bpt>,
	// <ept>, <it>, <ph> and <ut> (native code) is dropped.
	Texts map[language.Tag]string
	Lines map[language.Tag]int
}

// ErrNotTMX is the error (inside an *XMLError) of a document with no
// <tmx> root element.
var ErrNotTMX = errors.New("no <tmx> root element")

// ReadTMX reads the translation units of a TMX document (1.4). The
// language of a <tuv> is its xml:lang (or lang, TMX 1.1). A declared
// encoding other than UTF-8 is decoded with golang.org/x/text. Errors are
// *XMLError values; name is used in them.
func ReadTMX(r io.Reader, name string) ([]TMXUnit, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("locales: %s: %w", name, err)
	}
	x := &xliffReader{dec: newXMLDecoder(data), name: name, out: &XLIFF{}}
	units, err := readTMX(x)
	if err != nil {
		return nil, x.position(err)
	}
	return units, nil
}

func readTMX(x *xliffReader) ([]TMXUnit, error) {
	var units []TMXUnit
	root := false
	var tu *TMXUnit
	for {
		tok, err := x.dec.Token()
		if err == io.EOF {
			if !root {
				line, col := x.dec.InputPos()
				return nil, &XMLError{File: x.name, Line: line, Col: col, Err: ErrNotTMX}
			}
			return units, nil
		}
		if err != nil {
			return nil, err
		}
		if ee, ok := tok.(xml.EndElement); ok && ee.Name.Local == "tu" {
			tu = nil
			continue
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		line, _ := x.dec.InputPos()
		switch se.Name.Local {
		case "tmx":
			if root {
				return nil, x.fail("nested <tmx>")
			}
			root = true
		case "header", "note", "prop":
			if err := x.dec.Skip(); err != nil {
				return nil, err
			}
		case "tu":
			if !root {
				return nil, x.fail("<tu> outside <tmx>")
			}
			units = append(units, TMXUnit{ID: attr(se, "tuid"), Line: line, Texts: map[language.Tag]string{}, Lines: map[language.Tag]int{}})
			tu = &units[len(units)-1]
		case "tuv":
			if tu == nil {
				return nil, x.fail("<tuv> outside <tu>")
			}
			v := attr(se, "lang") // xml:lang has local name lang
			lang, err := parseLang(v)
			if err != nil || v == "" {
				return nil, x.fail("<tuv> with bad or no xml:lang %q", v)
			}
			text, err := tmxText(x)
			if err != nil {
				return nil, err
			}
			if _, dup := tu.Texts[lang]; dup {
				return nil, x.fail("two <tuv> of %s in one <tu>", lang)
			}
			tu.Texts[lang], tu.Lines[lang] = text, line
		}
	}
}

// tmxText reads the content of the <tuv> just opened: the text of its
// <seg> (xliffReader.text), its notes and properties left out.
func tmxText(x *xliffReader) (string, error) {
	text, seg := "", false
	for {
		tok, err := x.dec.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "seg" && !seg {
				if text, err = x.text("seg"); err != nil {
					return "", err
				}
				seg = true
			} else if err := x.dec.Skip(); err != nil {
				return "", err
			}
		case xml.EndElement: // </tuv>
			return text, nil
		}
	}
}

// newXMLDecoder returns a decoder of data that decodes the encodings XML
// declarations name through golang.org/x/text. A document starting with a
// UTF-16 byte order mark (TMX exports of some CAT tools) is decoded to UTF-8
// first; its declaration then names what is already decoded.
func newXMLDecoder(data []byte) *xml.Decoder {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		if u, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data); err == nil {
			dec := xml.NewDecoder(bytes.NewReader(u))
			dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
				if strings.HasPrefix(strings.ToLower(label), "utf-16") {
					return in, nil
				}
				return charsetReader(label, in)
			}
			return dec
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charsetReader
	return dec
}
