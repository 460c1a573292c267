package blank

import "testing"

func TestTrim(t *testing.T) {
	for _, tt := range []struct {
		text       string
		s, e       int
		wantS, wgE int
	}{
		{"  ab  ", 0, 6, 2, 4},
		{"\u3000幹細胞\f", 0, 13, 3, 12}, // ideographic space, form feed
		{"   ", 0, 3, 3, 3},
		{"ab", 1, 1, 1, 1},
	} {
		if s, e := Trim(tt.text, tt.s, tt.e); s != tt.wantS || e != tt.wgE {
			t.Errorf("Trim(%q, %d, %d) = %d, %d; want %d, %d", tt.text, tt.s, tt.e, s, e, tt.wantS, tt.wgE)
		}
	}
}
