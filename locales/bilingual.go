package locales

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// BilingualRow is one row of a bilingual table: its cells and the line it
// starts on.
type BilingualRow struct {
	Line  int
	Cells []string
}

// ReadBilingual reads a table of translations, one segment per row, as
// translators keep them in spreadsheets: UTF-8 CSV (comma ',', quoted as
// RFC 4180) or TSV ('\t': no quoting, a cell holds no tab or line break),
// with a header row naming the columns (the language of each text column,
// as a BCP 47 tag such as ja, en-US or zh-Hant; other columns such as id or
// note). It returns the header, without a byte order mark, and the rows.
// Errors are *CSVError values with file:line:col; name is used in them.
func ReadBilingual(r io.Reader, name string, comma rune) (header []string, rows []BilingualRow, err error) {
	if comma == '\t' {
		return readTSV(r, name)
	}
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, csvErr(name, err)
		}
		line, _ := cr.FieldPos(0)
		if i, err := notText(rec); err != nil {
			l, c := cr.FieldPos(i)
			return nil, nil, &CSVError{File: name, Line: l, Col: c, Err: err}
		}
		rows = append(rows, BilingualRow{Line: line, Cells: rec})
	}
	return splitHeader(name, rows)
}

// readTSV reads tab-separated lines.
func readTSV(r io.Reader, name string) ([]string, []BilingualRow, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	var rows []BilingualRow
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		cells := strings.Split(line, "\t")
		if i, err := notText(cells); err != nil {
			col := 1 + len(strings.Join(cells[:i], "\t"))
			if i > 0 {
				col++
			}
			return nil, nil, &CSVError{File: name, Line: n, Col: col, Err: err}
		}
		rows = append(rows, BilingualRow{Line: n, Cells: cells})
	}
	if err := sc.Err(); err != nil {
		return nil, nil, &CSVError{File: name, Line: len(rows) + 1, Col: 1, Err: err}
	}
	return splitHeader(name, rows)
}

// splitHeader separates the header row from the others.
func splitHeader(name string, rows []BilingualRow) ([]string, []BilingualRow, error) {
	if len(rows) == 0 || len(rows[0].Cells) < 2 {
		return nil, nil, &CSVError{File: name, Line: 1, Col: 1, Err: errors.New("want a header row naming two columns at least (language tags such as ja, en)")}
	}
	header := rows[0].Cells
	header[0] = strings.TrimPrefix(header[0], "\ufeff")
	for i, h := range header {
		header[i] = strings.TrimSpace(h)
	}
	return header, rows[1:], nil
}
