package terms

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// testGlossary is a small glossary of real medical terms and variants,
// written for these tests.
func testGlossary(t testing.TB) *Glossary {
	t.Helper()
	pref := func(s string) Term { return Term{Text: s} }
	adm := func(s string, ty TermType) Term { return Term{Text: s, Status: Admitted, Type: ty} }
	cs := []*Concept{
		{ID: "mesenchymal-stem-cell", Category: "cell", Terms: map[language.Tag][]Term{
			Japanese:           {pref("間葉系幹細胞"), adm("間葉系間質細胞", Variant)},
			SimplifiedChinese:  {pref("间充质干细胞"), adm("间叶系干细胞", Variant)},
			TraditionalChinese: {pref("間質幹細胞")},
			English:            {{Text: "mesenchymal stem cell", Plural: "mesenchymal stem cells"}, {Text: "MSC", Status: Admitted, Type: Abbreviation, Plural: "MSCs"}},
		}},
		{ID: "rheumatoid-arthritis", Category: "disease", Terms: map[language.Tag][]Term{
			Japanese:           {pref("関節リウマチ"), adm("リウマチ", Variant)},
			SimplifiedChinese:  {pref("类风湿关节炎")},
			TraditionalChinese: {pref("類風濕性關節炎")},
			English:            {pref("rheumatoid arthritis"), adm("RA", Abbreviation)},
		}},
		{ID: "joint", Category: "anatomy", Terms: map[language.Tag][]Term{
			Japanese:           {pref("関節")},
			SimplifiedChinese:  {pref("关节")},
			TraditionalChinese: {pref("關節")},
			English:            {pref("joint")},
		}},
		{ID: "dmard", Category: "drug", Terms: map[language.Tag][]Term{
			Japanese: {pref("抗リウマチ薬")},
			English:  {pref("disease-modifying antirheumatic drug"), adm("DMARD", Abbreviation)},
		}},
		{ID: "tnf-alpha", Category: "molecule", Terms: map[language.Tag][]Term{
			Japanese: {pref("腫瘍壊死因子α")},
			English:  {pref("tumor necrosis factor alpha"), adm("TNF-α", Abbreviation)},
		}},
		{ID: "synovitis", Category: "disease", Terms: map[language.Tag][]Term{
			Japanese:           {pref("滑膜炎")},
			SimplifiedChinese:  {pref("滑膜炎")},
			TraditionalChinese: {pref("滑膜炎")},
			English:            {pref("synovitis")},
		}},
		{ID: "virus", Category: "concept", Terms: map[language.Tag][]Term{
			Japanese: {pref("ウイルス")},
			English:  {pref("virus")},
		}},
		{ID: "heparin-lock", Category: "procedure", Terms: map[language.Tag][]Term{
			Japanese: {pref("ヘパリンロック")},
		}},
	}
	g, err := New(cs...)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// testReadings stands in for a morphological analyser's readings.
func testReadings(s string) string {
	return map[string]string{"関節リウマチ": "カンセツリウマチ", "関節": "カンセツ"}[s]
}

func TestLookupRungs(t *testing.T) {
	x := NewIndex(testGlossary(t), WithReadings(testReadings))
	tests := []struct {
		q    string
		id   string
		rung Rung
		lang language.Tag
	}{
		// exact
		{"間葉系幹細胞", "mesenchymal-stem-cell", Exact, Japanese},
		{"间叶系干细胞", "mesenchymal-stem-cell", Exact, SimplifiedChinese},
		{"間質幹細胞", "mesenchymal-stem-cell", Exact, TraditionalChinese},
		{"MSC", "mesenchymal-stem-cell", Exact, English},
		{"TNF-α", "tnf-alpha", Exact, English},
		// normalized: width, case, separators, Greek, plurals
		{"ＭＳＣ", "mesenchymal-stem-cell", Normalized, English},
		{"msc", "mesenchymal-stem-cell", Normalized, English},
		{"MSCs", "mesenchymal-stem-cell", Normalized, English},
		{"ＭＳＣｓ", "mesenchymal-stem-cell", Normalized, English},
		{"Mesenchymal Stem Cells", "mesenchymal-stem-cell", Normalized, English},
		{"mesenchymal-stem-cell", "mesenchymal-stem-cell", Normalized, English},
		{"MesenchymalStemCell", "mesenchymal-stem-cell", Normalized, English},
		{"DMARDs", "dmard", Normalized, English},
		{"TNF-alpha", "tnf-alpha", Normalized, English},
		{"TNFα", "tnf-alpha", Normalized, English},
		{"tnf alpha", "tnf-alpha", Normalized, English},
		{"ＴＮＦ－α", "tnf-alpha", Normalized, English},
		{"Rheumatoid Arthritis", "rheumatoid-arthritis", Normalized, English},
		{"ﾘｳﾏﾁ", "rheumatoid-arthritis", Normalized, Japanese},
		// han-folded
		{"間葉系幹細胞", "mesenchymal-stem-cell", Exact, Japanese},
		{"间叶系幹細胞", "mesenchymal-stem-cell", HanFolded, Japanese},
		{"間充質幹細胞", "mesenchymal-stem-cell", HanFolded, SimplifiedChinese},
		{"间质干细胞", "mesenchymal-stem-cell", HanFolded, TraditionalChinese},
		{"關節リウマチ", "rheumatoid-arthritis", HanFolded, Japanese},
		{"类风湿關節炎", "rheumatoid-arthritis", HanFolded, SimplifiedChinese},
		{"関節", "joint", Exact, Japanese},
		{"关节", "joint", Exact, SimplifiedChinese},
		// kana-folded and readings
		{"りうまち", "rheumatoid-arthritis", KanaFolded, Japanese},
		{"かんせつリウマチ", "rheumatoid-arthritis", KanaFolded, Japanese},
		{"ｶﾝｾﾂﾘｳﾏﾁ", "rheumatoid-arthritis", KanaFolded, Japanese},
		{"ウィルス", "virus", KanaFolded, Japanese},
		{"へぱりんろっく", "heparin-lock", KanaFolded, Japanese},
		// prefix
		{"間葉系幹", "mesenchymal-stem-cell", Prefix, Japanese},
		{"mesenchymal st", "mesenchymal-stem-cell", Prefix, English},
		{"类风湿", "rheumatoid-arthritis", Prefix, SimplifiedChinese},
		// fuzzy
		{"Messenchymal StemCell", "mesenchymal-stem-cell", Fuzzy, English},
		{"rheumatiod arthritis", "rheumatoid-arthritis", Fuzzy, English},
		{"間葉系幹細抱", "mesenchymal-stem-cell", Fuzzy, Japanese},
		{"synovits", "synovitis", Fuzzy, English},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			ms := x.Lookup(tt.q)
			if len(ms) == 0 {
				t.Fatalf("Lookup(%q) = none; want %s (%s)", tt.q, tt.id, tt.rung)
			}
			m := ms[0]
			if m.Concept.ID != tt.id || m.Rung != tt.rung || m.Lang != tt.lang {
				t.Errorf("Lookup(%q)[0] = %s %s %s (%q); want %s %s %s", tt.q, m.Concept.ID, m.Rung, m.Lang, m.Term.Text, tt.id, tt.rung, tt.lang)
			}
			if m.Score <= 0 || m.Score > 1 {
				t.Errorf("Lookup(%q)[0].Score = %v; want in (0, 1]", tt.q, m.Score)
			}
		})
	}
}

