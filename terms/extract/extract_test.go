package extract

import (
	"strings"
	"testing"

	"github.com/medterm/glossary/terms"
	"github.com/medterm/glossary/tokenize"
	"golang.org/x/text/language"
)

// fixtureTok tokenizes by a fixed list of "surface/POS,POS" items, with
// "/base" after them where the base form differs: it finds each surface
// in turn in the text, so tests state exactly what the dictionary would
// have said.
type fixtureTok struct{ items []string }

func (f fixtureTok) Tokenize(text string) []tokenize.Token {
	var out []tokenize.Token
	off := 0
	for _, it := range f.items {
		surf, pos, _ := strings.Cut(it, "/")
		pos, base, ok := strings.Cut(pos, "/")
		if !ok {
			base = surf
		}
		i := strings.Index(text[off:], surf)
		if i < 0 {
			continue
		}
		start := off + i
		lang := tokenize.Japanese
		if isLatinWord(surf) {
			lang = tokenize.English
		}
		out = append(out, tokenize.Token{Surface: surf, Start: start, End: start + len(surf), Base: base, POS: strings.Split(pos, ","), Lang: lang})
		off = start + len(surf)
	}
	return out
}

func terms0(cs []Candidate) map[string]Candidate {
	m := map[string]Candidate{}
	for _, c := range cs {
		m[c.Term] = c
	}
	return m
}

func TestDocumentCandidates(t *testing.T) {
	text := "抗炎症性サイトカインが破骨細胞を抑える。患者の骨密度(BMD)を測る。骨密度が上がる。"
	tok := fixtureTok{[]string{
		"抗/接頭詞,名詞接続", "炎症/名詞,一般", "性/名詞,接尾,一般", "サイトカイン/名詞,一般", "が/助詞,格助詞",
		"破/動詞,自立", "骨/名詞,一般", "細胞/名詞,一般", "を/助詞,格助詞", "抑える/動詞,自立", "。/記号,句点",
		"患者/名詞,一般", "の/助詞,連体化", "骨/名詞,一般", "密度/名詞,一般", "(/名詞,サ変接続", "BMD/abbrev", ")/名詞,サ変接続",
		"を/助詞,格助詞", "測る/動詞,自立", "。/記号,句点", "骨/名詞,一般", "密度/名詞,一般", "が/助詞,格助詞", "上がる/動詞,自立",
	}}
	e, err := New(tok)
	if err != nil {
		t.Fatal(err)
	}
	col := e.NewCollection()
	d := e.Document("a.txt", text)
	col.Add(d)
	got := terms0(col.DocumentCandidates(d))
	for _, want := range []string{"抗炎症性サイトカイン", "サイトカイン", "炎症性サイトカイン", "破骨細胞", "骨密度", "BMD"} {
		if _, ok := got[want]; !ok {
			t.Errorf("candidate %q missing; got %v", want, keys(got))
		}
	}
	for _, bad := range []string{"骨細胞", "密度", "患者", "(", "抗"} {
		if _, ok := got[bad]; ok {
			t.Errorf("unwanted candidate %q", bad)
		}
	}
	if c := got["骨密度"]; c.Freq != 2 || c.Evidence&EvAbbreviation == 0 || c.Lang != language.Japanese {
		t.Errorf("骨密度 = %+v; want freq 2, abbreviation evidence, ja", c)
	}
	if c := got["BMD"]; c.Lang != language.English || c.Evidence&EvAbbreviation == 0 {
		t.Errorf("BMD = %+v; want en with abbreviation evidence", c)
	}
	if c := got["破骨細胞"]; len(c.Contexts) != 1 || c.Contexts[0].Line != 1 || !strings.Contains(c.Contexts[0].Snippet, "【破骨細胞】") {
		t.Errorf("破骨細胞 contexts = %+v", c.Contexts)
	}
	if len(d.Pairs) != 1 || d.Pairs[0].Short != "BMD" {
		t.Errorf("pairs = %+v", d.Pairs)
	}
}

