package tokenize_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/medterm/glossary/internal/devdata"
	"github.com/medterm/glossary/tokenize"
	"github.com/medterm/glossary/tokenize/ja"
	"github.com/medterm/glossary/tokenize/zh"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// userWords are the glossary terms the traps need kept whole.
var userWords = []string{"間葉系幹細胞", "全身性エリテマトーデス", "抗CCP抗体", "间充质干细胞"}

// analyzer loads both dictionaries once per test binary.
var analyzer = sync.OnceValues(func() (*tokenize.Analyzer, error) {
	jt, err := ja.New(ja.UserWords(userWords))
	if err != nil {
		return nil, err
	}
	zt, err := zh.New(zh.UserWords(userWords))
	if err != nil {
		return nil, err
	}
	return tokenize.NewAnalyzer(
		tokenize.WithTokenizer(tokenize.Japanese, jt),
		tokenize.WithTokenizer(tokenize.SimplifiedChinese, zt),
		tokenize.UserWords(userWords),
	)
})

func testAnalyzer(t testing.TB) *tokenize.Analyzer {
	t.Helper()
	a, err := analyzer()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// format renders tokens one a line, as in the golden files.
func format(toks []tokenize.Token) string {
	var b strings.Builder
	for _, t := range toks {
		user := ""
		if t.User {
			user = "\tuser"
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%d-%d%s\n", t.Surface, t.Norm, t.Base, strings.Join(t.POS, ","), t.Lang, t.Start, t.End, user)
	}
	return b.String()
}

// checkTokens asserts the offset invariants: in order, not overlapping,
// inside text, surface equal to the text at the offsets, no white space.
func checkTokens(t testing.TB, text string, toks []tokenize.Token) {
	t.Helper()
	last := 0
	for _, tk := range toks {
		if tk.Start < last || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %+v out of order or outside text (last end %d, len %d)", tk, last, len(text))
		}
		if text[tk.Start:tk.End] != tk.Surface {
			t.Fatalf("token %+v: text at offsets is %q", tk, text[tk.Start:tk.End])
		}
		if strings.TrimSpace(tk.Surface) != tk.Surface {
			t.Fatalf("token %+v has white space at an edge", tk)
		}
		last = tk.End
	}
}

func TestGolden(t *testing.T) {
	a := testAnalyzer(t)
	inputs, _ := filepath.Glob("testdata/*.input")
	if len(inputs) == 0 {
		t.Fatal("no testdata/*.input")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".input")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			text, _, err := tokenize.Decode(b, in, "")
			if err != nil {
				t.Fatal(err)
			}
			toks := a.Tokenize(text)
			checkTokens(t, text, toks)
			got := format(toks)
			golden := strings.TrimSuffix(in, ".input") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("tokens of %s differ from %s:\n%s", in, golden, diff(string(want), got))
			}
		})
	}
}

// diff shows the first differing lines.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n-\t%s\n+\t%s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// The traps of the issue, asserted directly (the goldens show the rest).
func TestTraps(t *testing.T) {
	a := testAnalyzer(t)
	tests := []struct {
		name, text, token, lang string
		user                    bool
	}{
		{"ja user word", "患者に間葉系幹細胞を投与した。", "間葉系幹細胞", "ja", true},
		{"ja user word with katakana", "全身性エリテマトーデスの患者", "全身性エリテマトーデス", "ja", true},
		{"mixed-script user word", "抗CCP抗体陽性の関節リウマチ", "抗CCP抗体", "ja", true},
		{"zh user word", "间充质干细胞治疗狼疮", "间充质干细胞", "zh-Hans", true},
		{"MSC", "間葉系幹細胞(MSC)を用いた", "MSC", "en", false},
		{"TNF-α", "TNF-α阻害薬", "TNF-α", "en", false},
		{"IL-1β", "IL-1βの上昇", "IL-1β", "en", false},
		{"UC-MSCs", "UC-MSCsを投与", "UC-MSCs", "en", false},
		{"DAS28", "DAS28が低下", "DAS28", "en", false},
		{"dose", "1×10^6/kgを投与", "1×10^6/kg", "en", false},
		{"anti-dsDNA", "anti-dsDNA抗体", "anti-dsDNA", "en", false},
		{"gse keeps case", "患者接受UC-MSCs输注", "UC-MSCs", "en", false},
		{"ja paren not a noun", "関節リウマチ(RA)患者", "(", "ja", false},
		{"ja comma after paren", "改善(12.5),24時間", "12.5", "ja", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := a.Tokenize(tt.text)
			checkTokens(t, tt.text, toks)
			for _, tk := range toks {
				if tk.Surface == tt.token {
					if tk.Lang.String() != tt.lang || tk.User != tt.user {
						t.Errorf("Tokenize(%q): %q has lang %v, user %v; want %s, %v", tt.text, tk.Surface, tk.Lang, tk.User, tt.lang, tt.user)
					}
					if tk.Surface == "(" && tk.POS[0] != "記号" {
						t.Errorf("Tokenize(%q): ( has POS %v; want 記号", tt.text, tk.POS)
					}
					return
				}
			}
			t.Errorf("Tokenize(%q) = %q; want a token %q", tt.text, surfaces(toks), tt.token)
		})
	}
	// No Japanese token glues ASCII punctuation to other characters.
	text := "改善(12.5 → 3.2),24時間(2505 → 858)。A/B比"
	for _, tk := range a.Tokenize(text) {
		if tk.Lang == tokenize.Japanese && len(tk.Surface) > 1 && strings.ContainsAny(tk.Surface, "(),/") {
			t.Errorf("Tokenize(%q): ja token %q glues ASCII punctuation", text, tk.Surface)
		}
	}
}

