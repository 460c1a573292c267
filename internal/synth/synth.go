// Package synth generates synthetic glossaries for benchmarks: any number
// of concepts whose terms look like real medical terminology in ja,
// zh-Hans, zh-Hant and en (compounds of real morphemes such as 関節/关节/
// 關節/joint, with abbreviations, variants and katakana loanwords), and
// texts that mention them.
//
// The output is a deterministic function of the size and the seed. The
// strings are realistic in shape (length, scripts, shared morphemes, the
// skew of common heads like 細胞 and 炎) but not in meaning.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
	"github.com/medterm/glossary/tokenize/han"
)

// morpheme is one unit of a term in the four languages.
type morpheme struct {
	ja, hans, hant, en string
}

// modifiers open a term, heads close it; the middle draws from both.
var modifiers = []morpheme{
	{"関節", "关节", "關節", "joint"}, {"間葉系", "间充质", "間質", "mesenchymal"},
	{"骨髄", "骨髓", "骨髓", "bone marrow"}, {"脂肪", "脂肪", "脂肪", "adipose"},
	{"臍帯", "脐带", "臍帶", "umbilical cord"}, {"慢性", "慢性", "慢性", "chronic"},
	{"急性", "急性", "急性", "acute"}, {"全身性", "系统性", "全身性", "systemic"},
	{"自己免疫", "自身免疫", "自體免疫", "autoimmune"}, {"末梢", "外周", "周邊", "peripheral"},
	{"神経", "神经", "神經", "neural"}, {"血管", "血管", "血管", "vascular"},
	{"心", "心", "心", "cardiac"}, {"肝", "肝", "肝", "hepatic"}, {"腎", "肾", "腎", "renal"},
	{"肺", "肺", "肺", "pulmonary"}, {"皮膚", "皮肤", "皮膚", "cutaneous"},
	{"骨", "骨", "骨", "bone"}, {"軟骨", "软骨", "軟骨", "cartilage"}, {"滑膜", "滑膜", "滑膜", "synovial"},
	{"造血", "造血", "造血", "hematopoietic"}, {"間質性", "间质性", "間質性", "interstitial"},
	{"炎症性", "炎症性", "發炎性", "inflammatory"}, {"抗炎症", "抗炎", "抗發炎", "anti-inflammatory"},
	{"腫瘍", "肿瘤", "腫瘤", "tumor"}, {"悪性", "恶性", "惡性", "malignant"}, {"良性", "良性", "良性", "benign"},
	{"再生", "再生", "再生", "regenerative"}, {"幹", "干", "幹", "stem"}, {"線維", "纤维", "纖維", "fibrous"},
	{"薬剤", "药物", "藥物", "drug"}, {"免疫", "免疫", "免疫", "immune"}, {"遺伝子", "基因", "基因", "gene"},
	{"細胞外", "细胞外", "細胞外", "extracellular"}, {"血清", "血清", "血清", "serum"},
	{"関連", "相关", "相關", "associated"}, {"由来", "来源", "來源", "derived"}, {"特発性", "特发性", "特發性", "idiopathic"},
	{"サイトカイン", "细胞因子", "細胞激素", "cytokine"}, {"インターロイキン", "白细胞介素", "介白素", "interleukin"},
	{"リウマチ", "风湿", "風濕", "rheumatic"}, {"エクソソーム", "外泌体", "外泌體", "exosome"},
	{"コラーゲン", "胶原", "膠原", "collagen"}, {"ステロイド", "类固醇", "類固醇", "steroid"},
	{"ウイルス", "病毒", "病毒", "viral"}, {"ヘパリン", "肝素", "肝素", "heparin"},
	{"T", "T", "T", "T"}, {"B", "B", "B", "B"}, {"α", "α", "α", "alpha"}, {"β", "β", "β", "beta"},
}

