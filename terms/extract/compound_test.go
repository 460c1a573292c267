package extract

import (
	"testing"

	"github.com/medterm/glossary/tokenize"
)

// kagome tags 間 of 間葉 as a positional suffix after a comma or after 由来:
// with no noun before it to follow, it starts the word it was split from.
func TestSplitWordAfterSuffix(t *testing.T) {
	text := "さらに,間葉系幹細胞は骨髄由来間葉系幹細胞と異なる。施設間連携。"
	tok := fixtureTok{[]string{
		"さらに/接続詞", ",/記号,読点", "間/名詞,接尾,一般", "葉/名詞,一般", "系/名詞,接尾,一般", "幹/名詞,一般", "細胞/名詞,一般", "は/助詞,係助詞",
		"骨髄/名詞,一般", "由来/名詞,サ変接続", "間/名詞,接尾,一般", "葉/名詞,一般", "系/名詞,接尾,一般", "幹/名詞,一般", "細胞/名詞,一般",
		"と/助詞,格助詞", "異なる/動詞,自立", "。/記号,句点", "施設/名詞,一般", "間/名詞,接尾,一般", "連携/名詞,サ変接続", "。/記号,句点",
	}}
	got := documentTerms(tok, text)
	if c, ok := got["間葉系幹細胞"]; !ok || c.Freq != 2 {
		t.Errorf("間葉系幹細胞 = %+v; want 2 occurrences; got %v", c, keys(got))
	}
	checkTerms(t, got, []string{"骨髄由来間葉系幹細胞", "施設間連携"}, []string{"葉系幹細胞", "間連携"})
}

// A Japanese word and a Chinese word side by side (a Japanese table row
// running into a Chinese sentence) are not one compound.
func TestNoCompoundAcrossCJKLanguages(t *testing.T) {
	text := "投与干细胞"
	toks := staticTok{
		{Surface: "投与", Start: 0, End: 6, Base: "投与", POS: []string{"名詞", "サ変接続"}, Lang: tokenize.Japanese},
		{Surface: "干细胞", Start: 6, End: 15, Base: "干细胞", POS: []string{"n"}, Lang: tokenize.SimplifiedChinese},
	}
	got := documentTerms(toks, text)
	if _, ok := got["投与干细胞"]; ok {
		t.Errorf("投与干细胞 is a candidate; got %v", keys(got))
	}
	if c, ok := got["干细胞"]; !ok || c.Lang != tokenize.SimplifiedChinese {
		t.Errorf("干细胞 = %+v; want a zh-Hans candidate", c)
	}
}

// Deictic prefixes (本記事, 当院, 各疾患) start no term, nor does the lone
// character after them; web-article vocabulary (ステップ) is no term alone
// but joins compounds (免疫バランス).
func TestDeicticAndGeneralWords(t *testing.T) {
	text := "本記事では当院の各疾患を見る。免疫バランス。ステップ。"
	tok := fixtureTok{[]string{
		"本/接頭詞,名詞接続", "記事/名詞,一般", "で/助詞,格助詞", "は/助詞,係助詞", "当/接頭詞,名詞接続", "院/名詞,接尾,一般",
		"の/助詞,連体化", "各/接頭詞,名詞接続", "疾患/名詞,一般", "を/助詞,格助詞", "見る/動詞,自立", "。/記号,句点",
		"免疫/名詞,一般", "バランス/名詞,一般", "。/記号,句点", "ステップ/名詞,一般", "。/記号,句点",
	}}
	got := documentTerms(tok, text)
	checkTerms(t, got, []string{"疾患", "免疫バランス"}, []string{"本記事", "記事", "当院", "院", "各疾患", "ステップ"})
}

// Relational heads (経験, 段階, 目的) make phrases about a term, not terms:
// 治療経験 is no candidate, 治療 and 関節破壊 still are.
func TestRelationalHeads(t *testing.T) {
	text := "治療経験。関節破壊の初期段階。"
	tok := fixtureTok{[]string{
		"治療/名詞,サ変接続", "経験/名詞,サ変接続", "。/記号,句点", "関節/名詞,一般", "破壊/名詞,サ変接続", "の/助詞,連体化",
		"初期/名詞,副詞可能", "段階/名詞,一般", "。/記号,句点",
	}}
	got := documentTerms(tok, text)
	checkTerms(t, got, []string{"治療", "関節破壊"}, []string{"治療経験", "初期段階", "経験", "段階"})
}

// gse's bound morphemes (间/zg of 间|充质|干细胞) join their han
// neighbours, function characters tagged so (为/zg) do not, and a Chinese
// verb after a noun starts a predicate (干细胞|联合|单抗).
func TestChineseMorphemesAndVerbs(t *testing.T) {
	text := "脐带间充质干细胞联合单抗为特征"
	got := documentTerms(zhTokens(text, "脐带/n", "间/zg", "充质/x", "干细胞/n", "联合/v", "单抗/n", "为/zg", "特征/n"), text)
	checkTerms(t, got, []string{"脐带间充质干细胞", "间充质干细胞", "单抗", "特征"}, []string{"干细胞联合单抗", "干细胞联合", "单抗为特征", "为特征"})
}

// documentTerms extracts text as one document with tok and returns its
// candidates by term.
func documentTerms(tok tokenize.Tokenizer, text string) map[string]Candidate {
	e, _ := New(tok)
	col := e.NewCollection()
	d := e.Document("doc.txt", text)
	col.Add(d)
	return terms0(col.DocumentCandidates(d))
}

