package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkTextLine reports why line n (1-based) of the input name is not a
// line of text for verb: a NUL byte (binary data), invalid UTF-8 or a
// control character other than tab. The error names name:line:col (col a
// 1-based byte column) and never quotes the line itself, which may be huge.
func checkTextLine(verb, name string, n int, line string) error {
	if i := strings.IndexByte(line, 0); i >= 0 {
		return fmt.Errorf("%s:%d:%d: %s: NUL byte: binary data, not text", name, n, i+1, verb)
	}
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return fmt.Errorf("%s:%d:%d: %s: invalid UTF-8 (byte 0x%02x; input must be UTF-8)", name, n, i+1, verb, line[i])
		case r != '\t' && unicode.IsControl(r):
			return fmt.Errorf("%s:%d:%d: %s: control character %U", name, n, i+1, verb, r)
		}
		i += size
	}
	return nil
}
