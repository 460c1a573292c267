package gold

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/language"
)

// CommonCategory is the category of the common-term tier.
const CommonCategory = "common"

// TermRow is one row of a terms file: a distinct surface form found in one
// file of the corpus.
type TermRow struct {
	File     string       // base name of the article, e.g. "ja-ra-adipose-msc.txt"
	Lang     language.Tag // language of the surface form
	Term     string       // exact surface form
	Category string       // disease, cell, ..., or "common"
	Note     string
	Line     int // line of the row in the gold file
}

// Specific reports whether the row is in the specific tier.
func (r TermRow) Specific() bool { return r.Category != CommonCategory }

// ParseError reports a malformed gold file.
type ParseError struct {
	File string
	Line int
	Col  int
	Err  error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Col, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ReadTermsFile reads a terms file from disk.
func ReadTermsFile(path string) ([]TermRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	defer f.Close()
	return ReadTerms(f, path)
}

// ReadTerms parses a terms file (columns file, lang, term, category and
// optionally note, in any order after a header line). name is used in
// errors.
func ReadTerms(r io.Reader, name string) ([]TermRow, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var rows []TermRow
	col := map[string]int{}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if err := checkText(name, line, text); err != nil {
			return nil, err
		}
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
			for i, h := range strings.Split(text, "\t") {
				col[strings.ToLower(strings.TrimSpace(h))] = i
			}
			for _, need := range []string{"file", "lang", "term", "category"} {
				if _, ok := col[need]; !ok {
					return nil, &ParseError{File: name, Line: 1, Col: 1, Err: fmt.Errorf("gold: missing column %q in header", need)}
				}
			}
			continue
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		f := strings.Split(text, "\t")
		get := func(key string) (string, bool) {
			i, ok := col[key]
			if !ok || i >= len(f) {
				return "", false
			}
			return f[i], true
		}
		var row TermRow
		row.Line = line
		var ok bool
		if row.File, ok = get("file"); !ok || row.File == "" {
			return nil, &ParseError{File: name, Line: line, Col: colOf(f, col["file"]), Err: fmt.Errorf("gold: missing file")}
		}
		lang, _ := get("lang")
		tag, err := language.Parse(lang)
		if err != nil {
			return nil, &ParseError{File: name, Line: line, Col: colOf(f, col["lang"]), Err: fmt.Errorf("gold: bad language %q", lang)}
		}
		row.Lang = tag
		if row.Term, ok = get("term"); !ok || row.Term == "" {
			return nil, &ParseError{File: name, Line: line, Col: colOf(f, col["term"]), Err: fmt.Errorf("gold: missing term")}
		}
		row.Category, _ = get("category")
		row.Note, _ = get("note")
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gold: %s: %w", name, err)
	}
	if line == 0 {
		return nil, &ParseError{File: name, Line: 1, Col: 1, Err: fmt.Errorf("gold: empty file")}
	}
	return rows, nil
}

// colOf returns the 1-based column (in runes) where field i starts.
func colOf(fields []string, i int) int {
	c := 1
	for j := 0; j < i && j < len(fields); j++ {
		c += len([]rune(fields[j])) + 1
	}
	return c
}

// ByFile groups rows by file, keeping row order.
func ByFile(rows []TermRow) map[string][]TermRow {
	m := map[string][]TermRow{}
	for _, r := range rows {
		m[r.File] = append(m[r.File], r)
	}
	return m
}
