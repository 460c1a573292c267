package gold

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkText refuses line n of a gold file when it is not UTF-8 text: a
// NUL byte (binary data, UTF-16), invalid UTF-8 or a control character
// other than tab. Col is a 1-based byte column.
func checkText(name string, n int, line string) error {
	if i := strings.IndexByte(line, 0); i >= 0 {
		return &ParseError{File: name, Line: n, Col: i + 1, Err: errors.New("gold: NUL byte: binary data or UTF-16, not UTF-8 text")}
	}
	for i, r := range line {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(line[i:], "\uFFFD"):
			return &ParseError{File: name, Line: n, Col: i + 1, Err: errors.New("gold: invalid UTF-8 (gold files must be UTF-8)")}
		case r != '\t' && unicode.IsControl(r):
			return &ParseError{File: name, Line: n, Col: i + 1, Err: fmt.Errorf("gold: control character %U", r)}
		}
	}
	return nil
}
