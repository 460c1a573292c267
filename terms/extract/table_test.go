package extract

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestStrSet checks the word-list sets against maps of the same words,
// for members, their prefixes and suffixes, and other strings.
func TestStrSet(t *testing.T) {
	for _, set := range []strSet{generalNouns, nonFinal, boundSuffixes, boundPrefixes, deicticPrefixes, englishStop, englishGeneral, setOf("a", "a", "ab")} {
		want := map[string]bool{}
		for _, w := range set.words {
			want[w] = true
		}
		probes := []string{"", "x", "患", "患者たち", "細胞", "アプローチ", "approach", "studies ", strings.Repeat("長", 40)}
		for _, w := range set.words {
			for i := 0; i <= len(w); i++ {
				probes = append(probes, w[:i], w[i:], w[:i]+"x", "細"+w[i:])
			}
		}
		for _, p := range probes {
			if got := set.has(p); got != want[p] {
				t.Errorf("has(%q) = %v, want %v", p, got, want[p])
			}
			if got := strSetHas(set, []byte(p)); got != want[p] {
				t.Errorf("strSetHas([]byte(%q)) = %v, want %v", p, got, want[p])
			}
		}
	}
	if n := len(setOf("a", "a", "ab").words); n != 2 {
		t.Errorf("setOf kept %d words of a, a, ab, want 2", n)
	}
}

// TestRank checks rank's packed keys against the plain comparison, with
// ties, and with a score too large to pack.
func TestRank(t *testing.T) {
	for _, huge := range []bool{false, true} {
		rnd := rand.New(rand.NewPCG(1, 2))
		var cands []*docCand
		var scores []float64
		tags := []language.Tag{language.Japanese, language.English}
		for _, t := range tags {
			tagsByID.Store(langIDOf(t), t)
		}
		for i := range 500 {
			cands = append(cands, &docCand{term: fmt.Sprint("t", rnd.IntN(300)), lid: langIDOf(tags[i%2]), freq: 1 + rnd.IntN(5)})
			scores = append(scores, math.Round(float64(rnd.IntN(50))*[]float64{1, 7.5}[rnd.IntN(2)])/1000)
		}
		if huge {
			scores[7] = 3e12
		}
		order, mask := rank(cands, scores)
		for i := 1; i < len(order); i++ {
			a, b := order[i-1]&mask, order[i]&mask
			x, y := cands[a], cands[b]
			c := -cmp.Compare(scores[a], scores[b])
			if c == 0 {
				c = -cmp.Compare(x.freq, y.freq)
			}
			if c == 0 {
				c = cmp.Compare(x.term+" "+tagOf(x.lid).String(), y.term+" "+tagOf(y.lid).String())
			}
			if c > 0 {
				t.Fatalf("huge=%v: %d (%v %d %s) before %d (%v %d %s)", huge, a, scores[a], x.freq, x.term, b, scores[b], y.freq, y.term)
			}
		}
		if huge != (mask == math.MaxUint64) {
			t.Errorf("huge=%v: mask %x", huge, mask)
		}
	}
}

func TestLineIndex(t *testing.T) {
	for _, s := range []string{"", "\n", "a", "a\nb", "a\nb\n", "\n\n甲\n", "行一\n行二\r\n行三"} {
		want := lineIndex{0}
		for i := 0; i < len(s); i++ {
			if s[i] == '\n' {
				want = append(want, i+1)
			}
		}
		if got := newLineIndex(s); !slices.Equal(got, want) {
			t.Errorf("newLineIndex(%q) = %v, want %v", s, got, want)
		}
		for off := 0; off <= len(s); off++ {
			if got, want := newLineIndex(s).line(off), 1+strings.Count(s[:off], "\n"); got != want {
				t.Errorf("line(%q, %d) = %d, want %d", s, off, got, want)
			}
		}
	}
}
