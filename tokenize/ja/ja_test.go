package ja_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"

	"github.com/medterm/glossary/internal/devdata"
	"github.com/medterm/glossary/tokenize"
	"github.com/medterm/glossary/tokenize/internal/enginetest"
	"github.com/medterm/glossary/tokenize/ja"
)

var userWords = []string{"間葉系幹細胞", "全身性エリテマトーデス", "抗CCP抗体", "IL-6阻害薬"}

// Tokenizers load once per test binary.
var (
	plain = sync.OnceValues(func() (*ja.Tokenizer, error) { return ja.New() })
	user  = sync.OnceValues(func() (*ja.Tokenizer, error) { return ja.New(ja.UserWords(userWords)) })
)

func must(t testing.TB, f func() (*ja.Tokenizer, error)) *ja.Tokenizer {
	t.Helper()
	tk, err := f()
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

func split(toks []tokenize.Token) string { return enginetest.Split(toks, "/") }

func checkTokens(t testing.TB, text string, toks []tokenize.Token) {
	t.Helper()
	enginetest.CheckTokens(t, text, toks)
}

func TestUserWords(t *testing.T) {
	tests := []struct{ in, plain, user string }{
		{"間葉系幹細胞を投与", "間/葉/系/幹/細胞/を/投与", "間葉系幹細胞/を/投与"},
		{"全身性エリテマトーデスの治療", "全/身性/エリテマトーデス/の/治療", "全身性エリテマトーデス/の/治療"},
		{"抗CCP抗体が陽性", "抗/CCP/抗体/が/陽性", "抗CCP抗体/が/陽性"},
		{"IL-6阻害薬を併用", "IL/-/6/阻害/薬/を/併用", "IL-6阻害薬/を/併用"},
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
		if !toks[0].User || toks[0].POS[0] != "名詞" {
			t.Errorf("user Tokenize(%q)[0] = %+v; want a 名詞 user token", tt.in, toks[0])
		}
	}
}

// Kagome's user entries block longer system words at the same position
// (a user word 血小 makes kagome cut 血小板 into 血小/板); Tokenize merges
// the system word back, keeping the user word unsplit inside it.
func TestUserWordBlocksLonger(t *testing.T) {
	tk, err := ja.New(ja.UserWords([]string{"血小", "関節リウマチ"}))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"血小板が減少", "血小板/が/減少"},
		{"血小", "血小"},
		{"関節リウマチの血小板", "関節リウマチ/の/血小板"},
	}
	for _, tt := range tests {
		toks := tk.Tokenize(tt.in)
		checkTokens(t, tt.in, toks)
		if got := split(toks); got != tt.want {
			t.Errorf("Tokenize(%q) with user word 血小 = %s; want %s", tt.in, got, tt.want)
		}
	}
	toks := tk.Tokenize("血小板")
	if toks[0].User || strings.Join(toks[0].POS, ",") != "名詞,一般" {
		t.Errorf("restored 血小板 = %+v; want the system word (名詞,一般)", toks[0])
	}
	// The raw kagome behaviour this works around.
	var recs dict.UserDictRecords
	recs = append(recs, dict.UserDicRecord{Text: "血小", Tokens: []string{"血小"}, Yomi: []string{"*"}, Pos: "名詞"})
	udict, _ := recs.NewUserDict()
	raw, _ := tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos(), tokenizer.UserDict(udict))
	if got := strings.Join(raw.Wakati("血小板"), "/"); got != "血小/板" {
		t.Logf("raw kagome no longer blocks longer words: %s", got)
	}
}

// Kagome-ipa glues ASCII punctuation into noun runs ("),"); Tokenize
// splits it into 記号 tokens and rejoins decimal numbers.
func TestPunctuation(t *testing.T) {
	tests := []struct{ in, want, pos string }{
		{"改善(12.5),24時間", "改善|(|12.5|)|,|24|時間", "名詞|記号|名詞|記号|記号|名詞|名詞"},
		{"A/B比", "A|/|B|比", "名詞|記号|名詞|名詞"},
		{"値は3.2 → 1.5。", "値|は|3.2|→|1.5|。", "名詞|助詞|名詞|記号|名詞|記号"},
	}
	tk := must(t, plain)
	for _, tt := range tests {
		toks := tk.Tokenize(tt.in)
		checkTokens(t, tt.in, toks)
		var got, pos []string
		for _, x := range toks {
			got = append(got, x.Surface)
			pos = append(pos, x.POS[0])
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Tokenize(%q) = %s; want %s", tt.in, g, tt.want)
		}
		if g := strings.Join(pos, "|"); g != tt.pos {
			t.Errorf("Tokenize(%q) POS = %s; want %s", tt.in, g, tt.pos)
		}
	}
}

