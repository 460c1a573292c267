package extract

import (
	"testing"

	"github.com/medterm/glossary/tokenize"
)

// suruTok is fixtureTok with the base forms of する and できる that kagome
// gives their inflected forms (し, さ, でき).
type suruTok struct{ fixtureTok }

func (s suruTok) Tokenize(text string) []tokenize.Token {
	toks := s.fixtureTok.Tokenize(text)
	for i := range toks {
		switch toks[i].Surface {
		case "し", "さ", "する", "すれ", "せ":
			toks[i].Base = "する"
		case "でき", "できる":
			toks[i].Base = "できる"
		}
	}
	return toks
}

// A disease named before 患者 or as the object of 治療 (難病の治療) makes
// disease + 治療 a phrase, "treatment of the disease", while a method +
// 治療 (幹細胞治療) stays a term; with no such evidence in the text the
// compound stays a candidate.
func TestCareHeadAfterCondition(t *testing.T) {
	text := "肝炎患者が多い。肝炎治療と幹細胞治療。難病の治療は難しい。難病治療。従来の治療と従来治療。"
	tok := fixtureTok{[]string{
		"肝炎/名詞,一般", "患者/名詞,一般", "が/助詞,格助詞", "多い/形容詞,自立", "。/記号,句点",
		"肝炎/名詞,一般", "治療/名詞,サ変接続", "と/助詞,並立助詞", "幹/名詞,一般", "細胞/名詞,一般", "治療/名詞,サ変接続", "。/記号,句点",
		"難病/名詞,一般", "の/助詞,連体化", "治療/名詞,サ変接続", "は/助詞,係助詞", "難しい/形容詞,自立", "。/記号,句点",
		"難病/名詞,一般", "治療/名詞,サ変接続", "。/記号,句点",
		"従来/名詞,副詞可能", "の/助詞,連体化", "治療/名詞,サ変接続", "と/助詞,並立助詞", "従来/名詞,副詞可能", "治療/名詞,サ変接続", "。/記号,句点",
	}}
	got := documentTerms(tok, text)
	checkTerms(t, got, []string{"幹細胞治療", "従来治療", "肝炎", "難病", "治療"}, []string{"肝炎治療", "難病治療"})

	// The same compounds with no sign that the modifier is a condition:
	// before 治療効果 it may be the agent (幹細胞の治療効果).
	text = "肝炎治療と幹細胞治療。幹細胞の治療効果。"
	tok = fixtureTok{[]string{
		"肝炎/名詞,一般", "治療/名詞,サ変接続", "と/助詞,並立助詞", "幹/名詞,一般", "細胞/名詞,一般", "治療/名詞,サ変接続", "。/記号,句点",
		"幹/名詞,一般", "細胞/名詞,一般", "の/助詞,連体化", "治療/名詞,サ変接続", "効果/名詞,一般", "。/記号,句点",
	}}
	checkTerms(t, documentTerms(tok, text), []string{"肝炎治療", "幹細胞治療", "治療効果"}, nil)
}