var heads = []morpheme{
	{"細胞", "细胞", "細胞", "cell"}, {"幹細胞", "干细胞", "幹細胞", "stem cell"},
	{"炎", "炎", "炎", "itis"}, {"症", "症", "症", "disorder"}, {"疾患", "疾病", "疾病", "disease"},
	{"障害", "损害", "損害", "impairment"}, {"療法", "疗法", "療法", "therapy"}, {"移植", "移植", "移植", "transplantation"},
	{"因子", "因子", "因子", "factor"}, {"受容体", "受体", "受體", "receptor"}, {"抗体", "抗体", "抗體", "antibody"},
	{"阻害薬", "抑制剂", "抑制劑", "inhibitor"}, {"検査", "检查", "檢查", "test"}, {"組織", "组织", "組織", "tissue"},
	{"線維化", "纤维化", "纖維化", "fibrosis"}, {"分化", "分化", "分化", "differentiation"},
	{"増殖", "增殖", "增殖", "proliferation"}, {"投与", "给药", "給藥", "administration"},
	{"機能", "功能", "功能", "function"}, {"指数", "指数", "指數", "index"}, {"スコア", "评分", "評分", "score"},
	{"腫瘍", "肿瘤", "腫瘤", "neoplasm"}, {"血症", "血症", "血症", "emia"}, {"形成", "形成", "形成", "formation"},
	{"培養上清", "培养上清", "培養上清", "conditioned medium"}, {"製剤", "制剂", "製劑", "preparation"},
	{"マーカー", "标志物", "標誌物", "marker"}, {"タンパク質", "蛋白质", "蛋白質", "protein"},
}

// Glossary returns a glossary of n synthetic concepts, the same for the
// same n and seed.
func Glossary(n int, seed uint64) *terms.Glossary {
	cs := Concepts(n, seed)
	g, err := terms.New(cs...)
	if err != nil {
		panic(err) // ids are unique by construction
	}
	return g
}

var categories = []string{"disease", "cell", "molecule", "drug", "procedure", "measure", "anatomy", "concept"}

// Concepts returns n synthetic concepts with unique ids, terms in ja,
// zh-Hans, zh-Hant and en, an English abbreviation for about a third of
// them and a Japanese or Chinese variant for about a quarter.
func Concepts(n int, seed uint64) []*terms.Concept {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	seen := make(map[string]bool, n)
	ids := make(map[string]int, n)
	cs := make([]*terms.Concept, 0, n)
	for len(cs) < n {
		parts := pick(r)
		var ja, hans, hant strings.Builder
		var en []string
		for _, m := range parts {
			ja.WriteString(m.ja)
			hans.WriteString(m.hans)
			hant.WriteString(m.hant)
			en = append(en, m.en)
		}
		if seen[ja.String()] || seen[hans.String()] {
			continue
		}
		seen[ja.String()], seen[hans.String()] = true, true
		enText := strings.Join(en, " ")
		if seen[enText] {
			enText += fmt.Sprintf(" type %d", len(cs)%7+1)
		}
		seen[enText] = true
		id := slug(enText)
		if k := ids[id]; k > 0 {
			ids[id]++
			id = fmt.Sprintf("%s-%d", id, k+1)
		} else {
			ids[id] = 1
		}
		c := &terms.Concept{
			ID:       id,
			Category: categories[r.IntN(len(categories))],
			Status:   terms.Approved,
			Terms: map[language.Tag][]terms.Term{
				terms.Japanese:           {{Text: ja.String()}},
				terms.SimplifiedChinese:  {{Text: hans.String()}},
				terms.TraditionalChinese: {{Text: hant.String()}},
				terms.English:            {{Text: enText}},
			},
		}
		if r.IntN(3) == 0 {
			if a := abbrev(enText, len(cs)); !seen[a] {
				seen[a] = true
				c.Terms[terms.English] = append(c.Terms[terms.English], terms.Term{Text: a, Status: terms.Admitted, Type: terms.Abbreviation})
			}
		}
		if r.IntN(4) == 0 && len(parts) > 1 {
			// A variant with the last morpheme's Japanese form swapped for
			// its Chinese one, as literal renderings do (间叶系干细胞).
			v := ja.String()[:len(ja.String())-len(parts[len(parts)-1].ja)] + parts[len(parts)-1].hant
			if !seen[v] {
				seen[v] = true
				c.Terms[terms.Japanese] = append(c.Terms[terms.Japanese], terms.Term{Text: v, Status: terms.Admitted, Type: terms.Variant})
			}
		}
		cs = append(cs, c)
	}
	return cs
}

