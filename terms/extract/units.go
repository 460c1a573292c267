package extract

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/medterm/glossary/tokenize"
	"github.com/medterm/glossary/tokenize/han"
	"golang.org/x/text/language"
)

// role is what a unit can do inside a compound term.
type role uint8

const (
	roleNone   role = iota // breaks a compound
	roleNoun               // may start, continue and end a term
	rolePrefix             // may start or continue, never end (抗, 非, 全)
	roleSuffix             // may continue or end, never start (性, 的, 系, 由来, 剤)
)

// unit is one element of a compound: a token, or several tokens the
// tokenizer split but that belong together.
type unit struct {
	text    string
	start   int
	end     int
	role    role
	lang    language.Tag
	general bool // a general noun (患者, 場合): part of terms, never a term alone
	latin   bool
	spaced  bool // a space separates it from the previous unit of its run
	numeric bool // a number that may start a term (24時間蓄積尿タンパク, 1型糖尿病)
	verb    bool // a Chinese verb used as a modifier
	verbal  bool // a Chinese verb or verbal noun (治疗/vn): may take an object
	nominal bool // a Chinese verb with a noun sense (再生, 注射): a term inside a longer one
	deictic bool // a deictic prefix (本, 当, 各): never starts a term
	side    bool // a prefix of side (左, 右, 両): a term may start after it
	// objOf has bit n set when the n units before this one name a
	// condition of the document's patients and this unit is a head of
	// care for it (リウマチ|治療 after リウマチ患者): see markUses.
	objOf uint8
	// predicate: the unit ends a word used as a predicate (薬を中止する,
	// see predicateUse) or an adjective (重篤な, adjectivalUse): the run
	// it ends is no independent occurrence of a term there.
	predicate bool
	memo      int32 // index of its text's tokMemo

	// Flags of the text, computed once per token (see setFlags).
	oneRune    bool // a single character
	allHan     bool // isAllHan
	startHan   bool // starts with a han character
	number     bool // isNumber
	nonFinal   bool // in nonFinal
	latinShape bool // latinTermShape (meaningful when latin)
}

// setFlags sets the text flags of u from the memo of its text.
func (u *unit) setFlags(m *tokMemo) {
	ti := m.ti
	u.oneRune = ti.runes == 1
	u.allHan = ti.f&fAllHan != 0
	u.startHan = ti.f&fStartHan != 0
	u.number = ti.f&fNumber != 0
	m.setWordFlags()
	u.nonFinal, u.side = m.nonFinal, m.side
	if u.lang != tokenize.Japanese {
		m.setZhFlags()
		// 自体 is "itself" in Japanese (nonFinal) but "autologous" in
		// Chinese (自体移植).
		u.nonFinal = u.nonFinal && m.text != "自体" || m.zhFinal
	}
	if u.latin {
		u.latinShape = m.latinShape
	}
}

// tokMemo is what extraction learns of one distinct token text of a
// document (the seeds' 21 000 tokens have 2 400 distinct texts): its scan
// and word-list flags, its unit id, and classify's answer for the last
// part of speech, base form and language seen with it.
type tokMemo struct {
	text       string
	hash       uint64
	ti         tokInfo
	flagged    bool  // the three below are set (setWordFlags)
	nonFinal   bool  // in nonFinal
	zhFlagged  bool  // the two below are set (setZhFlags)
	zhFinal    bool  // its simplified form is in zhNonFinal
	zhScope    bool  // its simplified form is in zhScope
	latinShape bool  // latinTermShape, when ti has fLatin
	deictic    bool  // in deicticPrefixes
	side       bool  // in sidePrefixes
	care       bool  // in careHeads
	person     bool  // in personHeads
	compounded bool  // a unit of a compound run of the document (markUses)
	uid        int32 // the document's unit id, −1 until a run holds it

	classed bool // role and gen hold classify's answer for pos, base, lang
	role    role
	gen     bool
	pos     []string
	base    string
	lang    language.Tag
}

// memoOf returns the index of the memo of s, adding it if new.
func (sc *runScratch) memoOf(s string) int32 {
	h := mix(strHash(s))
	slot, ok := sc.memoIdx.find(h, func(i int) bool { return sc.memo[i].text == s })
	if ok {
		return int32(sc.memoIdx.get(slot))
	}
	i := len(sc.memo)
	sc.memoIdx.insert(slot, i, h, func(i int) uint64 { return sc.memo[i].hash })
	sc.memo = append(sc.memo, tokMemo{text: s, hash: h, ti: scanText(s), uid: -1})
	return int32(i)
}

// setWordFlags looks m's text up in the word lists, once: only for
// texts that become units.
func (m *tokMemo) setWordFlags() {
	if m.flagged {
		return
	}
	m.flagged, m.nonFinal, m.deictic, m.side = true, nonFinal.has(m.text), deicticPrefixes.has(m.text), sidePrefixes.has(m.text)
	m.care, m.person = careHeads.has(m.text), personHeads.has(m.text)
	if m.ti.f&fLatin != 0 {
		m.latinShape = latinTermShape(m.text)
	}
}

// foldedSetOf is setOf of words and of their han folding keys
// (setZhFlags looks up han.Fold of a text, which for some characters is a
// rare variant: 研 → 硏).
func foldedSetOf(words ...string) strSet {
	all := append([]string(nil), words...)
	for _, w := range words {
		if f := han.Fold(w); f != w {
			all = append(all, f)
		}
	}
	return setOf(all...)
}

// setZhFlags looks m's text up in the Chinese word lists, in simplified
// form, once: only for texts of Chinese units.
func (m *tokMemo) setZhFlags() {
	if m.zhFlagged {
		return
	}
	m.zhFlagged = true
	if m.ti.f&fAllHan != 0 && (m.ti.runes == 2 || m.ti.runes == 3) {
		f := han.Fold(m.text)
		m.zhFinal, m.zhScope = zhNonFinal.has(f), zhScope.has(f)
	}
}

// classifyMemo is classify(t, m.ti), remembered in m for the next token
// with the same text, part of speech, base form and language.
func classifyMemo(t *tokenize.Token, m *tokMemo) (role, bool) {
	if m.classed && samePOS(m.pos, t.POS) && m.base == t.Base && m.lang == t.Lang {
		return m.role, m.gen
	}
	r, gen := classify(t, m.ti)
	m.classed, m.role, m.gen, m.pos, m.base, m.lang = true, r, gen, t.POS, t.Base, t.Lang
	return r, gen
}

// samePOS reports whether a and b are equal, first by identity
// (tokenizers mostly share POS slices).
func samePOS(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0] || slices.Equal(a, b))
}

// tokFlags describe the characters of a token; scanText computes them in
// one pass over it.
type tokFlags uint16

const (
	fWord     tokFlags = 1 << iota // has a letter or digit
	fAllHan                        // non-empty, only han characters and 々
	fStartHan                      // starts with a han character
	fEndHan                        // ends with a han character
	fLatin                         // isLatinWord
	fDigits                        // non-empty, only ASCII and full-width digits
	fNumber                        // non-empty, only digits, '.' and ','
	fDot                           // contains a middle dot ・ or ･
	fAllKata                       // non-empty, only katakana, ー and ・
)

