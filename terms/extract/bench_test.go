package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/medterm/glossary/tokenize"
)

// cpuTime is the process's user+system CPU time. Benchmarks report it per
// op (cpu-ns/op) besides wall time, because on a shared, loaded machine
// wall time mostly measures the other processes.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// benchParagraph is our own mixed ja/en medical paragraph (not corpus text).
const benchParagraph = "骨形成タンパク質（BMP）は骨芽細胞の分化を促し、破骨細胞との均衡が骨代謝を保つ。" +
	"関節リウマチ(RA)では腫瘍壊死因子(TNF-α)やIL-6が滑膜炎を起こし、抗CCP抗体が陽性となる。" +
	"臍帯由来間葉系幹細胞(UC-MSCs)の静脈内投与では疾患活動性スコア(DAS28)が低下した(2021)。\n"

func BenchmarkFindPairs(b *testing.B) {
	text := strings.Repeat(benchParagraph, 20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		FindPairs(text)
	}
}

func seedTexts(b testing.TB) ([]string, int64) {
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if len(files) == 0 {
		b.Skip("seed corpus not available")
	}
	var texts []string
	var n int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		n += int64(len(data))
	}
	return texts, n
}

// BenchmarkSeedTokenize is raw tokenization of the seed corpus with the
// analyzer extraction uses: the baseline for BenchmarkSeedExtract.
func BenchmarkSeedTokenize(b *testing.B) {
	benchRaw(b, func(an *tokenize.Analyzer, t string) { an.Tokenize(t) })
}

// BenchmarkSeedChunks is raw tokenization of the seed corpus through
// Analyzer.Chunks with a callback that does nothing: the streaming
// tokenizer extraction runs on, the cheaper baseline (its token slices are
// pooled, Tokenize must return a new one).
func BenchmarkSeedChunks(b *testing.B) {
	benchRaw(b, func(an *tokenize.Analyzer, t string) {
		an.Chunks(t, func([]tokenize.Token) error { return nil })
	})
}

// benchRaw times run on each seed text, in CPU time too.
func benchRaw(b *testing.B, run func(an *tokenize.Analyzer, text string)) {
	texts, n := seedTexts(b)
	an := devAnalyzer(b)
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for b.Loop() {
		for _, t := range texts {
			run(an, t)
		}
	}
	b.ReportMetric(float64(cpuTime()-c0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkSeedExtract is full extraction as glossary extract runs it
// (tokenize, candidates, pairs, collection scoring) of the seed corpus with
// 1 and 2 workers.
func BenchmarkSeedExtract(b *testing.B) {
	texts, n := seedTexts(b)
	benchWorkers(b, texts, n)
}

// BenchmarkCopiesExtract is BenchmarkSeedExtract on 10 copies of the seed
// corpus (50 documents): the seeds alone are five files, one of them 30 %
// of the bytes, which caps what two workers can gain on them.
func BenchmarkCopiesExtract(b *testing.B) {
	many, n := seedCopies(b)
	benchWorkers(b, many, n)
}

// cliContexts is glossary extract's default --contexts.
const cliContexts = 2

// sources returns texts as AddAll's sources, named by their index.
func sources(texts []string) []Source {
	srcs := make([]Source, len(texts))
	for i, t := range texts {
		srcs[i] = Source{Name: fmt.Sprint(i), Size: int64(len(t)), Text: func() (string, error) { return t, nil }}
	}
	return srcs
}

// extractCLI extracts texts as glossary extract does: a stream
// (NewStream) filled by AddAll with the given number of workers.
func extractCLI(b *testing.B, e *Extractor, srcs []Source, workers int) {
	col := e.NewStream()
	if err := col.AddAll(srcs, workers, nil); err != nil {
		b.Fatal(err)
	}
	col.Candidates()
}

// benchWorkers extracts texts with 1 and 2 workers as glossary extract
// does (extractCLI).
func benchWorkers(b *testing.B, texts []string, n int64) {
	e, err := New(devAnalyzer(b), MaxContexts(cliContexts))
	if err != nil {
		b.Fatal(err)
	}
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			b.SetBytes(n)
			b.ReportAllocs()
			c0 := cpuTime()
			srcs := sources(texts)
			for b.Loop() {
				extractCLI(b, e, srcs, w)
			}
			b.ReportMetric(float64(cpuTime()-c0)/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkCopiesTokenize is raw tokenization of the 50 documents of
// BenchmarkCopiesExtract with 1 and 2 workers: how far two workers can
// speed up the tokenizer alone on this machine, the ceiling for extraction.
func BenchmarkCopiesTokenize(b *testing.B) {
	many, n := seedCopies(b)
	an := devAnalyzer(b)
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			b.SetBytes(n)
			c0 := cpuTime()
			for b.Loop() {
				tokenizeWorkers(an, many, w)
			}
			b.ReportMetric(float64(cpuTime()-c0)/float64(b.N), "cpu-ns/op")
		})
	}
}

// seedCopies returns 10 copies of the seed texts (50 documents) and their
// size.
func seedCopies(b *testing.B) ([]string, int64) {
	texts, n := seedTexts(b)
	var many []string
	for range 10 {
		many = append(many, texts...)
	}
	return many, 10 * n
}

// tokenizeWorkers tokenizes texts with w goroutines.
func tokenizeWorkers(an *tokenize.Analyzer, texts []string, w int) {
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range jobs {
				an.Tokenize(t)
			}
		}()
	}
	for _, t := range texts {
		jobs <- t
	}
	close(jobs)
	wg.Wait()
}