// pick draws 1-3 modifiers and a head, the length skewed towards 2-3
// morphemes like real terms. About half the modifiers are pseudo-words
// (pseudoHan, pseudoKana) so that the vocabulary, like a real glossary's,
// runs to tens of thousands of morphemes rather than a hundred.
func pick(r *rand.Rand) []morpheme {
	k := 1 + r.IntN(3)
	if r.IntN(4) == 0 {
		k++
	}
	ps := make([]morpheme, 0, k+1)
	for range k {
		switch r.IntN(4) {
		case 0, 1:
			ps = append(ps, modifiers[skewed(r, len(modifiers))])
		case 2:
			ps = append(ps, pseudoHan(r))
		default:
			ps = append(ps, pseudoKana(r))
		}
	}
	return append(ps, heads[skewed(r, len(heads))])
}

// skewed draws an index in [0, n), low ones more often (frequent heads
// such as 細胞 and 炎).
func skewed(r *rand.Rand, n int) int {
	u := r.Float64()
	return int(float64(n) * u * math.Sqrt(u))
}

// hanPool holds common characters of Japanese medical terms; pseudoHan
// compounds two of them.
var hanPool = []rune("血管腫瘍細胞骨髄肝腎肺心脳神経筋皮膚炎症性免疫抗体受容因子遺伝伝達分泌代謝酵素蛋白糖脂質核酸" +
	"膜壁腔管腺胃腸膵脾胆嚢膀胱尿路子宮卵巣精巣乳房甲状副腎下垂体視床眼耳鼻咽喉頭頸胸腹背腰関節軟靭帯腱" +
	"感染菌毒素熱痛腫出血栓塞梗死壊化生増殖萎縮硬変線維形成異常低高過少多急慢特発原続二次性状態" +
	"療法治投与薬剤製注射点滴内服外用手術切除移植置換造影検査診断測定値率量度数期型群候")

// syllables are the katakana and romaji of pseudoKana loanwords.
var syllables = []struct{ kana, roma, hans, hant string }{
	{"ア", "a", "阿", "阿"}, {"イ", "i", "伊", "伊"}, {"ウ", "u", "乌", "烏"}, {"エ", "e", "埃", "埃"}, {"オ", "o", "奥", "奧"},
	{"カ", "ka", "卡", "卡"}, {"キ", "ki", "基", "基"}, {"ク", "ku", "库", "庫"}, {"ケ", "ke", "克", "克"}, {"コ", "ko", "科", "科"},
	{"サ", "sa", "萨", "薩"}, {"シ", "shi", "西", "西"}, {"ス", "su", "斯", "斯"}, {"セ", "se", "塞", "塞"}, {"ソ", "so", "索", "索"},
	{"タ", "ta", "塔", "塔"}, {"チ", "chi", "奇", "奇"}, {"ト", "to", "托", "托"}, {"ナ", "na", "纳", "納"}, {"ニ", "ni", "尼", "尼"},
	{"ノ", "no", "诺", "諾"}, {"マ", "ma", "马", "馬"}, {"ミ", "mi", "米", "米"}, {"ム", "mu", "姆", "姆"}, {"メ", "me", "美", "美"},
	{"モ", "mo", "莫", "莫"}, {"ラ", "ra", "拉", "拉"}, {"リ", "ri", "利", "利"}, {"ル", "ru", "鲁", "魯"}, {"レ", "re", "雷", "雷"},
	{"ロ", "ro", "罗", "羅"}, {"バ", "ba", "巴", "巴"}, {"ビ", "bi", "比", "比"}, {"ブ", "bu", "布", "布"}, {"ベ", "be", "贝", "貝"},
	{"ド", "do", "多", "多"}, {"ジ", "ji", "吉", "吉"}, {"ゾ", "zo", "佐", "佐"}, {"フ", "fu", "夫", "夫"}, {"ン", "n", "恩", "恩"},
	{"チュ", "chu", "丘", "丘"}, {"リュ", "ryu", "留", "留"}, {"ー", "", "", ""},
}

