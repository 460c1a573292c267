package extract

import (
	"testing"

	"github.com/medterm/glossary/tokenize"
)

// A Chinese verbal noun before an object noun phrase is a predicate: the
// object is a term of its own, and so is the verbal part (移植治疗); before
// one noun it heads a compound (治疗方法).
func TestChineseVerbObject(t *testing.T) {
	text := "移植治疗系统性红斑狼疮。治疗方法。研究SLE。"
	got := documentTerms(zhTokens(text, "移植/v", "治疗/vn", "系统性/n", "红斑狼疮/n", "。/x",
		"治疗/vn", "方法/n", "。/x", "研究/vn", "SLE/eng", "。/x"), text)
	checkTerms(t, got, []string{"移植治疗", "系统性红斑狼疮", "治疗方法", "SLE"},
		[]string{"移植治疗系统性红斑狼疮", "治疗系统性红斑狼疮", "研究SLE"})
}

// A verbal noun before a chain of verbal nouns, and a noun that jieba tags
// vn (风湿病), stay inside the compound.
func TestChineseVerbalChain(t *testing.T) {
	text := "干细胞治疗技术评估。欧洲风湿病学会联盟。"
	got := documentTerms(zhTokens(text, "干细胞/n", "治疗/vn", "技术/n", "评估/vn", "。/x",
		"欧洲/ns", "风湿病/vn", "学会/n", "联盟/j", "。/x"), text)
	checkTerms(t, got, []string{"干细胞治疗技术评估", "欧洲风湿病学会联盟"}, nil)
}

// Frequent verbs (tokenize/zh tags them v,frequent) take objects and are
// never part of a term; rarer verbs still modify nouns (损伤部位).
func TestChineseFrequentVerbs(t *testing.T) {
	text := "提供干细胞治疗,进行损伤部位的修复。"
	got := documentTerms(zhTokens(text, "提供/v,frequent", "干细胞/n", "治疗/vn", ",/x", "进行/v,frequent", "损伤/v", "部位/n", "的/uj", "修复/v", "。/x"), text)
	checkTerms(t, got, []string{"干细胞治疗", "损伤部位"}, []string{"提供干细胞治疗", "进行损伤部位", "提供"})
}

// A rarer verb after a frequent one or after 的, with no noun to modify, is
// used as a noun (得到缓解, 的治愈); before a noun it still modifies it.
func TestChineseNominalVerbs(t *testing.T) {
	text := "得到缓解的作用。可能的治愈。得到缓解率。"
	got := documentTerms(zhTokens(text, "得到/v,frequent", "缓解/v", "的/uj", "作用/v,frequent", "。/x",
		"可能/v", "的/uj", "治愈/v", "。/x", "得到/v,frequent", "缓解/v", "率/n", "。/x"), text)
	checkTerms(t, got, []string{"缓解", "治愈", "缓解率"}, []string{"得到缓解", "作用"})
}

// Function and positional characters are no part of a term whatever their
// tag, compared in their simplified form (Base) for traditional text.
func TestChineseFunctionCharacters(t *testing.T) {
	text := "膝關節內也有。联合治疗后。皮下處。"
	toks := zhTokens(text, "膝關節/n", "內/n", "也/d", "有/v", "。/x", "联合/v", "治疗/vn", "后/nr", "。/x", "皮下/n", "處/n", "。/x")
	toks[0].Base, toks[1].Base, toks[10].Base = "膝关节", "内", "处"
	for _, i := range []int{0, 1, 2, 3, 4, 9, 10, 11} {
		toks[i].Lang = tokenize.TraditionalChinese
	}
	got := documentTerms(toks, text)
	checkTerms(t, got, []string{"膝關節", "联合治疗", "皮下"}, []string{"膝關節內", "联合治疗后", "內", "后", "皮下處"})
}

