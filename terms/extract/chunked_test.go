package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/medterm/glossary/tokenize"
)

// wholeTok hides the analyzer's Chunks: the extractor then tokenizes each
// document in one piece.
type wholeTok struct{ tokenize.Tokenizer }

// TestChunkedMatchesWhole checks that extracting a document chunk by chunk
// (tokenize.Analyzer.Chunks, 32–256 KiB pieces) gives what extracting it
// whole gives, on the seeds joined into one document of several chunks.
func TestChunkedMatchesWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the dictionaries: skipped with -short")
	}
	texts, _ := seedTexts(t)
	doc := strings.Join(texts, "\n")
	if len(doc) < 64<<10 {
		t.Fatalf("the joined seeds are %d bytes: too short to make several chunks", len(doc))
	}
	an := devAnalyzer(t)
	run := func(tok tokenize.Tokenizer) []Candidate {
		e, err := New(tok, MaxContexts(cliContexts))
		if err != nil {
			t.Fatal(err)
		}
		col := e.NewStream()
		if err := col.AddAll(sources([]string{doc}), 1, nil); err != nil {
			t.Fatal(err)
		}
		return col.Candidates()
	}
	chunked, whole := run(an), run(wholeTok{an})
	if len(chunked) != len(whole) {
		t.Fatalf("%d candidates chunk by chunk, %d whole", len(chunked), len(whole))
	}
	for i := range whole {
		if !reflect.DeepEqual(chunked[i], whole[i]) {
			t.Fatalf("candidate %d: chunk by chunk %+v, whole %+v", i, chunked[i], whole[i])
		}
	}
}

// TestExtractorReuse checks that what an Extractor reuses from one
// document to the next (pooled buffers and tables) changes no result: each
// seed extracted after the others, by one extractor, twice into streams and
// once on its own, gives what a fresh extractor gives.
func TestExtractorReuse(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the dictionaries: skipped with -short")
	}
	texts, _ := seedTexts(t)
	an := devAnalyzer(t)
	fresh := func() *Extractor {
		e, err := New(an, MaxContexts(cliContexts))
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	stream := func(e *Extractor, texts []string) []Candidate {
		col := e.NewStream()
		if err := col.AddAll(sources(texts), 1, nil); err != nil {
			t.Fatal(err)
		}
		return col.Candidates()
	}
	e := fresh()
	want := stream(fresh(), texts)
	for round := range 2 {
		if got := stream(e, texts); !reflect.DeepEqual(got, want) {
			t.Fatalf("stream %d of one extractor differs from a fresh extractor's", round+1)
		}
	}
	for i, text := range texts {
		alone := fresh().NewCollection()
		alone.Add(alone.e.Document("d", text))
		after := e.NewCollection()
		after.Add(e.Document("d", text))
		if !reflect.DeepEqual(after.Candidates(), alone.Candidates()) {
			t.Errorf("seed %d after the others differs from seed %d alone", i, i)
		}
	}
}

// FuzzDocuments extracts two texts one after the other with one
// extractor and the real analyzer, then the first again: no panic, every
// context inside its text, and the first text gives the same candidates
// the second time (after the other text) as a fresh extractor gives it.
func FuzzDocuments(f *testing.F) {
	if testing.Short() {
		f.Skip("loads the dictionaries: skipped with -short")
	}
	f.Add("関節リウマチ(RA)の患者に間葉系幹細胞（MSC）を投与した。", "间充质干细胞（MSC）可用于治疗系统性红斑狼疮。")
	f.Add("左膝関節痛と朝のこわばり。1型糖尿病。第II相試験", "TNF-α and IL-6 (interleukin 6) in RA\n\n抗CCP抗体")
	f.Add("a\xe9\x80b 細胞 \xff（", "薬を中止する。中止基準。")
	an := devAnalyzer(f)
	f.Fuzz(func(t *testing.T, a, b string) {
		fresh := func() *Extractor {
			e, err := New(an, MaxContexts(2))
			if err != nil {
				t.Fatal(err)
			}
			return e
		}
		alone := func(e *Extractor, text string) []Candidate {
			col := e.NewCollection()
			d := e.Document("a", text)
			col.Add(d)
			return col.DocumentCandidates(d)
		}
		e := fresh()
		first := alone(e, a)
		lines := strings.Count(a, "\n") + 1
		for _, c := range first {
			for _, x := range c.Contexts {
				if x.Line < 1 || x.Line > lines {
					t.Fatalf("%q: context line %d of %d lines", c.Term, x.Line, lines)
				}
			}
		}
		alone(e, b)
		if again := alone(e, a); !reflect.DeepEqual(again, first) {
			t.Fatalf("a after b differs from a first:\n%+v\n%+v", again, first)
		}
		if want := alone(fresh(), a); !reflect.DeepEqual(first, want) {
			t.Fatalf("a differs between two fresh extractors")
		}
	})
}