// pseudoHan makes a two-character Han morpheme with a pseudo-English
// gloss derived from its characters.
func pseudoHan(r *rand.Rand) morpheme {
	a, b := hanPool[r.IntN(len(hanPool))], hanPool[r.IntN(len(hanPool))]
	ja := string([]rune{a, b})
	hans := string([]rune{han.FoldRune(a), han.FoldRune(b)})
	return morpheme{ja: ja, hans: hans, hant: ja, en: latinize(int(a)*7919 + int(b))}
}

// pseudoKana makes a 3-5 syllable katakana loanword (a drug or gene name)
// with its romanization and a Chinese phonetic rendering.
func pseudoKana(r *rand.Rand) morpheme {
	var m morpheme
	n := 3 + r.IntN(3)
	for i := range n {
		sy := syllables[r.IntN(len(syllables))]
		if sy.kana == "ー" && (i == 0 || strings.HasSuffix(m.ja, "ー")) {
			sy = syllables[5+r.IntN(20)]
		}
		m.ja += sy.kana
		m.en += sy.roma
		m.hans += sy.hans
		m.hant += sy.hant
	}
	suffixes := []string{"mab", "nib", "cept", "kine", "in", "ase", "ol", "ide"}
	m.en += suffixes[r.IntN(len(suffixes))]
	return m
}

// latinize turns a number into a pronounceable pseudo-Latin stem.
func latinize(x int) string {
	cons := "bcdfghlmnprstv"
	vow := "aeiou"
	var b strings.Builder
	for i := 0; i < 3; i++ {
		b.WriteByte(cons[x%len(cons)])
		x /= len(cons)
		b.WriteByte(vow[x%len(vow)])
		x /= len(vow)
	}
	ends := []string{"al", "ic", "ous", "ar", "ine"}
	b.WriteString(ends[x%len(ends)])
	return b.String()
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r == 'α':
			b.WriteString("alpha")
		case r == 'β':
			b.WriteString("beta")
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	id := strings.TrimSuffix(b.String(), "-")
	if id == "" || !unicode.IsLetter(rune(id[0])) {
		id = "c-" + id
	}
	return id
}

// abbrev makes an upper-case abbreviation of the English term's initials,
// numbered to keep it distinct (MSC, RA17).
func abbrev(en string, i int) string {
	var b strings.Builder
	for _, w := range strings.Fields(strings.ReplaceAll(en, "-", " ")) {
		b.WriteRune(unicode.ToUpper([]rune(w)[0]))
	}
	return fmt.Sprintf("%s%d", b.String(), i)
}

// Text returns about size bytes of text mentioning terms of cs: Japanese,
// Chinese and English sentences, each with one or two terms and filler
// that holds no term.
func Text(cs []*terms.Concept, size int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 0x7e77))
	frames := []struct {
		lang      language.Tag
		pre, post string
	}{
		{terms.Japanese, "本研究では", "の患者を対象に有効性と安全性を評価した。"},
		{terms.Japanese, "近年、", "に対する新しい治療の報告が増えている。"},
		{terms.SimplifiedChinese, "研究表明，", "患者在治疗后症状明显改善。"},
		{terms.TraditionalChinese, "臨床上，", "的診斷仍需進一步的研究。"},
		{terms.English, "In this study, ", " was assessed in patients with active disease. "},
	}
	var b strings.Builder
	b.Grow(size + 256)
	for b.Len() < size {
		f := frames[r.IntN(len(frames))]
		c := cs[r.IntN(len(cs))]
		ts := c.Terms[f.lang]
		b.WriteString(f.pre)
		if len(ts) > 0 {
			b.WriteString(ts[r.IntN(len(ts))].Text)
		}
		b.WriteString(f.post)
		if r.IntN(8) == 0 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
