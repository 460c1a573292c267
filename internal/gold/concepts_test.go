package gold

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/internal/devdata"
)

func TestReadConcepts(t *testing.T) {
	in := "id\tcategory\tja\tzh_hans\tzh_hant\ten\tabbr\tja_variants\tzh_variants\ten_variants\n" +
		"osteoblast\tcell\t骨芽細胞\t成骨细胞\t成骨細胞\tosteoblast\tOB\t\t造骨细胞|造骨細胞\tbone-forming cell\n" +
		"\n" +
		"rare-rule\torganisation-or-regulation\t希少規則\t罕见规则?\t\trare rule\t\t\t\t\n"
	rows, err := ReadConcepts(strings.NewReader(in), "c.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("got %d rows; want 2", len(rows))
	}
	ob := rows[0]
	if ob.ID != "osteoblast" || ob.Category != "cell" || ob.Line != 2 {
		t.Errorf("row 1 = %+v", ob)
	}
	if got := ob.Preferred[language.SimplifiedChinese].Text; got != "成骨细胞" {
		t.Errorf("zh-Hans = %q; want 成骨细胞", got)
	}
	if len(ob.Abbr) != 1 || ob.Abbr[0].Text != "OB" {
		t.Errorf("abbr = %v", ob.Abbr)
	}
	zh := ob.Terms(language.TraditionalChinese)
	if len(zh) != 3 || zh[0].Text != "成骨細胞" || zh[2].Text != "造骨細胞" {
		t.Errorf("Terms(zh-Hant) = %v", zh)
	}
	rr := rows[1]
	if e := rr.Preferred[language.SimplifiedChinese]; e.Text != "罕见规则" || !e.Uncertain {
		t.Errorf("uncertain zh-Hans = %+v; want 罕见规则 uncertain", e)
	}
	if _, ok := rr.Preferred[language.TraditionalChinese]; ok || rr.Line != 4 {
		t.Errorf("row 2 = %+v; want no zh-Hant, line 4", rr)
	}
}

func TestReadConceptsErrors(t *testing.T) {
	tests := []struct {
		name, in  string
		line, col int
	}{
		{"empty", "", 1, 1},
		{"no id column", "ja\tzh_hans\n", 1, 1},
		{"missing id", "id\tja\n\t骨\n", 2, 1},
		{"duplicate id", "id\tja\nbone\t骨\nbone\t骨格\n", 3, 1},
		{"two preferred", "id\tja\nbone\t骨|骨格\n", 2, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadConcepts(strings.NewReader(tt.in), "c.tsv")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("ReadConcepts(%q) error = %v; want *ParseError", tt.in, err)
			}
			if pe.Line != tt.line || pe.Col != tt.col || pe.File != "c.tsv" {
				t.Errorf("ReadConcepts(%q) error at %s:%d:%d; want c.tsv:%d:%d", tt.in, pe.File, pe.Line, pe.Col, tt.line, tt.col)
			}
		})
	}
}

func TestReadConceptsDev(t *testing.T) {
	path := devdata.Path("eval/dev/concepts.tsv")
	rows, err := ReadConceptsFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("dev gold not available")
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 100 {
		t.Errorf("read %d concepts from %s; want hundreds", len(rows), path)
	}
}