func keys(m map[string]Candidate) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestCValue checks nesting: a term seen only inside one longer term scores
// below an independent one of the same frequency.
func TestCValue(t *testing.T) {
	text := "滑膜細胞増殖。滑膜細胞増殖。軟骨細胞。軟骨細胞。"
	tok := fixtureTok{[]string{"滑膜/名詞,一般", "細胞/名詞,一般", "増殖/名詞,サ変接続", "。/記号", "滑膜/名詞,一般", "細胞/名詞,一般", "増殖/名詞,サ変接続", "。/記号",
		"軟骨/名詞,一般", "細胞/名詞,一般", "。/記号", "軟骨/名詞,一般", "細胞/名詞,一般", "。/記号"}}
	e, _ := New(tok)
	col := e.NewCollection()
	d := e.Document("b.txt", text)
	col.Add(d)
	got := terms0(col.DocumentCandidates(d))
	nested, free := got["滑膜細胞"], got["軟骨細胞"]
	if nested.Freq != 2 || free.Freq != 2 {
		t.Fatalf("freqs %d, %d; want 2, 2", nested.Freq, free.Freq)
	}
	if nested.Score >= free.Score {
		t.Errorf("score(滑膜細胞, nested) = %v >= score(軟骨細胞) = %v", nested.Score, free.Score)
	}
	if len(nested.ContainedIn) != 1 || nested.ContainedIn[0] != "滑膜細胞増殖" {
		t.Errorf("ContainedIn = %v", nested.ContainedIn)
	}
}

