package terms_test

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/medterm/glossary/internal/synth"
	"github.com/medterm/glossary/terms"
	"github.com/medterm/glossary/tokenize/han"
)

// Benchmarks on synthetic glossaries (internal/synth). Sizes: 10k and 100k
// concepts; 1M too with GLOSSARY_BENCH_1M=1. See docs/lookup.md for the
// figures.

func benchSizes() []int {
	if os.Getenv("GLOSSARY_BENCH_1M") == "1" {
		return []int{10_000, 100_000, 1_000_000}
	}
	return []int{10_000, 100_000}
}

var (
	synthMu  sync.Mutex
	synthIdx = map[int]*terms.Index{}
)

func synthIndex(n int) *terms.Index {
	synthMu.Lock()
	defer synthMu.Unlock()
	if x, ok := synthIdx[n]; ok {
		return x
	}
	x := terms.NewIndex(synth.Glossary(n, 1))
	synthIdx[n] = x
	return x
}

func heapMB() float64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// BenchmarkLoad measures terms.Load of a saved synthetic glossary plus
// NewIndex (with the folded keys; prefix, fuzzy and scan structures are
// built on first use and measured in BenchmarkLookup and BenchmarkScan),
// and the heap it holds.
func BenchmarkLoad(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			if err := synth.Glossary(n, 1).Save(dir); err != nil {
				b.Fatal(err)
			}
			before := heapMB()
			var x *terms.Index
			b.ReportAllocs()
			c0 := processCPU()
			runs := 0
			for b.Loop() {
				runs++
				g, err := terms.Load(dir)
				if err != nil {
					b.Fatal(err)
				}
				x = terms.NewIndex(g)
			}
			b.ReportMetric(float64((processCPU()-c0).Milliseconds())/float64(runs), "cpu-ms/op")
			b.ReportMetric(heapMB()-before, "heap-MB")
			runtime.KeepAlive(x)
		})
	}
}

// BenchmarkLoadOnly is terms.Load alone, to split BenchmarkLoad between
// the glossary reader and the index.
func BenchmarkLoadOnly(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			if err := synth.Glossary(n, 1).Save(dir); err != nil {
				b.Fatal(err)
			}
			before := heapMB()
			var g *terms.Glossary
			for b.Loop() {
				var err error
				if g, err = terms.Load(dir); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(heapMB()-before, "heap-MB")
			runtime.KeepAlive(g)
		})
	}
}

func BenchmarkNewIndex(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			g := synth.Glossary(n, 1)
			before := heapMB()
			var x *terms.Index
			for b.Loop() {
				x = terms.NewIndex(g)
			}
			b.ReportMetric(heapMB()-before, "heap-MB")
			runtime.KeepAlive(x)
		})
	}
}

