// Package devdata locates the development data the project is measured
// on — the seed articles, the dev gold lists and the dictionaries of the
// shared folder that sits beside the repository (../shared) — for tests
// and benchmarks. The folder is not part of the project: tests that use it
// skip when a file is missing, so a machine without it still passes.
//
// $GLOSSARY_SHARED overrides the location.
package devdata

import (
	"os"
	"path/filepath"
	"runtime"
)

// Path returns the path of rel (slash-separated, e.g.
// "eval/dev/concepts.tsv") inside the shared folder.
func Path(rel string) string {
	return filepath.Join(Dir(), filepath.FromSlash(rel))
}

// Dir returns the shared folder: $GLOSSARY_SHARED, else ../shared beside
// the repository root.
func Dir() string {
	if d := os.Getenv("GLOSSARY_SHARED"); d != "" {
		return d
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return filepath.Join("..", "shared")
	}
	// file is <root>/internal/devdata/devdata.go.
	root := filepath.Dir(filepath.Dir(filepath.Dir(file)))
	return filepath.Join(filepath.Dir(root), "shared")
}
