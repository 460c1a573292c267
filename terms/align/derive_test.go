package align

import (
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
)

// derivedGlossary has compounds that teach part pairs: インターロイキン =
// 白细胞介素 (from interleukin-17), クレアチニン = 肌酐 (from the urine
// protein ratio, through the cognates 尿蛋白 and 比), and one whose gap on
// the Japanese side is Han, which must teach nothing (慢性 = 桥本).
func derivedGlossary(t testing.TB) *terms.Glossary {
	t.Helper()
	c := func(id, j, z string) *terms.Concept {
		return &terms.Concept{ID: id, Terms: map[language.Tag][]terms.Term{ja: {{Text: j}}, zh: {{Text: z}}}}
	}
	g, err := terms.New(
		c("interleukin-17", "インターロイキン-17", "白细胞介素-17"),
		c("upcr", "尿蛋白クレアチニン比", "尿蛋白肌酐比"),
		c("hashimoto", "慢性甲状腺炎", "桥本甲状腺炎"),
	)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestMineDerived(t *testing.T) {
	a := newTestAligner(t, WithGlossary(derivedGlossary(t)))
	tests := []struct {
		side, run string
		want      []string
	}{
		{"j", "インターロイキン", []string{"インターロイキン=白细胞介素"}},
		{"z", "白细胞介素", []string{"インターロイキン=白细胞介素"}},
		{"j", "クレアチニン", []string{"クレアチニン=肌酐"}},
		{"j", "慢性", nil}, // a Han gap: not a loanword
		{"z", "桥本", nil},
	}
	for _, tt := range tests {
		if got := a.derived[tt.side+tt.run]; !slices.Equal(got, tt.want) {
			t.Errorf("derived[%s %s] = %q; want %q", tt.side, tt.run, got, tt.want)
		}
	}
	if b := newTestAligner(t); b.derived != nil {
		t.Errorf("without a glossary: derived = %v; want nil", b.derived)
	}
	if b := newTestAligner(t, WithGlossary(derivedGlossary(t)), Routes(RouteCognate, RouteCompositional)); b.derived != nil {
		t.Errorf("derived route off: derived = %v; want nil", b.derived)
	}
}

func TestDerivedRoute(t *testing.T) {
	tests := []struct {
		src, want string
		tgts      []string
	}{
		// katakana part + number, the katakana part known only from
		// another compound of the glossary
		{"インターロイキン-6", "白细胞介素-6", []string{"白细胞-6", "白细胞介素-6", "肌酐"}},
		{"クレアチニン", "肌酐", []string{"白细胞介素", "肌酐"}},
		{"クレアチニン値", "肌酐值", []string{"肌酐值", "血糖值"}},
	}
	a := newTestAligner(t, WithGlossary(derivedGlossary(t)))
	for _, tt := range tests {
		var ts []Term
		for _, x := range tt.tgts {
			ts = append(ts, Term{Text: x, Lang: zh})
		}
		ls := a.NewIndex(ts).Rank(Term{Text: tt.src, Lang: ja}, 1)
		if len(ls) != 1 || ls[0].Target.Text != tt.want {
			t.Errorf("Rank(%s) = %+v; want %s", tt.src, ls, tt.want)
			continue
		}
		found := false
		for _, e := range ls[0].Evidence {
			if e.Route == RouteDerived {
				found = true
			}
			for _, p := range e.Parts {
				if p.Route == RouteDerived {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("Rank(%s) = %+v; want derived evidence", tt.src, ls[0])
		}
	}
	// Without the route, the loanword is not reached.
	b := newTestAligner(t, WithGlossary(derivedGlossary(t)), Routes(RouteGlossary, RouteCognate, RouteDictionary, RouteCompositional))
	if ls := b.NewIndex([]Term{{Text: "肌酐", Lang: zh}}).Rank(Term{Text: "クレアチニン", Lang: ja}, 1); len(ls) != 0 {
		t.Errorf("derived route off: Rank(クレアチニン) = %+v; want nothing", ls)
	}
}

// TestGlossaryRungs checks that glossary evidence comes from the exact,
// normalized, han- and kana-folded rungs of terms.Index, never from prefix
// or fuzzy matches.
func TestGlossaryRungs(t *testing.T) {
	g, err := terms.New(&terms.Concept{ID: "ra", Terms: map[language.Tag][]terms.Term{
		ja: {{Text: "関節リウマチ"}},
		zh: {{Text: "类风湿关节炎"}},
		en: {{Text: "rheumatoid arthritis", Plural: "rheumatoid arthritides"}, {Text: "RA", Status: terms.Admitted, Type: terms.Abbreviation}},
	}}, &terms.Concept{ID: "bad", Terms: map[language.Tag][]terms.Term{
		ja: {{Text: "悪い用語", Status: terms.Forbidden}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	a := newTestAligner(t, WithGlossary(g))
	tests := []struct {
		lang language.Tag
		q    string
		want bool
	}{
		{ja, "関節リウマチ", true},               // exact
		{ja, "関節 リウマチ", true},              // normalized (separator)
		{ja, "關節リウマチ", true},               // han-folded
		{ja, "関節りうまち", true},               // kana-folded
		{en, "Rheumatoid-Arthritis", true}, // normalized
		{ja, "関節リウ", false},                // prefix: not evidence
		{ja, "関節リウマテ", false},              // fuzzy: not evidence
		{zh, "関節リウマチ", false},              // another language
		{ja, "悪い用語", false},                // forbidden
	}
	for _, tt := range tests {
		got := len(a.glossConcepts(tt.lang, tt.q)) > 0
		if got != tt.want {
			t.Errorf("glossConcepts(%s, %q) found = %v; want %v", tt.lang, tt.q, got, tt.want)
		}
	}
}
