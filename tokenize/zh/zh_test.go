package zh_test

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"github.com/medterm/glossary/internal/devdata"
	"github.com/medterm/glossary/tokenize"
	"github.com/medterm/glossary/tokenize/internal/enginetest"
	"github.com/medterm/glossary/tokenize/zh"
)

var userWords = []string{"间充质干细胞", "間質幹細胞", "抗CCP抗体", "类风湿关节炎"}

// Tokenizers load once per test binary (gse's dictionaries are shared).
var (
	plain = sync.OnceValues(func() (*zh.Tokenizer, error) { return zh.New() })
	user  = sync.OnceValues(func() (*zh.Tokenizer, error) { return zh.New(zh.UserWords(userWords)) })
)

func must(t testing.TB, f func() (*zh.Tokenizer, error)) *zh.Tokenizer {
	t.Helper()
	tk, err := f()
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

func split(toks []tokenize.Token) string { return enginetest.Split(toks, "|") }

func checkTokens(t testing.TB, text string, toks []tokenize.Token) {
	t.Helper()
	enginetest.CheckTokens(t, text, toks)
}

func TestUserWords(t *testing.T) {
	tests := []struct{ in, plain, user string }{
		{"间充质干细胞治疗", "间|充质|干细胞|治疗", "间充质干细胞|治疗"},
		{"間質幹細胞治療", "間質|幹細胞|治療", "間質幹細胞|治療"},
		{"抗CCP抗体阳性", "抗|CCP|抗体|阳性", "抗CCP抗体|阳性"},
	}
	p, u := must(t, plain), must(t, user)
	for _, tt := range tests {
		if got := split(p.Tokenize(tt.in)); got != tt.plain {
			t.Errorf("plain Tokenize(%q) = %s; want %s", tt.in, got, tt.plain)
		}
		toks := u.Tokenize(tt.in)
		checkTokens(t, tt.in, toks)
		if got := split(toks); got != tt.user {
			t.Errorf("user Tokenize(%q) = %s; want %s", tt.in, got, tt.user)
		}
		if !toks[0].User {
			t.Errorf("user Tokenize(%q)[0] is not a user token", tt.in)
		}
	}
}

// gse lower-cases its output; surfaces must be the original text.
func TestCaseKept(t *testing.T) {
	in := "患者接受UC-MSCs输注,TNF-α与IL-1β下降。\n第二行ＭＳＣ"
	toks := must(t, plain).Tokenize(in)
	checkTokens(t, in, toks)
	got := split(toks)
	for _, want := range []string{"UC", "MSCs", "TNF", "IL", "ＭＳＣ"} {
		if !strings.Contains("|"+got+"|", "|"+want+"|") {
			t.Errorf("Tokenize(%q) = %s; want the token %s in its original case", in, got, want)
		}
	}
}

func TestPOS(t *testing.T) {
	toks := must(t, plain).Tokenize("治疗红斑狼疮。")
	want := []string{"vn", "n", "x"}
	for i, tk := range toks {
		if i < len(want) && tk.POS[0] != want[i] {
			t.Errorf("Tokenize(治疗红斑狼疮。)[%d] = %s/%v; want POS %s", i, tk.Surface, tk.POS, want[i])
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"间充质干细胞治疗系统性红斑狼疮", "UC-MSCs与DAS28。\n", "\xff间充", "İstanbul 抗CCP抗体", "ǅ ß Σ 間質幹細胞"} {
		f.Add(s)
	}
	tk := must(f, user)
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, s, tk.Tokenize(s))
	})
}

// paragraph is a fixed Chinese medical paragraph written for the
// benchmarks (no sentence of the seed corpus).
const paragraph = `类风湿关节炎是一种以滑膜炎症为主的自身免疫性疾病,患者常出现关节疼痛、肿胀和晨僵。` +
	`对于传统药物治疗效果不佳的患者,研究人员尝试从脂肪或脐带中分离间充质干细胞,经静脉输注给患者。` +
	`治疗后,炎症指标下降,关节症状得到缓解,部分患者减少了激素用量。` +
	`不过,长期安全性和最佳剂量仍需要在更大规模的临床试验中加以验证。`

// traditional is the same kind of paragraph in traditional characters,
// which Tokenize folds to simplified ones for gse.
const traditional = `類風濕性關節炎是一種慢性自體免疫疾病,關節滑膜發炎會造成疼痛與變形。` +
	`研究團隊從骨髓或脂肪組織分離間質幹細胞,體外培養後經靜脈注射給患者。` +
	`多數患者接受治療後發炎指數降低,關節腫脹也獲得改善。` +
	`然而,長期安全性與最適劑量仍須在更多臨床試驗中確認。`

func benchmark(b *testing.B, texts []string, f func(string)) {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			f(t)
		}
	}
}

func seedTexts(b *testing.B) []string {
	data, err := os.ReadFile(devdata.Path("corpus/seeds/zh-sle-stem-cell.txt"))
	if err != nil {
		b.Skip("seed corpus not available")
	}
	return []string{string(data)}
}

// BenchmarkTokenize compares this package with raw gse (Cut with HMM, the
// mode Tokenize uses) on the same shared segmenter.
func BenchmarkTokenize(b *testing.B) {
	seg, err := gse.NewEmbed("zh")
	if err != nil {
		b.Fatal(err)
	}
	ours, withUser := must(b, plain), must(b, user)
	for _, in := range []struct {
		name  string
		texts func(*testing.B) []string
	}{
		{"paragraph", func(*testing.B) []string { return []string{paragraph} }},
		{"traditional", func(*testing.B) []string { return []string{traditional} }},
		{"seed", seedTexts},
	} {
		for _, e := range []struct {
			name string
			f    func(string)
		}{
			{"gse", func(s string) { seg.Cut(s, true) }},
			{"zh", func(s string) { ours.Tokenize(s) }},
			{"zh-user", func(s string) { withUser.Tokenize(s) }},
		} {
			b.Run(in.name+"/"+e.name, func(b *testing.B) {
				benchmark(b, in.texts(b), e.f)
			})
		}
	}
}

