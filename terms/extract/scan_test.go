package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// scanRef computes the flags of scanText with the unicode tables only.
func scanRef(s string) tokInfo {
	var f tokFlags
	set := func(b bool, x tokFlags) {
		if b {
			f |= x
		}
	}
	all := func(ok func(r rune) bool) bool {
		for _, r := range s {
			if !ok(r) {
				return false
			}
		}
		return s != ""
	}
	han := func(r rune) bool { return unicode.Is(unicode.Han, r) }
	set(strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0, fWord)
	set(all(func(r rune) bool { return han(r) || r == '々' }), fAllHan)
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	set(han(first), fStartHan)
	set(han(last), fEndHan)
	letters := 0
	set(all(func(r rune) bool {
		switch {
		case r < 0x80 && unicode.IsLetter(r), unicode.Is(unicode.Greek, r):
			letters++
			return true
		case r < 0x80 && unicode.IsDigit(r), r == '-', r == '‐', r == '/', r == '.', r == '+':
			return true
		}
		return false
	}) && letters > 0, fLatin)
	set(all(func(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }), fDigits)
	set(all(func(r rune) bool {
		return r >= '0' && r <= '9' || r == '.' || r == ',' || strings.ContainsRune("０１２３４５６７８９", r)
	}), fNumber)
	set(strings.Contains(s, "・") || strings.Contains(s, "･"), fDot)
	set(all(func(r rune) bool { return unicode.Is(unicode.Katakana, r) || r == 'ー' || r == '・' }), fAllKata)
	return tokInfo{f, int32(utf8.RuneCountInString(s))}
}

// TestScanText checks scanText's ranges against the unicode tables for
// every code point, alone and after a han and a Latin letter, and on
// mixed strings.
func TestScanText(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := scanText(s), scanRef(s); got != want {
			t.Fatalf("scanText(%q) = %+v, want %+v", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		check(s)
		check("細" + s)
		check("a" + s)
	}
	for _, s := range []string{"", "細胞", "間葉系", "々", "TNF-α", "IL‐6", "5-FU", "１２", "3.5", "1,000",
		"エンドトキシン・マイコプラズマ", "ｱｲ･ｳ", "カテーテル", "ー", "\xff", "細\xe7\xb4", "\xe0\x80\x80", "\xed\xa0\x80細", "細\xe0\xa0", "α", "+", "ab c", "ＭＳＣ"} {
		check(s)
	}
}

// TestTrimSpace checks trimSpace against strings.TrimSpace around every
// code point and on broken UTF-8.
func TestTrimSpace(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		check(s)
		check("細" + s)
		check(s + "細")
	}
	for _, s := range []string{"", " a ", "\u3000細胞\u3000", "a\x80", " \x80", "\x80 ", "\xe3\x80", "\xe3\x80\x80\x80", "細\u00a0", "\u2003x", "\u1680"} {
		check(s)
	}
}

// TestIndexTable inserts keys with good and with colliding hashes, growing
// the table, and finds each of them again.
func TestIndexTable(t *testing.T) {
	for _, hash := range []func(k int) uint64{
		func(k int) uint64 { return mix(uint64(k)) },
		func(k int) uint64 { return uint64(k % 3) },                 // long probe chains
		func(k int) uint64 { return uint64(k%5)<<32 | uint64(k%3) }, // chains, few distinct high bits
	} {
		var keys []int
		tab := newIndexTable(0)
		for k := 0; k < 1000; k += 7 {
			slot, ok := tab.find(hash(k), func(i int) bool { return keys[i] == k })
			if ok {
				t.Fatalf("key %d found before insertion", k)
			}
			if tab.full() {
				tab.grow(func(i int) uint64 { return hash(keys[i]) })
				slot, _ = tab.find(hash(k), func(int) bool { return false })
			}
			tab.set(slot, len(keys), hash(k))
			keys = append(keys, k)
		}
		for i, k := range keys {
			slot, ok := tab.find(hash(k), func(j int) bool { return keys[j] == k })
			if !ok || tab.get(slot) != i {
				t.Fatalf("key %d: found %v at index %d, want %d", k, ok, tab.get(slot), i)
			}
		}
		if _, ok := tab.find(hash(3), func(j int) bool { return keys[j] == 3 }); ok {
			t.Fatal("key 3 found, never inserted")
		}
	}
}

// TestKeyStable checks that every character keyStable accepts is its own
// key and combines with nothing on its left (so each starts a segment of
// its own and strings of them are their own key too), and that key keeps
// its value on mixed strings.
func TestKeyStable(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		if !keyStable(s) {
			continue
		}
		p := norm.NFKC.PropertiesString(s)
		if strings.ToLower(norm.NFKC.String(s)) != s || !p.BoundaryBefore() || p.CCC() != 0 {
			t.Fatalf("keyStable(%U) but not stable", r)
		}
	}
	for _, s := range []string{"", "細胞", "カテーテル", "が", "か\u3099", "ｶﾃｰﾃﾙ", "MSC", "間葉系ＭＳＣ", "\xe7\xb4", "\xe0\x80\x80", "ゟ", "゛"} {
		if got, want := key(s), strings.ToLower(norm.NFKC.String(s)); got != want {
			t.Errorf("key(%q) = %q, want %q", s, got, want)
		}
	}
}

// kwicRef is the snippet rule decoded rune by rune: up to 15 characters
// either side of [start,end) on its line, trimmed, the key in 【】.
func kwicRef(text string, start, end int) string {
	l := start
	for n := 0; n < 15 && l > 0; n++ {
		c, w := utf8.DecodeLastRuneInString(text[:l])
		if c == '\n' {
			break
		}
		l -= w
	}
	r := end
	for n := 0; n < 15 && r < len(text); n++ {
		c, w := utf8.DecodeRuneInString(text[r:])
		if c == '\n' {
			break
		}
		r += w
	}
	return strings.TrimSpace(text[l:start]) + "【" + text[start:end] + "】" + strings.TrimSpace(text[end:r])
}

// FuzzKWIC checks the byte-stepping snippets against kwicRef, on valid
// and broken UTF-8 and at offsets inside characters.
func FuzzKWIC(f *testing.F) {
	f.Add("骨形成タンパク質（BMP）は骨芽細胞の分化を促し、破骨細胞との均衡が骨代謝を保つ。", 30, 42)
	f.Add("間葉系 幹細胞\n(MSC)　は\u3000多能性", 0, 9)
	f.Add("a\xe9\x80b 細胞 \xff", 2, 6)
	f.Add("間葉系幹細胞の分化能と免疫調節能を利用した再生医療の研究が進む骨芽細胞軟骨細胞脂肪細胞", 45, 54) // 15 CJK characters each side
	f.Add("間葉系幹細胞の分化能と免疫\n調節能を利用した再生医療の研究が進む骨芽細胞軟骨細胞\u3000脂肪細胞", 48, 57)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		if start < 0 || end < start || end > len(text) {
			return
		}
		b := &docBuilder{text: text, valid: utf8.ValidString(text)}
		left, right := b.kwic(start, end)
		if got, want := left+"【"+text[start:end]+"】"+right, kwicRef(text, start, end); got != want {
			t.Fatalf("kwic(%q, %d, %d) = %q, want %q", text, start, end, got, want)
		}
	})
}
