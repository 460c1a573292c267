package terms

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/medterm/glossary/tokenize"
	"github.com/medterm/glossary/tokenize/han"
	"github.com/medterm/glossary/tokenize/kana"
)

//go:generate go run ../internal/gen/readings

// Keys: every term and every query is reduced, rung by rung, to the key
// that rung compares. Each step keeps what the previous one produced and
// folds more, so a key of rung r is also a key of every later rung.
//
//	exact       the text as written
//	normalized  normKey: tokenize.Normalize (NFKC, width, case), Greek
//	            letters spelled out (α → alpha), separators removed (space,
//	            hyphens and dashes, middle dots, slashes, underscores)
//	han         han.Fold of the normalized key (shinjitai, traditional and
//	            simplified together)
//	kana        kana.Fold of the han key (katakana/hiragana, small kana,
//	            long vowels); also the keys of term readings

// greek spells out Greek letters, as medical English does (TNF-alpha,
// IL-1beta). The lower-case forms suffice: keys are lower-cased first.
var greek = map[rune]string{
	'α': "alpha", 'β': "beta", 'γ': "gamma", 'δ': "delta", 'ε': "epsilon",
	'ζ': "zeta", 'η': "eta", 'θ': "theta", 'ι': "iota", 'κ': "kappa",
	'λ': "lambda", 'μ': "mu", 'ν': "nu", 'ξ': "xi", 'ο': "omicron",
	'π': "pi", 'ρ': "rho", 'σ': "sigma", 'ς': "sigma", 'τ': "tau",
	'υ': "upsilon", 'φ': "phi", 'ϕ': "phi", 'χ': "chi", 'ψ': "psi", 'ω': "omega",
}

// greekName returns the spelled-out name of a lower-case Greek letter, or
// "".
func greekName(r rune) string {
	if r < 'α' || r > 'ϕ' {
		return ""
	}
	return greek[r]
}

// separator reports whether r is left out of normalized keys: white space,
// hyphens and dashes, middle dots, slashes, underscores and apostrophes
// (Crohn's), so that
// "stem cell", "stem-cell", "StemCell", "ステム・セル" and "TNF α" compare equal
// to their unspaced forms.
func separator(r rune) bool {
	switch r {
	case '-', '_', '/', '\\', '\'', '’',
		'‐', '‑', '‒', '–', '—', '―', '−', '﹣', // hyphens, dashes, minus
		'・', '·', '•', '‧', '∙', '･', // middle dots
		'＿', '／':
		return true
	}
	return unicode.IsSpace(r)
}

// normKey returns the normalized key of s.
func normKey(s string) string {
	if plainKey(s) {
		if n := tokenize.Normalize(s); n == s || plainKey(n) {
			return n
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	if ascii(s) {
		// NFKC and width change no ASCII: lower-case, drop separators.
		for i := 0; i < len(s); i++ {
			c := s[i]
			if separator(rune(c)) {
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
		}
		return b.String()
	}
	// One pass: normalize, drop separators, spell out Greek letters.
	tokenize.NormalizeFunc(s, func(r rune, _, _ int) {
		if separator(r) {
			return
		}
		if g := greekName(r); g != "" {
			b.WriteString(g)
			return
		}
		b.WriteRune(r)
	})
	return b.String()
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// plainKey reports whether s has neither separators nor Greek letters.
func plainKey(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == '-' || c == '_' || c == '/' || c == '\\' || c == '\'' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < 0x3000 || r == '・' || r >= 0xFE00 {
			if separator(r) || greekName(r) != "" {
				return false
			}
		}
		i += n
	}
	return true
}

// hanKey and kanaKey return the keys of the han-folded and kana-folded
// rungs from the key of the previous rung.
func hanKey(norm string) string { return han.Fold(norm) }
func kanaKey(h string) string   { return kana.Fold(h) }

// keys returns the keys of s for the normalized, han and kana rungs.
func keys(s string) (n, h, k string) {
	n = normKey(s)
	h = hanKey(n)
	k = kanaKey(h)
	return
}

// singular returns the normalized key of an English plural with its plural
// ending removed (mscs → msc, dmards → dmard, stemcells → stemcell,
// "mesenchymal stem cells" → ...), and false when key does not end in a
// Latin plural -s. Only Latin-letter keys qualify: a trailing s after a
// Han or kana character is not a plural.
func singular(key string) ([]string, bool) {
	if len(key) < 3 || key[len(key)-1] != 's' {
		return nil, false
	}
	prev, _ := utf8.DecodeLastRuneInString(key[:len(key)-1])
	if !(prev >= 'a' && prev <= 'z' || prev >= '0' && prev <= '9') || prev == 's' {
		return nil, false
	}
	out := []string{key[:len(key)-1]}
	if strings.HasSuffix(key, "ies") && len(key) > 4 {
		out = append(out, key[:len(key)-3]+"y")
	} else if strings.HasSuffix(key, "es") && len(key) > 4 {
		out = append(out, key[:len(key)-2])
	}
	return out, true
}
