package tokenize

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"

	"github.com/medterm/glossary/tokenize/han"
)

// Encoding is a text encoding Decode reads.
type Encoding int

// The encodings Decode reads. Auto asks Decode to detect the encoding.
const (
	Auto     Encoding = iota
	UTF8              // UTF-8, with or without a byte order mark
	UTF16LE           // UTF-16 little endian
	UTF16BE           // UTF-16 big endian
	ShiftJIS          // Shift_JIS (Windows code page 932)
	EUCJP             // EUC-JP
	GBK               // GBK (superset of GB 2312); detection reports GB18030
	GB18030           // GB 18030 (superset of GBK)
	Big5              // Big5 (with the HKSCS extensions WHATWG defines)
)

var encodingNames = [...]string{
	Auto:     "auto",
	UTF8:     "utf-8",
	UTF16LE:  "utf-16le",
	UTF16BE:  "utf-16be",
	ShiftJIS: "shift_jis",
	EUCJP:    "euc-jp",
	GBK:      "gbk",
	GB18030:  "gb18030",
	Big5:     "big5",
}

// String returns the encoding's canonical name, as ParseEncoding accepts it.
func (e Encoding) String() string {
	if e < 0 || int(e) >= len(encodingNames) {
		return fmt.Sprintf("Encoding(%d)", int(e))
	}
	return encodingNames[e]
}

// encodingAliases maps lower-case names, with '-' and '_' removed, to
// encodings.
var encodingAliases = map[string]Encoding{
	"":           Auto,
	"auto":       Auto,
	"utf8":       UTF8,
	"utf16":      UTF16BE, // BOM decides; big endian without one (RFC 2781)
	"utf16le":    UTF16LE,
	"utf16be":    UTF16BE,
	"shiftjis":   ShiftJIS,
	"sjis":       ShiftJIS,
	"cp932":      ShiftJIS,
	"windows31j": ShiftJIS,
	"mskanji":    ShiftJIS,
	"eucjp":      EUCJP,
	"gbk":        GBK,
	"gb2312":     GBK,
	"cp936":      GBK,
	"gb18030":    GB18030,
	"big5":       Big5,
	"cp950":      Big5,
	"big5hkscs":  Big5,
}

var nameCleaner = strings.NewReplacer("-", "", "_", "", " ", "")

// ParseEncoding returns the encoding called name (case-insensitive; "sjis",
// "cp932", "gb2312", "utf8" and similar aliases are accepted; "" and "auto"
// mean Auto).
func ParseEncoding(name string) (Encoding, error) {
	key := strings.ToLower(nameCleaner.Replace(name))
	if e, ok := encodingAliases[key]; ok {
		return e, nil
	}
	return Auto, fmt.Errorf("tokenize: unknown encoding %q (want one of auto, utf-8, utf-16, utf-16le, utf-16be, shift_jis, euc-jp, gbk, gb18030, big5)", name)
}

// Decoding failures a DecodeError wraps; test with errors.Is.
var (
	ErrInvalid = errors.New("invalid byte sequence")
	ErrBinary  = errors.New("binary data, not text")
)

// DecodeError reports input Decode cannot read as text: the file it came
// from, where the first offending byte is (byte offset into the input, and
// line and column), and the encoding it was read as.
type DecodeError struct {
	File      string   // file name as given to Decode ("" for none)
	Offset    int      // byte offset into the undecoded input
	Line, Col int      // 1-based; Col counts characters (bytes where the line does not decode)
	Encoding  Encoding // the encoding tried (Auto when detection failed)
	Err       error    // ErrInvalid or ErrBinary
}

func (e *DecodeError) Error() string {
	file := e.File
	if file == "" {
		file = "<input>"
	}
	what := e.Err.Error()
	if e.Err == ErrInvalid && e.Encoding != Auto {
		what = "invalid " + e.Encoding.String() + " byte sequence"
	}
	if e.Err == ErrInvalid && e.Encoding == Auto {
		what = "invalid byte sequence in every supported encoding (use --encoding)"
	}
	return fmt.Sprintf("tokenize: %s:%d:%d: byte %d: %s", file, e.Line, e.Col, e.Offset, what)
}

// Unwrap returns ErrInvalid or ErrBinary.
func (e *DecodeError) Unwrap() error { return e.Err }

