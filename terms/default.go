package terms

import (
	"embed"
	"sync"
)

// starter holds the curated starter glossary: one file per category,
// written by hand in the glossary format.
//
//go:embed starter/*.yaml
var starter embed.FS

var defaultOnce = sync.OnceValues(func() (*Glossary, error) {
	return LoadFS(starter, "starter", "starter")
})

// Default returns the starter glossary compiled into the program: the
// concepts of rheumatology, immunology, cell therapy, drugs, lab tests,
// anatomy and clinical research the project curates in terms/starter.
//
// The files are parsed once per process; each call returns its own copy,
// which the caller may change freely. It is not bound to a directory: to
// edit it, write it out with [Glossary.Save] (`glossary init DIR`).
func Default() (*Glossary, error) {
	g, err := defaultOnce()
	if err != nil {
		return nil, err
	}
	return g.clone(), nil
}

// StarterFS returns the embedded starter glossary files (starter/*.yaml).
func StarterFS() embed.FS { return starter }
