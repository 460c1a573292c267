package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Normalize returns the normalized form of s used for matching (Token.Norm):
// Unicode NFKC (full-width Latin and digits become ASCII, half-width
// katakana full-width, ㎎ becomes mg, compatibility ideographs unified),
// then the remaining East Asian width variants folded (golang.org/x/text/width),
// then letters lower-cased ("ＭＳＣ" → "msc", "TNF-Α" → "tnf-α").
//
// Normalize keeps Han characters, kana and punctuation other than width
// variants as they are; script folding is the job of tokenize/han and
// tokenize/kana. It returns s itself, without allocating, when s is already
// normalized (lower-case ASCII, kana, Han).
func Normalize(s string) string {
	if stable(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	normalize(&b, s, nil)
	return b.String()
}

// stable reports whether s is made only of characters that Normalize keeps
// whatever surrounds them: lower-case ASCII, digits and signs, kana letters
// and the long-vowel mark, and unified Han ideographs.
func stable(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0x3041 && r <= 0x3096, // hiragana
			r >= 0x30A1 && r <= 0x30FA, // katakana
			r == 0x30FC,                // ー
			r >= 0x3400 && r <= 0x4DBF, // Han extension A
			r >= 0x4E00 && r <= 0x9FFF: // Han
		default:
			return false
		}
		i += n
	}
	return true
}

// Offsets maps a normalized text back to the original it was made from.
type Offsets struct {
	// off[i] is the byte offset in the original of the character that
	// produced normalized byte i; off[len(normalized)] is len(original).
	off []int
}

// Start returns the original offset of normalized byte offset i: the start
// of the original character that produced byte i (len(original) for
// i == len(normalized)).
func (o Offsets) Start(i int) int { return o.off[i] }

// End returns the original offset just past the original characters that
// produced the normalized bytes before i: it maps the end of a match.
// For i == 0 it is 0.
func (o Offsets) End(i int) int {
	if i == 0 {
		return 0
	}
	// The bytes before i came from characters starting at or before
	// off[i-1]; their end is the first later start.
	start := o.off[i-1]
	for j := i; j < len(o.off); j++ {
		if o.off[j] != start {
			return o.off[j]
		}
	}
	return o.off[len(o.off)-1]
}

// NormalizeOffsets returns Normalize(s) together with the map from its
// byte offsets back to byte offsets in s, for finding matches in the
// normalized text and reporting them in the original. A character that
// normalizes to several (㎎ → mg) maps every output byte to its own start;
// characters that compose (half-width ｶﾞ → ガ) map to the start of the
// first.
func NormalizeOffsets(s string) (string, Offsets) {
	var b strings.Builder
	b.Grow(len(s))
	off := make([]int, 0, len(s)+1)
	normalize(&b, s, &off)
	off = append(off, len(s))
	return b.String(), Offsets{off: off}
}

// normalize writes the normalized s to b and, when off is not nil, appends
// the original offset of every byte written.
func normalize(b *strings.Builder, s string, off *[]int) {
	for p := 0; p < len(s); {
		// s[p:p+n] is already NFKC: map it rune by rune.
		n := norm.NFKC.QuickSpanString(s[p:])
		mapRunes(b, s[p:p+n], p, true, off)
		p += n
		if p >= len(s) {
			break
		}
		// One segment (a character and its combining marks) that NFKC
		// changes.
		m := norm.NFKC.NextBoundaryInString(s[p:], true)
		if m <= 0 {
			_, m = utf8.DecodeRuneInString(s[p:])
		}
		seg := s[p : p+m]
		if r, n := utf8.DecodeRuneInString(seg); n == m {
			// A single full-width Latin letter, digit or sign: its width
			// fold is its NFKC form.
			if f := width.LookupRune(r).Folded(); f != 0 && f < 0x2000 {
				mapRunes(b, string(f), p, false, off)
				p += m
				continue
			}
		}
		if nf := norm.NFKC.String(seg); nf != seg {
			mapRunes(b, nf, p, false, off)
		} else {
			mapRunes(b, seg, p, true, off)
		}
		p += m
	}
}

// mapRunes writes seg with widths folded and letters lower-cased. seg came
// from the original at offset start; when same, seg is the original text
// and each rune maps to its own offset, else every byte maps to start.
func mapRunes(b *strings.Builder, seg string, start int, same bool, off *[]int) {
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(seg); {
		c := seg[i]
		o := start
		if same {
			o = start + i
		}
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			if off != nil {
				*off = append(*off, o)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(seg[i:])
		if r == utf8.RuneError && n <= 1 {
			// Invalid byte: keep it as it is.
			b.WriteByte(c)
			if off != nil {
				*off = append(*off, o)
			}
			i++
			continue
		}
		i += n
		if r >= 0x3040 && r <= 0x9FFF {
			// Kana and Han: no width variant, no case.
			b.WriteString(seg[i-n : i])
			if off != nil {
				for k := 0; k < n; k++ {
					*off = append(*off, o)
				}
			}
			continue
		}
		if f := width.LookupRune(r).Folded(); f != 0 {
			r = f
		}
		r = unicode.ToLower(r)
		w := utf8.EncodeRune(buf[:], r)
		b.Write(buf[:w])
		if off != nil {
			for k := 0; k < w; k++ {
				*off = append(*off, o)
			}
		}
	}
}