// tokInfo is what compoundRuns knows of a token's text.
type tokInfo struct {
	f     tokFlags
	runes int32
}

// scanText computes the flags and rune count of s. Han (U+3400–U+4DBF,
// U+4E00–U+9FFF), kana and ASCII are decided by range; other characters
// through the unicode tables.
func scanText(s string) tokInfo {
	word, dot := false, false
	allHan, latin, digits, number, kata := true, true, true, true, true
	startHan, endHan := false, false
	letters := 0
	n := int32(0)
	for i := 0; i < len(s); {
		// Decode: three-byte sequences (han, kana) here, others by utf8.
		r, w := rune(s[i]), 1
		if c := s[i]; c >= utf8.RuneSelf {
			if c&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				r, w = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
			}
			if w == 1 || r < 0x800 || 0xD800 <= r && r <= 0xDFFF { // not three bytes, overlong or surrogate
				r, w = utf8.DecodeRuneInString(s[i:])
			}
		}
		i += w
		var isWord, han, greek, isKata bool
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			lower := c | 0x20
			isLetter := 'a' <= lower && lower <= 'z'
			isDigit := '0' <= c && c <= '9'
			isWord = isLetter || isDigit
			if isLetter {
				letters++
			} else if !isDigit && c != '-' && c != '/' && c != '.' && c != '+' {
				latin = false
			}
			digits = digits && isDigit
			number = number && (isDigit || c == '.' || c == ',')
		case 0x4E00 <= r && r <= 0x9FFF || 0x3400 <= r && r <= 0x4DBF:
			isWord, han = true, true
			latin, digits, number = false, false, false
		case 0x3041 <= r && r <= 0x30FF:
			isWord = r <= 0x3096 || 0x309D <= r && r <= 0x309F || 0x30A1 <= r && r != 0x30FB
			isKata = 0x30A1 <= r && r <= 0x30FA || 0x30FD <= r
			latin, digits, number = false, false, false
		default:
			isWord = unicode.IsLetter(r) || unicode.IsDigit(r)
			han = unicode.Is(unicode.Han, r)
			greek = unicode.Is(unicode.Greek, r)
			isKata = unicode.Is(unicode.Katakana, r)
			if greek {
				letters++
			} else if r != '‐' {
				latin = false
			}
			fullDigit := '０' <= r && r <= '９'
			digits = digits && fullDigit
			number = number && fullDigit
		}
		if n == 0 {
			startHan = han
		}
		endHan = han
		n++
		word = word || isWord
		allHan = allHan && (han || r == '々')
		kata = kata && (isKata || r == 'ー' || r == '・')
		dot = dot || r == '・' || r == '･'
	}
	var f tokFlags
	set := func(b bool, x tokFlags) {
		if b {
			f |= x
		}
	}
	set(word, fWord)
	set(n > 0 && allHan, fAllHan)
	set(startHan, fStartHan)
	set(endHan, fEndHan)
	set(n > 0 && latin && letters > 0, fLatin)
	set(n > 0 && digits, fDigits)
	set(n > 0 && number, fNumber)
	set(dot, fDot)
	set(n > 0 && kata, fAllKata)
	return tokInfo{f, n}
}

// generalNouns are frequent nouns of general language that kagome tags as
// ordinary nouns but that are never terms on their own (they still join
// compounds: 患者報告, 治療効果). This is a closed list of function-like
// general vocabulary, not of domain terms.
var generalNouns = setOf(
	"患者", "場合", "効果", "方法", "目的", "結果", "可能", "必要", "重要", "状態", "状況", "以上", "以下", "以外", "前後",
	"今回", "現在", "今後", "最近", "一般", "全体", "部分", "一部", "多く", "程度", "種類", "対象", "内容", "情報", "理由",
	"問題", "課題", "段階", "期間", "時間", "時期", "年間", "月間", "週間", "日間", "回数", "数値", "割合", "全員", "自分",
	"自身", "本人", "皆様", "当院", "院長", "医師", "専門", "特徴", "特定", "様々", "可能性", "関係", "影響", "役割",
	"期待", "実際", "改善", "向上", "低下", "減少", "増加", "変化", "報告", "研究", "確認", "検討", "比較", "説明",
	"利用", "使用", "提供", "実施", "選択", "判断", "発生", "維持", "参考", "注意", "相談", "質問", "回答", "ご質問",
	"方", "人", "者", "中", "後", "前", "間", "時", "際", "上", "下", "内", "外", "等", "他", "例", "点", "面", "数",
	"患者さん", "患者様", "以降", "当院", "リスク", "品質", "生活", "日常生活", "健康", "体内", "身体", "人体", "自己", "活動", "調節",
	"レベル", "経験", "最新", "注目", "安全", "コスト", "費用", "保険", "施設", "長期", "短期", "日常", "そのもの", "月", "年", "日", "週", "歳", "管理", "全員", "方法", "手段", "選択肢", "医療機関", "クリニック", "専門医", "主治医", "高齢者", "機能", "作用", "反応", "進行", "抑制", "促進", "評価", "調整",
	"情况", "方面", "问题", "结果", "方法", "时间", "目前", "可能", "进行", "作用", "效果", "患者", "所有", "国内", "海外",
	"病人", "类型", "作者", "单位", "技术", "全球", "国际", "人类", "我国", "能力", "水平", "方式", "途径", "数量", "现状", "前景", "领域", "来源", "全面", "合理",
	// General loanwords and words of the page itself (記事, 目次): the
	// vocabulary of any web article.
	"ステップ", "アプローチ", "イメージ", "ケース", "ポイント", "メリット", "デメリット", "サポート", "データ", "タイプ", "パターン",
	"プロセス", "サービス", "プラン", "プログラム", "ガイド", "ページ", "サイト", "ニュース", "テーマ", "トラブル", "バランス",
	"スタッフ", "チーム", "グループ", "アドバイス", "チェック", "スタート", "ゴール", "アジア", "記事", "目次", "人口", "国内",
	"世界", "日本", "手順", "主流", "他人事", "内部", "背景", "立場", "視点", "観点", "理解", "解説", "紹介", "整理", "記載",
	"掲載", "一覧", "詳細", "概要", "全国", "地域", "社会", "仕事", "家族", "毎日", "本文", "女性", "男性", "子供", "子ども",
	"時代", "世代", "年齢", "場所", "料金", "予約", "電話", "問い合わせ", "お問い合わせ",
	// Japanese era names: parts of dates (平成26年), tagged proper nouns.
	"明治", "大正", "昭和", "平成", "令和", "元年",
)

