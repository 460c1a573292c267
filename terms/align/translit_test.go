package align

import "testing"

func TestSkeletons(t *testing.T) {
	tests := []struct {
		kata, en string
		same     bool
	}{
		{"エクソソーム", "exosome", true},
		{"メトトレキサート", "methotrexate", true},
		{"バイオマーカー", "biomarker", true},
		{"ハイドロゲル", "hydrogel", true},
		{"エンドトキシン", "endotoxin", true},
		{"クレアチニン", "creatinine", true},
		{"パンヌス", "pannus", true},
		{"ドナー", "donor", false}, // "dn": too short to count
		{"エクソソーム", "exercise", false},
	}
	for _, tt := range tests {
		k, e := katakanaSkeleton(tt.kata), englishSkeleton(tt.en)
		got := k == e && len(k) >= minSkeleton
		if got != tt.same {
			t.Errorf("skeletons %s=%q, %s=%q: match %v; want %v", tt.kata, k, tt.en, e, got, tt.same)
		}
	}
	if s := katakanaSkeleton("関節"); s != "" {
		t.Errorf("katakanaSkeleton(関節) = %q; want empty", s)
	}
}

func TestRankTransliteration(t *testing.T) {
	a := newTestAligner(t)
	ix := a.NewIndex([]Term{{Text: "exosome", Lang: en}, {Text: "exercise", Lang: en}, {Text: "joint", Lang: en}})
	ls := ix.Rank(Term{Text: "エクソソーム", Lang: ja}, 1)
	if len(ls) != 1 || ls[0].Target.Text != "exosome" || ls[0].Route != RouteTransliteration {
		t.Errorf("Rank(エクソソーム) = %+v; want exosome by transliteration", ls)
	}
}