// BenchmarkVsRaw alternates raw gse and this package on the same text
// within every iteration, so both see the same machine load, and reports
// our throughput as a fraction of the raw engine's (speed-vs-raw; 1.0 means
// no overhead). Benchmarks on a shared machine swing by 2× between runs;
// the interleaved ratio does not.
func BenchmarkVsRaw(b *testing.B) {
	seg, err := gse.NewEmbed("zh")
	if err != nil {
		b.Fatal(err)
	}
	ours := must(b, plain)
	rawF := func(s string) { seg.Cut(s, true) }
	for _, in := range []struct {
		name  string
		texts func(*testing.B) []string
	}{
		{"paragraph", func(*testing.B) []string { return []string{paragraph} }},
		{"traditional", func(*testing.B) []string { return []string{traditional} }},
		{"seeds", seedTexts},
	} {
		b.Run(in.name, func(b *testing.B) {
			texts := in.texts(b)
			var rawT, ourT time.Duration
			for b.Loop() {
				for _, s := range texts {
					t0 := time.Now()
					rawF(s)
					t1 := time.Now()
					ours.Tokenize(s)
					rawT += t1.Sub(t0)
					ourT += time.Since(t1)
				}
			}
			b.ReportMetric(float64(rawT)/float64(ourT), "speed-vs-raw")
		})
	}
}

// Tokenizers share gse's segmenter; concurrent use must be safe (run with
// -race).
func TestConcurrent(t *testing.T) { enginetest.CheckConcurrent(t, must(t, user), paragraph) }

func TestAppendTokens(t *testing.T) {
	enginetest.CheckAppend(t, must(t, user), "间充质干细胞治疗系统性红斑狼疮", "")
}

// A Japanese-only form in Chinese text (帯 for 带) does not break the word
// around it, and the token keeps the character as written.
func TestJapaneseFormsInChinese(t *testing.T) {
	tk := must(t, plain)
	text := "患者接受了脐帯血干细胞治疗。"
	toks := tk.Tokenize(text)
	checkTokens(t, text, toks)
	if got := split(toks); !strings.Contains(got, "|脐帯血|") {
		t.Errorf("Tokenize(%q) = %s; want 脐帯血 as one token", text, got)
	}
}

// Traditional text is segmented in the simplified forms gse's dictionary
// knows; tokens keep the traditional surface and carry the simplified Base.
func TestTraditional(t *testing.T) {
	tk := must(t, plain)
	for _, tt := range []struct{ in, want, base string }{
		{"這些患者的類風濕性關節炎得到緩解。", "類風濕性|關節炎", "类风湿性"},
		// No traditional-only character, but several that fold.
		{"該類型的幹細胞", "幹細胞", "干细胞"},
	} {
		toks := tk.Tokenize(tt.in)
		checkTokens(t, tt.in, toks)
		got := split(toks)
		if !strings.Contains("|"+got+"|", "|"+tt.want+"|") {
			t.Errorf("Tokenize(%q) = %s; want %s", tt.in, got, tt.want)
		}
		first, _, _ := strings.Cut(tt.want, "|")
		for _, x := range toks {
			if x.Surface == first && x.Base != tt.base {
				t.Errorf("Tokenize(%q): %s has Base %q; want %q", tt.in, first, x.Base, tt.base)
			}
		}
	}
	// Simplified text keeps its own characters (显著 is not folded to 显着).
	for _, x := range tk.Tokenize("效果显著") {
		if x.Base != x.Surface {
			t.Errorf("Tokenize(效果显著): %s has Base %q", x.Surface, x.Base)
		}
		if x.Surface == "显著" && x.POS[0] != "a" {
			t.Errorf("Tokenize(效果显著): 显著 tagged %v; want a", x.POS)
		}
	}
}

// Frequent verbs, distinguishing words (b) and nouns of general language,
// verbs that CC-CEDICT also glosses as nouns, and rare words carry a second
// POS element.
func TestVerbKinds(t *testing.T) {
	toks := must(t, plain).Tokenize("医生提供移植,注射,發病,主要的慢性,地方的细胞,男女之比")
	got := map[string]string{}
	for _, x := range toks {
		got[x.Surface] = strings.Join(x.POS, ",")
	}
	want := map[string]string{"提供": "v,frequent", "移植": "v", "注射": "v,nominal", "發病": "v,nominal", "主要": "b,frequent", "慢性": "b", "地方": "n,frequent", "细胞": "n", "之比": "ns,rare"}
	for w, pos := range want {
		if got[w] != pos {
			t.Errorf("%s tagged %q; want %q (all: %v)", w, got[w], pos, got)
		}
	}
}

// The traditional paragraph keeps its surfaces and offsets; every Base has
// as many characters as its surface.
func TestTraditionalParagraph(t *testing.T) {
	toks := must(t, plain).Tokenize(traditional)
	checkTokens(t, traditional, toks)
	folded := 0
	for _, x := range toks {
		if utf8.RuneCountInString(x.Base) != utf8.RuneCountInString(x.Surface) {
			t.Errorf("%s: Base %q has another length", x.Surface, x.Base)
		}
		if x.Base != x.Surface {
			folded++
		}
	}
	if got := split(toks); !strings.Contains("|"+got+"|", "|間質|幹細胞|") || folded == 0 {
		t.Errorf("Tokenize(traditional) = %s (%d folded); want 間質|幹細胞 and simplified bases", got, folded)
	}
}