// checkTerms reports the terms of want missing from got and those of bad
// in it.
func checkTerms(t *testing.T, got map[string]Candidate, want, bad []string) {
	t.Helper()
	for _, w := range want {
		if _, ok := got[w]; !ok {
			t.Errorf("candidate %q missing; got %v", w, keys(got))
		}
	}
	for _, b := range bad {
		if _, ok := got[b]; ok {
			t.Errorf("unwanted candidate %q", b)
		}
	}
}

// Japanese era names are parts of dates (平成26年), never terms alone.
func TestEraNames(t *testing.T) {
	text := "平成26年に承認。令和元年の再生医療。"
	tok := fixtureTok{[]string{
		"平成/名詞,固有名詞,一般", "26/名詞,数", "年/名詞,接尾,助数詞", "に/助詞,格助詞", "承認/名詞,サ変接続", "。/記号,句点",
		"令和/名詞,固有名詞,一般", "元年/名詞,一般", "の/助詞,連体化", "再生/名詞,サ変接続", "医療/名詞,一般", "。/記号,句点",
	}}
	got := documentTerms(tok, text)
	checkTerms(t, got, []string{"承認", "再生医療"}, []string{"平成", "令和", "元年"})
}

// A prefix of side (左, 右, 両: kagome tags them nouns) leaves the body
// part after it a term of its own, a single character too (膝).
func TestSidePrefixes(t *testing.T) {
	text := "左手首の腫脹。右膝関節痛。"
	tok := fixtureTok{[]string{
		"左/名詞,一般", "手首/名詞,一般", "の/助詞,連体化", "腫脹/名詞,一般", "。/記号,句点",
		"右/名詞,一般", "膝/名詞,一般", "関節/名詞,一般", "痛/名詞,接尾,一般", "。/記号,句点",
	}}
	got := documentTerms(tok, text)
	checkTerms(t, got, []string{"左手首", "手首", "右膝関節痛", "膝関節痛", "膝関節"}, []string{"左", "右", "手"})
}

// A verb's continuative form before a case particle is a noun, as symptoms
// are named (こわばり, むくみ); not in honorifics (お困りの) nor before a
// comma (行い、).
func TestDeverbalNouns(t *testing.T) {
	text := "朝のこわばりが続く。むくみを感じる。震えがある。お困りの方。治療を行い、"
	tok := fixtureTok{[]string{
		"朝/名詞,副詞可能", "の/助詞,連体化", "こわばり/動詞,自立/こわばる", "が/助詞,格助詞", "続く/動詞,自立", "。/記号,句点",
		"むくみ/動詞,自立/むくむ", "を/助詞,格助詞", "感じる/動詞,自立", "。/記号,句点",
		"震え/動詞,自立/震える", "が/助詞,格助詞", "ある/動詞,自立", "。/記号,句点",
		"お/接頭詞,名詞接続", "困り/動詞,自立/困る", "の/助詞,連体化", "方/名詞,非自立", "。/記号,句点",
		"治療/名詞,サ変接続", "を/助詞,格助詞", "行い/動詞,自立/行う", "、/記号,読点",
	}}
	got := documentTerms(tok, text)
	checkTerms(t, got, []string{"こわばり", "むくみ", "震え", "治療"}, []string{"困り", "行い", "続く"})
}

// A number before 型 "type" (a counter to kagome) starts a term (1型糖尿病);
// before a counter of quantity it does not (3回投与).
func TestNumberBeforeType(t *testing.T) {
	text := "1型糖尿病と3回投与。"
	tok := fixtureTok{[]string{
		"1/名詞,数", "型/名詞,接尾,助数詞", "糖尿/名詞,一般", "病/名詞,接尾,一般", "と/助詞,並立助詞",
		"3/名詞,数", "回/名詞,接尾,助数詞", "投与/名詞,サ変接続", "。/記号,句点",
	}}
	got := documentTerms(tok, text)
	checkTerms(t, got, []string{"1型糖尿病", "糖尿病"}, []string{"1型", "3回投与", "3回"})
}

// Capitals spelling a function word are abbreviations (AS, OR); the
// lower-case word is not a term.
func TestCapitalAbbreviations(t *testing.T) {
	text := "関節疾患(RA・AS)のOR。such as pain"
	tok := fixtureTok{[]string{
		"関節/名詞,一般", "疾患/名詞,一般", "(/記号,括弧開", "RA/abbrev", "・/記号,一般", "AS/abbrev", ")/記号,括弧閉",
		"の/助詞,連体化", "OR/abbrev", "。/記号,句点", "such/word", "as/word", "pain/word",
	}}
	got := documentTerms(tok, text)
	checkTerms(t, got, []string{"RA", "AS", "OR"}, []string{"as", "such"})
}

// kagome tags 相 of II相 (phase II) a prefix: after a roman numeral or a
// number it is a suffix, so 第II相 is a term and 相試験 is none.
func TestPhaseAfterNumeral(t *testing.T) {
	text := "第II相試験とIIa相試験。"
	tok := fixtureTok{[]string{
		"第/接頭詞,数接続", "II/abbrev", "相/接頭詞,動詞接続", "試験/名詞,サ変接続", "と/助詞,並立助詞",
		"IIa/abbrev", "相/接頭詞,動詞接続", "試験/名詞,サ変接続", "。/記号,句点",
	}}
	got := documentTerms(tok, text)
	checkTerms(t, got, []string{"第II相試験", "第II相", "II相", "IIa相", "IIa相試験", "試験"}, []string{"相試験"})
}

func TestOrdinal(t *testing.T) {
	for s, want := range map[string]bool{"2": true, "II": true, "IIa": true, "I/IIa": true, "Ⅲ": true, "IV": true, "MSC": false, "a": false, "II/": false, "": false, "2a": true} {
		if got := ordinal(s); got != want {
			t.Errorf("ordinal(%q) = %v; want %v", s, got, want)
		}
	}
}
