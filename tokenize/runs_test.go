package tokenize

import (
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/internal/devdata"
)

// runString renders runs as "lang:text|lang:text" for compact tables.
func runString(text string, runs []Run) string {
	var b strings.Builder
	for i, r := range runs {
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteString(r.Lang.String() + ":" + text[r.Start:r.End])
	}
	return b.String()
}

func TestRuns(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"kana", "間葉系幹細胞を投与した。", "ja:間葉系幹細胞を投与した。"},
		{"simplified", "间充质干细胞治疗红斑狼疮。", "zh-Hans:间充质干细胞治疗红斑狼疮。"},
		{"traditional", "間質幹細胞治療類風濕性關節炎。", "zh-Hant:間質幹細胞治療類風濕性關節炎。"},
		{"shinjitai", "関節炎治療薬", "ja:関節炎治療薬"},
		{"shared only, context before", "间充质干细胞。细胞治疗。", "zh-Hans:间充质干细胞。细胞治疗。"},
		{"shared only, context after", "細胞\n間質幹細胞治療關節炎", "zh-Hant:細胞\n間質幹細胞治療關節炎"},
		{"shared only, no context", "細胞", "ja:細胞"},
		{"latin inside ja", "抗CCP抗体と関節リウマチ(RA)", "ja:抗|en:CCP|ja:抗体と関節リウマチ(|en:RA)"},
		{"latin kept whole", "TNF-α阻害薬と1×10^6/kgのUC-MSCs", "en:TNF-α|ja:阻害薬と|en:1×10^6/kg|ja:の|en:UC-MSCs"},
		{"latin phrase", "MSC: Mesenchymal Stem Cell 间叶系干细胞", "en:MSC: Mesenchymal Stem Cell|zh-Hans: 间叶系干细胞"},
		{"latin stops at cjk punct", "MSC、TNF-αの", "en:MSC|ja:、|en:TNF-α|ja:の"},
		{"english only", "Mesenchymal stem cells (MSCs).", "en:Mesenchymal stem cells (MSCs)."},
		{"digits only", "12 + 3", "und:12 + 3"},
		{"zh line then ja line", "干细胞治疗费用\n関節の痛みが消えた\n", "zh-Hans:干细胞治疗费用\n|ja:関節の痛みが消えた\n"},
		{"mixed votes", "SLE的对症脐帯血干细胞", "en:SLE|zh-Hans:的对症脐帯血干细胞"},
		{"zh term in ja sentence", "中国語では间充质干细胞と呼ぶ。", "ja:中国語では|zh-Hans:间充质干细胞|ja:と呼ぶ。"},
		{"one simplified-only char stays ja", "帯状疱疹の治療", "ja:帯状疱疹の治療"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runs := Runs(tt.in)
			checkRuns(t, tt.in, runs)
			if got := runString(tt.in, runs); got != tt.want {
				t.Errorf("Runs(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

// checkRuns asserts the runs cover text in order without gaps.
func checkRuns(t *testing.T, text string, runs []Run) {
	t.Helper()
	pos := 0
	for _, r := range runs {
		if r.Start != pos || r.End <= r.Start || r.End > len(text) {
			t.Fatalf("Runs(%q): run %+v does not continue at %d", text, r, pos)
		}
		pos = r.End
	}
	if pos != len(text) {
		t.Fatalf("Runs(%q) cover %d of %d bytes", text, pos, len(text))
	}
}

// The Chinese page with a Japanese table: Chinese lines zh-Hans, table
// rows (they carry kana) ja.
func TestRunsSeedZhPage(t *testing.T) {
	b, err := os.ReadFile(devdata.Path("corpus/seeds/zh-sle-stem-cell.txt"))
	if err != nil {
		t.Skip("seed corpus not available:", err)
	}
	text := string(b)
	runs := Runs(text)
	checkRuns(t, text, runs)
	lineStart := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		lineEnd := lineStart + len(line)
		want := SimplifiedChinese
		if strings.ContainsFunc(line, func(r rune) bool { return classOf(r) == cKana }) {
			want = Japanese
		}
		for _, r := range runs {
			if r.End <= lineStart || r.Start >= lineEnd || r.Lang == English || r.Lang == language.Und {
				continue
			}
			// Only judge runs with CJK letters inside this line.
			s, e := max(r.Start, lineStart), min(r.End, lineEnd)
			if !strings.ContainsFunc(text[s:e], func(r rune) bool { c := classOf(r); return c == cHan || c == cKana }) {
				continue
			}
			if r.Lang != want {
				t.Errorf("line %q: run %q is %v; want %v", trim(line), trim(text[s:e]), r.Lang, want)
			}
		}
		lineStart = lineEnd
	}
}

func trim(s string) string {
	if utf8.RuneCountInString(s) > 30 {
		return string([]rune(s)[:30]) + "…"
	}
	return s
}

func FuzzRuns(f *testing.F) {
	for _, s := range []string{jaText, hansText, hantText, "抗CCP抗体(RA)と1×10^6/kg", "MSC: Stem Cell 间叶系\n関節", "\xff\xfe間", "a\n\n。b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		runs := Runs(s)
		if s == "" {
			if len(runs) != 0 {
				t.Fatalf("Runs(\"\") = %v", runs)
			}
			return
		}
		checkRuns(t, s, runs)
	})
}

func BenchmarkRuns(b *testing.B) {
	text := strings.Repeat("SLE 無作為試験 20 関節炎と皮膚症状が改善した。 MSC 1×10^6/kg\n治疗费用请咨询专员,间充质干细胞(MSC)。\n", 50)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Runs(text)
	}
}

// TestClassOfRanges checks classOf's range shortcuts against the unicode
// tables, rune by rune.
func TestClassOfRanges(t *testing.T) {
	for r := rune(0x80); r <= 0x2FFFF; r++ {
		kana := r == 'ー' || r == 'ｰ' || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
		han := !kana && unicode.Is(unicode.Han, r)
		if got := classOf(r); kana != (got == cKana) || han != (got == cHan) {
			t.Fatalf("classOf(%U) = %d; the tables say kana %v, han %v", r, got, kana, han)
		}
	}
}
