package gold

import (
	"errors"
	"strings"
	"testing"
)

// TestNotText: a gold file holding binary data, invalid UTF-8 or control
// characters is refused with its position, not scored as if its rows were
// terms.
func TestNotText(t *testing.T) {
	terms := "file\tlang\tterm\tcategory\tnote\n"
	concepts := "id\tcategory\tja\tzh_hans\n"
	tests := []struct {
		name, in, want string
	}{
		{"terms invalid UTF-8", terms + "a.txt\tja\t間葉\xff\tspecific\t\n", "g.tsv:2:"},
		{"terms NUL", terms + "a.txt\tja\t間\x00\tspecific\t\n", "g.tsv:2:"},
		{"concepts invalid UTF-8", concepts + "c1\tx\t関\xff\t关节\n", "g.tsv:2:"},
		{"concepts control", concepts + "c1\tx\t関\a節\t关节\n", "g.tsv:2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if strings.HasPrefix(tt.name, "terms") {
				_, err = ReadTerms(strings.NewReader(tt.in), "g.tsv")
			} else {
				_, err = ReadConcepts(strings.NewReader(tt.in), "g.tsv")
			}
			var pe *ParseError
			if err == nil || !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("read = %v; want a *ParseError at %q", err, tt.want)
			}
		})
	}
}