func TestLookupNoMatch(t *testing.T) {
	x := NewIndex(testGlossary(t))
	for _, q := range []string{"", "   ", "xyzzy", "心筋梗塞", "a"} {
		if ms := x.Lookup(q); len(ms) != 0 {
			t.Errorf("Lookup(%q) = %v; want none", q, describe(ms))
		}
	}
}

func TestLookupOrder(t *testing.T) {
	x := NewIndex(testGlossary(t))
	// Exact stops the ladder; AllRungs goes on and ranks by rung.
	if ms := x.Lookup("関節"); len(ms) != 1 {
		t.Errorf("Lookup(関節) = %v; want only joint", describe(ms))
	}
	ms := x.Lookup("関節", AllRungs())
	if len(ms) < 2 || ms[0].Concept.ID != "joint" || ms[1].Rung != Prefix || ms[1].Concept.ID != "rheumatoid-arthritis" {
		t.Errorf("Lookup(関節, AllRungs) = %v; want joint then rheumatoid-arthritis by prefix", describe(ms))
	}
	for i := 1; i < len(ms); i++ {
		if ms[i-1].Rung > ms[i].Rung || ms[i-1].Rung == ms[i].Rung && ms[i-1].Score < ms[i].Score {
			t.Errorf("Lookup(関節, AllRungs) not ordered: %v", describe(ms))
		}
	}
	if ms := x.Lookup("滑膜炎"); len(ms) != 1 || ms[0].Lang != Japanese {
		t.Errorf("Lookup(滑膜炎) = %v; want one match in ja", describe(ms))
	}
	if ms := x.Lookup("MSC", InLanguages(Japanese)); len(ms) != 0 {
		t.Errorf("Lookup(MSC, InLanguages(ja)) = %v; want none", describe(ms))
	}
	if ms := x.Lookup("Messenchymal StemCell", Through(KanaFolded)); len(ms) != 0 {
		t.Errorf("Lookup(Messenchymal StemCell, Through(KanaFolded)) = %v; want none", describe(ms))
	}
	if ms := x.Lookup("間葉系幹", Limit(0), AllRungs()); len(ms) != 1 {
		t.Errorf("Lookup(間葉系幹) = %v; want 1", describe(ms))
	}
}

