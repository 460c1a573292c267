package locales

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/language"
)

// XLIFF is the bilingual content of an XLIFF file (1.2, as most CAT tools
// export it, or 2.x): its languages and its segments in document order.
type XLIFF struct {
	Version    string
	SourceLang language.Tag // language.Und when the file does not say
	TargetLang language.Tag
	Segments   []XLIFFSegment
}

// XLIFFSegment is one source text and its translation.
type XLIFFSegment struct {
	ID string // the trans-unit (1.2) or unit (2.x) id; "unit/segment" when a 2.x segment has an id
	// Lines of the source and target start tags (TargetLine 0 when there
	// is no target).
	SourceLine, TargetLine int
	// The texts without inline codes: the content of <g>, <mrk> and <pc>
	// is kept, that of <bpt>, <ept>, <ph>, <it> (native code) is dropped,
	// <cp hex> is its character.
	Source, Target string
}

// ErrNotXLIFF is the error (inside an *XMLError) of a document with no
// <xliff> root element.
var ErrNotXLIFF = errors.New("no <xliff> root element")

// XMLError is a problem in an XLIFF or TMX file, at a line and column.
type XMLError struct {
	File      string
	Line, Col int
	Err       error
}

func (e *XMLError) Error() string {
	return fmt.Sprintf("locales: %s:%d:%d: %v", e.File, e.Line, e.Col, e.Err)
}

func (e *XMLError) Unwrap() error { return e.Err }

// ReadXLIFF reads the segments of an XLIFF document. Units marked
// translate="no" and 2.x <ignorable> parts are left out; a unit without a
// target has an empty Target. Files of one document must agree on their
// languages. An encoding the XML declaration names other than UTF-8
// (Shift_JIS, GB18030, Big5 ...) is decoded with golang.org/x/text. name
// is used in errors.
func ReadXLIFF(r io.Reader, name string) (*XLIFF, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("locales: %s: %w", name, err)
	}
	x := &xliffReader{dec: newXMLDecoder(data), name: name, out: &XLIFF{}}
	if err := x.read(); err != nil {
		return nil, x.position(err)
	}
	return x.out, nil
}

// charsetReader decodes an encoding an XML declaration names.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	enc, err := ianaindex.IANA.Encoding(label)
	if err != nil || enc == nil {
		return nil, fmt.Errorf("unsupported encoding %q", label)
	}
	return enc.NewDecoder().Reader(in), nil
}

// position returns err as an *XMLError at the decoder's position (or
// the syntax error's line), unless it is one already.
func (x *xliffReader) position(err error) error {
	var xe *XMLError
	if errors.As(err, &xe) {
		return err
	}
	line, col := x.dec.InputPos()
	var se *xml.SyntaxError
	if asSyntax(err, &se) && se.Line != line {
		line, col = se.Line, 1
	}
	return &XMLError{File: x.name, Line: max(line, 1), Col: max(col, 1), Err: err}
}

type xliffReader struct {
	dec    *xml.Decoder
	name   string
	out    *XLIFF
	inUnit bool   // inside a trans-unit or unit
	unit   string // its id
	skip   bool   // it is translate="no"
	segID  string // the id of the current 2.x segment
	seg    *XLIFFSegment
}

// fail returns an error at the decoder's position.
func (x *xliffReader) fail(format string, args ...any) error {
	line, col := x.dec.InputPos()
	return &XMLError{File: x.name, Line: line, Col: col, Err: fmt.Errorf(format, args...)}
}

