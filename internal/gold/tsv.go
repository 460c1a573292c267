package gold

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// record is one data line of a tab-separated gold file.
type record struct {
	name   string         // file name, for errors
	line   int            // 1-based line number
	fields []string       // the line split at tabs
	col    map[string]int // header: lower-case column name → index
}

// get returns the field of column key, or "" when the line has none.
func (r record) get(key string) string {
	i, ok := r.col[key]
	if !ok || i >= len(r.fields) {
		return ""
	}
	return r.fields[i]
}

// errorf returns a ParseError at the start of column key on this line.
func (r record) errorf(key, format string, args ...any) *ParseError {
	return &ParseError{File: r.name, Line: r.line, Col: colOf(r.fields, r.col[key]), Err: fmt.Errorf("gold: "+format, args...)}
}

// readTSVFile opens path and reads it with readTSV.
func readTSVFile(path string, required []string, row func(record) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("gold: %w", err)
	}
	defer f.Close()
	return readTSV(f, path, required, row)
}

// readTSV reads a gold file: UTF-8 text, a header line naming the columns
// (any order, any case; those in required must be there), then one row per
// non-blank line, passed to row. Lines are refused when they are not text
// (checkText). name is used in errors.
func readTSV(r io.Reader, name string, required []string, row func(record) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	col := map[string]int{}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if err := checkText(name, line, text); err != nil {
			return err
		}
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
			for i, h := range strings.Split(text, "\t") {
				col[strings.ToLower(strings.TrimSpace(h))] = i
			}
			for _, need := range required {
				if _, ok := col[need]; !ok {
					return &ParseError{File: name, Line: 1, Col: 1, Err: fmt.Errorf("gold: missing column %q in header", need)}
				}
			}
			continue
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		if err := row(record{name: name, line: line, fields: strings.Split(text, "\t"), col: col}); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gold: %s: %w", name, err)
	}
	if line == 0 {
		return &ParseError{File: name, Line: 1, Col: 1, Err: fmt.Errorf("gold: empty file")}
	}
	return nil
}

// colOf returns the 1-based column (in runes) where field i starts.
func colOf(fields []string, i int) int {
	c := 1
	for j := 0; j < i && j < len(fields); j++ {
		c += len([]rune(fields[j])) + 1
	}
	return c
}
