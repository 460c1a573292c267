package extract

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
)

func TestFindPairs(t *testing.T) {
	type want struct{ short, long, longEn, pattern string }
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"ja long, half-width brackets", "骨芽細胞分化を促す骨形成タンパク質(BMP)が知られる。", []want{{"BMP", "骨形成タンパク質", "", PatLongShort}}},
		{"ja long, full-width brackets", "全身性強皮症（SSc）の患者", []want{{"SSc", "全身性強皮症", "", PatLongShort}}},
		{"hiragana stops the long form", "今回はびまん性肺胞出血(DAH)について", []want{{"DAH", "肺胞出血", "", PatLongShort}}},
		{"の joins a one-character run", "日常の質(DQ)の評価", []want{{"DQ", "日常の質", "", PatLongShort}}},
		{"short before, long inside", "指標としてHAQ（健康評価質問票）を用いた", []want{{"HAQ", "健康評価質問票", "", PatShortLong}}},
		{"digits in the long form", "判定にはSDAI(簡易疾患活動性指数)を使う", []want{{"SDAI", "簡易疾患活動性指数", "", PatShortLong}}},
		{"triple in brackets", "骨髄間質細胞(BMSC:Bone Marrow Stromal Cell)を培養", []want{{"BMSC", "骨髄間質細胞", "Bone Marrow Stromal Cell", PatLongShortEn}}},
		{"triple with colon", "注: PRP: Platelet Rich Plasma 富血小板血浆", []want{{"PRP", "富血小板血浆", "Platelet Rich Plasma", PatShortColonEn}}},
		{"english Schwartz-Hearst", "treated with tocilizumab and hydroxychloroquine (HCQ) daily", []want{{"HCQ", "", "hydroxychloroquine", PatLongShort}}},
		{"english multi-word", "the visual analogue scale (VAS) was lower", []want{{"VAS", "", "visual analogue scale", PatLongShort}}},
		{"comment after the short form", "骨密度(BMD、骨の強さの指標)", []want{{"BMD", "骨密度", "", PatLongShort}}},
		{"english long form glued to CJK", "段階的な薬物療法(T2T:Treat to Target戦略)で", []want{{"T2T", "", "Treat to Target", PatLongShortEn}}},
		{"english long form, comma, short form", "関節リウマチ(rheumatoid arthritis, RA)では", []want{{"RA", "関節リウマチ", "rheumatoid arthritis", PatLongEnShort}}},
		{"full-width comma", "肿瘤坏死因子（tumor necrosis factor，TNF）", []want{{"TNF", "肿瘤坏死因子", "tumor necrosis factor", PatLongEnShort}}},
		{"english before a comma must match", "关节软骨（详见下文，AC）", nil},
		{"hyphen before a member number", "白细胞介素-6（IL-6）", []want{{"IL-6", "白细胞介素-6", "", PatLongShort}}},
		{"a description is no long form", "検査でESR(炎症マーカー)を測る", nil},
		{"year is no short form", "大規模試験(2021)では", nil},
		{"citation is no pair", "既報(Tanaka et al., 2019)と同様", nil},
		{"p-value is no pair", "有意差あり(p = 0.03)", nil},
		{"list of short forms", "サイトカイン(IL-17、IL-23など)", nil},
		{"unit is no short form", "用量(mL)を調整", nil},
		{"table code is no short form", "投与群(AB-IV)", nil},
		{"capitalised word is no short form", "純度(Purity)を保つ", nil},
		{"single letter is no short form", "マクロファージ(M1)", nil},
		{"member index must appear", "炎症性サイトカイン(IL-17)が増える", nil},
		{"long form too short for the letters", "肺(PFTs)の検査", nil},
		{"unclosed bracket", "骨形成タンパク質(BMP", nil},
		{"bracket across lines", "骨形成タンパク質(BMP\n)", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []want
			for _, p := range FindPairs(tt.text) {
				if p.Kind != Abbreviation {
					continue
				}
				got = append(got, want{p.Short, p.Long, p.LongEn, p.Pattern})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("FindPairs(%q) = %+v; want %+v", tt.text, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("FindPairs(%q)[%d] = %+v; want %+v", tt.text, i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestFindPairsGloss(t *testing.T) {
	ps := FindPairs("病院の第三者評価(accreditation)を受けた")
	if len(ps) != 1 || ps[0].Kind != Gloss || ps[0].Long != "第三者評価" || ps[0].LongEn != "accreditation" {
		t.Fatalf("FindPairs gloss = %+v", ps)
	}
}

func TestFindPairsOneSensePerText(t *testing.T) {
	text := "抗凝固薬(DOAC)を使う。抗凝固薬(DOAC)の量。新規治療(DOAC)とする。"
	for _, p := range FindPairs(text) {
		if p.Long == "新規治療" {
			t.Errorf("FindPairs kept the minority long form %q", p.Long)
		}
	}
}

func TestFindPairsHeadRule(t *testing.T) {
	text := "間葉系幹細胞(MSC)について。臍帯由来(UC-MSC)と臍帯由来間葉系幹細胞(UC-MSC)。"
	var longs []string
	for _, p := range FindPairs(text) {
		if p.Short == "UC-MSC" {
			longs = append(longs, p.Long)
		}
	}
	if len(longs) != 1 || longs[0] != "臍帯由来間葉系幹細胞" {
		t.Errorf("UC-MSC long forms = %q; want [臍帯由来間葉系幹細胞]", longs)
	}
}

func checkPairs(t *testing.T, text string) {
	for _, p := range FindPairs(text) {
		for _, s := range []struct {
			sp   Span
			want string
		}{{p.ShortAt, p.Short}, {p.LongAt, p.Long}, {p.LongEnAt, p.LongEn}} {
			if s.want == "" {
				continue
			}
			if s.sp.Start < 0 || s.sp.End > len(text) || s.sp.Start > s.sp.End || text[s.sp.Start:s.sp.End] != s.want {
				t.Fatalf("FindPairs(%q): span %v does not hold %q", text, s.sp, s.want)
			}
		}
		if p.Kind == Abbreviation && p.Short == "" {
			t.Fatalf("FindPairs(%q): abbreviation without short form: %+v", text, p)
		}
	}
}

func FuzzFindPairs(f *testing.F) {
	for _, s := range []string{
		"間葉系幹細胞（MSC）", "関節リウマチ(RA)", "DAS28（28関節疾患活動スコア）", "MSC: Mesenchymal Stem Cell 间叶系干细胞",
		"長い形(SF: English long form)", "the tumor necrosis factor (TNF)", "(2023)", "(", ")", "（（ＭＳＣ））", "a:b:", "X(\xff)",
		"骨(A-B-C)", "(IL-6、TNF-α)", ":", "α(β)",
		"系统性红斑狼疮（systemic lupus erythematosus，SLE）", "白细胞介素-6（IL-6）", "-6(IL-6)", "骨(a b, AB，)", "，(x，X)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		checkPairs(t, s)
	})
}

func TestMorphemes(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{{"炎症マーカー", 2}, {"痛みスコア", 2}, {"生活の質", 3}, {"全身性エリテマトーデス", 3}, {"28関節疾患活動スコア", 5}, {"間葉系幹細胞", 3}}
	for _, tt := range tests {
		if got := morphemes(tt.in); got != tt.want {
			t.Errorf("morphemes(%q) = %d; want %d", tt.in, got, tt.want)
		}
	}
}

// findPairsRunes is findPairs stepping rune by rune, the reference for
// its byte scan.
func findPairsRunes(text string) []Pair {
	var pairs []Pair
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '(' || r == '（':
			if p, ok := bracketPair(text, i, n); ok {
				pairs = append(pairs, p)
			}
		case r == ':' || r == '：':
			if p, ok := colonPair(text, i, n); ok {
				pairs = append(pairs, p)
			}
		}
		i += n
	}
	return pairs
}

func FuzzFindPairsBytes(f *testing.F) {
	for _, s := range []string{
		"間葉系幹細胞（MSC）", "関節リウマチ(RA)", "MSC：Mesenchymal Stem Cell", "\xef\xbc（RA）", "\xf0（RA）", "長い形(SF: English long form)", "\xef\xbc",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := findPairs(s), findPairsRunes(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("findPairs(%q) = %+v, want %+v", s, got, want)
		}
	})
}