func (x *xliffReader) read() error {
	root := false
	for {
		tok, err := x.dec.Token()
		if err == io.EOF {
			if !root {
				line, col := x.dec.InputPos()
				return &XMLError{File: x.name, Line: line, Col: col, Err: ErrNotXLIFF}
			}
			return nil
		}
		if err != nil {
			return err
		}
		if ee, ok := tok.(xml.EndElement); ok {
			switch ee.Name.Local {
			case "trans-unit", "unit":
				x.inUnit, x.seg = false, nil
			case "segment":
				x.seg, x.segID = nil, ""
			}
			continue
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		line, _ := x.dec.InputPos()
		switch se.Name.Local {
		case "xliff":
			if root {
				return x.fail("nested <xliff>")
			}
			root = true
			x.out.Version = attr(se, "version")
			if err := x.setLangs(attr(se, "srcLang"), attr(se, "trgLang")); err != nil { // 2.x
				return err
			}
		case "file":
			if err := x.setLangs(attr(se, "source-language"), attr(se, "target-language")); err != nil { // 1.2
				return err
			}
		case "trans-unit", "unit":
			if !root {
				return x.fail("<%s> outside <xliff>", se.Name.Local)
			}
			x.inUnit, x.unit, x.skip, x.seg = true, attr(se, "id"), attr(se, "translate") == "no", nil
		case "segment":
			x.seg, x.segID = nil, attr(se, "id")
		case "ignorable", "seg-source", "alt-trans", "note", "notes", "originalData", "header":
			// Not the unit's text: ignorable white space, 1.2's segmented
			// copy of the source, alternatives, notes, 2.x's code data.
			if err := x.dec.Skip(); err != nil {
				return err
			}
		case "source", "target":
			if x.skip || !x.inUnit {
				if err := x.dec.Skip(); err != nil {
					return err
				}
				continue
			}
			text, err := x.text(se.Name.Local)
			if err != nil {
				return err
			}
			if se.Name.Local == "source" {
				if x.seg == nil || x.seg.SourceLine != 0 {
					id := x.unit
					if x.segID != "" {
						id += "/" + x.segID
					}
					x.seg = x.newSegment(id)
				}
				x.seg.Source, x.seg.SourceLine = text, line
			} else {
				if x.seg == nil || x.seg.TargetLine != 0 {
					return x.fail("<target> without a <source> before it")
				}
				x.seg.Target, x.seg.TargetLine = text, line
			}
		}
	}
}

// newSegment appends a segment with id and returns it.
func (x *xliffReader) newSegment(id string) *XLIFFSegment {
	x.out.Segments = append(x.out.Segments, XLIFFSegment{ID: id})
	return &x.out.Segments[len(x.out.Segments)-1]
}

// setLangs sets the document's languages from attribute values (empty:
// not given), which must agree with those set before.
func (x *xliffReader) setLangs(src, tgt string) error {
	for _, l := range []struct {
		v  string
		to *language.Tag
	}{{src, &x.out.SourceLang}, {tgt, &x.out.TargetLang}} {
		if l.v == "" {
			continue
		}
		t, err := parseLang(l.v)
		if err != nil {
			return x.fail("%v", err)
		}
		if *l.to != language.Und && *l.to != t {
			return x.fail("language %s differs from %s declared before", t, *l.to)
		}
		*l.to = t
	}
	return nil
}

// text reads the content of the element name just opened (an XLIFF
// <source> or <target>, a TMX <seg>), up to its end tag, without inline
// codes.
func (x *xliffReader) text(name string) (string, error) {
	var b strings.Builder
	depth := 0
	for {
		tok, err := x.dec.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			switch t.Name.Local {
			case "bpt", "ept", "ph", "it", "ut": // ut: TMX
				if err := x.dec.Skip(); err != nil { // native code
					return "", err
				}
			case "cp":
				v, err := strconv.ParseUint(attr(t, "hex"), 16, 32)
				if err != nil || v > 0x10FFFF {
					return "", x.fail("<cp hex=%q>: not a code point", attr(t, "hex"))
				}
				b.WriteRune(rune(v))
				if err := x.dec.Skip(); err != nil {
					return "", err
				}
			default: // g, mrk, pc, sub and empty codes (x, bx, ex, sc, ec, sm, em)
				depth++
			}
		case xml.EndElement:
			if depth == 0 {
				if t.Name.Local != name {
					return "", x.fail("</%s> closes <%s>", t.Name.Local, name)
				}
				return b.String(), nil
			}
			depth--
		}
	}
}

// attr returns the value of the attribute of se with local name name.
func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
