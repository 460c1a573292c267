package gold

import (
	"fmt"
	"io"

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
	var rows []TermRow
	err := readTSVFile(path, termColumns, func(r record) error { return addTermRow(&rows, r) })
	return rows, err
}

// ReadTerms parses a terms file (columns file, lang, term, category and
// optionally note, in any order after a header line). name is used in
// errors.
func ReadTerms(rd io.Reader, name string) ([]TermRow, error) {
	var rows []TermRow
	err := readTSV(rd, name, termColumns, func(r record) error { return addTermRow(&rows, r) })
	return rows, err
}

var termColumns = []string{"file", "lang", "term", "category"}

func addTermRow(rows *[]TermRow, r record) error {
	row := TermRow{File: r.get("file"), Term: r.get("term"), Category: r.get("category"), Note: r.get("note"), Line: r.line}
	if row.File == "" {
		return r.errorf("file", "missing file")
	}
	lang := r.get("lang")
	tag, err := language.Parse(lang)
	if err != nil {
		return r.errorf("lang", "bad language %q", lang)
	}
	row.Lang = tag
	if row.Term == "" {
		return r.errorf("term", "missing term")
	}
	*rows = append(*rows, row)
	return nil
}

// ByFile groups rows by file, keeping row order.
func ByFile(rows []TermRow) map[string][]TermRow {
	m := map[string][]TermRow{}
	for _, r := range rows {
		m[r.File] = append(m[r.File], r)
	}
	return m
}
