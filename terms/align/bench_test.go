package align

import (
	"math/rand"
	"os"
	"runtime"
	"testing"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/tokenize/han"
)

// benchLists builds two lists of n synthetic compounds each: Japanese-style
// compounds of 2-6 characters from a pool of shinjitai and common Han
// characters, and their han-folded (simplified) forms, shuffled, with a
// third of the Chinese side replaced by unrelated compounds.
func benchLists(n int) (src, tgt []Term) {
	pool := []rune("関節炎症細胞幹間葉系骨芽軟肝腎臓疾患病気薬剤治療検査血液免疫抗体受容器官組織損傷修復分泌慢性急性全身局所神経脳心肺胃腸皮膚筋肉関連線維化再生医療移植培養上清液由来脂肪臍帯胎盤歯髄滑膜軟骨変形性")
	r := rand.New(rand.NewSource(1))
	word := func() string {
		k := 2 + r.Intn(5)
		b := make([]rune, k)
		for i := range b {
			b[i] = pool[r.Intn(len(pool))]
		}
		return string(b)
	}
	for i := 0; i < n; i++ {
		w := word()
		src = append(src, Term{Text: w, Lang: language.Japanese})
		if i%3 == 0 {
			w = word()
		}
		tgt = append(tgt, Term{Text: han.Fold(w), Lang: language.SimplifiedChinese})
	}
	r.Shuffle(len(tgt), func(i, j int) { tgt[i], tgt[j] = tgt[j], tgt[i] })
	return src, tgt
}

// BenchmarkAlignLists10k aligns two lists of 10,000 terms one-to-one with
// the fixture dictionary (index build included).
func BenchmarkAlignLists10k(b *testing.B) {
	src, tgt := benchLists(10000)
	a := newTestAligner(b)
	b.ReportAllocs()
	var ms runtime.MemStats
	for i := 0; i < b.N; i++ {
		ls := a.AlignLists(src, tgt)
		if len(ls) == 0 {
			b.Fatal("no links")
		}
	}
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "MiB-heap-inuse")
}

// BenchmarkAlignLists10kSharedDict is BenchmarkAlignLists10k with the full
// EDICT and CC-CEDICT of the shared folder (skipped when absent).
func BenchmarkAlignLists10kSharedDict(b *testing.B) {
	src, tgt := benchLists(10000)
	a, err := New(WithDictionary(loadDevDict(b)))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	var ms runtime.MemStats
	for i := 0; i < b.N; i++ {
		if ls := a.AlignLists(src, tgt); len(ls) == 0 {
			b.Fatal("no links")
		}
	}
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "MiB-heap-inuse")
}

// BenchmarkLoadSharedDict reads the full EDICT and CC-CEDICT of
// the shared folder (skipped when absent).
func BenchmarkLoadSharedDict(b *testing.B) {
	if _, err := os.Stat(devEDICT); err != nil {
		b.Skip("shared dictionaries not available")
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		d := NewDictionary()
		for _, p := range []string{devEDICT, devCEDICT} {
			if err := d.LoadFile(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
