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
// variants as they are (an invalid byte becomes U+FFFD); script folding is the job of tokenize/han and
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
		if !stableRune(r) {
			return false
		}
		i += n
	}
	return true
}

// widthRune reports whether r is a full-width ASCII character, a
// half-width katakana letter or sign (not a voiced mark) or the
// ideographic space: NFKC maps it to its width fold, the same one
// character.
func widthRune(r rune) bool {
	return r >= 0xFF01 && r <= 0xFF5E || r >= 0xFF61 && r <= 0xFF9D || r == 0x3000
}

// stableRune reports whether r is a kana letter, ー or a unified Han
// ideograph: NFKC keeps it, it has no width variant and no case.
func stableRune(r rune) bool {
	return r >= 0x3041 && r <= 0x3096 || // hiragana
		r >= 0x30A1 && r <= 0x30FA || // katakana
		r == 0x30FC || // ー
		r >= 0x3400 && r <= 0x4DBF || // Han extension A
		r >= 0x4E00 && r <= 0x9FFF // Han
}

// Offsets maps a normalized text back to the original it was made from.
type Offsets struct {
	// off[i] is the byte offset in the original of the character that
	// produced normalized byte i; off[len(normalized)] is len(original).
	off []int32
}

// Start returns the original offset of normalized byte offset i: the start
// of the original character that produced byte i (len(original) for
// i == len(normalized)).
func (o Offsets) Start(i int) int { return int(o.off[i]) }

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
			return int(o.off[j])
		}
	}
	return int(o.off[len(o.off)-1])
}

// NormalizeOffsets returns Normalize(s) together with the map from its
// byte offsets back to byte offsets in s (texts up to 2 GiB), for finding matches in the
// normalized text and reporting them in the original. A character that
// normalizes to several (㎎ → mg) maps every output byte to its own start;
// characters that compose (half-width ｶﾞ → ガ) map to the start of the
// first.
func NormalizeOffsets(s string) (string, Offsets) {
	var b strings.Builder
	b.Grow(len(s))
	off := make([]int32, 0, len(s)+1)
	normalize(&b, s, &off)
	off = append(off, int32(len(s)))
	return b.String(), Offsets{off: off}
}

// normalize writes the normalized s to b and, when off is not nil, appends
// the original offset of every byte written.
func normalize(b *strings.Builder, s string, off *[]int32) {
	var buf [utf8.UTFMax]byte
	NormalizeFunc(s, func(r rune, start, _ int) {
		w := utf8.EncodeRune(buf[:], r)
		b.Write(buf[:w])
		if off != nil {
			for range w {
				*off = append(*off, int32(start))
			}
		}
	})
}

// NormalizeFunc calls f for each character of Normalize(s), in order,
// with the byte span [start, end) of the original character(s) it comes
// from: its own span when NFKC keeps it, the span of the whole segment
// when NFKC changes a character and its combining marks (㎎ → m and g
// both get the span of ㎎). An invalid byte comes as utf8.RuneError with
// its one-byte span. Scanning uses it to fold a text and keep offsets
// without building the normalized string.
func NormalizeFunc(s string, f func(r rune, start, end int)) {
	for p := 0; p < len(s); {
		// In a run of ASCII, kana letters, Han and width variants, NFKC
		// changes nothing but the width (which mapRunes folds), except
		// that the last character may combine with a following mark:
		// leave that one to the general path.
		q, last := p, p
		for q < len(s) {
			if c := s[q]; c < utf8.RuneSelf {
				last = q
				q++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[q:])
			if !stableRune(r) && !widthRune(r) {
				break
			}
			last = q
			q += n
		}
		if q == len(s) {
			last = q
		}
		if last > p {
			mapRunes(s[p:last], p, f)
			p = last
			if p >= len(s) {
				break
			}
		}
		// s[p:p+n] is already NFKC: map it rune by rune.
		n := norm.NFKC.QuickSpanString(s[p:])
		mapRunes(s[p:p+n], p, f)
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
			if w := width.LookupRune(r).Folded(); w != 0 && w < 0x2000 {
				f(unicode.ToLower(w), p, p+m)
				p += m
				continue
			}
		}
		if nf := norm.NFKC.String(seg); nf != seg {
			mapRunes(nf, p, func(r rune, _, _ int) { f(r, p, p+m) })
		} else {
			mapRunes(seg, p, f)
		}
		p += m
	}
}

// mapRunes calls f for each rune of seg with widths folded and letters
// lower-cased, and its span in the original, where seg starts at start.
func mapRunes(seg string, start int, f func(r rune, start, end int)) {
	for i := 0; i < len(seg); {
		c := seg[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			f(rune(c), start+i, start+i+1)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(seg[i:])
		o := start + i
		i += n
		if r >= 0x3040 && r <= 0x9FFF {
			// Kana and Han: no width variant, no case.
			f(r, o, o+n)
			continue
		}
		if r != utf8.RuneError || n > 1 {
			if w := width.LookupRune(r).Folded(); w != 0 {
				r = w
			}
			r = unicode.ToLower(r)
		}
		f(r, o, o+n)
	}
}
