package extract

import (
	"strings"
	"testing"

	"github.com/medterm/glossary/internal/gold"
	"golang.org/x/text/language"
)

func TestEvaluate(t *testing.T) {
	rows := []gold.TermRow{
		{File: "a.txt", Lang: language.Japanese, Term: "骨芽細胞", Category: "cell"},
		{File: "a.txt", Lang: language.Japanese, Term: "抗CCP 抗体", Category: "molecule"},
		{File: "a.txt", Lang: language.English, Term: "BMP", Category: "molecule"},
		{File: "a.txt", Lang: language.Japanese, Term: "細胞", Category: "common"},
	}
	cands := map[string][]Candidate{"a.txt": {
		{Term: "細胞", Lang: language.Japanese},
		{Term: "bmp", Lang: language.English},
		{Term: "手術室", Lang: language.Japanese},
		{Term: "抗ＣＣＰ抗体", Lang: language.Japanese},
		{Term: "骨芽細胞", Lang: language.Japanese},
	}}
	ex := Evaluate(cands, rows, 3, Exact, true)
	if ex.Overall.GoldSpecific != 3 || ex.Overall.FoundSpecific != 2 {
		t.Errorf("exact recall %d/%d; want 2/3", ex.Overall.FoundSpecific, ex.Overall.GoldSpecific)
	}
	if ex.Overall.Returned != 3 || ex.Overall.Correct != 2 || ex.Overall.CorrectStrict != 1 {
		t.Errorf("exact P@3 = %+v; want 2 correct, 1 strict of 3", ex.Overall)
	}
	if len(ex.Wrong) != 1 || !strings.HasSuffix(ex.Wrong[0], "手術室") {
		t.Errorf("Wrong = %v", ex.Wrong)
	}
	nm := Evaluate(cands, rows, 3, Normalized, false)
	if nm.Overall.FoundSpecific != 3 || nm.Overall.Recall != 1 {
		t.Errorf("normalized recall %+v; want 3/3", nm.Overall)
	}
	if s := ex.ByLang["en"]; s == nil || s.GoldSpecific != 1 || s.FoundSpecific != 1 {
		t.Errorf("en slice = %+v", s)
	}
}

func TestEvaluatePairs(t *testing.T) {
	golds := []PairGold{{File: "a.txt", Short: "BMP", Longs: []string{"骨形成タンパク質", "bone morphogenetic protein"}}, {File: "a.txt", Short: "OPG", Longs: []string{"オステオプロテゲリン"}}}
	pairs := map[string][]Pair{"a.txt": {
		{Kind: Abbreviation, Short: "BMP", Long: "骨形成タンパク質", LongEn: "Bone Morphogenetic Protein"},
		{Kind: Abbreviation, Short: "BMP", Long: "骨形成タンパク質"},
		{Kind: Abbreviation, Short: "RCT", Long: "試験"},
		{Kind: Gloss, Long: "骨", LongEn: "bone"},
	}}
	ps := EvaluatePairs(pairs, golds)
	if ps.Predicted != 3 || ps.Correct != 2 || ps.Found != 1 || ps.Gold != 2 {
		t.Errorf("EvaluatePairs = %+v; want 2/3 correct, 1/2 found", ps)
	}
}

func TestReadPairGold(t *testing.T) {
	g, err := ReadPairGold(strings.NewReader("file\tshort\tlong\na.txt\tBMP\t骨形成タンパク質|bone morphogenetic protein\n"), "p.tsv")
	if err != nil || len(g) != 1 || len(g[0].Longs) != 2 {
		t.Fatalf("ReadPairGold = %+v, %v", g, err)
	}
	if _, err := ReadPairGold(strings.NewReader("file\tshort\tlong\na.txt\tBMP\n"), "p.tsv"); err == nil || !strings.Contains(err.Error(), "p.tsv:2:") {
		t.Errorf("ReadPairGold(short row) error = %v", err)
	}
}