func TestParseRung(t *testing.T) {
	for r := Exact; r <= Fuzzy; r++ {
		got, err := ParseRung(r.String())
		if err != nil || got != r {
			t.Errorf("ParseRung(%q) = %v, %v; want %v", r.String(), got, err, r)
		}
	}
	if _, err := ParseRung("close"); err == nil || !strings.HasPrefix(err.Error(), "terms: ") {
		t.Errorf("ParseRung(close) error = %v; want a terms: error", err)
	}
}

func TestOSA(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"abc", "acb", 1}, {"messenchymal", "mesenchymal", 1},
		{"kitten", "sitting", 3}, {"間葉系幹細胞", "間質幹細胞", 2},
		{"ab", "ba", 1}, {"abcd", "badc", 2}, {"ca", "abc", 3}, {"a", "", 1}, {"", "ab", 2},
		{"rheumatiodarthritis", "rheumatoidarthritis", 1}, {"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl", "bacdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk", 2},
	}
	var rows [3][]int
	for _, tt := range tests {
		if got := osa([]rune(tt.a), []rune(tt.b), 5, &rows); got != tt.want {
			t.Errorf("osa(%q, %q) = %d; want %d", tt.a, tt.b, got, tt.want)
		}
	}
	var p peq
	for _, tt := range tests {
		p.init([]rune(tt.a))
		if got := p.distance([]rune(tt.b)); got != tt.want {
			t.Errorf("peq(%q).distance(%q) = %d; want %d", tt.a, tt.b, got, tt.want)
		}
	}
	if got := osa([]rune("kitten"), []rune("sitting"), 1, &rows); got <= 1 {
		t.Errorf("osa(kitten, sitting, max 1) = %d; want > 1", got)
	}
}

func describe(ms []Match) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("%s/%s/%s/%q/%.2f", m.Concept.ID, m.Rung, m.Lang, m.Term.Text, m.Score))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// FuzzEditDistance checks the bit-parallel distance against the
// dynamic-programming one.
func FuzzEditDistance(f *testing.F) {
	f.Add("messenchymal", "mesenchymal")
	f.Add("間葉系幹細胞", "間質幹細胞")
	f.Add("abcd", "badc")
	f.Fuzz(func(t *testing.T, a, b string) {
		ra, rb := []rune(a), []rune(b)
		if len(ra) > 64 {
			return
		}
		var rows [3][]int
		want := osa(ra, rb, len(ra)+len(rb), &rows)
		var p peq
		p.init(ra)
		if got := p.distance(rb); got != want {
			t.Errorf("peq(%q).distance(%q) = %d; osa = %d", a, b, got, want)
		}
	})
}

// TestLookupConcurrent runs lookups and scans from several goroutines on
// one index (the lazy structures are built under sync.Once; run with
// -race).
func TestLookupConcurrent(t *testing.T) {
	x := NewIndex(testGlossary(t))
	qs := []string{"間葉系幹細胞", "Messenchymal StemCell", "間葉系幹", "ＭＳＣｓ", "かんせつリウマチ", "synovits"}
	done := make(chan []string)
	for g := 0; g < 4; g++ {
		go func() {
			var ids []string
			for _, q := range qs {
				if ms := x.Lookup(q); len(ms) > 0 {
					ids = append(ids, ms[0].Concept.ID)
				}
			}
			ids = append(ids, fmt.Sprint(len(x.Scan("関節リウマチにMSCs"))))
			done <- ids
		}()
	}
	first := strings.Join(<-done, " ")
	for g := 1; g < 4; g++ {
		if got := strings.Join(<-done, " "); got != first {
			t.Errorf("goroutine results differ: %q vs %q", got, first)
		}
	}
}
