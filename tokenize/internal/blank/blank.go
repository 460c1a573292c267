// Package blank trims white space from byte spans of text, for the tokenize
// packages.
package blank

import (
	"unicode"
	"unicode/utf8"
)

// Trim narrows text[s:e] to exclude white space at its edges.
func Trim(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}