func TestGlossaryBoost(t *testing.T) {
	g, err := terms.New(&terms.Concept{ID: "cartilage", Terms: map[language.Tag][]terms.Term{language.Japanese: {{Text: "軟骨"}}}})
	if err != nil {
		t.Fatal(err)
	}
	text := "軟骨。滑膜。"
	tok := fixtureTok{[]string{"軟骨/名詞,一般", "。/記号", "滑膜/名詞,一般", "。/記号"}}
	plain, _ := New(tok)
	known, _ := New(tok, WithGlossary(g))
	for _, tc := range []struct {
		e    *Extractor
		want string
	}{{plain, ""}, {known, "cartilage"}} {
		col := tc.e.NewCollection()
		col.Add(tc.e.Document("c.txt", text))
		cs := col.Candidates()
		m := terms0(cs)
		if m["軟骨"].Concept != tc.want {
			t.Errorf("concept of 軟骨 = %q; want %q", m["軟骨"].Concept, tc.want)
		}
		if tc.want != "" && cs[0].Term != "軟骨" {
			t.Errorf("known term not ranked first: %v", cs)
		}
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New(nil); err == nil {
		t.Error("New(nil) succeeded")
	}
	if _, err := New(fixtureTok{}, MaxContexts(-1)); err == nil {
		t.Error("New(MaxContexts(-1)) succeeded")
	}
}

func TestLatinTermShape(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"MSC", true}, {"DAS28", true}, {"TNF-α", true}, {"adMSC", true}, {"UC-MSCs", true}, {"anti-dsDNA", true},
		{"5-FU", true}, {"efficacy", true},
		{"12M", false}, {"10mg", false}, {"93g/L", false}, {"the", false}, {"View", false}, {"study", false},
	}
	for _, tt := range tests {
		if got := latinTermShape(tt.in); got != tt.want {
			t.Errorf("latinTermShape(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestNumbersAndCounters(t *testing.T) {
	text := "24時間蓄尿を3回行う。2型糖尿病。"
	tok := fixtureTok{[]string{
		"24/名詞,数", "時間/名詞,副詞可能", "蓄尿/名詞,一般", "を/助詞,格助詞", "3/名詞,数", "回/名詞,接尾,助数詞", "行う/動詞,自立", "。/記号,句点",
		"2/名詞,数", "型/名詞,接尾,一般", "糖尿病/名詞,一般", "。/記号,句点",
	}}
	got := documentTerms(tok, text)
	checkTerms(t, got, []string{"24時間蓄尿", "2型糖尿病", "糖尿病", "蓄尿"}, []string{"3回", "回", "24時間", "時間", "24", "時間蓄尿"})
}

func TestChineseVerbModifier(t *testing.T) {
	text := "投入能够抑制免疫反应。"
	got := documentTerms(zhTokens(text, "投入/v", "能够/v", "抑制/v", "免疫/v", "反应/vn", "。/x"), text)
	checkTerms(t, got, []string{"免疫反应"}, []string{"抑制免疫反应", "投入能够抑制免疫反应", "免疫"})
}

type staticTok []tokenize.Token

func (s staticTok) Tokenize(string) []tokenize.Token { return s }

// zhTokens is fixtureTok's tokens of text with the language of a
// Chinese run.
func zhTokens(text string, items ...string) staticTok {
	toks := fixtureTok{items}.Tokenize(text)
	for i := range toks {
		toks[i].Lang = tokenize.SimplifiedChinese
	}
	return toks
}

func TestWithIndex(t *testing.T) {
	g, err := terms.New(&terms.Concept{ID: "osteoblast", Terms: map[language.Tag][]terms.Term{
		language.Japanese: {{Text: "骨芽細胞"}}, language.English: {{Text: "osteoblast"}}}})
	if err != nil {
		t.Fatal(err)
	}
	// No tokens at all: only the glossary scan can find the term, written
	// here in simplified characters 骨芽细胞 (han-folded match).
	text := "研究了骨芽细胞的分化。"
	e, err := New(staticTok(nil), WithIndex(terms.NewIndex(g)))
	if err != nil {
		t.Fatal(err)
	}
	col := e.NewCollection()
	col.Add(e.Document("g.txt", text))
	cs := col.Candidates()
	if len(cs) != 1 || cs[0].Term != "骨芽细胞" || cs[0].Concept != "osteoblast" || cs[0].Evidence&EvGlossary == 0 {
		t.Fatalf("candidates = %+v; want 骨芽细胞 known as osteoblast by glossary scan", cs)
	}
}

func TestStreamMatchesCollection(t *testing.T) {
	tok := fixtureTok{[]string{"滑膜/名詞,一般", "細胞/名詞,一般", "。/記号", "軟骨/名詞,一般", "細胞/名詞,一般", "。/記号"}}
	e, _ := New(tok)
	texts := []string{"滑膜細胞。軟骨細胞。", "滑膜細胞。軟骨細胞。"}
	full, stream := e.NewCollection(), e.NewStream()
	for i, tx := range texts {
		full.Add(e.Document(string(rune('a'+i)), tx))
		stream.Add(e.Document(string(rune('a'+i)), tx))
	}
	a, b := full.Candidates(), stream.Candidates()
	if len(a) != len(b) || len(a) == 0 {
		t.Fatalf("stream has %d candidates, collection %d", len(b), len(a))
	}
	for i := range a {
		if a[i].Term != b[i].Term || a[i].Score != b[i].Score || a[i].DocFreq != b[i].DocFreq || strings.Join(a[i].Files, ",") != strings.Join(b[i].Files, ",") {
			t.Errorf("candidate %d: collection %+v, stream %+v", i, a[i], b[i])
		}
	}
	if m := terms0(a); m["軟骨細胞"].DocFreq != 2 || m["軟骨細胞"].Freq != 2 {
		t.Errorf("軟骨細胞 = %+v; want df 2, freq 2", m["軟骨細胞"])
	}
	if got := stream.DocumentCandidates(stream.Documents()[0]); got != nil {
		t.Errorf("stream DocumentCandidates = %v; want nil", got)
	}
}
