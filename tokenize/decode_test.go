package tokenize

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/medterm/glossary/internal/devdata"
)

// Own fixtures, one per script.
const (
	jaText   = "関節リウマチの患者に間葉系幹細胞を投与した。症状は改善し、炎症も治まった。\n"
	hansText = "间充质干细胞治疗系统性红斑狼疮,患者的症状明显改善。\n"
	hantText = "間質幹細胞治療類風濕性關節炎,患者的症狀明顯改善。\n"
)

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q: %v", s, err)
	}
	return b
}

func TestDecodeDetect(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	tests := []struct {
		name string
		in   []byte
		want string
		enc  Encoding
	}{
		{"utf-8", []byte(jaText), jaText, UTF8},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, jaText...), jaText, UTF8},
		{"utf-16le bom", encode(t, utf16le, jaText), jaText, UTF16LE},
		{"utf-16be bom", encode(t, utf16be, hansText), hansText, UTF16BE},
		{"shift_jis", encode(t, japanese.ShiftJIS, jaText), jaText, ShiftJIS},
		{"euc-jp", encode(t, japanese.EUCJP, jaText), jaText, EUCJP},
		{"gbk", encode(t, simplifiedchinese.GBK, hansText), hansText, GB18030},
		{"gb18030", encode(t, simplifiedchinese.GB18030, hansText+hantText), hansText + hantText, GB18030},
		{"big5", encode(t, traditionalchinese.Big5, hantText), hantText, Big5},
		{"ascii", []byte("MSC and TNF-α\n")[:8], "MSC and ", UTF8},
		{"empty", nil, "", UTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.in, "f.txt", "")
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got != tt.want || enc != tt.enc {
				t.Errorf("Decode = %q, %v; want %q, %v", got, enc, tt.want, tt.enc)
			}
		})
	}
}