// rungQueries derives queries meant for each rung from the glossary's
// terms and keeps those that do resolve at that rung to their concept.
func rungQueries(x *terms.Index, max int) map[terms.Rung][]string {
	qs := map[terms.Rung][]string{}
	add := func(r terms.Rung, q, id string) {
		if len(qs[r]) >= max {
			return
		}
		ms := x.Lookup(q)
		if len(ms) > 0 && ms[0].Rung == r && ms[0].Concept.ID == id {
			qs[r] = append(qs[r], q)
		}
	}
	fullWidth := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r > ' ' && r < 0x7F {
				return r + 0xFEE0
			}
			return r
		}, s)
	}
	for i, c := range x.Glossary().Concepts() {
		ja := c.Terms[terms.Japanese][0].Text
		en := c.Terms[terms.English][0].Text
		hant := c.Terms[terms.TraditionalChinese][0].Text
		add(terms.Exact, ja, c.ID)
		if i%2 == 0 {
			add(terms.Normalized, strings.ToUpper(strings.ReplaceAll(en, " ", "-")), c.ID)
		} else {
			add(terms.Normalized, fullWidth(en), c.ID)
		}
		// Han: a traditional term with its first foldable character simplified.
		rs := []rune(hant)
		for j, r := range rs {
			if f := han.FoldRune(r); f != r {
				rs[j] = f
				break
			}
		}
		add(terms.HanFolded, string(rs), c.ID)
		// Kana: katakana written in hiragana.
		add(terms.KanaFolded, strings.Map(func(r rune) rune {
			if r >= 0x30A1 && r <= 0x30F6 {
				return r - 0x60
			}
			return r
		}, ja), c.ID)
		// Prefix: two thirds of the term.
		if jr := []rune(ja); len(jr) >= 4 {
			add(terms.Prefix, string(jr[:len(jr)*2/3]), c.ID)
		}
		// Fuzzy: one typing error in the English term (a dropped letter)
		// or one wrong character in the Japanese one.
		if i%2 == 0 && len(en) > 8 {
			add(terms.Fuzzy, en[:len(en)/2]+en[len(en)/2+1:], c.ID)
		} else if jr := []rune(ja); len(jr) >= 5 {
			jr[len(jr)/2] = '牛'
			add(terms.Fuzzy, string(jr), c.ID)
		}
	}
	return qs
}

// BenchmarkLookup measures Lookup per rung, with queries that resolve at
// that rung (each op is one Lookup). For fuzzy it also reports the median
// and 99th percentile latency over the query set.
func BenchmarkLookup(b *testing.B) {
	for _, n := range benchSizes() {
		x := synthIndex(n)
		qs := rungQueries(x, 2000)
		for r := terms.Exact; r <= terms.Fuzzy; r++ {
			b.Run(fmt.Sprintf("%d/%s", n, r), func(b *testing.B) {
				q := qs[r]
				if len(q) == 0 {
					b.Skip("no queries")
				}
				x.Lookup(q[0]) // build lazy structures outside the timing
				b.ReportAllocs()
				i := 0
				c0 := processCPU()
				for b.Loop() {
					x.Lookup(q[i%len(q)])
					i++
				}
				b.ReportMetric(float64((processCPU()-c0).Nanoseconds())/float64(i), "cpu-ns/op")
				if r >= terms.Prefix {
					// Latency percentiles over the query set, wall and
					// CPU time of the thread (see cpuClock).
					wall := make([]time.Duration, len(q))
					cpu := make([]time.Duration, len(q))
					clock := cpuClock()
					for j, s := range q {
						t0, c0 := time.Now(), clock()
						x.Lookup(s)
						cpu[j], wall[j] = clock()-c0, time.Since(t0)
					}
					runtime.UnlockOSThread()
					slices.Sort(wall)
					slices.Sort(cpu)
					us := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e3 }
					b.ReportMetric(us(wall[len(wall)/2]), "p50-µs")
					b.ReportMetric(us(wall[len(wall)*99/100]), "p99-µs")
					b.ReportMetric(us(cpu[len(cpu)/2]), "p50-cpu-µs")
					b.ReportMetric(us(cpu[len(cpu)*99/100]), "p99-cpu-µs")
				}
				b.ReportMetric(float64(len(q)), "queries")
			})
		}
	}
}

// BenchmarkScan scans 1 MB of mixed ja/zh/en text mentioning the
// glossary's terms.
func BenchmarkScan(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			x := synthIndex(n)
			text := synth.Text(x.Glossary().Concepts(), 1<<20, 2)
			hits := len(x.Scan(text))
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			runs := 0
			c0 := processCPU()
			for b.Loop() {
				x.Scan(text)
				runs++
			}
			cpu := processCPU() - c0
			b.ReportMetric(float64(len(text))*float64(runs)/cpu.Seconds()/1e6, "cpu-MB/s")
			b.ReportMetric(float64(hits), "hits")
			b.ReportMetric(float64(utf8.RuneCountInString(text)), "chars")
		})
	}
}
