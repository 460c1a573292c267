package terms

import (
	"errors"
	"fmt"
	"strings"
)

// Position is a place in a glossary file. Line and Col count from 1; Col
// counts characters (runes), not bytes. Col is 0 when only the line is
// known (the YAML parser reports syntax errors by line).
type Position struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

// String formats the position as file:line:col (file:line without a
// column).
func (p Position) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// ParseError is a problem in a glossary file, at file:line:col. Every error
// [Load] and [Default] return about the content of a file is a *ParseError.
type ParseError struct {
	File string
	Line int
	Col  int // 0 when unknown (YAML syntax errors carry only a line)
	Err  error
	More int // how many more problems Load found after this one
}

func (e *ParseError) Error() string {
	s := "terms: " + Position{e.File, e.Line, e.Col}.String() + ": " + e.msg()
	if e.More > 0 {
		s += fmt.Sprintf(" (and %d more problems; `glossary check` lists them all)", e.More)
	}
	return s
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// Pos returns the position of the error.
func (e *ParseError) Pos() Position { return Position{e.File, e.Line, e.Col} }

func (e *ParseError) msg() string { return strings.TrimPrefix(e.Err.Error(), "terms: ") }

// ErrLocked is returned (wrapped) by [Glossary.Save] when another writer
// holds the directory's lock file.
var ErrLocked = errors.New("terms: glossary directory is locked by another writer")

// ErrConflict is returned (wrapped) by [Glossary.Save] when a file changed
// on disk after the glossary was loaded: saving would silently drop the
// other writer's edits, so nothing is written.
var ErrConflict = errors.New("terms: glossary file changed on disk since it was loaded")
