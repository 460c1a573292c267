package devdata

import (
	"path/filepath"
	"testing"
)

func TestPath(t *testing.T) {
	t.Setenv("GLOSSARY_SHARED", "/data/shared")
	if got, want := Path("eval/dev/terms.tsv"), filepath.FromSlash("/data/shared/eval/dev/terms.tsv"); got != want {
		t.Errorf("Path(eval/dev/terms.tsv) = %q; want %q", got, want)
	}
}

func TestDirBesideRepository(t *testing.T) {
	t.Setenv("GLOSSARY_SHARED", "")
	// This test runs in <root>/internal/devdata.
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := Dir(), filepath.Join(filepath.Dir(root), "shared"); got != want {
		t.Errorf("Dir() = %q; want %q", got, want)
	}
}
