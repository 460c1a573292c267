package terms

import (
	"fmt"
	"strings"
)

// MaxIDLen is the longest concept id accepted.
const MaxIDLen = 128

// reservedIDs are the keys go-i18n gives a meaning inside a message
// (github.com/nicksnyder/go-i18n/v2/i18n, message.go reservedKeys): a message
// id equal to one of them would be read as a field of its parent message.
var reservedIDs = map[string]bool{
	"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true,
	"translation": true,
}

// ValidID reports why id cannot be a concept id, or nil if it can. A
// concept id is an ASCII slug — a lower-case letter followed by lower-case
// letters, digits and single hyphens, not ending in a hyphen, at most
// MaxIDLen bytes — which makes it also a valid XML NCName (for TBX export)
// and a valid go-i18n message id; the words go-i18n reserves (id,
// description, hash, leftdelim, rightdelim, zero, one, two, few, many,
// other, translation) are refused.
func ValidID(id string) error {
	if id == "" {
		return fmt.Errorf("terms: empty concept id")
	}
	if len(id) > MaxIDLen {
		return fmt.Errorf("terms: concept id %q is longer than %d bytes", id, MaxIDLen)
	}
	if c := id[0]; c < 'a' || c > 'z' {
		return fmt.Errorf("terms: concept id %q must start with a lower-case ASCII letter", id)
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-':
			if i == len(id)-1 || id[i+1] == '-' {
				return fmt.Errorf("terms: concept id %q has an empty hyphen-separated part", id)
			}
		default:
			return fmt.Errorf("terms: concept id %q contains %q (want a-z, 0-9 and '-')", id, rune(id[i]))
		}
	}
	if reservedIDs[strings.ToLower(id)] {
		return fmt.Errorf("terms: concept id %q is a go-i18n reserved word", id)
	}
	return nil
}

// validCategory reports whether a category can name a file: the same
// alphabet as ids, so "<category>.yaml" is safe on every file system.
func validCategory(s string) error {
	if s == "" {
		return nil
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0 && i < len(s)-1) {
			return fmt.Errorf("terms: category %q: want a-z, 0-9 and inner '-' (it names the file %s.yaml)", s, s)
		}
	}
	return nil
}
