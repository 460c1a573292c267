package locales

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/medterm/glossary/internal/atomicfile"
)

// WriteFiles writes the files under dir, creating directories as needed,
// each atomically (temp file, sync, rename), and removes the files listed in stale (ignoring those that do not
// exist). A file whose bytes are already on disk is not rewritten.
func WriteFiles(dir string, files []File, stale []string) error {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, f.Data) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("locales: %w", err)
		}
		if err := atomicfile.WriteFile(p, f.Data); err != nil {
			return fmt.Errorf("locales: %w", err)
		}
	}
	for _, s := range stale {
		err := os.Remove(filepath.Join(dir, filepath.FromSlash(s)))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("locales: %w", err)
		}
	}
	return nil
}

// Diff compares the files with those under dir. It returns the paths that
// are missing or differ, then the stale paths that exist but should not.
func Diff(dir string, files []File, stale []string) ([]string, error) {
	var out []string
	for _, f := range files {
		old, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if errors.Is(err, fs.ErrNotExist) {
			out = append(out, f.Path)
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("locales: %w", err)
		}
		if !bytes.Equal(old, f.Data) {
			out = append(out, f.Path)
		}
	}
	for _, s := range stale {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(s))); err == nil {
			out = append(out, s)
		}
	}
	return out, nil
}

// StaleTranslateFiles lists the translate files of the catalog's languages
// in format f that the catalog no longer needs (every message translated):
// a bundle run removes them, a check reports them.
func (c *Catalog) StaleTranslateFiles(f Format) []string {
	var out []string
	for _, lang := range c.Langs {
		if len(c.Missing[lang]) == 0 {
			out = append(out, TranslateName(lang, f))
		}
	}
	return out
}