// Adverbs of negation and modality start no term: gse leaves 未见 ("not
// seen") unknown (x), which would make it a noun before 不良反应.
func TestChineseAdverbs(t *testing.T) {
	text := "未见不良反应。仍需随访。"
	got := documentTerms(zhTokens(text, "未见/x", "不良反应/l", "。/x", "仍需/x", "随访/vn", "。/x"), text)
	checkTerms(t, got, []string{"不良反应", "随访"}, []string{"未见不良反应", "未见", "仍需随访"})
}

// A word gse's model makes up around a function character (后易, x) is no
// unit, and relational and institution heads (现状, 前景, 实验室) end no
// Chinese term.
func TestChineseUnknownWordsAndHeads(t *testing.T) {
	text := "停药后易反复。研究现状。应用前景。骨髓间质。医学重点实验室。"
	got := documentTerms(zhTokens(text, "停药/v", "后易/x", "反复/v", "。/x", "研究/vn", "现状/n", "。/x",
		"应用/v,frequent", "前景/n", "。/x", "骨髓/n", "间质/x", "。/x", "医学/n", "重点/n", "实验室/n", "。/x"), text)
	checkTerms(t, got, []string{"骨髓间质", "医学"}, []string{"后易", "停药后易", "研究现状", "现状", "前景", "应用前景", "医学重点实验室"})
}

// A verb before a noun of three characters or more has its object
// (依靠体格检查); words of scope (全球, 我国) start no term.
func TestChineseLongObjectsAndScope(t *testing.T) {
	text := "依靠体格检查。全球类风湿关节炎。我國患者。"
	toks := zhTokens(text, "依靠/v", "体格检查/n", "。/x", "全球/n", "类风湿/n", "关节炎/n", "。/x", "我國/n", "患者/n", "。/x")
	toks[7].Base = "我国"
	got := documentTerms(toks, text)
	checkTerms(t, got, []string{"体格检查", "类风湿关节炎"}, []string{"依靠体格检查", "全球类风湿关节炎", "全球", "我國患者"})
}

// Positional characters continue a term but neither start nor end one;
// 中 marks a setting and breaks the compound.
func TestChinesePositional(t *testing.T) {
	text := "关节内注射治疗。移植后。过程中干细胞。"
	got := documentTerms(zhTokens(text, "关节/n", "内/f", "注射/v", "治疗/vn", "。/x", "移植/vn", "后/nr", "。/x",
		"过程/n", "中/f", "干细胞/n", "。/x"), text)
	checkTerms(t, got, []string{"关节内注射治疗", "移植", "干细胞"}, []string{"移植后", "内注射治疗", "过程中干细胞", "中干细胞"})
}

// The Chinese word lists match characters whose han folding key is a rare
// variant (研 → 硏 in 研究室).
func TestChineseListsFolded(t *testing.T) {
	text := "实验血液学研究室共同"
	got := documentTerms(zhTokens(text, "实验/vn", "血液学/n", "研究室/n", "共同/d"), text)
	checkTerms(t, got, []string{"血液学"}, []string{"血液学研究室"})
}

// A rarer verb after a noun at the end of a phrase heads a term
// (干细胞移植); before 的 or another verb, or a verb of degree or motion,
// it is a predicate (组织衍生的, 面积减小, 部位前进).
func TestChineseNounVerbHeads(t *testing.T) {
	text := "干细胞移植。组织衍生的细胞。面积减小。综述旨在推动。向部位前进。"
	got := documentTerms(zhTokens(text, "干细胞/n", "移植/v", "。/x", "组织/n", "衍生/v", "的/uj", "细胞/n", "。/x",
		"面积/n", "减小/v", "。/x", "综述/n", "旨在/v", "推动/v,frequent", "。/x", "向/p", "部位/n", "前进/v", "。/x"), text)
	checkTerms(t, got, []string{"干细胞移植", "组织", "面积", "综述"}, []string{"组织衍生", "面积减小", "综述旨在", "减小", "旨在", "部位前进"})
}

