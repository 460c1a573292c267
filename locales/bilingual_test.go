package locales

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestReadBilingual(t *testing.T) {
	tsv := "id\tja\ten-US\tnote\r\n1\t関節リウマチ\t\"RA\" patients\tok\r\n2\t滑膜炎\t\n"
	header, rows, err := ReadBilingual(strings.NewReader(tsv), "t.tsv", '\t')
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(header, []string{"id", "ja", "en-US", "note"}) {
		t.Errorf("header %q", header)
	}
	if len(rows) != 2 || rows[0].Line != 2 || rows[0].Cells[2] != `"RA" patients` || rows[1].Cells[1] != "滑膜炎" || rows[1].Cells[2] != "" || len(rows[1].Cells) != 3 {
		t.Errorf("rows %+v", rows)
	}

	csvText := "\ufeffja,zh-Hant\n\"関節\nリウマチ\",類風濕性關節炎\n滑膜炎,滑膜炎\n"
	header, rows, err = ReadBilingual(strings.NewReader(csvText), "t.csv", ',')
	if err != nil || header[0] != "ja" || len(rows) != 2 || rows[0].Cells[0] != "関節\nリウマチ" || rows[1].Line != 4 {
		t.Errorf("CSV with a quoted line break: %q %+v, %v", header, rows, err)
	}
}

func TestReadBilingualErrors(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		comma     rune
		line, col int
		msg       string
	}{
		{"empty", "", '\t', 1, 1, "want a header row"},
		{"one column", "ja\n関節\n", '\t', 1, 1, "want a header row"},
		{"NUL", "ja\ten\n関節\tjo\x00int\n", '\t', 2, 8, "NUL byte"},
		{"bad quote", "ja,en\n\"関節,joint\n", ',', 2, 15, "quote"},
		{"invalid UTF-8", "ja,en\n\xff,joint\n", ',', 2, 1, "invalid UTF-8"},
	} {
		_, _, err := ReadBilingual(strings.NewReader(tc.doc), "b", tc.comma)
		var ce *CSVError
		if !errors.As(err, &ce) || ce.Line != tc.line || ce.Col != tc.col || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: %v; want %d:%d with %q", tc.name, err, tc.line, tc.col, tc.msg)
		}
	}
}

func FuzzReadBilingual(f *testing.F) {
	f.Add("id\tja\ten\n1\t関節\tjoint\n", true)
	f.Add("ja,en\n\"関節\n\",\"jo\"\"int\"\n", false)
	f.Fuzz(func(t *testing.T, doc string, tsv bool) {
		comma := ','
		if tsv {
			comma = '\t'
		}
		header, rows, err := ReadBilingual(strings.NewReader(doc), "b", comma)
		if err != nil {
			var ce *CSVError
			if !errors.As(err, &ce) || ce.Line < 1 || ce.Col < 1 {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		if len(header) < 2 {
			t.Fatalf("header %q", header)
		}
		for i, r := range rows {
			if r.Line < 2 || i > 0 && r.Line <= rows[i-1].Line {
				t.Fatalf("row %d line %d", i, r.Line)
			}
		}
	})
}