func TestBaseAndPOS(t *testing.T) {
	toks := must(t, plain).Tokenize("投与した")
	if len(toks) != 3 || toks[1].Base != "する" || strings.Join(toks[0].POS, ",") != "名詞,サ変接続" {
		t.Errorf("Tokenize(投与した) = %+v; want 投与(名詞,サ変接続)/し(base する)/た", toks)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"関節リウマチ(RA)の患者に間葉系幹細胞を投与", "抗CCP抗体),(12.5", "\xff間葉", "全身性エリテマトーデス 　\n", "00佯\f\x80"} {
		f.Add(s)
	}
	tk := must(f, user)
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, s, tk.Tokenize(s))
	})
}

// paragraph is a fixed Japanese medical paragraph written for the
// benchmarks (no sentence of the seed corpus).
const paragraph = `関節リウマチは関節の滑膜に炎症が起こり、痛みや腫れが続く自己免疫疾患である。` +
	`従来の治療で効果が不十分な患者に対し、脂肪や臍帯に由来する間葉系幹細胞を静脈から投与する臨床研究が進んでいる。` +
	`投与後、炎症の指標は低下し、関節の痛みや朝のこわばりが改善した例が報告された。` +
	`一方で、長期的な安全性や最適な投与量については、さらに多くの患者を対象とした試験で確かめる必要がある。`

// benchmark runs f over texts (one call per text) per iteration.
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

// seedTexts returns the Japanese seed articles, one string each.
func seedTexts(b *testing.B) []string {
	files, _ := filepath.Glob(devdata.Path("corpus/seeds/ja-*.txt"))
	if len(files) == 0 {
		b.Skip("seed corpus not available")
	}
	var texts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	return texts
}

// BenchmarkTokenize compares this package with raw kagome in the same
// configuration (IPA, BOS/EOS omitted; with the same user dictionary for
// the -user pair).
func BenchmarkTokenize(b *testing.B) {
	raw, err := tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos())
	if err != nil {
		b.Fatal(err)
	}
	var recs dict.UserDictRecords
	for _, w := range userWords {
		recs = append(recs, dict.UserDicRecord{Text: w, Tokens: []string{w}, Yomi: []string{"*"}, Pos: "名詞,固有名詞"})
	}
	udict, err := recs.NewUserDict()
	if err != nil {
		b.Fatal(err)
	}
	rawUser, err := tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos(), tokenizer.UserDict(udict))
	if err != nil {
		b.Fatal(err)
	}
	ours, withUser := must(b, plain), must(b, user)
	for _, in := range []struct {
		name  string
		texts func(*testing.B) []string
	}{
		{"paragraph", func(*testing.B) []string { return []string{paragraph} }},
		{"seeds", seedTexts},
	} {
		for _, e := range []struct {
			name string
			f    func(string)
		}{
			{"kagome", func(s string) { raw.Tokenize(s) }},
			{"ja", func(s string) { ours.Tokenize(s) }},
			{"kagome-user", func(s string) { rawUser.Tokenize(s) }},
			{"ja-user", func(s string) { withUser.Tokenize(s) }},
		} {
			b.Run(in.name+"/"+e.name, func(b *testing.B) {
				benchmark(b, in.texts(b), e.f)
			})
		}
	}
}

// BenchmarkVsRaw alternates raw kagome and this package on the same text
// within every iteration, so both see the same machine load, and reports
// our throughput as a fraction of the raw engine's (speed-vs-raw; 1.0 means
// no overhead). Benchmarks on a shared machine swing by 2× between runs;
// the interleaved ratio does not.
func BenchmarkVsRaw(b *testing.B) {
	raw, err := tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos())
	if err != nil {
		b.Fatal(err)
	}
	ours := must(b, plain)
	rawF := func(s string) { raw.Tokenize(s) }
	for _, in := range []struct {
		name  string
		texts func(*testing.B) []string
	}{
		{"paragraph", func(*testing.B) []string { return []string{paragraph} }},
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

// A Tokenizer is safe for concurrent use (run with -race).
func TestConcurrent(t *testing.T) { enginetest.CheckConcurrent(t, must(t, user), paragraph) }

// AppendTokens leaves dst alone and appends what Tokenize returns, also
// where tokens are compacted (user words restored, decimals joined).
func TestAppendTokens(t *testing.T) {
	enginetest.CheckAppend(t, must(t, user), "血小板が12.5倍に増えた。", "関節リウマチ(RA)の患者", "")
}
