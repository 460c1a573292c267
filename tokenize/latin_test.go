package tokenize

import (
	"strings"
	"testing"
)

func TestLatin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"MSC, TNF-α and IL-1β;", "MSC/abbrev , TNF-α/abbrev and/word IL-1β/abbrev ;"},
		{"UC-MSCs (DAS28 < 3.2)", "UC-MSCs/abbrev ( DAS28/abbrev < 3.2/number )"},
		{"1×10^6/kg anti-dsDNA.", "1×10^6/kg/number anti-dsDNA/abbrev ."},
		{"e.g. U.S. patients' cells", "e.g./word U.S./abbrev patients/word ' cells/word"},
		{"84% → 23%", "84%/number → 23%/number"},
		{"Stem Cell: \"ok\"", "Stem/word Cell/word : \" ok/word \""},
	}
	for _, tt := range tests {
		var parts []string
		for _, tk := range (latin{}).Tokenize(tt.in) {
			if tt.in[tk.Start:tk.End] != tk.Surface {
				t.Fatalf("latin(%q): token %+v does not match its offsets", tt.in, tk)
			}
			p := tk.Surface
			if tk.POS[0] != POSSymbol {
				p += "/" + tk.POS[0]
			}
			parts = append(parts, p)
		}
		if got := strings.Join(parts, " "); got != tt.want {
			t.Errorf("latin(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