// A verbal noun used only as a transitive predicate (薬を中止する) has no
// independent occurrence: it stays a candidate, ranked with the nested
// ones. Intransitive uses (痛みが再発する) and nouns the text also uses in
// compounds (投与 of 投与量) keep theirs.
func TestPredicateUse(t *testing.T) {
	text := "薬を中止する。痛みが再発する。投与量を決めて薬を投与した。"
	tok := suruTok{fixtureTok{[]string{
		"薬/名詞,一般", "を/助詞,格助詞,一般", "中止/名詞,サ変接続", "する/動詞,自立", "。/記号,句点",
		"痛み/名詞,一般", "が/助詞,格助詞,一般", "再発/名詞,サ変接続", "する/動詞,自立", "。/記号,句点",
		"投与/名詞,サ変接続", "量/名詞,接尾,一般", "を/助詞,格助詞,一般", "決め/動詞,自立", "て/助詞,接続助詞",
		"薬/名詞,一般", "を/助詞,格助詞,一般", "投与/名詞,サ変接続", "し/動詞,自立", "た/助動詞", "。/記号,句点",
	}}}
	got := documentTerms(tok, text)
	checkTerms(t, got, []string{"中止", "再発", "投与", "投与量"}, nil)
	if s := got["中止"].Score; s >= 1 {
		t.Errorf("中止 (only a predicate) scores %v; want below the independent candidates (< 1)", s)
	}
	for _, w := range []string{"再発", "投与"} {
		if s := got[w].Score; s < 1 {
			t.Errorf("%s scores %v; want an independent candidate (≥ 1)", w, s)
		}
	}

	// A compound in an earlier document of the same extractor does not
	// count (the extractor reuses its buffers between documents).
	before, after := "中止基準。", "薬を中止する。"
	e, _ := New(byText{
		before: fixtureTok{[]string{"中止/名詞,サ変接続", "基準/名詞,一般", "。/記号,句点"}},
		after:  suruTok{fixtureTok{[]string{"薬/名詞,一般", "を/助詞,格助詞,一般", "中止/名詞,サ変接続", "する/動詞,自立", "。/記号,句点"}}},
	})
	col := e.NewCollection()
	col.Add(e.Document("before.txt", before))
	d := e.Document("after.txt", after)
	col.Add(d)
	if s := terms0(col.DocumentCandidates(d))["中止"].Score; s >= 1 {
		t.Errorf("after a document with 中止基準, 中止 (only a predicate) scores %v; want < 1", s)
	}
}

// byText tokenizes each text with its own tokenizer.
type byText map[string]tokenize.Tokenizer

func (b byText) Tokenize(text string) []tokenize.Token { return b[text].Tokenize(text) }

// A compound of general nouns only (日本国内) stays a candidate but ranks
// below a compound of the same shape that holds a specific word (再生医療).
func TestGeneralCompoundRanksLower(t *testing.T) {
	text := "日本国内の再生医療。"
	tok := fixtureTok{[]string{
		"日本/名詞,固有名詞,地域,国", "国内/名詞,一般", "の/助詞,連体化", "再生/名詞,サ変接続", "医療/名詞,一般", "。/記号,句点",
	}}
	got := documentTerms(tok, text)
	checkTerms(t, got, []string{"日本国内", "再生医療"}, nil)
	if g, s := got["日本国内"].Score, got["再生医療"].Score; g >= s {
		t.Errorf("日本国内 scores %v, 再生医療 %v; want the general compound lower", g, s)
	}
}

// A word used as an adjective (重篤な) has no independent occurrence there,
// unless the text also compounds it (異常 of 免疫異常).
func TestAdjectivalUse(t *testing.T) {
	text := "重篤な副作用。異常な反応と免疫異常。"
	tok := fixtureTok{[]string{
		"重/接頭詞,名詞接続", "篤/名詞,固有名詞,人名,名", "な/助動詞", "副作用/名詞,一般", "。/記号,句点",
		"異常/名詞,形容動詞語幹", "な/助動詞", "反応/名詞,サ変接続", "と/助詞,並立助詞", "免疫/名詞,一般", "異常/名詞,形容動詞語幹", "。/記号,句点",
	}}
	got := documentTerms(tok, text)
	checkTerms(t, got, []string{"重篤", "副作用", "免疫異常"}, nil)
	if s := got["重篤"].Score; s >= 1 {
		t.Errorf("重篤 (only before な) scores %v; want < 1", s)
	}
	if s := got["副作用"].Score; s < 1 {
		t.Errorf("副作用 scores %v; want ≥ 1", s)
	}
}

// Heads of degree and choice (レベル, 選択肢) make phrases about a term, as
// 程度 and 段階 do: 細胞レベル and 治療選択肢 are no candidates; nor is
// X可能 ("X-able").
func TestDegreeAndChoiceHeads(t *testing.T) {
	text := "細胞レベルの治療選択肢。"
	tok := fixtureTok{[]string{
		"細胞/名詞,一般", "レベル/名詞,一般", "の/助詞,連体化", "治療/名詞,サ変接続", "選択肢/名詞,一般", "。/記号,句点",
	}}
	checkTerms(t, documentTerms(tok, text), []string{"細胞", "治療"}, []string{"細胞レベル", "治療選択肢"})

	// 可能 ("possible") makes an adjective of what it follows (採取可能:
	// "can be harvested"), no term.
	text = "脂肪組織から採取可能である。"
	tok = fixtureTok{[]string{
		"脂肪/名詞,一般", "組織/名詞,一般", "から/助詞,格助詞", "採取/名詞,サ変接続", "可能/名詞,形容動詞語幹", "で/助動詞", "ある/助動詞", "。/記号,句点",
	}}
	checkTerms(t, documentTerms(tok, text), []string{"脂肪組織", "採取"}, []string{"採取可能", "可能"})
}

