package atomicfile

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var errInjected = errors.New("injected")

type failAfter struct {
	w io.Writer
	n int
}

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k, _ := f.w.Write(p[:f.n])
		f.n = 0
		return k, errInjected
	}
	f.n -= len(p)
	return f.w.Write(p)
}

// A write failing at any byte or step leaves the old file and no
// temporary file; failing to sync the directory comes after the rename.
func TestWriteFailures(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f.txt")
	old, new := []byte("old content\n"), bytes.Repeat([]byte("new content\n"), 500)
	if err := os.WriteFile(p, old, 0o600); err != nil {
		t.Fatal(err)
	}
	check := func(when string, want []byte) {
		t.Helper()
		got, err := os.ReadFile(p)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%s: file holds %d bytes (%v); want %d", when, len(got), err, len(want))
		}
		ents, _ := os.ReadDir(dir)
		if len(ents) != 1 {
			t.Fatalf("%s: %d entries in the directory; want only the file", when, len(ents))
		}
	}
	for n := 0; n < len(new); n += 97 {
		w := Writer{Wrap: func(w io.Writer) io.Writer { return &failAfter{w, n} }}
		if err := w.WriteFile(p, new); !errors.Is(err, errInjected) {
			t.Fatalf("failing after %d bytes: %v", n, err)
		}
		check("after bytes", old)
	}
	for _, step := range []string{"sync", "close", "rename"} {
		w := Writer{Fail: func(s string) error {
			if s == step {
				return errInjected
			}
			return nil
		}}
		if err := w.WriteFile(p, new); !errors.Is(err, errInjected) {
			t.Fatalf("failing at %s: %v", step, err)
		}
		check("at "+step, old)
	}
	w := Writer{Fail: func(s string) error {
		if s == "syncdir" {
			return errInjected
		}
		return nil
	}}
	if err := w.WriteFile(p, new); !errors.Is(err, errInjected) {
		t.Fatalf("failing at syncdir: %v", err)
	}
	check("at syncdir", new)
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Errorf("permissions %v; want the replaced file's 0600", st.Mode().Perm())
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "new.txt")
	if err := Write(p, func(w io.Writer) error { _, err := io.WriteString(w, "hello"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "hello" {
		t.Errorf("file = %q", b)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o644 {
		t.Errorf("new file permissions %v; want 0644", st.Mode().Perm())
	}
	if err := WriteFile(dir, nil); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("writing over a directory: %v", err)
	}
	if err := WriteFile(filepath.Join(dir, "missing", "f"), nil); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
	// The writer's error comes back and nothing is left.
	if err := Write(p, func(io.Writer) error { return errInjected }); !errors.Is(err, errInjected) {
		t.Errorf("Write = %v; want the writer's error", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "hello" {
		t.Errorf("after a failed write the file = %q", b)
	}
}