func surfaces(toks []tokenize.Token) []string {
	var s []string
	for _, t := range toks {
		s = append(s, t.Surface)
	}
	return s
}

// A Japanese text in Shift_JIS, EUC-JP and UTF-16 tokenizes exactly like
// the UTF-8 original; so does Chinese in GBK, GB18030 and Big5.
func TestEncodedCopies(t *testing.T) {
	a := testAnalyzer(t)
	jaUTF8, err := os.ReadFile("testdata/ja-traps.input")
	if err != nil {
		t.Fatal(err)
	}
	zhUTF8 := []byte("间充质干细胞治疗系统性红斑狼疮,TNF-α与IL-1β水平下降。\n")
	hantUTF8 := []byte("間質幹細胞治療類風濕性關節炎的臨床試驗,DAS28改善。\n")
	tests := []struct {
		name string
		src  []byte
		enc  encoding.Encoding
		want tokenize.Encoding
	}{
		{"shift_jis", jaUTF8, japanese.ShiftJIS, tokenize.ShiftJIS},
		{"euc-jp", jaUTF8, japanese.EUCJP, tokenize.EUCJP},
		{"utf-16le", jaUTF8, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), tokenize.UTF16LE},
		{"utf-16be", jaUTF8, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), tokenize.UTF16BE},
		{"utf-8 bom", jaUTF8, unicode.UTF8BOM, tokenize.UTF8},
		{"gbk", zhUTF8, simplifiedchinese.GBK, tokenize.GB18030},
		{"gb18030", zhUTF8, simplifiedchinese.GB18030, tokenize.GB18030},
		{"big5", hantUTF8, traditionalchinese.Big5, tokenize.Big5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.enc.NewEncoder().Bytes(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(b, tt.src) {
				t.Fatal("encoding changed nothing")
			}
			text, enc, err := tokenize.Decode(b, tt.name, "")
			if err != nil || enc != tt.want {
				t.Fatalf("Decode = %v, %v; want %v", enc, err, tt.want)
			}
			got, want := format(a.Tokenize(text)), format(a.Tokenize(string(tt.src)))
			if got != want {
				t.Errorf("%s copy tokenizes differently:\n%s", tt.name, diff(want, got))
			}
		})
	}
}

// The seed articles: invariants on real text (skipped without the shared
// corpus and under -short).
func TestSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("large corpus")
	}
	files, _ := filepath.Glob(devdata.Path("corpus/seeds/*.txt"))
	if len(files) == 0 {
		t.Skip("seed corpus not available")
	}
	a := testAnalyzer(t)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := tokenize.Decode(b, f, "")
		if err != nil {
			t.Fatal(err)
		}
		toks := a.Tokenize(text)
		checkTokens(t, text, toks)
		if len(toks) < len(text)/20 {
			t.Errorf("%s: only %d tokens for %d bytes", f, len(toks), len(text))
		}
	}
}

func FuzzAnalyzer(f *testing.F) {
	for _, s := range []string{"関節リウマチ(RA)の患者に間葉系幹細胞(MSC)を投与", "间充质干细胞治疗,UC-MSCs与DAS28", "抗CCP抗体\n間質幹細胞治療關節炎", "\xff抗CCP", "SLE。 MSC、TNF-αの"} {
		f.Add(s)
	}
	a := testAnalyzer(f)
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, s, a.Tokenize(s))
	})
}

func BenchmarkAnalyzer(b *testing.B) {
	a := testAnalyzer(b)
	for _, in := range []string{"ja-traps", "zh-traps", "mixed-page"} {
		src, err := os.ReadFile("testdata/" + in + ".input")
		if err != nil {
			b.Fatal(err)
		}
		text := string(src)
		b.Run(in, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				a.Tokenize(text)
			}
		})
	}
}

// A mixed-script user word comes out whole even when the engine of its run
// does not know it: the Analyzer joins the runs and merges the pieces.
func TestMixedUserWordWithoutEngineSupport(t *testing.T) {
	jt, err := ja.New() // no user words
	if err != nil {
		t.Fatal(err)
	}
	a, err := tokenize.NewAnalyzer(tokenize.WithTokenizer(tokenize.Japanese, jt), tokenize.UserWords([]string{"抗CCP抗体", "IL-6阻害薬"}))
	if err != nil {
		t.Fatal(err)
	}
	text := "抗CCP抗体とIL-6阻害薬、TNF-α"
	toks := a.Tokenize(text)
	checkTokens(t, text, toks)
	got := strings.Join(surfaces(toks), "/")
	if want := "抗CCP抗体/と/IL-6阻害薬/、/TNF-α"; got != want {
		t.Fatalf("Tokenize(%q) = %s; want %s", text, got, want)
	}
	if !toks[0].User || toks[0].Lang != tokenize.Japanese || !toks[2].User || toks[4].User {
		t.Errorf("Tokenize(%q) = %+v; want user tokens 0 and 2 in ja", text, toks)
	}
	runs := a.Runs(text)
	if len(runs) != 2 || runs[1].Lang != tokenize.English {
		t.Errorf("Runs(%q) = %+v; want one ja run and the TNF-α run", text, runs)
	}
}
