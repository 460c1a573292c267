package align

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
)

var (
	ja = language.Japanese
	zh = language.SimplifiedChinese
	tw = language.TraditionalChinese
	en = language.English
)

var (
	fixtureOnce sync.Once
	fixtureDict *Dictionary
)

// testDict loads the small EDICT and CC-CEDICT fixtures of testdata.
func testDict(t testing.TB) *Dictionary {
	fixtureOnce.Do(func() {
		d := NewDictionary()
		for _, p := range []string{"testdata/edict.txt", "testdata/cedict.txt"} {
			if err := d.LoadFile(p); err != nil {
				t.Fatal(err)
			}
		}
		fixtureDict = d
	})
	return fixtureDict
}

func TestDictionaryFormats(t *testing.T) {
	d := testDict(t)
	tests := []struct {
		lang language.Tag
		head string
		want string
	}{
		{ja, "関節", "joint"},
		{ja, "関節リウマチ", "rheumat arthrit"},
		{ja, "肝ぞう", "liver"},
		{ja, "しびれ", "numbnes"}, // (uk): filed under its reading too
		{ja, "痺れ", "numbnes"},
		{zh, "关节", "joint"},
		{tw, "關節", "joint"},
		{zh, "间充质", "mesench"},
		{zh, "疾病", "sicknes"},
	}
	for _, tt := range tests {
		if g := d.Glosses(tt.lang, tt.head); !containsStr(g, tt.want) {
			t.Errorf("Glosses(%v, %q) = %q; want %q among them", tt.lang, tt.head, g, tt.want)
		}
	}
	if g := d.Glosses(zh, "细胞"); len(g) != 1 {
		t.Errorf("Glosses(zh, 细胞) = %q; want the classifier gloss dropped", g)
	}
	if h := d.Heads(zh, "mesenchyme"); len(h) != 1 || h[0] != "间充质" {
		t.Errorf("Heads(zh, mesenchyme) = %q; want [间充质]", h)
	}
}

func TestDictionaryErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
	}{
		{"no gloss", "# c\n関節 [かんせつ]\n", 2},
		{"cedict one headword", "關節 关节 [guan1 jie2] /joint/\n关节 /joint/\n", 2},
		{"bad utf8", "関節 /joint/\n\xff\xfe /x/\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := NewDictionary().Read(strings.NewReader(tt.in), "d.txt", AutoFormat)
			var de *DictError
			if !errors.As(err, &de) || de.Line != tt.line || de.File != "d.txt" {
				t.Errorf("Read(%q) = %v; want *DictError at d.txt:%d", tt.in, err, tt.line)
			}
		})
	}
}

