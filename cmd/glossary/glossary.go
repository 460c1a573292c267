package main

import (
	"fmt"
	"os"

	"github.com/medterm/glossary/terms"
	"github.com/spf13/cobra"
)

// glossaryDir returns the glossary directory chosen for this command: the
// --glossary flag, else $GLOSSARY_DIR, else "" (the embedded starter).
func glossaryDir(cmd *cobra.Command) string {
	if f := cmd.Flags().Lookup("glossary"); f != nil && f.Value.String() != "" {
		return f.Value.String()
	}
	return os.Getenv("GLOSSARY_DIR")
}

// loadGlossary loads the glossary a command works on: the directory given
// by --glossary, else $GLOSSARY_DIR, else the starter glossary embedded in
// the binary (terms.Default).
func loadGlossary(cmd *cobra.Command) (*terms.Glossary, error) {
	if dir := glossaryDir(cmd); dir != "" {
		return terms.Load(dir)
	}
	return terms.Default()
}

// editableDir returns the directory an editing verb writes to. Edits need an
// explicit --glossary or $GLOSSARY_DIR: the embedded starter glossary is
// read-only (write it out with `glossary init DIR` first).
func editableDir(cmd *cobra.Command) (string, error) {
	dir := glossaryDir(cmd)
	if dir == "" {
		return "", usageErr("%s: needs --glossary DIR or $GLOSSARY_DIR (the embedded starter glossary is read-only; `glossary init DIR` writes it out)", cmd.Name())
	}
	if _, err := os.Stat(dir); err != nil {
		return "", fmt.Errorf("%s: %w", cmd.Name(), err)
	}
	return dir, nil
}
