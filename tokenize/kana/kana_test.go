package kana

import (
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name string
		in   []string // all fold to want
		want string
	}{
		{"katakana to hiragana", []string{"リウマチ", "りうまち"}, "りうまち"},
		{"half-width", []string{"ｶﾝｾﾂﾘｳﾏﾁ", "カンセツリウマチ", "かんせつりうまち"}, "かんせつりうまち"},
		{"half-width voiced", []string{"ｶﾞﾝ", "ガン", "がん"}, "がん"},
		{"small kana", []string{"ウィルス", "ウイルス"}, "ういるす"},
		{"sokuon", []string{"ヘパリンロック", "ヘパリンロツク"}, "へぱりんろつく"},
		{"long vowel as vowel", []string{"リューマチ", "りゅうまち"}, "りゆうまち"},
		{"word-final long vowel", []string{"コンピューター", "コンピュータ"}, "こんぴゆうた"},
		{"long vowel before Han", []string{"メーカー製", "メーカ製"}, "めえか製"},
		{"ヴ", []string{"ヴィールス", "ゔぃいるす"}, "ゔいいるす"},
		{"mixed kanji", []string{"関節リウマチ"}, "関節りうまち"},
		{"Latin kept", []string{"MSC"}, "MSC"},
		{"lone dash kept", []string{"ー"}, "ー"},
		{"after ん dropped", []string{"ンー"}, "ん"},
		{"empty", []string{""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, in := range tt.in {
				if got := Fold(in); got != tt.want {
					t.Errorf("Fold(%q) = %q; want %q", in, got, tt.want)
				}
			}
		})
	}
}

func TestFoldNoAlloc(t *testing.T) {
	for _, s := range []string{"かんせつ", "間葉系幹細胞", "msc"} {
		if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
			t.Errorf("Fold(%q) allocates %v times; want 0", s, n)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"リューマチ", "ｶﾞﾝ", "コンピューター", "ーー", "ｰｱ", "\xffア", "か\u3099"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if !utf8.ValidString(s) {
			return
		}
		if again := Fold(got); again != got {
			t.Errorf("Fold(Fold(%q)) = %q; want %q", s, again, got)
		}
		for _, r := range got {
			if r >= 0x30A1 && r <= 0x30F6 {
				t.Errorf("Fold(%q) = %q: katakana left", s, got)
			}
		}
	})
}

func BenchmarkFold(b *testing.B) {
	for _, s := range []string{"カンセツリウマチ", "かんせつりうまち", "間葉系幹細胞"} {
		b.Run(s, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				_ = Fold(s)
			}
		})
	}
}