// Chinese long forms end at the bracket but start where the compound rules
// start the term, not at the start of the clause (Chinese has no kana to
// stop the pair finder): own sentences, real tokenizers.
func TestChineseLongForms(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the dictionaries: skipped with -short")
	}
	e, err := New(devAnalyzer(t))
	if err != nil {
		t.Fatal(err)
	}
	text := "间充质干细胞可用于治疗系统性红斑狼疮（SLE）。\n研究显示治疗类风湿关节炎(RA)有效。\n本研究评估间充质干细胞（MSC）的安全性。\n关节软骨（AC）。\n" +
		"移植后可降低移植物抗宿主病（GVHD）的发生率。\n常见抗双链DNA抗体（anti-dsDNA）阳性。\n" +
		"患者的肿瘤坏死因子-α（TNF-α）下降。\n系统性硬化症（systemic sclerosis，SSc）。\n"
	// 抗 (anti-), which jieba tags as a verb, is a prefix: it takes no object.
	want := map[string]string{"SLE": "系统性红斑狼疮", "RA": "类风湿关节炎", "MSC": "间充质干细胞", "AC": "关节软骨",
		"GVHD": "移植物抗宿主病", "anti-dsDNA": "抗双链DNA抗体", "TNF-α": "肿瘤坏死因子-α", "SSc": "系统性硬化症"}
	d := e.Document("zh.txt", text)
	got := map[string]string{}
	for _, p := range d.Pairs {
		got[p.Short] = p.Long
		if p.LongLang != language.SimplifiedChinese {
			t.Errorf("%s: long form language %v; want zh-Hans (its tokens')", p.Short, p.LongLang)
		}
		if text[p.LongAt.Start:p.LongAt.End] != p.Long {
			t.Errorf("%s: LongAt %v holds %q, not %q", p.Short, p.LongAt, text[p.LongAt.Start:p.LongAt.End], p.Long)
		}
	}
	for sf, lf := range want {
		if got[sf] != lf {
			t.Errorf("long form of %s = %q; want %q", sf, got[sf], lf)
		}
	}
}