func TestDecodeForced(t *testing.T) {
	tests := []struct {
		enc  string
		in   []byte
		want Encoding
	}{
		{"shift_jis", encode(t, japanese.ShiftJIS, jaText), ShiftJIS},
		{"SJIS", encode(t, japanese.ShiftJIS, jaText), ShiftJIS},
		{"cp932", encode(t, japanese.ShiftJIS, jaText), ShiftJIS},
		{"EUC-JP", encode(t, japanese.EUCJP, jaText), EUCJP},
		{"gbk", encode(t, simplifiedchinese.GBK, hansText), GBK},
		{"gb2312", encode(t, simplifiedchinese.GBK, hansText), GBK},
		{"gb18030", encode(t, simplifiedchinese.GB18030, hansText), GB18030},
		{"big5", encode(t, traditionalchinese.Big5, hantText), Big5},
		{"utf-16le", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), jaText), UTF16LE},
		{"utf-16be", encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), jaText), UTF16BE},
		{"utf-16", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), jaText), UTF16LE},
		{"utf-16", encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), jaText), UTF16BE},
		{"utf8", []byte(jaText), UTF8},
	}
	for _, tt := range tests {
		t.Run(tt.enc, func(t *testing.T) {
			got, enc, err := Decode(tt.in, "f.txt", tt.enc)
			if err != nil {
				t.Fatalf("Decode(%s): %v", tt.enc, err)
			}
			if enc != tt.want || !strings.ContainsRune(got, '患') {
				t.Errorf("Decode(%s) = %q, %v; want %v", tt.enc, got, enc, tt.want)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	sjis := encode(t, japanese.ShiftJIS, jaText)
	tests := []struct {
		name   string
		in     []byte
		enc    string
		offset int
		pos    string // line:col
		err    error
	}{
		{"nul", []byte("abc\x00def"), "", 3, "1:4", ErrBinary},
		{"control", []byte("関節\n関節\x01"), "", 13, "2:3", ErrBinary},
		{"nul in forced sjis", append(sjis[:4:4], 0), "shift_jis", 4, "1:3", ErrBinary},
		{"bad utf-8 after bom", []byte("\xEF\xBB\xBF関節\xFF"), "", 9, "1:3", ErrInvalid},
		{"bad utf-8 forced", []byte("関節\xE9\x96"), "utf-8", 6, "1:3", ErrInvalid},
		{"utf-8 damaged", []byte("関節リウマチ\xFF\xFEの患者"), "", 18, "1:7", ErrInvalid},
		{"bad shift_jis", append(sjis[:6:6], 0x81, 0x20), "shift_jis", 6, "1:4", ErrInvalid},
		{"bad big5", []byte{0xA4, 0x40, 0xFF, 0x41}, "big5", 2, "1:2", ErrInvalid},
		{"odd utf-16", []byte{0xFF, 0xFE, 0x41, 0x00, 0x0A, 0x00, 0x42}, "", 6, "2:1", ErrInvalid},
		{"lone surrogate", []byte{0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00}, "", 2, "1:1", ErrInvalid},
		{"nul in utf-16", []byte{0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00}, "", 4, "1:2", ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Decode(tt.in, "in.txt", tt.enc)
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("Decode = %v; want a *DecodeError", err)
			}
			if de.Offset != tt.offset || !errors.Is(err, tt.err) || de.File != "in.txt" {
				t.Errorf("Decode error = %+v; want offset %d, %v", de, tt.offset, tt.err)
			}
			if want := fmt.Sprintf("tokenize: in.txt:%s: byte %d: ", tt.pos, tt.offset); !strings.HasPrefix(err.Error(), want) {
				t.Errorf("message %q; want prefix %q", err, want)
			}
		})
	}
	if _, _, err := Decode([]byte("x"), "", "latin-9"); err == nil || !strings.Contains(err.Error(), "unknown encoding") {
		t.Errorf("Decode with unknown encoding: %v", err)
	}
}

func TestDecodeReplacing(t *testing.T) {
	in := []byte("関節\xFFリウマチ\xFE")
	got, enc, n, err := DecodeReplacing(in, "f", "")
	if err != nil || enc != UTF8 || n != 2 || got != "関節\uFFFDリウマチ\uFFFD" {
		t.Errorf("DecodeReplacing = %q, %v, %d, %v; want 2 replacements", got, enc, n, err)
	}
	sj := append(encode(t, japanese.ShiftJIS, "関節"), 0x81, 0x20)
	got, _, n, err = DecodeReplacing(sj, "f", "sjis")
	if err != nil || n != 1 || !strings.HasPrefix(got, "関節\uFFFD") {
		t.Errorf("DecodeReplacing(sjis) = %q, %d, %v", got, n, err)
	}
	if _, _, _, err := DecodeReplacing([]byte("a\x00"), "f", ""); !errors.Is(err, ErrBinary) {
		t.Errorf("DecodeReplacing(binary) = %v; want ErrBinary", err)
	}
}

func TestParseEncoding(t *testing.T) {
	for _, e := range []Encoding{Auto, UTF8, UTF16LE, UTF16BE, ShiftJIS, EUCJP, GBK, GB18030, Big5} {
		got, err := ParseEncoding(e.String())
		if err != nil || got != e {
			t.Errorf("ParseEncoding(%q) = %v, %v; want %v", e.String(), got, err, e)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(jaText), "")
	f.Add(encode(f, japanese.ShiftJIS, jaText), "")
	f.Add(encode(f, japanese.EUCJP, jaText), "euc-jp")
	f.Add(encode(f, simplifiedchinese.GBK, hansText), "")
	f.Add(encode(f, traditionalchinese.Big5, hantText), "big5")
	f.Add(encode(f, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), jaText), "")
	f.Add([]byte("\xFE\xFF\xD8\x00"), "utf-16")
	f.Fuzz(func(t *testing.T, b []byte, enc string) {
		text, _, err := Decode(b, "fuzz", enc)
		var de *DecodeError
		switch {
		case err == nil:
			if !utf8.ValidString(text) {
				t.Fatalf("Decode(%q) returned invalid UTF-8 %q", b, text)
			}
		case errors.As(err, &de):
			if de.Offset < 0 || de.Offset > len(b) {
				t.Fatalf("Decode(%q): offset %d outside input", b, de.Offset)
			}
		}
		text, _, _, err = DecodeReplacing(b, "fuzz", enc)
		if err == nil && !utf8.ValidString(text) {
			t.Fatalf("DecodeReplacing(%q) returned invalid UTF-8", b)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	text := strings.Repeat(jaText, 100)
	for _, in := range []struct {
		name string
		data []byte
	}{
		{"utf-8", []byte(text)},
		{"shift_jis-detect", encode(b, japanese.ShiftJIS, text)},
		{"utf-16le", encode(b, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), text)},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Decode(in.data, "bench", ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Detection on the seed articles in every legacy encoding (characters an
// encoding lacks become SUB, as encoders write them). Skipped without the
// shared corpus and under -short.
func TestDetectSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	files, _ := filepath.Glob(devdata.Path("corpus/seeds/*.txt"))
	if len(files) == 0 {
		t.Skip("seed corpus not available")
	}
	encs := []struct {
		enc  encoding.Encoding
		want Encoding
	}{
		{japanese.ShiftJIS, ShiftJIS}, {japanese.EUCJP, EUCJP}, {simplifiedchinese.GBK, GB18030},
		{simplifiedchinese.GB18030, GB18030}, {traditionalchinese.Big5, Big5},
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range encs {
			b, err := encoding.ReplaceUnsupported(e.enc.NewEncoder()).Bytes(src)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := e.enc.NewDecoder().Bytes(b)
			text, got, err := Decode(b, f, "")
			if err != nil || got != e.want || text != string(want) {
				t.Errorf("%s in %v: Decode = %v, %v", filepath.Base(f), e.want, got, err)
			}
		}
	}
}
