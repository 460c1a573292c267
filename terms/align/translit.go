package align

import "strings"

// Transliteration: a katakana loanword and an English word are compared by
// their consonant skeletons, after rules that map both spellings to the
// sounds Japanese keeps: エクソソーム (ekusosōmu) and exosome both give "ksm",
// メトトレキサート and methotrexate "mttrkst" → "mtrkst", バイオマーカー and
// biomarker "bmk". The rules are deliberately coarse (l = r, v = b, th = t,
// English r before a consonant or at the end is silent); a skeleton needs
// three consonants to count, so short words never match by chance alone.

// minSkeleton is the shortest consonant skeleton that may link two terms.
const minSkeleton = 3

var kataRomaji = map[rune]string{
	'ア': "a", 'イ': "i", 'ウ': "u", 'エ': "e", 'オ': "o",
	'カ': "ka", 'キ': "ki", 'ク': "ku", 'ケ': "ke", 'コ': "ko",
	'ガ': "ga", 'ギ': "gi", 'グ': "gu", 'ゲ': "ge", 'ゴ': "go",
	'サ': "sa", 'シ': "si", 'ス': "su", 'セ': "se", 'ソ': "so",
	'ザ': "za", 'ジ': "zi", 'ズ': "zu", 'ゼ': "ze", 'ゾ': "zo",
	'タ': "ta", 'チ': "ti", 'ツ': "tu", 'テ': "te", 'ト': "to",
	'ダ': "da", 'ヂ': "zi", 'ヅ': "zu", 'デ': "de", 'ド': "do",
	'ナ': "na", 'ニ': "ni", 'ヌ': "nu", 'ネ': "ne", 'ノ': "no",
	'ハ': "ha", 'ヒ': "hi", 'フ': "fu", 'ヘ': "he", 'ホ': "ho",
	'バ': "ba", 'ビ': "bi", 'ブ': "bu", 'ベ': "be", 'ボ': "bo",
	'パ': "pa", 'ピ': "pi", 'プ': "pu", 'ペ': "pe", 'ポ': "po",
	'マ': "ma", 'ミ': "mi", 'ム': "mu", 'メ': "me", 'モ': "mo",
	'ヤ': "ya", 'ユ': "yu", 'ヨ': "yo",
	'ラ': "ra", 'リ': "ri", 'ル': "ru", 'レ': "re", 'ロ': "ro",
	'ワ': "wa", 'ヲ': "o", 'ン': "n", 'ヴ': "bu",
	'ァ': "a", 'ィ': "i", 'ゥ': "u", 'ェ': "e", 'ォ': "o",
	'ャ': "ya", 'ュ': "yu", 'ョ': "yo", 'ッ': "", 'ー': "", '・': "",
}

// katakanaSkeleton returns the consonant skeleton of a katakana word, or ""
// if s is not all katakana.
func katakanaSkeleton(s string) string {
	var b strings.Builder
	for _, r := range s {
		ro, ok := kataRomaji[r]
		if !ok {
			return ""
		}
		b.WriteString(ro)
	}
	return skeleton(b.String())
}

// englishSkeleton returns the consonant skeleton of English words as a
// Japanese speaker would render them.
func englishSkeleton(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		} else if r != ' ' && r != '-' {
			return ""
		}
	}
	w := b.String()
	w = strings.NewReplacer("ph", "f", "th", "t", "ck", "k", "qu", "kw", "x", "ks", "sh", "s", "ch", "k", "wh", "w").Replace(w)
	// c is s before e, i and y, k elsewhere.
	rs := []rune(w)
	for i, r := range rs {
		if r == 'c' {
			if i+1 < len(rs) && (rs[i+1] == 'e' || rs[i+1] == 'i' || rs[i+1] == 'y') {
				rs[i] = 's'
			} else {
				rs[i] = 'k'
			}
		}
	}
	// r after a vowel and before a consonant or at the end is silent
	// (marker → マーカー, donor → ドナー).
	var out []rune
	for i, r := range rs {
		if r == 'r' && i > 0 && isVowel(rs[i-1]) && (i+1 == len(rs) || !isVowel(rs[i+1])) {
			continue
		}
		out = append(out, r)
	}
	return skeleton(string(out))
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// skeleton drops vowels, h, w and y, maps l to r, v to b and j to z, and
// collapses repeated consonants.
func skeleton(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'h', 'w':
			continue
		case 'l':
			c = 'r'
		case 'v':
			c = 'b'
		case 'j':
			c = 'z'
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}
