package qa

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
)

var (
	ja = language.Japanese
	en = language.English
	zh = language.SimplifiedChinese
)

func testIndex(t *testing.T) *terms.Index {
	t.Helper()
	g, err := terms.New(
		&terms.Concept{ID: "rheumatoid-arthritis", Category: "disease", Status: terms.Approved, Terms: map[language.Tag][]terms.Term{
			ja: {{Text: "関節リウマチ"}},
			en: {{Text: "rheumatoid arthritis"}, {Text: "RA", Status: terms.Admitted, Type: terms.Abbreviation}},
		}},
		&terms.Concept{ID: "mesenchymal-stem-cell", Status: terms.Approved, Terms: map[language.Tag][]terms.Term{
			ja: {{Text: "間葉系幹細胞"}},
			zh: {{Text: "间充质干细胞"}},
			en: {{Text: "mesenchymal stem cell", Plural: "mesenchymal stem cells"}, {Text: "MSC", Status: terms.Admitted, Type: terms.Abbreviation},
				{Text: "marrow stromal cell", Status: terms.Deprecated}},
		}},
		&terms.Concept{ID: "adipose-derived-msc", Status: terms.Approved, Terms: map[language.Tag][]terms.Term{
			ja: {{Text: "脂肪由来間葉系幹細胞"}},
			en: {{Text: "adipose-derived mesenchymal stem cell"}},
		}},
		&terms.Concept{ID: "secretome", Status: terms.Candidate, Terms: map[language.Tag][]terms.Term{
			ja: {{Text: "培養上清"}},
			en: {{Text: "conditioned medium"}},
		}},
		&terms.Concept{ID: "synovium", Status: terms.Approved, Terms: map[language.Tag][]terms.Term{
			ja: {{Text: "滑膜"}},
		}},
	)
	if err != nil {
		t.Fatal(err)
	}
	return terms.NewIndex(g)
}

// summary renders findings as kind:concept:source-or-target text.
func summary(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		h := f.Source
		if f.Kind == Avoid {
			h = f.Target
		}
		out = append(out, f.Kind.String()+":"+f.Concept.ID+":"+h.Text)
	}
	return out
}

func TestCheck(t *testing.T) {
	c, err := New(testIndex(t), ja, en)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, src, tgt string
		want           []string
	}{
		{"rendered", "関節リウマチの患者に間葉系幹細胞を投与した。", "Mesenchymal stem cells were given to patients with rheumatoid arthritis.", nil},
		{"admitted, full width", "関節リウマチの患者", "ＲＡ patients", nil},
		{"missing, once per concept", "関節リウマチと関節リウマチ", "an autoimmune disease", []string{"missing:rheumatoid-arthritis:関節リウマチ"}},
		{"deprecated instead", "間葉系幹細胞を投与", "marrow stromal cells were given", []string{"avoid:mesenchymal-stem-cell:marrow stromal cells"}},
		{"deprecated beside the preferred", "間葉系幹細胞", "MSCs (formerly marrow stromal cells)", []string{"avoid:mesenchymal-stem-cell:marrow stromal cells"}},
		{"longest in the source", "脂肪由来間葉系幹細胞", "mesenchymal stem cells", []string{"missing:adipose-derived-msc:脂肪由来間葉系幹細胞"}},
		{"inside a longer target term", "間葉系幹細胞", "adipose-derived mesenchymal stem cells", nil},
		{"candidate concept", "培養上清", "the supernatant", nil},
		{"no target term", "滑膜", "the lining of the joint", nil},
		{"Latin in the source", "MSCを投与", "cells were given", nil},
	} {
		if got := summary(c.Check(0, tc.src, tc.tgt)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q → %q: got %q; want %q", tc.name, tc.src, tc.tgt, got, tc.want)
		}
	}
}

func TestCheckFields(t *testing.T) {
	c, _ := New(testIndex(t), ja, en)
	src := "患者の関節リウマチ"
	fs := c.Check(7, src, "arthritis")
	if len(fs) != 1 {
		t.Fatalf("got %d findings; want 1", len(fs))
	}
	f := fs[0]
	if f.Segment != 7 || f.Target != nil || src[f.Source.Start:f.Source.End] != "関節リウマチ" {
		t.Errorf("finding %+v", f)
	}
	if got := strings.Join(f.Want, "|"); got != "rheumatoid arthritis|RA" {
		t.Errorf("want %q; want preferred first: rheumatoid arthritis|RA", got)
	}
	fs = c.Check(0, "間葉系幹細胞", "marrow stromal cell")
	if len(fs) != 1 || fs[0].Source != nil || strings.Join(fs[0].Want, "|") != "mesenchymal stem cell|MSC" {
		t.Errorf("avoid finding %+v", fs)
	}
}

// The target language decides: the same source checked into Chinese.
func TestCheckChinese(t *testing.T) {
	c, _ := New(testIndex(t), ja, zh)
	if got := summary(c.Check(0, "間葉系幹細胞と関節リウマチ", "间充质干细胞")); len(got) != 0 {
		t.Errorf("got %q; want nothing (rheumatoid-arthritis has no zh-Hans term here)", got)
	}
	if got := summary(c.Check(0, "間葉系幹細胞", "干细胞")); !slices.Equal(got, []string{"missing:mesenchymal-stem-cell:間葉系幹細胞"}) {
		t.Errorf("got %q", got)
	}
}

func TestMinChars(t *testing.T) {
	g, err := terms.New(&terms.Concept{ID: "drug", Status: terms.Approved, Terms: map[language.Tag][]terms.Term{
		ja: {{Text: "薬"}}, en: {{Text: "drug"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	src, tgt := "阻害薬を使う", "an inhibitor is used"
	all, _ := New(terms.NewIndex(g), ja, en)
	two, _ := New(terms.NewIndex(g), ja, en, MinChars(2))
	if got := summary(all.Check(0, src, tgt)); !slices.Equal(got, []string{"missing:drug:薬"}) {
		t.Errorf("without MinChars: %q", got)
	}
	if got := summary(two.Check(0, src, tgt)); len(got) != 0 {
		t.Errorf("MinChars(2): %q; want nothing", got)
	}
}

func TestSkipCategories(t *testing.T) {
	c, _ := New(testIndex(t), ja, en, SkipCategories("disease"))
	if got := summary(c.Check(0, "関節リウマチと間葉系幹細胞", "arthritis and marrow stromal cells")); !slices.Equal(got, []string{"avoid:mesenchymal-stem-cell:marrow stromal cells"}) {
		t.Errorf("got %q; want only the mesenchymal-stem-cell finding", got)
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New(nil, ja, en); err == nil {
		t.Error("nil index accepted")
	}
	if _, err := New(testIndex(t), en, en); err == nil {
		t.Error("same source and target language accepted")
	}
}