// BenchmarkWorkersRatio runs, in every iteration, extraction of the 50
// documents of BenchmarkCopiesExtract as glossary extract does with 1 and
// with 2 workers, and raw tokenization of them with 1 and 2 workers,
// taking turns at going first, so that all four see the same moment of a
// host whose speed drifts. It reports the wall time of each and the
// speed-ups: ext-2w/1w (issue 5's target: at least 1.8) and tok-2w/1w, how
// far the tokenizer alone scales in the same run.
func BenchmarkWorkersRatio(b *testing.B) {
	many, n := seedCopies(b)
	an := devAnalyzer(b)
	e, err := New(an, MaxContexts(cliContexts))
	if err != nil {
		b.Fatal(err)
	}
	srcs := sources(many)
	phases := []func(){
		func() { extractCLI(b, e, srcs, 1) },
		func() { extractCLI(b, e, srcs, 2) },
		func() { tokenizeWorkers(an, many, 1) },
		func() { tokenizeWorkers(an, many, 2) },
	}
	b.SetBytes(n)
	var wall [4]time.Duration
	for i := 0; b.Loop(); i++ {
		for k := range phases {
			p := (i + k) % len(phases)
			t0 := time.Now()
			phases[p]()
			wall[p] += time.Since(t0)
		}
	}
	for p, name := range []string{"ext-1w-ns/op", "ext-2w-ns/op", "tok-1w-ns/op", "tok-2w-ns/op"} {
		b.ReportMetric(float64(wall[p])/float64(b.N), name)
	}
	b.ReportMetric(float64(wall[0])/float64(wall[1]), "ext-2w/1w")
	b.ReportMetric(float64(wall[2])/float64(wall[3]), "tok-2w/1w")
}