// Decode returns b as UTF-8 text. name is the file b was read from and only
// appears in errors. enc names the encoding (see ParseEncoding); "" or
// "auto" detects it:
//
//   - a byte order mark selects UTF-8 or UTF-16 (LE or BE);
//   - otherwise valid UTF-8 is UTF-8;
//   - otherwise b is decoded as Shift_JIS, EUC-JP, GB18030 and Big5, and
//     the encoding that decodes cleanly into the most plausible text wins
//     (kana favour the Japanese encodings, simplified-only characters
//     GB18030, traditional-only characters Big5; private-use characters,
//     half-width katakana and other debris of a wrong guess count against).
//
// A byte order mark is removed: offsets of tokens count from the first
// character after it. Input with a NUL byte or other C0 control characters
// (other than tab, newline, vertical tab, form feed, carriage return,
// substitute and escape) is refused as binary. Every failure is a
// *DecodeError naming the file, the byte offset, line and column.
func Decode(b []byte, name, enc string) (string, Encoding, error) {
	text, e, _, err := decode(b, name, enc, false)
	return text, e, err
}

// DecodeReplacing is Decode in replacement mode: each invalid byte sequence
// becomes U+FFFD instead of failing, and replaced counts them so the
// caller can warn. Binary input and unknown encodings still fail. When
// detection finds no encoding that decodes cleanly, the text is read as
// UTF-8 if it holds valid multi-byte UTF-8 sequences, else as the legacy
// encoding that decodes furthest.
func DecodeReplacing(b []byte, name, enc string) (text string, e Encoding, replaced int, err error) {
	return decode(b, name, enc, true)
}

func decode(b []byte, name, encName string, replace bool) (string, Encoding, int, error) {
	text, e, n, err := decodeAs(b, name, encName, replace)
	if de, ok := err.(*DecodeError); ok {
		de.Line, de.Col = position(b, de.Offset, de.Encoding)
	}
	return text, e, n, err
}

// position returns the 1-based line and column of byte offset off in b,
// read as e.
func position(b []byte, off int, e Encoding) (line, col int) {
	off = min(max(off, 0), len(b))
	line, col = 1, 1
	if e == UTF16LE || e == UTF16BE {
		for i := 0; i+1 < off; i += 2 {
			u := uint16(b[i])<<8 | uint16(b[i+1])
			if e == UTF16LE {
				u = uint16(b[i]) | uint16(b[i+1])<<8
			}
			switch {
			case u == '\n':
				line, col = line+1, 1
			case i == 0 && u == 0xFEFF, u >= 0xDC00 && u < 0xE000:
			default:
				col++
			}
		}
		return line, col
	}
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	line += bytes.Count(b[:start], []byte{'\n'})
	seg := b[start:off]
	if start == 0 {
		seg = bytes.TrimPrefix(seg, []byte{0xEF, 0xBB, 0xBF})
	}
	if enc := legacyEncoding(e); enc != nil {
		if out, err := enc.NewDecoder().Bytes(seg); err == nil {
			return line, col + utf8.RuneCount(out)
		}
		return line, col + len(seg)
	}
	return line, col + utf8.RuneCount(seg)
}

func decodeAs(b []byte, name, encName string, replace bool) (string, Encoding, int, error) {
	forced, err := ParseEncoding(encName)
	if err != nil {
		return "", Auto, 0, err
	}
	e := forced
	if e == Auto || e == UTF8 || e == UTF16BE && isUTF16Alias(encName) {
		switch {
		case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) && (e == Auto || e == UTF8):
			return decodeUTF8(b[3:], 3, name, replace)
		case bytes.HasPrefix(b, []byte{0xFF, 0xFE}) && e != UTF8:
			return decodeUTF16(b[2:], 2, name, UTF16LE, replace)
		case bytes.HasPrefix(b, []byte{0xFE, 0xFF}) && e != UTF8:
			return decodeUTF16(b[2:], 2, name, UTF16BE, replace)
		}
	}
	switch e {
	case UTF16LE, UTF16BE:
		skip := 0
		if e == UTF16LE && bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || e == UTF16BE && bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
			skip = 2
		}
		return decodeUTF16(b[skip:], skip, name, e, replace)
	case UTF8:
		return decodeUTF8(b, 0, name, replace)
	}
	if off := binaryOffset(b); off >= 0 {
		err := ErrBinary
		if u := bomlessUTF16(b); e == Auto && u != Auto {
			err = fmt.Errorf("%w (it looks like %s without a byte order mark: use --encoding %s)", ErrBinary, strings.ToUpper(u.String()), u)
		}
		return "", e, 0, &DecodeError{File: name, Offset: off, Encoding: e, Err: err}
	}
	if e != Auto {
		return decodeLegacy(b, name, e, replace)
	}
	if utf8.Valid(b) {
		return string(b), UTF8, 0, nil
	}
	return detect(b, name, replace)
}

