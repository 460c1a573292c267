package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

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

func seedTexts(b *testing.B) ([]string, int64) {
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
	texts, n := seedTexts(b)
	an := devAnalyzer(b)
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			an.Tokenize(t)
		}
	}
}

// BenchmarkSeedExtract is full extraction (tokenize, candidates, pairs,
// collection scoring) of the seed corpus with 1 and 2 workers.
func BenchmarkSeedExtract(b *testing.B) {
	texts, n := seedTexts(b)
	e, err := New(devAnalyzer(b))
	if err != nil {
		b.Fatal(err)
	}
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			b.SetBytes(n)
			b.ReportAllocs()
			for b.Loop() {
				docs := make([]*Document, len(texts))
				jobs := make(chan int)
				var wg sync.WaitGroup
				for range w {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for i := range jobs {
							docs[i] = e.Document(fmt.Sprint(i), texts[i])
						}
					}()
				}
				for i := range texts {
					jobs <- i
				}
				close(jobs)
				wg.Wait()
				col := e.NewCollection()
				for _, d := range docs {
					col.Add(d)
				}
				for _, d := range docs {
					col.DocumentCandidates(d)
				}
				col.Candidates()
			}
		})
	}
}
