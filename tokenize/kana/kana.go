package kana

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const (
	longVowel = 'ー' // U+30FC KATAKANA-HIRAGANA PROLONGED SOUND MARK
)

// small maps small hiragana (after katakana folding) to full size.
func small(r rune) (rune, bool) {
	switch r {
	case 'ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ', 'っ', 'ゃ', 'ゅ', 'ょ', 'ゎ':
		return r + 1, true // the full-size kana follows its small form
	case 'ゕ':
		return 'か', true
	case 'ゖ':
		return 'け', true
	}
	return r, false
}

// vowels gives the vowel of each full-size hiragana, for the long-vowel
// mark. Kana without a vowel (ん) are absent: ー after them is dropped.
var vowels = func() map[rune]rune {
	rows := []struct {
		vowel rune
		kana  string
	}{
		{'あ', "あかがさざただなはばぱまやらわ"},
		{'い', "いきぎしじちぢにひびぴみりゐ"},
		{'う', "うくぐすずつづぬふぶぷむゆるゔ"},
		{'え', "えけげせぜてでねへべぺめれゑ"},
		{'お', "おこごそぞとどのほぼぽもよろを"},
	}
	m := map[rune]rune{}
	for _, row := range rows {
		for _, k := range row.kana {
			m[k] = row.vowel
		}
	}
	return m
}()

// isKana reports whether r is hiragana or katakana (letters and ー).
func isKana(r rune) bool {
	return r >= 0x3041 && r <= 0x3096 || r >= 0x30A1 && r <= 0x30FA || r == longVowel
}

// hiragana folds one katakana letter to hiragana and small kana to full
// size; other runes are returned unchanged.
func hiragana(r rune) rune {
	if r >= 0x30A1 && r <= 0x30F6 { // ァ..ヶ
		r -= 0x60
	}
	if r < 0x3041 || r > 0x3096 {
		return r
	}
	f, _ := small(r)
	return f
}

// Fold returns the kana folding key of s (see the package documentation).
// It returns s itself when nothing changes.
func Fold(s string) string {
	if !needsFold(s) {
		return s
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0xFF61 && r <= 0xFF9F { // half-width katakana
			s = norm.NFKC.String(s)
			break
		}
		i += n
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune // previous folded kana, 0 after a non-kana
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == longVowel {
			if v, ok := vowels[prev]; ok {
				next, _ := utf8.DecodeRuneInString(s[i:])
				if i < len(s) && isKana(next) && next != longVowel {
					b.WriteRune(v)
					prev = v
				}
				// Word-final (or doubled) ー is dropped.
			} else if prev == 0 {
				b.WriteRune(r) // a lone ー (as a dash) is kept
			}
			continue
		}
		f := hiragana(r)
		b.WriteRune(f)
		if isKana(r) {
			prev = f
		} else {
			prev = 0
		}
	}
	return b.String()
}

// needsFold reports whether s holds katakana, small kana, ー or
// half-width katakana.
func needsFold(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r >= 0x30A1 && r <= 0x30FC || r >= 0xFF61 && r <= 0xFF9F {
			return true
		}
		if _, ok := small(r); ok {
			return true
		}
	}
	return false
}

// FoldRune folds one character: katakana to hiragana and small kana to
// full size. Unlike Fold it leaves ー and half-width katakana alone (callers
// normalize width first), so it never changes the number of characters.
func FoldRune(r rune) rune { return hiragana(r) }
