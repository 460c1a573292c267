package tokenize

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestDecodeUTF16WithoutBOM: UTF-16 without a byte order mark is not
// detected (it cannot be told from binary data for sure), but the error
// says what it looks like and which --encoding reads it.
func TestDecodeUTF16WithoutBOM(t *testing.T) {
	units := utf16.Encode([]rune("間葉系幹細胞を投与した。\nMSC\n"))
	le, be := make([]byte, 0, 2*len(units)), make([]byte, 0, 2*len(units))
	for _, u := range units {
		le = append(le, byte(u), byte(u>>8))
		be = append(be, byte(u>>8), byte(u))
	}
	for _, tt := range []struct {
		b    []byte
		want string
	}{{le, "--encoding utf-16le"}, {be, "--encoding utf-16be"}} {
		_, _, err := Decode(tt.b, "x.txt", "auto")
		if !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Decode = %v; want ErrBinary with the hint %q", err, tt.want)
		}
	}
	// Real binary data, and text with a stray NUL, get no such hint.
	for _, b := range []string{"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x03\x00>\x00", "abc\x00def\n"} {
		_, _, err := Decode([]byte(b), "x", "auto")
		if !errors.Is(err, ErrBinary) || strings.Contains(err.Error(), "UTF-16") {
			t.Errorf("Decode(%q) = %v; want ErrBinary without a UTF-16 hint", b, err)
		}
	}
}
