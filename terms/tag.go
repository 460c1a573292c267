package terms

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// The four core languages of the glossary, in canonical order.
var (
	Japanese           = language.Japanese
	SimplifiedChinese  = language.SimplifiedChinese
	TraditionalChinese = language.TraditionalChinese
	English            = language.English
)

// CoreLanguages lists the languages every approved concept should have a
// preferred term in, in canonical order: ja, zh-Hans, zh-Hant, en.
func CoreLanguages() []language.Tag {
	return []language.Tag{Japanese, SimplifiedChinese, TraditionalChinese, English}
}

// ParseTag parses a BCP 47 language tag as used for the keys of a glossary
// file (ja, zh-Hans, zh-Hant, en, ...). It rejects malformed tags and "und".
// The tag is returned in canonical form; [CanonicalTag] reports whether a
// spelling is already canonical.
func ParseTag(s string) (language.Tag, error) {
	if s == "" {
		return language.Und, fmt.Errorf("terms: empty language tag")
	}
	if strings.TrimSpace(s) != s || strings.ContainsAny(s, " \t\n") {
		return language.Und, fmt.Errorf("terms: bad language tag %q: contains white space", s)
	}
	t, err := language.Parse(s)
	if err != nil {
		return language.Und, fmt.Errorf("terms: bad language tag %q: %w", s, err)
	}
	if t == language.Und {
		return language.Und, fmt.Errorf("terms: bad language tag %q: undetermined language", s)
	}
	return t, nil
}

// CanonicalTag returns the canonical spelling of a tag string (for example
// "zh-hans" → "zh-Hans") and whether s was already canonical.
func CanonicalTag(s string) (string, bool) {
	t, err := ParseTag(s)
	if err != nil {
		return s, false
	}
	c := t.String()
	return c, c == s
}

func tagRank(t language.Tag) int {
	switch t {
	case Japanese:
		return 0
	case SimplifiedChinese:
		return 1
	case TraditionalChinese:
		return 2
	case English:
		return 3
	}
	return 4
}

// CompareTags orders language tags canonically: ja, zh-Hans, zh-Hant, en,
// then all others by their string form. It returns -1, 0 or +1.
func CompareTags(a, b language.Tag) int {
	ra, rb := tagRank(a), tagRank(b)
	if ra != rb {
		if ra < rb {
			return -1
		}
		return 1
	}
	return strings.Compare(a.String(), b.String())
}

// SortTags sorts tags in canonical order (see [CompareTags]).
func SortTags(tags []language.Tag) { slices.SortFunc(tags, CompareTags) }
