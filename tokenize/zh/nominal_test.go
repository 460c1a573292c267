package zh

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The list of nominal verbs holds only words of two characters or more,
// one per line.
func TestNominalList(t *testing.T) {
	if !strings.HasSuffix(nominalData, "\n") {
		t.Fatal("data/nominal.txt does not end with a line break")
	}
	for i, w := range strings.Split(strings.TrimSuffix(nominalData, "\n"), "\n") {
		if utf8.RuneCountInString(w) < 2 || strings.TrimSpace(w) != w {
			t.Errorf("data/nominal.txt:%d: %q is no word of two characters or more", i+1, w)
		}
	}
	if !nominalVerbs()["注射"] || nominalVerbs()["移植"] {
		t.Errorf("nominalVerbs: 注射 %v, 移植 %v; want true, false", nominalVerbs()["注射"], nominalVerbs()["移植"])
	}
}