// bomlessUTF16 returns UTF16LE or UTF16BE when b, which holds NUL bytes,
// reads as UTF-16 text in that byte order: its NUL bytes all at odd
// (LE) or all at even (BE) offsets, and every character printable or a
// text control. Else it returns Auto.
func bomlessUTF16(b []byte) Encoding {
	if len(b) < 2 || len(b)%2 != 0 {
		return Auto
	}
	parity := -1
	for i, c := range b {
		if c != 0 {
			continue
		}
		if parity >= 0 && i%2 != parity {
			return Auto
		}
		parity = i % 2
	}
	e := UTF16BE
	if parity == 1 {
		e = UTF16LE
	}
	text, _, _, err := decodeUTF16(b, 0, "", e, false)
	if err != nil {
		return Auto
	}
	for _, r := range text {
		if !textControl(r) && (!unicode.IsPrint(r) && r != '\u3000' || !plausible(r)) {
			return Auto
		}
	}
	return e
}

// plausible reports whether r belongs to the scripts and symbols of the
// texts this package reads (Latin, Greek, CJK, kana, Hangul, punctuation):
// binary data read as UTF-16 gives characters of other scripts.
func plausible(r rune) bool {
	switch {
	case r < 0x250, r >= 0x370 && r < 0x400, r >= 0x2000 && r < 0x2300,
		r >= 0x3000 && r < 0x3100, r >= 0x3400 && r < 0x4DC0, r >= 0x4E00 && r < 0xA000,
		r >= 0xAC00 && r < 0xD7B0, r >= 0xF900 && r < 0xFB00, r >= 0xFF00 && r < 0xFFF0:
		return true
	}
	return false
}

func isUTF16Alias(name string) bool {
	return strings.ToLower(nameCleaner.Replace(name)) == "utf16"
}

// binaryOffset returns the offset of the first byte that marks b as binary,
// or -1. Legacy CJK encodings never use bytes below 0x40 as trail bytes, so
// the check is valid before decoding.
func binaryOffset(b []byte) int {
	for i, c := range b {
		if c < 0x20 && !textControl(rune(c)) {
			return i
		}
	}
	return -1
}

// textControl reports the C0 controls text may hold: tab, line breaks, form
// feed, escape, and SUB (0x1A), which encoders (x/text's among them) write
// for characters the target encoding lacks.
func textControl(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', 0x1A, 0x1B:
		return true
	}
	return false
}

func decodeUTF8(b []byte, base int, name string, replace bool) (string, Encoding, int, error) {
	if off := binaryOffset(b); off >= 0 {
		return "", UTF8, 0, &DecodeError{File: name, Offset: base + off, Encoding: UTF8, Err: ErrBinary}
	}
	if utf8.Valid(b) {
		return string(b), UTF8, 0, nil
	}
	if !replace {
		return "", UTF8, 0, &DecodeError{File: name, Offset: base + firstInvalidUTF8(b), Encoding: UTF8, Err: ErrInvalid}
	}
	var sb strings.Builder
	sb.Grow(len(b))
	n := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			n++
			sb.WriteRune(utf8.RuneError)
		} else {
			sb.Write(b[i : i+size])
		}
		i += size
	}
	return sb.String(), UTF8, n, nil
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

func decodeUTF16(b []byte, base int, name string, e Encoding, replace bool) (string, Encoding, int, error) {
	var sb strings.Builder
	sb.Grow(len(b) * 3 / 2)
	n := 0
	unit := func(i int) rune {
		if e == UTF16LE {
			return rune(b[i]) | rune(b[i+1])<<8
		}
		return rune(b[i])<<8 | rune(b[i+1])
	}
	fail := func(off int, err error) (string, Encoding, int, error) {
		return "", e, 0, &DecodeError{File: name, Offset: base + off, Encoding: e, Err: err}
	}
	i := 0
	for ; i+1 < len(b); i += 2 {
		r := unit(i)
		switch {
		case utf16.IsSurrogate(r) && r < 0xDC00 && i+3 < len(b):
			r2 := unit(i + 2)
			if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
				sb.WriteRune(dec)
				i += 2
				continue
			}
			fallthrough
		case utf16.IsSurrogate(r):
			if !replace {
				return fail(i, ErrInvalid)
			}
			n++
			sb.WriteRune(utf8.RuneError)
			continue
		case r < 0x20 && !textControl(r):
			return fail(i, ErrBinary)
		}
		sb.WriteRune(r)
	}
	if i < len(b) { // odd trailing byte
		if !replace {
			return fail(i, ErrInvalid)
		}
		n++
		sb.WriteRune(utf8.RuneError)
	}
	return sb.String(), e, n, nil
}

func legacyEncoding(e Encoding) encoding.Encoding {
	switch e {
	case ShiftJIS:
		return japanese.ShiftJIS
	case EUCJP:
		return japanese.EUCJP
	case GBK:
		return simplifiedchinese.GBK
	case GB18030:
		return simplifiedchinese.GB18030
	case Big5:
		return traditionalchinese.Big5
	}
	return nil
}

