package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/internal/gold"
	"github.com/medterm/glossary/terms"
)

const alignData = "testdata/align/"

var alignDicts = []string{"--dict", alignData + "edict.txt", "--dict", alignData + "cedict.txt"}

func runAlignCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestAlignListsTable(t *testing.T) {
	args := append([]string{"align", "--no-glossary", "--ja", alignData + "ja.txt", "--zh", alignData + "zh.txt", "--en", alignData + "en.txt"}, alignDicts...)
	code, out, errOut := runAlignCLI(t, args...)
	if code != 0 {
		t.Fatalf("align exit %d: %s", code, errOut)
	}
	for _, want := range []string{"関節リウマチ → 类风湿关节炎", "dictionary", "間葉系幹細胞 → 间充质干细胞", "compositional", "FALSE FRIEND", "joint"} {
		if !strings.Contains(out, want) {
			t.Errorf("align output lacks %q:\n%s", want, out)
		}
	}
}

func TestAlignExtractionJSON(t *testing.T) {
	args := append([]string{"align", "--no-glossary", "--format", "json", alignData + "ja.jsonl", alignData + "zh.jsonl"}, alignDicts...)
	code, out, errOut := runAlignCLI(t, args...)
	if code != 0 {
		t.Fatalf("align exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("got %d proposals; want 1:\n%s", len(lines), out)
	}
	var p jsonProposal
	if err := json.Unmarshal([]byte(lines[0]), &p); err != nil {
		t.Fatal(err)
	}
	if got := p.Terms["en"]; len(got) != 1 || got[0] != "mesenchymal stem cell" {
		t.Errorf("en = %v; want the tri-anchor's long form", got)
	}
	if len(p.Abbreviations) == 0 {
		t.Errorf("no abbreviation in %s", lines[0])
	}
	routes := map[string]bool{}
	for _, l := range p.Links {
		for _, e := range l.Evidence {
			routes[e.Route.String()] = true
		}
	}
	for _, r := range []string{"abbreviation", "anchor", "compositional", "context"} {
		if !routes[r] {
			t.Errorf("proposal lacks %s evidence: %s", r, lines[0])
		}
	}
}

func TestAlignUsage(t *testing.T) {
	tests := [][]string{
		{"align", "--no-glossary"},
		{"align", "--no-glossary", "--format", "xml", "--ja", alignData + "ja.txt"},
		{"align", "--no-glossary", "--routes", "telepathy", "--ja", alignData + "ja.txt"},
		{"align", "--no-glossary", "--min-score", "3", "--ja", alignData + "ja.txt"},
		{"eval", "align", "--gold-glossary", "--rest-glossary"},
		{"eval", "align", "--gold-glossary", "--exclude", alignData + "gold.tsv", "--rest-glossary", "--no-glossary"},
	}
	for _, args := range tests {
		if code, _, _ := runAlignCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d; want 2", args, code)
		}
	}
	if code, _, _ := runAlignCLI(t, "align", "--no-glossary", "--ja", alignData+"missing.txt"); code != 1 {
		t.Errorf("missing file: exit %d; want 1", code)
	}
}