// Pronouns of self and sameness that jieba tags r start terms as prefixes
// (自身免疫, 同种异体) but are no terms alone, nor end one (患者自身).
func TestChineseSelfPrefixes(t *testing.T) {
	text := "自身免疫性疾病。同种异体移植。患者自身。"
	got := documentTerms(zhTokens(text, "自身/r", "免疫性/n", "疾病/n", "。/x", "同种/r", "异体/n", "移植/v", "。/x",
		"患者/n", "自身/r", "。/x"), text)
	checkTerms(t, got, []string{"自身免疫性疾病", "同种异体", "同种异体移植"}, []string{"自身", "同种", "患者自身"})
}

// A verb that CC-CEDICT also glosses as a noun (tokenize/zh: v,nominal)
// is a term where it stands alone and inside a longer term (发病 of
// 发病机制); before its object it is still a verb, and other verbs stay
// prefixes (移植 alone is none).
func TestChineseNominalSenses(t *testing.T) {
	text := "注射。发病机制。移植。注射干细胞。"
	got := documentTerms(zhTokens(text, "注射/v,nominal", "。/x", "发病/v,nominal", "机制/n", "。/x", "移植/v", "。/x",
		"注射/v,nominal", "干细胞/n", "。/x"), text)
	checkTerms(t, got, []string{"注射", "发病机制", "发病", "干细胞"}, []string{"移植", "注射干细胞"})
}

// Distinguishing words (jieba: b) modify the noun after them (慢性炎症,
// 间质干细胞) but are no terms alone; frequent ones are general language
// (主要原因).
func TestChineseDistinguishingWords(t *testing.T) {
	text := "慢性炎症。间质干细胞。主要原因。慢性。"
	got := documentTerms(zhTokens(text, "慢性/b", "炎症/n", "。/x", "间质/b", "干细胞/n", "。/x", "主要/b,frequent", "原因/n", "。/x", "慢性/b", "。/x"), text)
	checkTerms(t, got, []string{"慢性炎症", "间质干细胞", "炎症"}, []string{"慢性", "主要原因", "间质"})
}

// The most frequent nouns of general language (tokenize/zh: n,frequent)
// and place names (ns) are part of terms but none alone.
func TestChineseFrequentNouns(t *testing.T) {
	text := "免疫系统。系统。影响。日本脑炎。江苏。"
	got := documentTerms(zhTokens(text, "免疫/v,nominal", "系统/n,frequent", "。/x", "系统/n,frequent", "。/x", "影响/vn,frequent", "。/x",
		"日本/ns", "脑炎/n", "。/x", "江苏/ns", "。/x"), text)
	checkTerms(t, got, []string{"免疫系统", "免疫", "日本脑炎", "脑炎"}, []string{"系统", "影响", "日本", "江苏"})
}

// Rare dictionary words (tokenize/zh: rare) around a function character are
// gse's made-up words, no units (之比 of 男女之比); negations start words.
func TestChineseRareWords(t *testing.T) {
	text := "男女之比。不良反应。"
	got := documentTerms(zhTokens(text, "男女/n", "之比/ns,rare", "。/x", "不良反应/l,rare", "。/x"), text)
	checkTerms(t, got, []string{"不良反应"}, []string{"男女之比", "之比"})
}

// Chinese tokens without a POS (a tokenizer that tags nothing) classify by
// their script, without a panic.
func TestChineseNoPOS(t *testing.T) {
	text := "间充质干细胞。"
	toks := zhTokens(text, "间充质干细胞/x", "。/x")
	toks[0].POS, toks[1].POS = nil, nil
	checkTerms(t, documentTerms(toks, text), []string{"间充质干细胞"}, nil)
}

// 自体 is "autologous" in Chinese, a term alone and inside longer ones; in
// Japanese it means "itself" and ends no term (治療自体).
func TestAutologous(t *testing.T) {
	text := "自体脂肪组织。"
	got := documentTerms(zhTokens(text, "自体/n", "脂肪组织/n", "。/x"), text)
	checkTerms(t, got, []string{"自体脂肪组织", "自体", "脂肪组织"}, nil)
	text = "治療自体。"
	got = documentTerms(fixtureTok{[]string{"治療/名詞,サ変接続", "自体/名詞,一般", "。/記号"}}, text)
	checkTerms(t, got, []string{"治療"}, []string{"自体", "治療自体"})
}