// zhNonFinal are Chinese relational heads (simplified forms): they make
// phrases about a term (研究现状, 应用前景, 治疗困境, 评估工作), not terms,
// and heads of institution and people names (卫生职业技术学院, 医学重点实验室,
// 医务工作者), so no Chinese term ends with them.
var zhNonFinal = foldedSetOf("现状", "前景", "领域", "困境", "背景", "进展", "状况", "手段", "方面", "问题", "情况", "意义", "目的", "特点",
	"过程", "工作", "部门", "依据", "数量", "经验", "阶段", "时期", "期间", "信息", "作用",
	"整体", "产业", "文献",
	"学院", "大学", "研究院", "研究所", "研究室", "实验室", "协会", "医院", "公司", "杂志", "期刊", "单位", "工作者", "决策者", "专家")

// zhScope are Chinese words of place and time scope (全球类风湿关节炎,
// 我国患者, 目前治疗): no term starts with them.
var zhScope = foldedSetOf("全球", "我国", "国内", "国外", "海外", "近年", "目前", "当前")

// sidePrefixes name the side of the body part after them (左膝, 右手首,
// 両膝): kagome tags them nouns, but they are prefixes, and the body part
// after them is a term of its own (膝関節痛 in 左膝関節痛), even where it is
// a single character.
var sidePrefixes = setOf("左", "右", "両")

// deicticPrefixes point at the text or the situation (本記事, 当院, 各疾患,
// 何種類): a term never starts with them, nor with the lone character
// after them (院 of 当院).
var deicticPrefixes = setOf("本", "当", "今", "何", "各", "該", "貴", "弊")

// suffixes and prefixes that kagome (or gse) may tag as ordinary nouns but
// that never start (suffixes) or end (prefixes) a term.
var (
	boundSuffixes = setOf("性", "的", "系", "由来", "剤", "型", "化", "症", "炎", "病", "率", "量", "値", "群", "法", "薬", "学", "用", "式", "類", "体", "質", "部", "期", "別", "度", "感", "力", "能", "数", "中")
	boundPrefixes = setOf("抗", "非", "全", "再", "副", "超", "高", "低", "多", "無", "未", "不", "反", "前", "後", "同", "他", "自", "異", "準", "総", "新", "旧", "各", "諸", "約", "第")
)

// isGeneral reports whether s is in generalNouns.
func isGeneral(s string) bool { return generalNouns.has(s) }

// isLatinWord reports whether s is a Latin word: ASCII letters and digits,
// Greek letters, - ‐ / . + and at least one letter.
func isLatinWord(s string) bool { return scanText(s).f&fLatin != 0 }

// classify returns the role of a token from its part of speech. It knows
// the tag sets of kagome's IPA dictionary (名詞, 接頭詞, 接尾 ...) and of gse
// (n, nz, vn, eng ...); unknown tags fall back to the token's script.
//
// ti is the scan of t.Surface (ASCII punctuation that a tokenizer tags as a
// noun has no letter or digit: not a unit).
func classify(t *tokenize.Token, ti tokInfo) (role, bool) {
	s := t.Surface
	if ti.f&fWord == 0 || hasEdgeSpace(s) {
		return roleNone, false
	}
	allHan := ti.f&fAllHan != 0
	if ti.f&fLatin != 0 {
		var arr [32]byte
		lower := lowerASCII(arr[:0], s)
		if strSetHas(englishStop, lower) && !upperAbbrev(s) {
			return roleNone, false
		}
		return roleNoun, strSetHas(englishGeneral, lower)
	}
	pos := ""
	sub := ""
	if len(t.POS) > 0 {
		pos = t.POS[0]
	}
	if len(t.POS) > 1 {
		sub = t.POS[1]
	}
	gen := false
	switch pos {
	case "記号", "助詞", "助動詞", "接続詞", "副詞", "連体詞", "感動詞", "フィラー", "その他", "動詞", "形容詞", "接頭詞":
		// Function tags: gen is not used below (two map lookups saved per token).
	default:
		gen = isGeneral(s) || t.Base != s && isGeneral(t.Base)
	}
	switch pos {
	// kagome IPA
	case "名詞":
		switch sub {
		case "副詞可能":
			// 従来, 長期, 初期: qualify terms (従来治療), not terms alone.
			if allHan && ti.runes >= 2 {
				return roleNoun, true
			}
			return roleNone, false
		case "非自立", "代名詞", "数", "接続詞的", "特殊", "引用文字列", "動詞非自立的":
			if sub == "数" && allHan && !strings.ContainsAny(s, "一二三四五六七八九十百千万億〇") {
				return roleNoun, gen
			}
			return roleNone, false
		case "接尾":
			if counter(t.POS) {
				return roleSuffix, false
			}
			// A one-character han "suffix" the list does not know is more
			// often a piece of a word the dictionary lacks (上 of 上清液).
			if boundSuffixes.has(s) || allHan && ti.runes == 2 {
				return roleSuffix, false
			}
			if allHan && ti.runes == 1 {
				if gen { // positional: 内, 外, 中, 上, 後
					return roleSuffix, false
				}
				return roleNoun, gen
			}
			return roleNone, false
		}
		if boundSuffixes.has(s) {
			return roleSuffix, false
		}
		if ti.runes == 1 && (boundPrefixes.has(s) || sidePrefixes.has(s)) {
			return rolePrefix, false
		}
		// Adjectival noun stems (有効, 重篤, 通常) qualify terms but are
		// not terms alone.
		return roleNoun, gen || sub == "形容動詞語幹"
	case "接頭詞":
		if allHan || ti.f&fAllKata != 0 {
			return rolePrefix, false
		}
		return roleNone, false
	case "記号", "助詞", "助動詞", "接続詞", "副詞", "連体詞", "感動詞", "フィラー", "その他":
		return roleNone, false
	case "動詞", "形容詞":
		// A lone han character tagged as a verb or adjective stem (破 of
		// 破骨細胞) is joined to neighbouring han by the caller.
		return roleNone, false
	}
	// gse (jieba-style tags)
	if allHan && ti.runes >= 2 && t.Lang != tokenize.Japanese && len(t.POS) > 1 && t.POS[len(t.POS)-1] == "rare" && zhFunctionEdge(zhBase(t)) && !zhNegated(zhBase(t)) {
		// A rare dictionary word around a function character (中所 of
		// 组织中所能, 之比 of 男女之比) is one of gse's made-up words, as
		// below; negations form words (不良反应).
		return roleNone, false
	}
	if ti.runes == 1 && t.Lang != tokenize.Japanese {
		b := zhBase(t)
		if zhFunction.has(b) {
			// Function characters whatever gse's tag (此/zg of 此研究).
			return roleNone, false
		}
		if zhPositional.has(b) {
			// Positional characters continue a term (关节内注射) but never
			// start (compoundRuns) or end one (后/nr of 治疗后, 內/n of
			// 膝關節內).
			return rolePrefix, false
		}
	}
	switch {
	case pos == "eng":
		return roleNoun, false
	case pos == "vn" || pos == "an" || pos == "nz" || pos == "nr" || pos == "ns" || pos == "nt" || pos == "nrt" || pos == "nw" || pos == "n" || pos == "ng" || pos == "j" || pos == "l" && allHan:
		if boundSuffixes.has(s) {
			return roleSuffix, gen
		}
		// Frequent nouns of general language (tokenize/zh: n,frequent;
		// 影响, 标准, 系统) and place names (ns: 江苏) join terms
		// (免疫系统, 日本脑炎) but are none alone.
		return roleNoun, gen || sub == "frequent" || pos == "ns"
	case pos == "h" || pos == "r" && zhSelfPrefixes.has(zhBase(t)) || pos == "b" && sub != "frequent":
		return rolePrefix, false
	case pos == "v" && ti.runes == 1 && allHan && t.Lang != tokenize.Japanese && boundPrefixes.has(zhBase(t)):
		// A bound prefix jieba tags as a verb (抗 of 移植物抗宿主病).
		return rolePrefix, false
	case pos == "v" && sub == "frequent":
		// Frequent verbs of general language take objects (提供信息,
		// 选择干细胞治疗): never part of a term.
		return roleNone, false
	case pos == "v" && allHan && ti.runes >= 2 && t.Lang != tokenize.Japanese:
		// jieba tags many verbal nouns as verbs (损伤, 免疫): they modify a
		// following noun (损伤部位, 免疫反应) but do not end a term.
		return rolePrefix, false
	case pos == "k":
		return roleSuffix, false
	case pos == "" || pos == "x":
		if allHan && t.Lang != tokenize.Japanese && ti.runes >= 2 && zhFunctionEdge(zhBase(t)) {
			// A word gse's model made up around a function character
			// (后易 of 停药后易反复, 对间 of 方法对间充质): no term.
			return roleNone, false
		}
		if allHan || ti.f&fAllKata != 0 {
			return roleNoun, gen
		}
	}
	return roleNone, false
}

