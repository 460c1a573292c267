package terms

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestRoundTrip loads canonical files and checks that encoding them gives
// the same bytes.
func TestRoundTrip(t *testing.T) {
	g, err := Load("testdata/roundtrip")
	if err != nil {
		t.Fatal(err)
	}
	out, err := g.Encode()
	if err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob("testdata/roundtrip/*.yaml")
	if len(names) != len(out) {
		t.Fatalf("Encode gave %d files; want %d", len(out), len(names))
	}
	for _, name := range names {
		want, _ := os.ReadFile(name)
		got := out[filepath.Base(name)]
		if !bytes.Equal(got, want) {
			t.Errorf("%s: load→encode differs:\n%s", name, diff(string(want), string(got)))
		}
	}
}

// TestRoundTripSave saves a loaded canonical glossary into its own
// directory and checks that no file is rewritten.
func TestRoundTripSave(t *testing.T) {
	dir := copyDir(t, "testdata/roundtrip")
	before := fileInfos(t, dir)
	g, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Save(dir); err != nil {
		t.Fatal(err)
	}
	for name, fi := range fileInfos(t, dir) {
		if !os.SameFile(before[name], fi) {
			t.Errorf("Save rewrote unchanged %s", name)
		}
	}
	assertSameFiles(t, "testdata/roundtrip", dir)
}

// TestFormat checks canonical output for non-canonical input
// (testdata/fmt/NAME.input → NAME.golden); -update rewrites the goldens.
func TestFormat(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/fmt/*.input")
	if len(inputs) == 0 {
		t.Fatal("no testdata/fmt/*.input")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".input")
		t.Run(name, func(t *testing.T) {
			src, _ := os.ReadFile(in)
			es, errs := parseFile(name+".yaml", in, src)
			if len(errs) > 0 {
				t.Fatal(errs[0])
			}
			var cs []*Concept
			for _, e := range es {
				cs = append(cs, e.c)
			}
			got := encodeFile(cs)
			golden := strings.TrimSuffix(in, ".input") + ".golden"
			if *update {
				os.WriteFile(golden, got, 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("format %s:\n%s", in, diff(string(want), string(got)))
			}
			// The golden is canonical: it encodes to itself.
			es2, errs := parseFile(name+".yaml", golden, want)
			if len(errs) > 0 {
				t.Fatal(errs[0])
			}
			var cs2 []*Concept
			for _, e := range es2 {
				cs2 = append(cs2, e.c)
			}
			if again := encodeFile(cs2); !bytes.Equal(again, want) {
				t.Errorf("%s is not a fixed point:\n%s", golden, diff(string(want), string(again)))
			}
		})
	}
}

func TestEmptyDirectory(t *testing.T) {
	g, err := Load(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 0 {
		t.Errorf("Len() = %d; want 0", g.Len())
	}
	if ds := g.Check(); len(ds) != 0 {
		t.Errorf("Check() = %v; want nothing", ds)
	}
}

func TestLoadSkipsNonGlossaryFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.yaml", "- id: a\n  status: candidate\n")
	write(t, dir, ".a.yaml.tmp-123", "garbage: [")
	write(t, dir, "README.md", "# notes")
	os.Mkdir(filepath.Join(dir, "sub.yaml"), 0o755)
	g, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 1 {
		t.Errorf("Len() = %d; want 1", g.Len())
	}
}

// A symbolic link is refused by name, not skipped: its concepts would
// silently go missing, and a save would replace the link.
func TestLoadRefusesSymlink(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	write(t, other, "real.yaml", "- id: a\n  status: candidate\n")
	if err := os.Symlink(filepath.Join(other, "real.yaml"), filepath.Join(dir, "b.yaml")); err != nil {
		t.Skip(err)
	}
	_, err := Load(dir)
	if err == nil || !strings.Contains(err.Error(), "b.yaml: not a regular file") {
		t.Errorf("Load(dir with symlink) error = %v; want one naming b.yaml", err)
	}
}

func TestLoadDuplicateIDAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.yaml", "- id: a\n  status: candidate\n")
	write(t, dir, "b.yaml", "- id: b\n  status: candidate\n- id: a\n  status: approved\n")
	_, err := Load(dir)
	pe := asParseError(t, err)
	if pe.File != filepath.Join(dir, "b.yaml") || pe.Line != 3 || pe.Col != 7 || !strings.Contains(pe.Error(), "duplicate concept id") {
		t.Errorf("Load = %v; want duplicate id at b.yaml:3:7", err)
	}
}

// Helpers.

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyDir(t *testing.T, from string) string {
	t.Helper()
	dir := t.TempDir()
	ents, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		write(t, dir, e.Name(), string(b))
	}
	return dir
}

// fileInfos returns the FileInfo of each file of dir; os.SameFile tells
// whether a file was replaced since (an atomic write makes a new file).
func fileInfos(t *testing.T, dir string) map[string]os.FileInfo {
	t.Helper()
	m := map[string]os.FileInfo{}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		st, err := os.Stat(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = st
	}
	return m
}

func assertSameFiles(t *testing.T, want, got string) {
	t.Helper()
	w, g := fileInfos(t, want), fileInfos(t, got)
	if len(w) != len(g) {
		t.Errorf("%s has %d files; want %d", got, len(g), len(w))
	}
	for name := range w {
		a, _ := os.ReadFile(filepath.Join(want, name))
		b, err := os.ReadFile(filepath.Join(got, name))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs from %s (%v):\n%s", filepath.Join(got, name), filepath.Join(want, name), err, diff(string(a), string(b)))
		}
	}
}

func asParseError(t *testing.T, err error) *ParseError {
	t.Helper()
	pe, ok := err.(*ParseError)
	if !ok {
		t.Fatalf("error %v (%T) is not a *ParseError", err, err)
	}
	return pe
}

// diff shows the first differing line of two texts, with context.
func diff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n  want %q\n  got  %q", i+1, w, g)
		}
	}
	return "(same lines)"
}

func TestLoadCountsMoreProblems(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.yaml", "- id: a\n  colour: red\n- id: B\n")
	_, err := Load(dir)
	pe := asParseError(t, err)
	if pe.Line != 2 || pe.More != 1 || !strings.Contains(err.Error(), "and 1 more problems") {
		t.Errorf("Load = %v (line %d, more %d); want line 2 and 1 more", err, pe.Line, pe.More)
	}
}
