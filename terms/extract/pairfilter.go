package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// filterPairs drops abbreviation pairs that the whole text shows to be
// something else (an example, a category, a source), by four general
// rules applied to pairs whose long form is CJK, where the letters of the
// short form cannot be checked against the long form:
//
//  1. Length: an n-letter short form abbreviates n words, and a CJK long
//     form spends at least one character per word, so the long form has at
//     least as many characters as the short form has letters (a plural s
//     not counted). 骨髄(BM-MSCs) and 質問(FAQ) fail.
//  2. Member index: a short form ending in a hyphen and a number (IL-10,
//     IGF-1) names one member of a family; its long form carries the
//     number. 抗炎症性サイトカイン(IL-10) fails.
//  3. Head: a short form built on another short form defined in the same
//     text (AD-MSC on MSC, adMSC on MSC) has a long form ending like the
//     long form of that head (…幹細胞). 自己脂肪由来(AD-MSC) fails when
//     MSC is defined as 間葉系幹細胞.
//  4. One sense per text: when a short form gets several long forms, the
//     most frequent one wins; others survive only if they contain it or it
//     contains them. 標準治療(DMARDs) fails against three 抗リウマチ薬(DMARDs).
func filterPairs(pairs []Pair) []Pair {
	var out []Pair
	for _, p := range pairs {
		if p.Kind != Abbreviation || p.Long == "" {
			out = append(out, p)
			continue
		}
		if utf8.RuneCountInString(p.Long) < shortLetters(p.Short) {
			continue
		}
		if num := memberIndex(p.Short); num != "" && !strings.Contains(p.Long, num) {
			continue
		}
		out = append(out, p)
	}
	// Long forms by short form (plural s folded), for rules 3 and 4.
	longs := map[string]map[string]int{}
	for _, p := range out {
		if p.Kind == Abbreviation && p.Long != "" {
			k := singular(p.Short)
			if longs[k] == nil {
				longs[k] = map[string]int{}
			}
			longs[k][p.Long]++
		}
	}
	best := map[string]string{}
	for k, m := range longs {
		bl, bn := "", 0
		for l, n := range m {
			if n > bn || n == bn && (utf8.RuneCountInString(l) > utf8.RuneCountInString(bl) || utf8.RuneCountInString(l) == utf8.RuneCountInString(bl) && l < bl) {
				bl, bn = l, n
			}
		}
		best[k] = bl
	}
	kept := out[:0]
	for _, p := range out {
		if p.Kind == Abbreviation && p.Long != "" {
			k := singular(p.Short)
			if b := best[k]; b != p.Long && !strings.Contains(b, p.Long) && !strings.Contains(p.Long, b) && longs[k][b] > longs[k][p.Long] {
				continue
			}
			if h := headShort(p.Short); h != "" {
				if hl, ok := best[singular(h)]; ok && !sameEnding(p.Long, hl) {
					continue
				}
			}
		}
		kept = append(kept, p)
	}
	return kept
}

// shortLetters counts the letters of a short form, not counting a final
// plural s after a capital (MSCs, DMARDs).
func shortLetters(sf string) int {
	n := 0
	for _, r := range singular(sf) {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// singular strips a plural s after a capital: MSCs → MSC, Tregs stays.
func singular(sf string) string {
	if len(sf) >= 3 && strings.HasSuffix(sf, "s") {
		r, _ := utf8.DecodeLastRuneInString(sf[:len(sf)-1])
		if unicode.IsUpper(r) {
			return sf[:len(sf)-1]
		}
	}
	return sf
}

// memberIndex returns the number after the last hyphen (IL-10 → 10).
func memberIndex(sf string) string {
	k := strings.LastIndexAny(sf, "-‐")
	if k < 0 {
		return ""
	}
	num := sf[k+1:]
	if num == "" {
		return ""
	}
	for _, r := range num {
		if !unicode.IsDigit(r) {
			return ""
		}
	}
	return num
}

// headShort returns the short form a compound short form is built on: the
// part after the last hyphen (UC-MSCs → MSCs) or a final run of capitals
// after lower-case letters (adMSC → MSC). It returns "" for a simple form.
func headShort(sf string) string {
	if k := strings.LastIndexAny(sf, "-‐"); k > 0 {
		h := sf[k+1:]
		if shortLetters(h) >= 2 {
			return h
		}
		return ""
	}
	rs := []rune(sf)
	i := len(rs)
	for i > 0 && unicode.IsUpper(rs[i-1]) {
		i--
	}
	if i > 0 && len(rs)-i >= 2 && unicode.IsLower(rs[i-1]) {
		return string(rs[i:])
	}
	return ""
}

// sameEnding reports whether a and b end in the same two characters (the
// head of a CJK compound: 幹細胞 … 細胞).
func sameEnding(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 2 || len(rb) < 2 {
		return false
	}
	return string(ra[len(ra)-2:]) == string(rb[len(rb)-2:])
}