// decodeLegacy decodes b (already checked for binary bytes) as e. The x/text
// decoders turn invalid sequences into U+FFFD, which none of these
// encodings can encode, so a U+FFFD in the output marks invalid input.
func decodeLegacy(b []byte, name string, e Encoding, replace bool) (string, Encoding, int, error) {
	out, err := legacyEncoding(e).NewDecoder().Bytes(b)
	if err != nil {
		return "", e, 0, &DecodeError{File: name, Offset: invalidOffset(b, e), Encoding: e, Err: ErrInvalid}
	}
	n := bytes.Count(out, []byte("\uFFFD"))
	if n > 0 && !replace {
		return "", e, 0, &DecodeError{File: name, Offset: invalidOffset(b, e), Encoding: e, Err: ErrInvalid}
	}
	return string(out), e, n, nil
}

// invalidOffset finds the input offset of the first invalid sequence by
// decoding one character at a time (only done once decoding has failed).
func invalidOffset(b []byte, e Encoding) int {
	t := legacyEncoding(e).NewDecoder()
	var dst [utf8.UTFMax]byte
	for i := 0; i < len(b); {
		nDst, nSrc, err := t.Transform(dst[:], b[i:], true)
		if nDst > 0 && bytes.Contains(dst[:nDst], []byte("\uFFFD")) {
			return i
		}
		if nSrc == 0 {
			if err != nil && err != transform.ErrShortDst {
				return i
			}
			if nDst == 0 {
				return i
			}
		}
		i += nSrc
	}
	return len(b)
}

var detectOrder = []Encoding{ShiftJIS, EUCJP, GB18030, Big5}

// detect picks the legacy encoding that decodes b cleanly into the most
// plausible text.
func detect(b []byte, name string, replace bool) (string, Encoding, int, error) {
	best, bestScore := Auto, 0
	var bestText string
	for _, e := range detectOrder {
		out, err := legacyEncoding(e).NewDecoder().Bytes(b)
		if err != nil || bytes.Contains(out, []byte("\uFFFD")) {
			continue
		}
		if s := plausibility(out, e); best == Auto || s > bestScore {
			best, bestScore, bestText = e, s, string(out)
		}
	}
	if best != Auto {
		return bestText, best, 0, nil
	}
	// Nothing decodes cleanly. Valid multi-byte UTF-8 sequences mean the
	// text is UTF-8 with some damage; otherwise blame the encoding that
	// decodes furthest.
	if hasUTF8Sequence(b) {
		if replace {
			return decodeUTF8(b, 0, name, true)
		}
		return "", UTF8, 0, &DecodeError{File: name, Offset: firstInvalidUTF8(b), Encoding: UTF8, Err: ErrInvalid}
	}
	far, farOff := ShiftJIS, -1
	for _, e := range detectOrder {
		if off := invalidOffset(b, e); off > farOff {
			far, farOff = e, off
		}
	}
	if replace {
		return decodeLegacy(b, name, far, true)
	}
	return "", Auto, 0, &DecodeError{File: name, Offset: farOff, Encoding: Auto, Err: ErrInvalid}
}

func hasUTF8Sequence(b []byte) bool {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if size >= 3 && r != utf8.RuneError {
			return true
		}
		i += size
	}
	return false
}

// plausibility scores text decoded as e: characters real text in that
// encoding is full of score up, characters a wrong guess produces score
// down.
func plausibility(text []byte, e Encoding) int {
	japaneseEnc := e == ShiftJIS || e == EUCJP
	score := 0
	for _, r := range string(text) {
		switch {
		case r < 0x80:
		case unicode.Is(unicode.Hiragana, r) || r >= 0x30A1 && r <= 0x30FA || r == 'ー':
			if japaneseEnc {
				score += 3
			} else {
				score++
			}
		case r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF5E:
			score += 2 // CJK punctuation and full-width forms
		case r >= 0x4E00 && r <= 0x9FFF:
			score++
			switch {
			case han.Simplified(r) && e == GB18030, han.Traditional(r) && e == Big5, han.Shinjitai(r) && japaneseEnc:
				score++
			}
		case r >= 0xE000 && r <= 0xF8FF, // private use
			r >= 0xFF61 && r <= 0xFF9F, // half-width katakana
			r >= 0x0370 && r <= 0x052F, // Greek, Cyrillic
			r >= 0x2500 && r <= 0x25FF, // box drawing, shapes
			r >= 0x3100 && r <= 0x312F, // bopomofo
			r >= 0x3400 && r <= 0x4DBF, // CJK extension A
			r >= 0xAC00 && r <= 0xD7AF, // Hangul
			r >= 0xF900 && r <= 0xFAFF, // compatibility ideographs
			r >= 0xFE10 && r <= 0xFE6F, // vertical and small forms
			r >= 0x10000:
			score -= 5
		}
	}
	return score
}