// BenchmarkSeedRatio times raw tokenization and one-worker extraction (as
// glossary extract runs it: extractCLI) of the seed corpus in every
// iteration, so that all see the same load, and reports the CPU time of
// each and their throughput ratios: tok/ext against Analyzer.Tokenize,
// chunks/ext against Analyzer.Chunks with a callback that does nothing
// (the streaming tokenizer extraction itself uses, the cheaper of the two;
// 1 means extraction costs nothing beyond tokenizing).
//
// The phases take turns at going first: the first phase of an iteration
// runs with caches the collector (or the previous iteration) left cold,
// which on this machine costs it 2–5 ms, so a fixed order favours the
// phases that come later. With collector=running the garbage collector
// runs when it must, and its work (marking ≈ 300 MB of dictionaries) falls
// on whichever phase is running, which makes the ratio of a short run
// noisy; with collector=between it runs before each iteration, outside the
// timed phases, so no phase pays for a collection: what glossary extract
// sees on article-sized input, which allocates far less than the heap the
// dictionaries leave before the next collection.
func BenchmarkSeedRatio(b *testing.B) {
	texts, n := seedTexts(b)
	an := devAnalyzer(b)
	e, err := New(an, MaxContexts(cliContexts))
	if err != nil {
		b.Fatal(err)
	}
	srcs := sources(texts)
	phases := []func(){
		func() {
			for _, t := range texts {
				an.Tokenize(t)
			}
		},
		func() {
			for _, t := range texts {
				an.Chunks(t, func([]tokenize.Token) error { return nil })
			}
		},
		func() { extractCLI(b, e, srcs, 1) },
	}
	for _, between := range []bool{false, true} {
		name := "collector=running"
		if between {
			name = "collector=between"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(n)
			var cpu [3]int64 // tokenize, chunks, extract
			for i := 0; b.Loop(); i++ {
				if between {
					b.StopTimer()
					runtime.GC()
					b.StartTimer()
				}
				for k := range phases {
					p := (i + k) % len(phases)
					c0 := cpuTime()
					phases[p]()
					cpu[p] += cpuTime() - c0
				}
			}
			tok, chunks, ext := float64(cpu[0]), float64(cpu[1]), float64(cpu[2])
			b.ReportMetric(tok/float64(b.N), "tok-cpu-ns/op")
			b.ReportMetric(chunks/float64(b.N), "chunks-cpu-ns/op")
			b.ReportMetric(ext/float64(b.N), "ext-cpu-ns/op")
			b.ReportMetric(tok/ext, "tok/ext")
			b.ReportMetric(chunks/ext, "chunks/ext")
		})
	}
}

// cachedTok returns tokens computed beforehand, to time extraction alone.
type cachedTok map[string][]tokenize.Token

func (c cachedTok) Tokenize(text string) []tokenize.Token { return c[text] }

// BenchmarkSeedExtractOnly is extraction of the seed corpus with the
// tokens computed beforehand: what extraction adds to tokenization.
func BenchmarkSeedExtractOnly(b *testing.B) {
	texts, n := seedTexts(b)
	an := devAnalyzer(b)
	ct := cachedTok{}
	for _, t := range texts {
		ct[t] = an.Tokenize(t)
	}
	e, err := New(ct, MaxContexts(cliContexts))
	if err != nil {
		b.Fatal(err)
	}
	srcs := sources(texts)
	b.SetBytes(n)
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		extractCLI(b, e, srcs, 1)
	}
	b.ReportMetric(float64(cpuTime()-c0)/float64(b.N), "cpu-ns/op")
}

// spinSink keeps the compiler from dropping spin's loop.
var spinSink atomic.Uint64

// spin is pure CPU work: a dependent chain of multiply-adds, no memory.
func spin(n int) {
	var x uint64 = 1
	for range n {
		x = x*6364136223846793005 + 1442695040888963407
	}
	spinSink.Add(x)
}

// BenchmarkCeiling runs the same pure-CPU work on 1 and 2 goroutines: the
// ratio of their times is the best speed-up any two-worker run can reach
// on this machine (2 where both cores deliver a full core each).
func BenchmarkCeiling(b *testing.B) {
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			for b.Loop() {
				var wg sync.WaitGroup
				for range w {
					wg.Add(1)
					go func() { defer wg.Done(); spin(50_000_000 / w) }()
				}
				wg.Wait()
			}
		})
	}
}