// Positions in time (治療後, 投与前) make settings of a term, as 中 and 間
// do, not terms.
func TestTimeSuffixes(t *testing.T) {
	text := "治療後の経過と投与前の検査。"
	tok := fixtureTok{[]string{
		"治療/名詞,サ変接続", "後/名詞,接尾,副詞可能", "の/助詞,連体化", "経過/名詞,サ変接続", "と/助詞,並立助詞",
		"投与/名詞,サ変接続", "前/名詞,接尾,副詞可能", "の/助詞,連体化", "検査/名詞,サ変接続", "。/記号,句点",
	}}
	checkTerms(t, documentTerms(tok, text), []string{"治療", "投与", "検査"}, []string{"治療後", "投与前"})
}

// An abbreviated journal title of a citation (ISO 4 abbreviations: Res,
// Ther, Int, J, Mol, Sci) is no term and its words no occurrence of one;
// a capitalized term is left alone.
func TestJournalTitles(t *testing.T) {
	t.Run("authors", testAuthors)
	text := "Mesenchymal Stem Cell therapy. Stem Cell Res Ther 2021. Int J Mol Sci 2020."
	tok := fixtureTok{[]string{"Mesenchymal/x", "Stem/x", "Cell/x", "therapy/x", "./記号",
		"Stem/x", "Cell/x", "Res/x", "Ther/x", "2021/名詞,数", "./記号",
		"Int/x", "J/x", "Mol/x", "Sci/x", "2020/名詞,数", "./記号"}}
	got := documentTerms(tok, text)
	checkTerms(t, got, []string{"Mesenchymal Stem Cell", "Stem Cell"}, []string{"Stem Cell Res Ther", "Cell Res", "Int J Mol Sci", "Mol Sci", "Sci"})
	if f := got["Stem Cell"].Freq; f != 1 {
		t.Errorf("Stem Cell counted %d times; want 1 (not inside the journal title)", f)
	}
}

// Authors of a reference (Vancouver style: surname and initials before a
// comma, et al, or the full stop after the last) are no terms; a name and
// a roman numeral or a single-letter designation in prose stay.
func testAuthors(t *testing.T) {
	text := "Kim H, Jover JA, García-Vicuña R, Lee B. Title. Zeng L et al. Semin Arthritis Rheum. Phase I, Vitamin D, calcium and Hepatitis B."
	tok := fixtureTok{[]string{"Kim/x", "H/x", ",/記号", "Jover/x", "JA/x", ",/記号", "García-Vicuña/x", "R/x", ",/記号", "Lee/x", "B/x", "./記号", "Title/x", "./記号",
		"Zeng/x", "L/x", "et/x", "al/x", "./記号", "Semin/x", "Arthritis/x", "Rheum/x", "./記号",
		"Phase/x", "I/x", ",/記号", "Vitamin/x", "D/x", ",/記号", "calcium/x", "and/x", "Hepatitis/x", "B/x", "./記号"}}
	got := documentTerms(tok, text)
	checkTerms(t, got, []string{"Phase I", "Vitamin D", "Hepatitis B"}, []string{"Kim H", "Jover JA", "García-Vicuña R", "Lee B", "Zeng L", "Semin Arthritis Rheum", "Arthritis Rheum"})
}

// Links and buttons of web pages (View Study, Read more) are no terms: their
// verbs break Latin runs as function words do.
func TestWebNavigation(t *testing.T) {
	text := "View Study. Read more. Synovial fluid analysis."
	tok := fixtureTok{[]string{"View/x", "Study/x", "./記号", "Read/x", "more/x", "./記号", "Synovial/x", "fluid/x", "analysis/x", "./記号"}}
	checkTerms(t, documentTerms(tok, text), []string{"Synovial fluid analysis"}, []string{"View Study", "View", "Read more", "Read"})
}
