// Package atomicfile replaces files so that readers, and the file system
// after a crash, see the old content or the new one, never a mix: the
// content goes to a temporary file in the same directory, which is synced,
// closed and renamed over the target, and the directory is synced.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Writer replaces files. Its zero value is ready to use; the hooks let
// tests fail a write at any point.
type Writer struct {
	// Wrap, when not nil, wraps the temporary file's writer.
	Wrap func(io.Writer) io.Writer
	// Fail, when not nil, is asked before each step after writing ("sync",
	// "close", "rename", "syncdir") and fails it with its error.
	Fail func(step string) error
}

// WriteFile replaces path with data (see Write).
func WriteFile(path string, data []byte) error { return Writer{}.WriteFile(path, data) }

// Write replaces path with what write writes (see Writer.Write).
func Write(path string, write func(io.Writer) error) error { return Writer{}.Write(path, write) }

// WriteFile replaces path with data.
func (w Writer) WriteFile(path string, data []byte) error {
	return w.Write(path, func(out io.Writer) error {
		_, err := out.Write(data)
		return err
	})
}

// Write replaces path with what write writes, keeping the permissions of
// the file it replaces (0644 for a new file). On failure the temporary
// file is removed and path is untouched; an error after the rename (in
// syncing the directory) means the new file is in place but may not yet
// be durable.
func (w Writer) Write(path string, write func(io.Writer) error) (err error) {
	perm := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return &fs.PathError{Op: "write", Path: path, Err: errors.New("is a directory")}
		}
		perm = st.Mode().Perm()
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return &fs.PathError{Op: "create", Path: path, Err: pe.Err}
		}
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	var out io.Writer = f
	if w.Wrap != nil {
		out = w.Wrap(f)
	}
	bw := bufio.NewWriter(out)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	for _, step := range []struct {
		name string
		do   func() error
	}{
		{"sync", f.Sync},
		{"close", f.Close},
		{"rename", func() error { return os.Rename(tmp, path) }},
	} {
		if err = w.fail(step.name); err != nil {
			return err
		}
		if err = step.do(); err != nil {
			return err
		}
	}
	if err := w.fail("syncdir"); err != nil {
		return fmt.Errorf("syncing %s: %w", dir, err)
	}
	return SyncDir(dir)
}

func (w Writer) fail(step string) error {
	if w.Fail == nil {
		return nil
	}
	return w.Fail(step)
}

// SyncDir makes a rename or removal in dir durable. Systems that cannot
// sync a directory are not an error.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) && !errors.Is(err, errors.ErrUnsupported) {
		return fmt.Errorf("syncing %s: %w", dir, err)
	}
	return nil
}
