package zh

import "testing"

// Traditional characters fold to the simplified forms gse knows; a key of
// tokenize/han that is a rare variant (研 → 硏) does not replace the
// character.
func TestSimplifiedForms(t *testing.T) {
	if _, err := New(); err != nil {
		t.Fatal(err)
	}
	for in, want := range map[rune]rune{'為': '为', '幹': '干', '於': '于', '類': '类', '研': '研', '细': '细'} {
		if got := simplifiedForm(in); got != want {
			t.Errorf("simplifiedForm(%c) = %c; want %c", in, got, want)
		}
	}
}