func TestAlignApply(t *testing.T) {
	dir := t.TempDir()
	g, err := terms.New(&terms.Concept{ID: "joint", Category: "anatomy", Status: terms.Approved, Terms: map[language.Tag][]terms.Term{
		language.Japanese: {{Text: "関節"}},
		language.English:  {{Text: "joint"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Save(dir); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml"))
	args := append([]string{"align", "--glossary", dir, "--apply", "--ja", alignData + "ja.txt", "--zh", alignData + "zh.txt"}, alignDicts...)
	code, _, errOut := runAlignCLI(t, args...)
	if code != 0 {
		t.Fatalf("align --apply exit %d: %s", code, errOut)
	}
	g2, err := terms.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	c, ok := g2.Concept("joint")
	if !ok {
		t.Fatal("concept joint lost")
	}
	if p, _ := c.Preferred(language.Japanese); p.Text != "関節" {
		t.Errorf("curated ja term is now %q", p.Text)
	}
	zh := c.Terms[language.SimplifiedChinese]
	if len(zh) != 1 || zh[0].Text != "关节" || zh[0].Status != terms.Admitted {
		t.Errorf("joint zh-Hans = %+v; want 关节 admitted", zh)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml"))
	if !bytes.Contains(after, []byte("関節")) || bytes.Equal(before, after) {
		t.Errorf("anatomy.yaml not extended:\n%s", after)
	}
	if g2.Len() < 3 {
		t.Errorf("glossary has %d concepts; want the new candidates too", g2.Len())
	}
	// --apply on the embedded starter is refused.
	os.Unsetenv("GLOSSARY_DIR")
	if code, _, _ := runAlignCLI(t, "align", "--apply", "--ja", alignData+"ja.txt"); code != 2 {
		t.Errorf("--apply without a directory: exit %d; want 2", code)
	}
}

func TestEvalAlign(t *testing.T) {
	var out, errOut bytes.Buffer
	cmd := newEvalAlignCmd(&streams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut})
	cmd.Flags().String("glossary", "", "")
	cmd.SetArgs(append([]string{"--gold", alignData + "concepts.tsv", "--no-glossary", "--format", "json", "--pairs", "ja:zh-Hans"}, alignDicts...))
	cmd.SetOut(&out)
	if err := cmd.Execute(); err != nil {
		t.Fatalf("eval align: %v %s", err, errOut.String())
	}
	var rep evalAlignReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if len(rep.Pairs) != 1 || rep.Pairs[0].Overall.Total != 3 || rep.Pairs[0].Overall.Correct != 3 {
		t.Fatalf("eval = %+v; want 3 of 3 correct", rep.Pairs)
	}
	if c := rep.CognateOnly[0].Overall; c.Correct < 1 || c.Answered > 2 {
		t.Errorf("cognate only = %+v; want 関節 right and 関節リウマチ unanswered (it needs the dictionary)", c)
	}
}

func TestHoldOut(t *testing.T) {
	g, err := terms.New(
		&terms.Concept{ID: "joint", Terms: map[language.Tag][]terms.Term{language.Japanese: {{Text: "関節"}}}},
		&terms.Concept{ID: "stem-cell-x", Terms: map[language.Tag][]terms.Term{language.TraditionalChinese: {{Text: "間質幹細胞"}}}},
		&terms.Concept{ID: "bone", Terms: map[language.Tag][]terms.Term{language.Japanese: {{Text: "骨"}}}},
	)
	if err != nil {
		t.Fatal(err)
	}
	rows := mustReadGold(t, alignData+"concepts.tsv")
	kept, held, err := holdOut(g, rows)
	if err != nil {
		t.Fatal(err)
	}
	if held != 2 || kept.Len() != 1 {
		t.Errorf("holdOut: held %d, kept %d; want 2 held (by id and by zh-Hant term), 1 kept", held, kept.Len())
	}
}

func mustReadGold(t *testing.T, path string) []gold.ConceptRow {
	t.Helper()
	rows, err := gold.ReadConceptsFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestAlignArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the tokenizer dictionaries")
	}
	args := append([]string{"align", "--no-glossary", "--format", "json", alignData + "article-ja.txt", alignData + "article-zh.txt"}, alignDicts...)
	code, out, errOut := runAlignCLI(t, args...)
	if code != 0 {
		t.Fatalf("align exit %d: %s", code, errOut)
	}
	var msc *jsonProposal
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var p jsonProposal
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			t.Fatal(err)
		}
		for _, a := range p.Abbreviations {
			if a == "MSC" {
				msc = &p
			}
		}
	}
	if msc == nil {
		t.Fatalf("no proposal with MSC:\n%s", out)
	}
	want := map[string]string{"ja": "間葉系幹細胞", "zh-Hans": "间充质干细胞", "en": "mesenchymal stem cell"}
	for lang, term := range want {
		if got := msc.Terms[lang]; len(got) != 1 || got[0] != term {
			t.Errorf("MSC proposal %s = %v; want [%s]", lang, got, term)
		}
	}
}

func TestEvalAlignGoldGlossary(t *testing.T) {
	dir := t.TempDir()
	g, err := terms.New(
		&terms.Concept{ID: "joint", Category: "anatomy", Terms: map[language.Tag][]terms.Term{language.Japanese: {{Text: "関節"}}, language.SimplifiedChinese: {{Text: "关节"}}}},
		&terms.Concept{ID: "arthritis", Category: "disease", Terms: map[language.Tag][]terms.Term{language.Japanese: {{Text: "関節炎"}}, language.SimplifiedChinese: {{Text: "关节炎"}}}},
	)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Save(dir); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	cmd := newEvalAlignCmd(&streams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut})
	cmd.Flags().String("glossary", "", "")
	cmd.SetArgs([]string{"--gold-glossary", "--glossary", dir, "--exclude", alignData + "concepts.tsv", "--pairs", "ja:zh-Hans", "--format", "json"})
	cmd.SetOut(&out)
	if err := cmd.Execute(); err != nil {
		t.Fatalf("eval align: %v %s", err, errOut.String())
	}
	var rep evalAlignReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	// joint is in the concepts file, so only arthritis is left.
	if rep.Concepts != 1 || rep.Pairs[0].Overall.Correct != 1 {
		t.Errorf("eval = %d concepts, %+v; want 1 concept, aligned", rep.Concepts, rep.Pairs[0].Overall)
	}
	if rep.Glossary != "none" {
		t.Errorf("glossary = %q; want none without --rest-glossary", rep.Glossary)
	}

	// With --rest-glossary, joint (left out of the gold) is the evidence.
	out.Reset()
	cmd = newEvalAlignCmd(&streams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut})
	cmd.Flags().String("glossary", "", "")
	cmd.SetArgs([]string{"--gold-glossary", "--glossary", dir, "--exclude", alignData + "concepts.tsv", "--rest-glossary", "--pairs", "ja:zh-Hans", "--format", "json"})
	cmd.SetOut(&out)
	if err := cmd.Execute(); err != nil {
		t.Fatalf("eval align --rest-glossary: %v %s", err, errOut.String())
	}
	rep = evalAlignReport{}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Concepts != 1 || !strings.HasPrefix(rep.Glossary, "rest of the glossary: 1 concepts used, 1 held out") {
		t.Errorf("--rest-glossary: %d concepts, glossary %q; want 1 concept, the other one as evidence", rep.Concepts, rep.Glossary)
	}
}