func TestNormalizeGloss(t *testing.T) {
	tests := []struct{ in, want string }{
		{"(n) (med) rheumatoid arthritis", "rheumat arthrit"},
		{"Rheumatism", "rheumat"},
		{"joint (knee, elbow, etc.)", "joint"},
		{"to treat", "treat"},
		{"Tumours", "tumor"},
		{"anaemia", "anemia"},
		{"stem cells", "stem cell"},
		{"a very long definition that is not a name at all", ""},
	}
	for _, tt := range tests {
		if got := NormalizeGloss(tt.in); got != tt.want {
			t.Errorf("NormalizeGloss(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func newTestAligner(t testing.TB, opts ...Option) *Aligner {
	a, err := New(append([]Option{WithDictionary(testDict(t))}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestRank(t *testing.T) {
	targets := []Term{
		{Text: "关节", Lang: zh}, {Text: "滑膜炎", Lang: zh}, {Text: "间充质干细胞", Lang: zh},
		{Text: "类风湿关节炎", Lang: zh}, {Text: "成骨细胞", Lang: zh}, {Text: "肝脏疾病", Lang: zh},
		{Text: "手纸", Lang: zh}, {Text: "关节炎", Lang: zh}, {Text: "多巴胺", Lang: zh},
	}
	ix := newTestAligner(t).NewIndex(targets)
	tests := []struct {
		src       string
		want      string
		route     Route
		falseFrnd bool
	}{
		{"関節", "关节", RouteCognate, false},
		{"滑膜炎", "滑膜炎", RouteCognate, false},
		{"関節リウマチ", "类风湿关节炎", RouteDictionary, false},
		{"骨芽細胞", "成骨细胞", RouteDictionary, false},
		{"間葉系幹細胞", "间充质干细胞", RouteCompositional, false},
		{"肝臓疾患", "肝脏疾病", RouteCompositional, false},
		{"手紙", "手纸", RouteCognate, true},
		{"ドパミン", "多巴胺", RouteDictionary, false}, // EDICT has ドーパミン
	}
	for _, tt := range tests {
		ls := ix.Rank(Term{Text: tt.src, Lang: ja}, 1)
		if len(ls) == 0 {
			t.Errorf("Rank(%q) = no link; want %s", tt.src, tt.want)
			continue
		}
		l := ls[0]
		if l.Target.Text != tt.want || l.Route != tt.route || l.FalseFriend != tt.falseFrnd {
			t.Errorf("Rank(%q) = %s by %s (false friend %v); want %s by %s (%v)", tt.src, l.Target.Text, l.Route, l.FalseFriend, tt.want, tt.route, tt.falseFrnd)
		}
	}
}

func TestCognateNotStandard(t *testing.T) {
	ix := newTestAligner(t).NewIndex([]Term{{Text: "间叶系干细胞", Lang: zh}, {Text: "生存率", Lang: zh}})
	ls := ix.Rank(Term{Text: "間葉系幹細胞", Lang: ja}, 1)
	if len(ls) != 1 || ls[0].Route != RouteCognate {
		t.Fatalf("Rank(間葉系幹細胞) = %+v; want a cognate link", ls)
	}
	if ls[0].Standard != "" {
		t.Errorf("Standard = %q (%s); want none: the dictionary knows only a part", ls[0].Standard, ls[0].StandardFrom)
	}
	// The dictionary lists another word for the whole meaning.
	ls = ix.Rank(Term{Text: "生存率", Lang: ja}, 1)
	if len(ls) != 1 || ls[0].Standard != "存活率" || ls[0].StandardFrom != "dictionary" {
		t.Errorf("Rank(生存率) = %+v; want the cognate labelled with the dictionary's 存活率", ls)
	}

	// With the dictionary word among the targets, the cognate is labelled
	// and the two stay in one proposal.
	a := newTestAligner(t)
	ps := a.Propose(Input{Terms: []Term{{Text: "間葉系幹細胞", Lang: ja}, {Text: "间叶系干细胞", Lang: zh}, {Text: "间充质干细胞", Lang: zh}}})
	if len(ps) != 1 || len(ps[0].Terms[zh]) != 2 {
		t.Fatalf("Propose = %+v; want one proposal with both zh-Hans terms", ps)
	}
	for _, l := range ps[0].Links {
		if l.Target.Text == "间叶系干细胞" && (l.Standard != "间充质干细胞" || l.StandardFrom != "dictionary") {
			t.Errorf("literal link = %+v; want standard 间充质干细胞 from the dictionary", l)
		}
	}

	// With a glossary, its preferred term is the standard.
	g, err := terms.New(&terms.Concept{ID: "mesenchymal-stem-cell", Terms: map[language.Tag][]terms.Term{
		ja: {{Text: "間葉系幹細胞"}},
		zh: {{Text: "间充质干细胞"}, {Text: "间叶系干细胞", Status: terms.Admitted, Type: terms.Variant}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	ix = newTestAligner(t, WithGlossary(g)).NewIndex([]Term{{Text: "间叶系干细胞", Lang: zh}})
	ls = ix.Rank(Term{Text: "間葉系幹細胞", Lang: ja}, 1)
	if len(ls) != 1 || ls[0].Standard != "间充质干细胞" || ls[0].StandardFrom != "glossary" {
		t.Errorf("with glossary: Rank(間葉系幹細胞) = %+v; want standard 间充质干细胞 from the glossary", ls)
	}
	if ls[0].Route != RouteGlossary {
		t.Errorf("with glossary: route %s; want glossary", ls[0].Route)
	}
}

func TestRoutesOption(t *testing.T) {
	a := newTestAligner(t, Routes(RouteCognate, RouteCompositional))
	ix := a.NewIndex([]Term{{Text: "类风湿关节炎", Lang: zh}, {Text: "关节", Lang: zh}})
	for _, l := range ix.Rank(Term{Text: "関節リウマチ", Lang: ja}, 0) {
		if l.Target.Text == "类风湿关节炎" {
			t.Errorf("cognate only: Rank(関節リウマチ) found 类风湿关节炎 (%+v); only the dictionary knows リウマチ", l)
		}
		if l.Route != RouteCompositional || l.Score > 0.55 {
			t.Errorf("cognate only: Rank(関節リウマチ) = %s %.2f by %s; want at most a weak partial link", l.Target.Text, l.Score, l.Route)
		}
	}
	if ls := ix.Rank(Term{Text: "関節", Lang: ja}, 1); len(ls) != 1 || ls[0].Target.Text != "关节" {
		t.Errorf("cognate only: Rank(関節) = %+v; want 关节", ls)
	}
	// Without the compositional route, only whole-term links remain.
	whole := newTestAligner(t, Routes(RouteCognate)).NewIndex([]Term{{Text: "关节", Lang: zh}, {Text: "间充质干细胞", Lang: zh}})
	if ls := whole.Rank(Term{Text: "間葉系幹細胞", Lang: ja}, 0); len(ls) != 0 {
		t.Errorf("cognate route alone: Rank(間葉系幹細胞) = %+v; want nothing (only a part is cognate)", ls)
	}
	if _, err := New(MinScore(2)); err == nil {
		t.Error("New(MinScore(2)) succeeded; want an error")
	}
	if _, err := ParseRoute("telepathy"); err == nil {
		t.Error("ParseRoute(telepathy) succeeded; want an error")
	}
}

func TestAlignListsOneToOne(t *testing.T) {
	a := newTestAligner(t)
	src := []Term{{Text: "関節", Lang: ja}, {Text: "関節炎", Lang: ja}, {Text: "細胞", Lang: ja}}
	tgt := []Term{{Text: "关节炎", Lang: zh}, {Text: "关节", Lang: zh}, {Text: "细胞", Lang: zh}}
	ls := a.AlignLists(src, tgt)
	got := map[string]string{}
	for _, l := range ls {
		got[l.Source.Text] = l.Target.Text
	}
	want := map[string]string{"関節": "关节", "関節炎": "关节炎", "細胞": "细胞"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("AlignLists: %s → %q; want %q (all: %v)", k, got[k], v, got)
		}
	}
}

func TestMatchesAbbreviation(t *testing.T) {
	tests := []struct {
		short, long string
		want        bool
	}{
		{"MSC", "mesenchymal stem cell", true},
		{"MSCs", "mesenchymal stem cells", true},
		{"RA", "rheumatoid arthritis", true},
		{"DMARD", "disease-modifying antirheumatic drug", true},
		{"RA", "systemic lupus", false},
		{"SLE", "systemic lupus erythematosus", true},
		{"MSC", "MSC", false},
		{"DAS28", "disease activity score 28", true},
		{"UN", "ultrasound synovitis activity", false},
		{"GMP", "good manufacturing practice", true},
		{"QOL", "quality of life", true},
		{"RA", "rheumatoid", false},
	}
	for _, tt := range tests {
		if got := MatchesAbbreviation(tt.short, tt.long); got != tt.want {
			t.Errorf("MatchesAbbreviation(%q, %q) = %v; want %v", tt.short, tt.long, got, tt.want)
		}
	}
}

func TestProposeAnchors(t *testing.T) {
	a := newTestAligner(t)
	ps := a.Propose(Input{
		Terms: []Term{{Text: "間葉系幹細胞", Lang: ja, Freq: 9}, {Text: "间充质干细胞", Lang: zh, Freq: 7}, {Text: "滑膜炎", Lang: ja}, {Text: "滑膜炎", Lang: zh}},
		Abbrevs: []AbbrevPair{
			{Short: "MSC", Long: "間葉系幹細胞", LongEn: "mesenchymal stem cell", Lang: ja},
			{Short: "MSCs", Long: "间充质干细胞", Lang: zh},
		},
	})
	var msc *Proposal
	for i := range ps {
		if len(ps[i].Abbreviations) > 0 {
			msc = &ps[i]
		}
	}
	if msc == nil {
		t.Fatalf("Propose: no proposal with an abbreviation in %+v", ps)
	}
	if got := msc.Terms[zh]; len(got) != 1 || got[0] != "间充质干细胞" {
		t.Errorf("MSC proposal zh-Hans = %q; want [间充质干细胞]", got)
	}
	if got := msc.Terms[en]; len(got) != 1 || got[0] != "mesenchymal stem cell" {
		t.Errorf("MSC proposal en = %q; want the tri-anchor's English long form", got)
	}
	routes := map[Route]bool{}
	for _, l := range msc.Links {
		for _, e := range l.Evidence {
			routes[e.Route] = true
		}
	}
	for _, r := range []Route{RouteAbbreviation, RouteAnchor, RouteCompositional, RouteContext} {
		if !routes[r] {
			t.Errorf("MSC proposal lacks %s evidence: %+v", r, msc.Links)
		}
	}
	if len(ps) != 2 {
		t.Errorf("Propose gave %d proposals; want 2 (MSC and synovitis)", len(ps))
	}
}

func TestApply(t *testing.T) {
	g, err := terms.New(&terms.Concept{ID: "joint", Category: "anatomy", Status: terms.Approved, Terms: map[language.Tag][]terms.Term{
		ja: {{Text: "関節"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	a := newTestAligner(t, WithGlossary(g))
	ps := a.Propose(Input{Terms: []Term{
		{Text: "関節", Lang: ja}, {Text: "关节", Lang: zh},
		{Text: "関節炎", Lang: ja}, {Text: "关节炎", Lang: zh}, {Text: "arthritis", Lang: en},
		{Text: "手紙", Lang: ja}, {Text: "手纸", Lang: zh},
	}})
	res, err := Apply(g, ps)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := g.Concept("joint")
	if p, _ := c.Preferred(ja); p.Text != "関節" {
		t.Errorf("curated ja term changed to %q", p.Text)
	}
	if zt := c.Terms[zh]; len(zt) != 1 || zt[0].Text != "关节" || zt[0].Status != terms.Admitted {
		t.Errorf("joint zh-Hans = %+v; want 关节 admitted", zt)
	}
	if len(res.Added) != 1 || res.Added[0] != "arthritis" {
		t.Fatalf("Added = %v; want [arthritis]", res.Added)
	}
	if len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0], "false friend") {
		t.Errorf("Skipped = %v; want the false friend 手紙/手纸", res.Skipped)
	}
	n, _ := g.Concept("arthritis")
	if n.Status != terms.Candidate || len(n.Terms[zh]) != 1 {
		t.Errorf("new concept = %+v; want a candidate with zh-Hans", n)
	}
	// Applying again changes nothing.
	res, err = Apply(g, ps)
	if err != nil || len(res.Added)+len(res.Extended) != 0 {
		t.Errorf("second Apply = %+v, %v; want no change", res, err)
	}
}

func TestEvaluate(t *testing.T) {
	a := newTestAligner(t)
	pairs := []GoldPair{
		{ID: "joint", Source: "関節", Target: "关节"},
		{ID: "ra", Source: "関節リウマチ", Target: "类风湿关节炎"},
		{ID: "msc", Source: "間葉系幹細胞", Target: "间充质干细胞"},
		{ID: "x", Source: "ヒット", Target: "打带跑"},
		{ID: "empty", Source: "細胞"},
	}
	res := Evaluate(a, ja, zh, pairs, 1)
	if res.Overall.Total != 4 || res.Overall.Answered != 3 || res.Overall.Correct != 3 {
		t.Errorf("Evaluate = %+v; want 3 of 4 answered, all correct", res.Overall)
	}
	if res.ByRoute["cognate"].Correct != 1 || res.ByRoute["dictionary"].Correct != 1 || res.ByRoute["compositional"].Correct != 1 {
		t.Errorf("by route = %+v", res.ByRoute)
	}
	if len(res.Missed) != 1 || res.Missed[0] != "ヒット" {
		t.Errorf("Missed = %v; want [ヒット]", res.Missed)
	}
}

func FuzzDictionaryRead(f *testing.F) {
	f.Add("関節 [かんせつ] /(n) joint/(P)/\n")
	f.Add("關節 关节 [guan1 jie2] /joint (physiology)/\n")
	f.Add("？？？？ /x/\n# c\n\n")
	f.Add("間葉系;間葉(P) [かんよう] /(n) (1) mesenchyme/EntL123/")
	f.Fuzz(func(t *testing.T, s string) {
		d := NewDictionary()
		if err := d.Read(strings.NewReader(s), "f", AutoFormat); err != nil {
			return
		}
		a, err := New(WithDictionary(d))
		if err != nil {
			t.Fatal(err)
		}
		ix := a.NewIndex([]Term{{Text: s, Lang: zh}, {Text: "关节", Lang: zh}})
		ix.Rank(Term{Text: s, Lang: ja}, 3)
	})
}

func TestProposeKeepsLiteralRendering(t *testing.T) {
	g, err := terms.New(&terms.Concept{ID: "mesenchymal-stem-cell", Terms: map[language.Tag][]terms.Term{
		ja: {{Text: "間葉系幹細胞"}},
		zh: {{Text: "间充质干细胞"}, {Text: "间叶系干细胞", Status: terms.Admitted, Type: terms.Variant}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	a := newTestAligner(t, WithGlossary(g))
	ps := a.Propose(Input{Terms: []Term{{Text: "間葉系幹細胞", Lang: ja}, {Text: "间叶系干细胞", Lang: zh}, {Text: "间充质干细胞", Lang: zh}}})
	if len(ps) != 1 {
		t.Fatalf("Propose = %d proposals; want 1: %+v", len(ps), ps)
	}
	p := ps[0]
	if len(p.Terms[zh]) != 2 {
		t.Errorf("zh-Hans terms = %v; want both the standard and the literal rendering", p.Terms[zh])
	}
	for _, l := range p.Links {
		switch l.Target.Text {
		case "间充质干细胞":
			if l.Standard != "" || l.Score < 0.99 {
				t.Errorf("standard link = %+v; want score 1 and no standard flag", l)
			}
		case "间叶系干细胞":
			if l.Standard != "间充质干细胞" || !hasRoute(l, RouteCognate) || l.Score > literalCap {
				t.Errorf("literal link = %+v; want a cognate flagged with standard 间充质干细胞", l)
			}
		}
	}
}
