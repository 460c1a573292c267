package tokenize

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"MSC", "msc"},
		{"ＭＳＣ", "msc"},
		{"ｍｓｃｓ", "mscs"},
		{"msc", "msc"},
		{"TNF-α", "tnf-α"},
		{"TNF-Α", "tnf-α"},
		{"IL-1β", "il-1β"},
		{"ｶﾝｾﾂ", "カンセツ"},
		{"ﾘｳﾏﾁ", "リウマチ"},
		{"ｶﾞ", "ガ"},
		{"１×１０^６／ｋｇ", "1×10^6/kg"},
		{"５㎎", "5mg"},
		{"間葉系幹細胞", "間葉系幹細胞"},
		{"Messenchymal StemCell", "messenchymal stemcell"},
		{"抗ＣＣＰ抗体", "抗ccp抗体"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q; want %q", tt.in, got, tt.want)
		}
		got, _ := NormalizeOffsets(tt.in)
		if got != tt.want {
			t.Errorf("NormalizeOffsets(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeOffsets(t *testing.T) {
	tests := []struct {
		in       string
		match    string // a substring of the normalized text
		wantOrig string // the original text it maps back to
	}{
		{"治療にＭＳＣを", "msc", "ＭＳＣ"},
		{"ｶﾝｾﾂﾘｳﾏﾁの", "リウマチ", "ﾘｳﾏﾁ"},
		{"ｶﾞﾝ", "ガ", "ｶﾞ"},
		{"投与量５㎎/kg", "5mg", "５㎎"},
		{"投与量５㎎/kg", "m", "㎎"},
		{"Anti-CCP antibody", "anti-ccp", "Anti-CCP"},
	}
	for _, tt := range tests {
		n, off := NormalizeOffsets(tt.in)
		i := indexOf(n, tt.match)
		if i < 0 {
			t.Fatalf("NormalizeOffsets(%q) = %q: no %q", tt.in, n, tt.match)
		}
		got := tt.in[off.Start(i):off.End(i+len(tt.match))]
		if got != tt.wantOrig {
			t.Errorf("NormalizeOffsets(%q): %q maps back to %q; want %q", tt.in, tt.match, got, tt.wantOrig)
		}
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestNormalizeNoAlloc(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _ = Normalize("mesenchymal stem cell"); _ = Normalize("間葉系幹細胞とリウマチ") }); n != 0 {
		t.Errorf("Normalize allocates %v times on normalized text; want 0", n)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"ＭＳＣs", "ｶﾞﾝ細胞", "５㎎/kg", "TNF-Α", "\xffａ", "e\u0301", "ﾞｶ", "間葉系幹細胞とMSC", "Ａ\u0301", "ｶﾞ", "\u3000ａ", "ｱﾟ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, off := NormalizeOffsets(s)
		if got := Normalize(s); got != n {
			t.Fatalf("Normalize(%q) = %q; NormalizeOffsets = %q", s, got, n)
		}
		if len(off.off) != len(n)+1 || off.Start(len(n)) != len(s) {
			t.Fatalf("NormalizeOffsets(%q): %d offsets for %d bytes", s, len(off.off), len(n))
		}
		for i := range off.off {
			o := off.Start(i)
			if o < 0 || o > len(s) || (i > 0 && o < off.Start(i-1)) {
				t.Fatalf("NormalizeOffsets(%q): offset %d = %d out of order or range", s, i, o)
			}
			if o < len(s) && !utf8.RuneStart(s[o]) && utf8.ValidString(s) {
				t.Fatalf("NormalizeOffsets(%q): offset %d = %d inside a character", s, i, o)
			}
		}
		for i := 0; i <= len(n); i++ {
			if e := off.End(i); e < off.Start(0) && i > 0 || e > len(s) {
				t.Fatalf("End(%d) = %d out of range", i, e)
			}
		}
		if utf8.ValidString(s) && Normalize(n) != n {
			t.Errorf("Normalize(Normalize(%q)) = %q; want %q", s, Normalize(n), n)
		}
		if utf8.ValidString(s) {
			// The definition: NFKC, then width fold and lower case per
			// character.
			want := []rune(norm.NFKC.String(s))
			for i, r := range want {
				if f := width.LookupRune(r).Folded(); f != 0 {
					r = f
				}
				want[i] = unicode.ToLower(r)
			}
			if n != string(want) {
				t.Errorf("Normalize(%q) = %q; want %q", s, n, string(want))
			}
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	for _, s := range []string{"mesenchymal stem cell", "Mesenchymal Stem Cell", "間葉系幹細胞", "ＭＳＣ"} {
		b.Run(s, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				_ = Normalize(s)
			}
		})
	}
}

func FuzzNormalizeFunc(f *testing.F) {
	for _, s := range []string{"ＭＳＣs", "ｶﾞﾝ細胞", "５㎎/kg", "TNF-Α", "\xffａ", "e\u0301", "ﾞｶ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b []rune
		prevStart := 0
		NormalizeFunc(s, func(r rune, start, end int) {
			b = append(b, r)
			if start < prevStart || start >= end || end > len(s) {
				t.Fatalf("NormalizeFunc(%q): span %d:%d after start %d", s, start, end, prevStart)
			}
			prevStart = start
		})
		if utf8.ValidString(s) && string(b) != Normalize(s) {
			t.Errorf("NormalizeFunc(%q) = %q; Normalize = %q", s, string(b), Normalize(s))
		}
	})
}
