package extract

import (
	"strings"
	"testing"
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
