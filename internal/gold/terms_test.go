package gold

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestReadTerms(t *testing.T) {
	in := "file\tlang\tterm\tcategory\tnote\n" +
		"a.txt\tja\t骨芽細胞\tcell\t\n" +
		"a.txt\ten\tOB\tcell\tabbr of osteoblast\n" +
		"b.txt\tzh-Hans\t细胞\tcommon\tcommon term\n"
	rows, err := ReadTerms(strings.NewReader(in), "t.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("got %d rows; want 3", len(rows))
	}
	if rows[1].Term != "OB" || rows[1].Lang != language.English || !rows[1].Specific() || rows[1].Line != 3 {
		t.Errorf("row 2 = %+v", rows[1])
	}
	if rows[2].Specific() || rows[2].Lang != language.SimplifiedChinese {
		t.Errorf("row 3 = %+v; want common zh-Hans", rows[2])
	}
	if g := ByFile(rows); len(g["a.txt"]) != 2 || len(g["b.txt"]) != 1 {
		t.Errorf("ByFile = %v", g)
	}
}

func TestReadTermsErrors(t *testing.T) {
	tests := []struct {
		name, in  string
		line, col int
	}{
		{"empty", "", 1, 1},
		{"no term column", "file\tlang\tcategory\n", 1, 1},
		{"bad lang", "file\tlang\tterm\tcategory\na.txt\t!!\tx\tcell\n", 2, 7},
		{"missing term", "file\tlang\tterm\tcategory\na.txt\tja\n", 2, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadTerms(strings.NewReader(tt.in), "g.tsv")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("ReadTerms(%q) error = %v; want *ParseError", tt.in, err)
			}
			if pe.Line != tt.line || pe.Col != tt.col {
				t.Errorf("ReadTerms(%q) at %d:%d; want %d:%d", tt.in, pe.Line, pe.Col, tt.line, tt.col)
			}
			if !strings.HasPrefix(pe.Error(), "g.tsv:") {
				t.Errorf("Error() = %q", pe.Error())
			}
		})
	}
}