// hasEdgeSpace reports whether s starts or ends with white space
// (strings.TrimSpace(s) != s).
func hasEdgeSpace(s string) bool { return len(trimSpace(s)) != len(s) }

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// lowerASCII appends s to buf with ASCII letters in lower case; other
// characters go through strings.ToLower (only Latin words come here, whose
// non-ASCII characters are Greek letters).
func lowerASCII(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(buf[:0], strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// runScratch holds the buffers of compoundRuns, reused from document to
// document through runPool (units are the largest allocation of
// extraction after the candidate table).
type runScratch struct {
	toks  []tokenize.Token // splitDots output
	ms    []int32          // memos of the tokens' texts
	msx   []int32          // splitDots output
	units []unit
	runs  [][]unit
	// The most of toks, units and runs a document used: release clears
	// no more (earlier documents' entries are cleared already).
	hwToks, hwUnits, hwRuns int

	// Per document (Extractor.Document): candidates by language and term
	// (see candMap), the memos of token texts, whose keys are slices of
	// the text, and contexts to finish.
	cands   []langCands
	memo    []tokMemo
	memoIdx indexTable
	snips   []snip
	conds   map[string]struct{} // markUses: modifiers that name conditions
	join    []byte              // markUses: scratch
}

// langCands are a document's candidates of one language by term: a map
// per language (a document has few) keyed by strings hashes faster than
// one keyed by language and term.
type langCands struct {
	lid langID
	m   map[string]*docCand
}

// candMap returns the candidate map of language lid (that of tag),
// reusing the maps of earlier documents.
func (sc *runScratch) candMap(lid langID, tag language.Tag) map[string]*docCand {
	for _, lc := range sc.cands {
		if lc.lid == lid {
			return lc.m
		}
	}
	registerTag(lid, tag)
	n := len(sc.cands)
	if n < cap(sc.cands) && sc.cands[:n+1][n].m != nil {
		sc.cands = sc.cands[:n+1]
		sc.cands[n].lid = lid
		return sc.cands[n].m
	}
	m := make(map[string]*docCand, 512)
	sc.cands = append(sc.cands, langCands{lid, m})
	return m
}

var runPool = sync.Pool{New: func() any { return new(runScratch) }}

// release clears the buffers (they point into the text, which must not
// stay alive) and returns sc to the pool.
func (sc *runScratch) release() {
	clear(sc.toks[:sc.hwToks])
	clear(sc.units[:sc.hwUnits])
	clear(sc.runs[:sc.hwRuns])
	sc.toks, sc.units, sc.runs = sc.toks[:0], sc.units[:0], sc.runs[:0]
	sc.hwToks, sc.hwUnits, sc.hwRuns = 0, 0, 0
	sc.ms, sc.msx = sc.ms[:0], sc.msx[:0]
	clear(sc.snips)
	sc.snips = sc.snips[:0]
	if len(sc.conds) > 1<<12 {
		sc.conds = nil
	}
	clear(sc.conds)
	// Maps keep their size when cleared: drop those of a large document
	// rather than clear them for every small one after it.
	if len(sc.memo) > 1<<16 {
		sc.memo, sc.memoIdx = nil, indexTable{}
	}
	clear(sc.memo)
	sc.memo = sc.memo[:0]
	clear(sc.memoIdx.slots)
	sc.memoIdx.n = 0
	for i, lc := range sc.cands[:cap(sc.cands)] {
		if len(lc.m) > 1<<16 {
			lc.m = nil
		}
		clear(lc.m)
		sc.cands[:cap(sc.cands)][i] = langCands{m: lc.m}
	}
	sc.cands = sc.cands[:0]
	runPool.Put(sc)
}

// units turns tokens into candidate units and groups them into compound
// runs: maximal sequences of adjacent units that may form a term. Tokens
// are adjacent when nothing separates them, or a single space separates a
// Latin unit from a CJK one (臍帯由来 MSC).
//
// The runs live in sc, which the caller reuses (see runScratch).
func compoundRuns(sc *runScratch, text string, toks []tokenize.Token) [][]unit {
	if sc.memoIdx.slots == nil {
		sc.memoIdx = newIndexTable(4096)
	}
	ms := sc.ms[:0]
	split := false
	for i := range toks {
		t := &toks[i]
		m := sc.memoOf(t.Surface)
		ms = append(ms, m)
		split = split || sc.memo[m].ti.f&fDot != 0 && t.Surface != "・" && t.Surface != "･"
	}
	sc.ms = ms
	if split {
		toks, ms = splitDots(sc, toks, ms)
	}
	info := func(i int) tokInfo { return sc.memo[ms[i]].ti }
	us := sc.units[:0]
	if cap(us) < len(toks) {
		us = make([]unit, 0, len(toks))
	}
	for i := range toks {
		t, m := &toks[i], &sc.memo[ms[i]]
		ti := m.ti
		r, gen := classifyMemo(t, m)
		if r == roleNone && ti.runes == 1 && ti.f&fAllHan != 0 && (t.Lang == tokenize.Japanese && !functionPOS(t.POS) || morpheme(t.POS) && !zhFunction.has(zhBase(t))) {
			// A single han character mis-tagged as a verb, adjective or
			// person name between han neighbours (破 of 破骨細胞), or a
			// bound morpheme of gse's (间 of 间|充质|干细胞, 昔 of 利妥|昔|单抗)
			// is part of the compound.
			prevHan := i > 0 && toks[i-1].End == t.Start && info(i-1).f&fEndHan != 0
			nextHan := i+1 < len(toks) && toks[i+1].Start == t.End && info(i+1).f&fStartHan != 0
			if nextHan || prevHan && len(t.POS) > 0 && t.POS[0] != "助詞" && t.POS[0] != "助動詞" {
				r = rolePrefix
				if prevHan && !nextHan {
					r = roleSuffix
				}
			}
		}
		if r == roleSuffix && ti.runes == 1 && ti.f&fAllHan != 0 && len(t.POS) > 1 && t.POS[1] == "接尾" && !boundSuffixes.has(t.Surface) &&
			(len(us) == 0 || us[len(us)-1].end != t.Start || us[len(us)-1].role == roleNone || us[len(us)-1].role == roleSuffix) &&
			i+1 < len(toks) && toks[i+1].Start == t.End && info(i+1).runes == 1 && info(i+1).f&fAllHan != 0 && len(toks[i+1].POS) > 0 && toks[i+1].POS[0] == "名詞" {
			// A positional "suffix" with no noun to follow (after a comma,
			// after 由来) before a lone han noun is the first character of a
			// word the dictionary split: 間 of 間|葉.
			r = rolePrefix
		}
		if r == roleNone && deverbalNoun(toks, i) {
			r = roleNoun
		}
		if r == rolePrefix && len(t.POS) > 0 && t.POS[0] == "接頭詞" && ti.runes == 1 && ti.f&fAllHan != 0 && i > 0 && toks[i-1].End == t.Start && ordinal(toks[i-1].Surface) {
			// kagome tags 相 of II相 (phase II) a prefix: after a roman
			// numeral or a number it counts, as a suffix (第II相試験).
			r = roleSuffix
		}
		u := unit{text: t.Surface, start: t.Start, end: t.End, role: r, lang: t.Lang, general: gen, latin: ti.f&fLatin != 0, memo: ms[i]}
		u.predicate = r == roleNoun && predicateUse(toks, i) || r != roleNone && adjectivalUse(toks, i)
		if r == roleNone && ti.f&fDigits != 0 && t.Lang == tokenize.Japanese {
			// A number directly before a han word may start a term; it
			// never ends one and needs a specific noun after it. Not
			// before a counter (3回, 36件), but 型 "type" classifies
			// (1型糖尿病).
			if i+1 < len(toks) && toks[i+1].Start == t.End && info(i+1).f&fStartHan != 0 && (!counter(toks[i+1].POS) || toks[i+1].Surface == "型") {
				u.role, u.numeric, u.latin = rolePrefix, true, false
			}
		}
		afterNoun := len(us) > 0 && us[len(us)-1].end == t.Start && (us[len(us)-1].role == roleNoun || us[len(us)-1].role == roleSuffix) && !us[len(us)-1].verb
		if r == rolePrefix && len(t.POS) > 0 && t.POS[0] == "v" && ti.runes == 1 && boundPrefixes.has(t.Surface) {
			// A bound prefix jieba tags as a verb (抗 of 移植物抗宿主病,
			// 抗双链DNA抗体) is a prefix: it takes no object.
		} else if r == rolePrefix && len(t.POS) > 0 && t.POS[0] == "v" && nominalVerb(sc, toks, ms, i, afterNoun) {
			u.role = roleNoun
		} else if r == rolePrefix && len(t.POS) > 0 && t.POS[0] == "v" {
			u.verb = true
			// Only the last of a chain of verbs modifies the noun after it
			// (投入能够抑制免疫反应 is a clause, 免疫反应 a term).
			if len(us) > 0 && us[len(us)-1].verb && us[len(us)-1].end == u.start {
				us[len(us)-1].role = roleNone
			}
		}
		// Verbal nouns of two characters (治疗, 研究); jieba also tags
		// some longer nouns vn (风湿病 of 风湿病学会).
		u.verbal = u.verb || u.role != roleNone && ti.runes == 2 && len(t.POS) > 0 && t.POS[0] == "vn"
		u.nominal = len(t.POS) > 1 && t.POS[1] == "nominal"
		if u.role != roleNone {
			u.setFlags(m)
			u.deictic = u.role == rolePrefix && m.deictic || u.lang != tokenize.Japanese && (m.zhScope || u.role == rolePrefix && u.oneRune && zhPositional.has(zhBase(t)))
		}
		us = append(us, u)
	}
	// Runs are sub-slices of us (no copies): us[start:i] while adjacent.
	runs := sc.runs[:0]
	start := -1
	flush := func(end int) {
		if start >= 0 {
			cur := us[start:end:end]
			// Trim roles that cannot end or start a term at the edges.
			for len(cur) > 0 && cur[0].role == roleSuffix {
				cur = cur[1:]
			}
			for len(cur) > 0 && cur[len(cur)-1].role == rolePrefix {
				cur = cur[:len(cur)-1]
			}
			if len(cur) > 0 && !journalTitle(cur) && !authorName(text, cur) {
				runs = append(runs, cur)
			}
		}
		start = -1
	}
	for i := range us {
		if us[i].role == roleNone {
			flush(i)
			continue
		}
		if start >= 0 {
			prev := &us[i-1]
			// A Chinese verb modifies the noun after it (损伤部位); after a
			// noun it starts a predicate (干细胞|联合|利妥昔单抗).
			if us[i].verb && prev.role != rolePrefix || !adjacent(text, *prev, us[i]) || takesObject(text, us, i) {
				flush(i)
			} else if prev.end < us[i].start {
				us[i].spaced = true
			}
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(us))
	markUses(sc, text, runs)
	sc.units, sc.runs = us, runs
	sc.hwUnits, sc.hwRuns = max(sc.hwUnits, len(us)), max(sc.hwRuns, len(runs))
	return runs
}

// journalTitle reports whether run is an abbreviated journal title of a
// citation (Stem Cell Res Ther, Int J Mol Sci): Latin words only, each
// capitalized, one of them an abbreviation of ISO 4's list of title word
// abbreviations (journalWords). Its words are no occurrence of a term.
func journalTitle(run []unit) bool {
	if len(run) < 2 {
		return false
	}
	abbr := false
	for _, u := range run {
		if !u.latin || u.text[0] < 'A' || u.text[0] > 'Z' {
			return false
		}
		abbr = abbr || journalWords.has(u.text)
	}
	return abbr
}

// journalWords are ISO 4 abbreviations of title words frequent in
// biomedical journal names (LTWA), as written in citations. English words
// that are also abbreviations there (Cell, Front, Arch) are left out.
var journalWords = setOf("Res", "Ther", "Clin", "Immunol", "Rheumatol", "Rev", "Mol", "Sci", "Int", "J", "Med", "Ann", "Adv",
	"Biol", "Exp", "Transl", "Pharmacol", "Biochem", "Biophys", "Genet", "Microbiol", "Oncol", "Hematol", "Cardiol", "Neurol",
	"Endocrinol", "Pathol", "Physiol", "Surg", "Dis", "Rep", "Commun", "Proc", "Natl", "Acad", "Lett", "Curr", "Opin", "Eur",
	"Engl", "Nat", "Regen", "Dermatol", "Nephrol", "Gastroenterol", "Hepatol", "Pediatr", "Orthop", "Cytother", "Semin", "Rheum")

// nextAuthor matches a comma and the next author of a reference list.
var nextAuthor = regexp.MustCompile(`^, ?(et al|\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}+)? [A-Z]{1,3}[,.])`)

// authorName reports whether run is an author of a reference in the
// Vancouver style of medical journals: a capitalized surname and its
// initials (Pignatti E, Jover JA), followed by "et al", by a comma and the
// next author (nextAuthor), or by a full stop after a comma (the last
// author: …, Salvarani C.). Initials are one to three capitals that are no
// roman numeral (Phase I stays); Vitamin D, calcium stays.
func authorName(text string, run []unit) bool {
	if len(run) != 2 || !run[0].latin || !run[1].latin {
		return false
	}
	name, ini := run[0].text, run[1].text
	first, n := utf8.DecodeRuneInString(name)
	second, _ := utf8.DecodeRuneInString(name[n:])
	if !unicode.IsUpper(first) || !unicode.IsLower(second) || len(ini) > 3 || ordinal(ini) {
		return false
	}
	for i := 0; i < len(ini); i++ {
		if ini[i] < 'A' || ini[i] > 'Z' {
			return false
		}
	}
	after := text[run[1].end:]
	switch {
	case strings.HasPrefix(after, " et al"):
		return true
	case strings.HasPrefix(after, ","):
		return nextAuthor.MatchString(after)
	case strings.HasPrefix(after, "."):
		before := strings.TrimRight(text[:run[0].start], " ")
		return strings.HasSuffix(before, ",")
	}
	return false
}

// adjacent reports whether b continues the compound ending with a.
func adjacent(text string, a, b unit) bool {
	if !a.latin && !b.latin && a.lang != b.lang {
		return false // a Japanese and a Chinese word side by side are two words
	}
	if a.end == b.start {
		// Two Latin words glued (can only happen through odd tokenization):
		// fine. Latin followed by CJK or the reverse: one compound (MSC療法).
		return true
	}
	if a.end > b.start || b.start-a.end > 3 {
		return false
	}
	gap := text[a.end:b.start]
	if gap != " " && gap != "\u3000" {
		return false
	}
	// A space joins Latin and CJK units (臍帯由来 MSC, MSC 療法, 抗dsDNA 抗体),
	// and Latin words of one English phrase.
	return a.latin != b.latin || a.latin && b.latin
}

// takesObject reports whether the Chinese verb or verbal noun us[i-1] has
// its object from us[i] on: a Latin word (治疗SLE), or a noun phrase of two
// or more units with no verbal one among the first two (治疗|系统性|红斑狼疮,
// 干细胞治疗|类风湿性|关节炎). A verbal noun before one noun (治疗方法) or
// before a chain of verbal nouns (治疗技术评估) heads a compound instead.
func takesObject(text string, us []unit, i int) bool {
	v, o := us[i-1], us[i]
	if !v.verbal || o.verbal || o.role == roleSuffix || o.lang == tokenize.Japanese {
		return false
	}
	if o.latin {
		return true
	}
	if v.verb && o.allHan && o.end-o.start >= 9 && o.role == roleNoun {
		// A verb before a noun of three characters or more (依靠|体格检查,
		// 移植|干细胞) has its object; verbs modify short heads (损伤部位).
		return true
	}
	if i+1 >= len(us) {
		return false
	}
	n := us[i+1]
	return n.role != roleNone && !n.verbal && !n.latin && adjacent(text, o, n)
}

// nominalVerb reports whether the rarer Chinese verb toks[i] (缓解, 移植)
// is used as a noun: the object of a frequent verb or the head after 的
// (得到缓解, 的缓解), with no noun after it that it could modify; or the
// head after a noun at the end of a phrase (干细胞移植, 细胞凋亡 before
// punctuation; not 组织衍生的, nor a verb of degree or motion: 面积减小); or
// a verb CC-CEDICT also glosses as a noun (v,nominal: 注射, 发病) with no
// noun before or after it. afterNoun reports a noun unit just before it.
func nominalVerb(sc *runScratch, toks []tokenize.Token, ms []int32, i int, afterNoun bool) bool {
	t := &toks[i]
	if t.Lang == tokenize.Japanese {
		return false
	}
	// The end of a phrase: before punctuation or the end.
	phraseEnd := i+1 == len(toks) || toks[i+1].Start != t.End || sc.memo[ms[i+1]].ti.f&fWord == 0
	if len(t.POS) > 1 && t.POS[1] == "nominal" && !afterNoun && phraseEnd {
		return true
	}
	if i == 0 || toks[i-1].End != t.Start {
		return false
	}
	p := &toks[i-1]
	if !(len(p.POS) > 1 && p.POS[0] == "v" && p.POS[1] == "frequent" || zhBase(p) == "的") {
		if !afterNoun || zhPredicate.has(zhBase(t)) {
			return false
		}
		return phraseEnd // only at the end of a phrase
	}
	if i+1 < len(toks) && toks[i+1].Start == t.End {
		if r, _ := classifyMemo(&toks[i+1], &sc.memo[ms[i+1]]); r != roleNone {
			return false
		}
	}
	return true
}

// zhNegated reports whether s starts with a negation (zhNegation).
func zhNegated(s string) bool {
	_, n := utf8.DecodeRuneInString(s)
	return zhNegation.has(s[:n])
}

// zhFunctionEdge reports whether s starts or ends with a character of
// zhFunction, or starts with one of zhPositional.
func zhFunctionEdge(s string) bool {
	_, n := utf8.DecodeRuneInString(s)
	_, m := utf8.DecodeLastRuneInString(s)
	return zhFunction.has(s[:n]) || zhFunction.has(s[len(s)-m:]) || zhPositional.has(s[:n])
}

// zhPredicate are Chinese verbs of change in degree and of motion: after
// a noun they are its predicate (体积增大, 指标下降, 向损伤部位前进), not the
// head of a term.
var zhPredicate = setOf("增大", "减小", "增加", "减少", "增高", "升高", "降低", "下降", "上升", "提高", "增强", "减弱", "加重", "减轻",
	"扩大", "缩小", "递增", "递减", "增多", "变化", "改变", "消失", "恢复", "稳定", "持续",
	"前进", "行进", "移动", "进入", "到达", "返回", "出发", "离开", "行走", "前往")

// zhBase is the simplified form of a Chinese token (its Base; see
// tokenize/zh), or its surface.
func zhBase(t *tokenize.Token) string {
	if t.Base != "" {
		return t.Base
	}
	return t.Surface
}

// morpheme reports gse's tags of bound morphemes (ag, dg, ng, tg, vg, zg:
// 语素), pieces of words its dictionary lacks.
func morpheme(pos []string) bool {
	return len(pos) > 0 && len(pos[0]) == 2 && pos[0][1] == 'g' && pos[0][0] >= 'a' && pos[0][0] <= 'z'
}

// zhFunction are Chinese function and deictic characters (simplified
// forms) that gse may tag as morphemes or nouns (为 "as", 且 "and", 此
// "this"): never part of a term when they stand alone.
var zhFunction = setOf("为", "且", "而", "之", "其", "与", "及", "或", "并", "但", "则", "即", "亦", "又", "也", "于", "以", "被", "把",
	"将", "从", "在", "对", "向", "由", "的", "地", "得", "了", "着", "过", "是", "有", "无", "不", "等", "和", "同", "至", "比", "如", "若", "因", "所", "者",
	"此", "这", "那", "该", "每", "某", "各", "一", "给", "还", "就", "都", "很", "较", "更", "最", "已", "往", "可", "能", "会",
	// Adverbs of negation, time and modality (未见, 仍需, 均可).
	"未", "仍", "均", "曾", "需", "须", "应", "便", "才", "皆",
	// Positions that mark a setting, not a part of a term (过程中, 临床上).
	"中", "上", "里", "处")

// zhNegation are the Chinese negations, function characters that also
// start words (不良, 无菌, 未分化).
var zhNegation = setOf("不", "无", "未")

// zhSelfPrefixes are Chinese pronouns of self and sameness that jieba tags
// r but that are bound prefixes of terms: 自身免疫 (autoimmunity), 自我更新
// (self-renewal), 同种异体 (allogeneic).
var zhSelfPrefixes = setOf("自身", "自我", "同种", "异种")

// zhPositional are the Chinese positional characters of terms such as
// 关节内注射, 细胞外基质, 移植后 (内, 外, 前, 后, 下): inside a term only.
var zhPositional = setOf("内", "外", "前", "后", "下")

// functionPOS reports kagome tags of function words, which a lone han
// character keeps even between han neighbours.
func functionPOS(pos []string) bool {
	if len(pos) == 0 {
		return false
	}
	switch pos[0] {
	case "助詞", "助動詞", "記号", "接続詞", "副詞", "連体詞", "感動詞":
		return true
	}
	return false
}

// dotPOS is the tag of the dots splitDots cuts out.
var dotPOS = []string{"記号"} // shared, never modified

// splitDots splits tokens at the middle dot ・ (and its half-width form),
// which separates list items (エンドトキシン・マイコプラズマ); the dot itself
// becomes a symbol token. ms are the memos of toks; splitDots returns
// those of its output.
func splitDots(sc *runScratch, toks []tokenize.Token, ms []int32) ([]tokenize.Token, []int32) {
	out, outMs := sc.toks[:0], sc.msx[:0]
	piece := func(t tokenize.Token) {
		out = append(out, t)
		outMs = append(outMs, sc.memoOf(t.Surface))
	}
	for k, t := range toks {
		if sc.memo[ms[k]].ti.f&fDot == 0 || t.Surface == "・" || t.Surface == "･" {
			out = append(out, t)
			outMs = append(outMs, ms[k])
			continue
		}
		off := t.Start
		rest := t.Surface
		for rest != "" {
			i := strings.IndexAny(rest, "・･")
			if i < 0 {
				piece(tokenize.Token{Surface: rest, Start: off, End: off + len(rest), Base: rest, POS: t.POS, Lang: t.Lang})
				break
			}
			if i > 0 {
				piece(tokenize.Token{Surface: rest[:i], Start: off, End: off + i, Base: rest[:i], POS: t.POS, Lang: t.Lang})
			}
			_, w := utf8.DecodeRuneInString(rest[i:])
			piece(tokenize.Token{Surface: rest[i : i+w], Start: off + i, End: off + i + w, POS: dotPOS, Lang: t.Lang})
			off += i + w
			rest = rest[i+w:]
		}
	}
	sc.toks, sc.msx = out, outMs
	sc.hwToks = max(sc.hwToks, len(out))
	return out, outMs
}

// counter reports kagome's tag for counters (回, 件, 年, 週).
func counter(pos []string) bool {
	return len(pos) > 2 && pos[2] == "助数詞"
}

// predicateUse reports whether the verbal noun toks[i] (名詞,サ変接続) is
// the predicate of a clause with its object: it stands alone between を
// and a form of する or できる (薬を中止する, 作用を発揮し). So used it names
// an action of the sentence, not a concept. Intransitive uses are not
// counted so: a process that happens to the body (痛みが再発する, 細胞が
// 分化する) is what medical terms of process name.
func predicateUse(toks []tokenize.Token, i int) bool {
	t := &toks[i]
	if len(t.POS) < 2 || t.POS[0] != "名詞" || t.POS[1] != "サ変接続" || i == 0 || i+1 >= len(toks) {
		return false
	}
	p, n := &toks[i-1], &toks[i+1]
	if n.Start != t.End || len(n.POS) == 0 || n.POS[0] != "動詞" || n.Base != "する" && n.Base != "できる" {
		return false
	}
	return p.End == t.Start && len(p.POS) > 0 && p.POS[0] == "助詞" && p.Surface == "を"
}

// careHeads are heads of care and measures taken for a condition: after
// the name of a disease they make a phrase (リウマチ治療 "treatment of RA"),
// while after a method they name a kind of treatment (幹細胞治療, 薬物療法).
var careHeads = setOf("治療", "療法", "対策")

// personHeads are the person nouns whose modifier names a condition
// (リウマチ患者: リウマチ is a disease).
var personHeads = setOf("患者", "患者さん", "患者様")

// markUses sets the flags of units that depend on how the chunk uses
// their words elsewhere.
//
// objOf, on the care heads (careHeads) of modifiers the chunk also uses
// as a condition: before a person noun (関節リウマチ患者, personHeads) or
// as the object of the care head itself (難病の治療, 疼痛に対する治療). A
// condition + 治療 is the treatment of the condition, a phrase, not a kind
// of treatment (関節リウマチ治療 against 幹細胞治療, 薬物療法). Modifiers
// ending with a general noun (従来の治療, 通常の治療) name no condition.
//
// predicate is cleared on words the document also uses inside compounds
// (投与 of 投与量, 静脈投与): a word that forms terms with others is a term
// of the text however else it is used (薬を投与する), while general verbs
// of action (中止, 発揮, 攻撃) stand alone.
//
// Only the document's chunks up to this one are seen (most documents are
// one chunk).
func markUses(sc *runScratch, text string, runs [][]unit) {
	cond := func(mod []unit) {
		if sc.conds == nil {
			sc.conds = make(map[string]struct{})
		}
		for i := range mod {
			if mod[i].role == roleSuffix {
				continue
			}
			sc.join = joinUnits(sc.join[:0], mod[i:])
			sc.conds[string(sc.join)] = struct{}{}
		}
	}
	care, pred := false, false
	for r, run := range runs {
		if len(run) == 1 {
			pred = pred || run[0].predicate
		}
		for k := range run {
			m := &sc.memo[run[k].memo]
			if len(run) > 1 {
				m.compounded = true
			}
			if k > 0 && m.person {
				cond(run[:k])
			}
			care = care || k > 0 && m.care
		}
		if r+1 < len(runs) && careRun(sc, runs[r+1]) && !run[len(run)-1].general {
			a, b := run[len(run)-1].end, runs[r+1][0].start
			if a < b && b-a <= len("に対する") {
				if gap := text[a:b]; gap == "の" || gap == "に対する" || gap == "への" {
					cond(run)
				}
			}
		}
	}
	if pred {
		for _, run := range runs {
			if len(run) == 1 && run[0].predicate && sc.memo[run[0].memo].compounded {
				run[0].predicate = false
			}
		}
	}
	if !care || len(sc.conds) == 0 {
		return
	}
	for _, run := range runs {
		for k := 1; k < len(run); k++ {
			if !sc.memo[run[k].memo].care {
				continue
			}
			for n := 1; n <= k && n < 8; n++ {
				sc.join = joinUnits(sc.join[:0], run[k-n:k])
				if _, ok := sc.conds[string(sc.join)]; ok {
					run[k].objOf |= 1 << n
				}
			}
		}
	}
}

// careRun reports whether run is a care head, alone or with a suffix
// (治療, 治療法): after の it takes the condition treated (難病の治療); in
// a longer run (幹細胞の治療効果) the modifier may be the agent.
func careRun(sc *runScratch, run []unit) bool {
	return sc.memo[run[0].memo].care && (len(run) == 1 || len(run) == 2 && run[1].role == roleSuffix)
}

// joinUnits appends the texts of us to buf.
func joinUnits(buf []byte, us []unit) []byte {
	for i := range us {
		buf = append(buf, us[i].text...)
	}
	return buf
}

// termWeight scales the score of a candidate of units (collection ids,
// keys by id). A compound of general nouns and affixes only (日本国内,
// 社会生活, 改善効果) is mostly a free phrase of general language: it
// ranks below the compounds that hold a specific word
// (generalCompoundPenalty). A few are lexicalised terms (品質管理,
// 身体機能), so they stay candidates: rejecting them cost recall (see
// docs/extract.md). generic caches, per unit id, whether a key is a
// general noun or an affix (0: not yet known, 1: it is, 2: it is not).
func termWeight(keys []string, units []int32, generic []int8) float64 {
	if len(units) < 2 {
		return 1
	}
	for _, u := range units {
		g := generic[u]
		if g == 0 {
			k := keys[u]
			g = 2
			if isGeneral(k) || boundSuffixes.has(k) || boundPrefixes.has(k) {
				g = 1
			}
			generic[u] = g
		}
		if g == 2 {
			return 1
		}
	}
	return generalCompoundPenalty
}

// generalCompoundPenalty scales the score of compounds of general nouns
// (termWeight): on the dev set 0.3 and 0.5 keep the same terms in each
// article's top 50, 0.3 also drops 改善効果 (P@50 0.860 → 0.864).
const generalCompoundPenalty = 0.3

// adjectivalUse reports whether toks[i] ends a word used as an adjective:
// followed by the copula な (重篤な副作用, 安全な治療). Grading and
// evaluative words are used so (kagome splits some: 重|篤); a noun a
// glossary lists is named as a noun elsewhere in the text.
func adjectivalUse(toks []tokenize.Token, i int) bool {
	if i+1 >= len(toks) || toks[i].Lang != tokenize.Japanese {
		return false
	}
	n := &toks[i+1]
	return n.Start == toks[i].End && n.Surface == "な" && len(n.POS) > 0 && n.POS[0] == "助動詞"
}

// deverbalNoun reports whether the verb toks[i] is used as a noun: in its
// continuative form (連用形: こわばる → こわばり, 震える → 震え) right before a
// case particle (こわばりが, むくみを, ふらつきや). Symptoms are named so
// (stiffness, swelling, dizziness), and kagome's dictionary lists many of
// them as verbs only. The form is told from the surface and the base form
// (the dictionary's inflection columns are not loaded, see tokenize/ja):
// the base's final u-row kana turned to the i-row, or the base less る.
func deverbalNoun(toks []tokenize.Token, i int) bool {
	t := &toks[i]
	if t.Lang != tokenize.Japanese || len(t.POS) < 2 || t.POS[0] != "動詞" || t.POS[1] != "自立" || t.Surface == t.Base || i+1 >= len(toks) {
		return false
	}
	n := &toks[i+1]
	if n.Start != t.End || len(n.POS) == 0 || n.POS[0] != "助詞" || !caseParticles.has(n.Surface) {
		return false
	}
	if p := i - 1; p >= 0 && toks[p].End == t.Start && (toks[p].Surface == "お" || toks[p].Surface == "ご") {
		return false // honorific お困りの方, お持ちの
	}
	s, b := t.Surface, t.Base
	if strings.HasSuffix(b, "る") && s == b[:len(b)-len("る")] && utf8.RuneCountInString(s) >= 2 {
		return true // 一段: 震え of 震える
	}
	sr, ns := utf8.DecodeLastRuneInString(s)
	br, nb := utf8.DecodeLastRuneInString(b)
	return len(s) == len(b) && s[:len(s)-ns] == b[:len(b)-nb] && iRow[br] == sr // 五段: こわばり of こわばる
}

// caseParticles are the particles after which a verb's continuative form
// is a noun (こわばりが, こわばりの程度).
var caseParticles = setOf("が", "を", "は", "も", "や", "と", "の", "に")

// iRow maps the final kana of a 五段 verb's base form to that of its
// continuative form.
var iRow = map[rune]rune{'う': 'い', 'く': 'き', 'ぐ': 'ぎ', 'す': 'し', 'つ': 'ち', 'ぬ': 'に', 'ぶ': 'び', 'む': 'み', 'る': 'り'}

// upperAbbrev reports whether s is two or more ASCII capitals only: an
// abbreviation, not the function word it spells (AS ankylosing
// spondylitis, OR odds ratio).
func upperAbbrev(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// ordinal reports whether s is a number or a roman numeral, with a
// lower-case letter after it and joined by slashes (2, II, IIa, I/IIa, Ⅲ):
// the numbers of phases and grades.
func ordinal(s string) bool {
	for _, part := range strings.Split(s, "/") {
		part = strings.TrimRight(part, "ab")
		if part == "" {
			return false
		}
		for _, r := range part {
			if !('0' <= r && r <= '9' || r == 'I' || r == 'V' || r == 'X' || 0x2160 <= r && r <= 0x217F) {
				return false
			}
		}
	}
	return true
}
