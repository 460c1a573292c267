package terms

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/internal/atomicfile"
)

// LockFile is the name of the lock file Save creates in a glossary
// directory while it writes.
const LockFile = ".glossary.lock"

// Save writes the glossary to the directory dir (created if missing), one
// file per origin: each concept goes back to the file it was read from, at
// its place; a new concept goes to "<category>.yaml". Files are written in
// canonical form (see the package documentation) and only when their
// concepts change: saving an unchanged glossary writes nothing, and a file
// laid out by hand keeps its layout until one of its concepts is edited
// ([Glossary.Format] rewrites every file canonically).
//
// Each file is replaced atomically: the new content goes to a temporary file
// in the same directory, which is synced, then renamed over the old one, and
// the directory is synced. A crash leaves either the old file or the new
// one, never a mix. (A save touching several files is atomic per file, not
// across files.)
//
// Concurrent writers are detected, never silently lost. Save holds an
// exclusive lock file (LockFile, created with O_EXCL) in dir while it
// writes; a second writer meanwhile gets [ErrLocked]. Under the lock, Save
// compares each file it is about to write with what the glossary read (or
// last wrote) there; if another writer changed it since, nothing is written
// and the error wraps [ErrConflict]: reload and retry.
//
// The lock file names its writer: pid, host name and the time it was
// taken. A lock left by a crashed writer on this host (its pid no longer
// runs) is removed, safely against other writers doing the same, and Save
// goes on; [Glossary.BrokenLock] then reports it. A lock from another host,
// from a running process or that cannot be read as such (an older format,
// an empty file) is left alone: the error wraps [ErrLocked] and names the
// file, to be removed by hand if no other writer runs.
//
// Saving to a directory other than the one loaded from ("save as") writes
// every file and overwrites what is there.
func (g *Glossary) Save(dir string) error { return g.save(dir, false) }

// Format is [Glossary.Save], except that it also rewrites the files whose
// concepts did not change but which are not in canonical form
// (`glossary fmt`).
func (g *Glossary) Format(dir string) error { return g.save(dir, true) }

func (g *Glossary) save(dir string, canonical bool) error {
	g.broken = nil
	out, err := g.render()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("terms: %w", err)
	}
	unlock, broken, err := lockDir(dir)
	g.broken = broken
	if err != nil {
		return err
	}
	defer unlock()
	same := g.dir != "" && sameDir(g.dir, dir)
	var write []string
	onDisk := map[string]fileState{}
	for _, name := range sortedKeys(out) {
		cur, err := os.ReadFile(filepath.Join(dir, name))
		exists := err == nil
		onDisk[name] = fileState{exists: exists, sum: sha256.Sum256(cur)}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("terms: %w", err)
		}
		if same {
			was := g.files[name]
			if was.exists != exists || exists && was.sum != sha256.Sum256(cur) {
				return fmt.Errorf("%w: %s (reload the glossary and redo the edit)", ErrConflict, filepath.Join(dir, name))
			}
		}
		if !exists || !bytes.Equal(cur, out[name]) && (canonical || !sameConcepts(name, cur, out[name])) {
			write = append(write, name)
		}
	}
	if !same || g.files == nil {
		g.files = map[string]fileState{}
	}
	g.dir = dir
	for _, name := range write {
		if err := writeFileAtomic(dir, name, out[name]); err != nil {
			return err
		}
		g.files[name] = fileState{exists: true, sum: sha256.Sum256(out[name])}
	}
	for name := range out {
		if !slices.Contains(write, name) {
			g.files[name] = onDisk[name] // left as it was
		}
	}
	return nil
}

// sameConcepts reports whether the file content cur holds exactly the
// concepts whose canonical form is want (then Save leaves its layout alone).
func sameConcepts(name string, cur, want []byte) bool {
	es, errs := parseFile(name, name, cur)
	if len(errs) > 0 {
		return false
	}
	cs := make([]*Concept, len(es))
	for i, e := range es {
		cs[i] = e.c
	}
	return bytes.Equal(encodeFile(cs), want)
}

// Changed returns the files (names inside dir) that Format(dir) would
// write: those whose content on disk differs from the glossary's canonical
// form.
func (g *Glossary) Changed(dir string) ([]string, error) {
	out, err := g.render()
	if err != nil {
		return nil, err
	}
	var changed []string
	for _, name := range sortedKeys(out) {
		cur, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("terms: %w", err)
		}
		if err != nil || !bytes.Equal(cur, out[name]) {
			changed = append(changed, name)
		}
	}
	return changed, nil
}

// Encode returns the canonical content of every file of the glossary, by
// name: what Save would write.
func (g *Glossary) Encode() (map[string][]byte, error) { return g.render() }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func sameDir(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// render validates the glossary and returns the canonical content of each
// file. Files the glossary read that now hold no concept are kept, empty.
func (g *Glossary) render() (map[string][]byte, error) {
	byFile := map[string][]*Concept{}
	for _, c := range g.concepts {
		if err := validateForSave(c); err != nil {
			return nil, err
		}
		f := g.fileOf(c)
		byFile[f] = append(byFile[f], c)
	}
	for name, st := range g.files {
		if _, ok := byFile[name]; !ok && st.exists {
			byFile[name] = nil
		}
	}
	out := make(map[string][]byte, len(byFile))
	for name, cs := range byFile {
		slices.SortStableFunc(cs, func(a, b *Concept) int {
			oa, ob := g.origins[a], g.origins[b]
			return cmpOrder(oa) - cmpOrder(ob)
		})
		out[name] = encodeFile(cs)
	}
	return out, nil
}

func cmpOrder(o *origin) int {
	if o == nil {
		return 1 << 40
	}
	return o.order
}

// validateForSave checks that what Save writes will load again.
func validateForSave(c *Concept) error {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("terms: concept %q: %s", c.ID, fmt.Sprintf(format, args...))
	}
	if err := ValidID(c.ID); err != nil {
		return err
	}
	if err := validCategory(c.Category); err != nil {
		return fail("%v", strings.TrimPrefix(err.Error(), "terms: "))
	}
	if c.Status > Approved {
		return fail("bad status %d", c.Status)
	}
	strs := []string{c.Category}
	for k, v := range c.External {
		if !validScheme(k) {
			return fail("bad external scheme %q", k)
		}
		if v == "" {
			return fail("empty external id for %s", k)
		}
		strs = append(strs, v)
	}
	for _, m := range []map[language.Tag]string{c.Definitions, c.Notes} {
		for t, s := range m {
			if err := saveTag(t); err != nil {
				return fail("%v", err)
			}
			if s == "" {
				return fail("empty definition or note for %s", t)
			}
			strs = append(strs, s)
		}
	}
	for _, s := range c.Sources {
		if s == "" {
			return fail("empty source")
		}
	}
	strs = append(strs, c.Sources...)
	for t, ts := range c.Terms {
		if err := saveTag(t); err != nil {
			return fail("%v", err)
		}
		for _, term := range ts {
			if term.Status > Forbidden || term.Type > Variant {
				return fail("term %q: bad status or type", term.Text)
			}
			strs = append(strs, term.Text, term.Note, term.Plural)
		}
	}
	for _, s := range strs {
		if !utf8.ValidString(s) {
			return fail("invalid UTF-8 in %q", s)
		}
	}
	return nil
}

func saveTag(t language.Tag) error {
	_, err := ParseTag(t.String())
	return err
}

// fileWriter replaces glossary files; tests set its hooks to fail a save
// at every point.
var fileWriter atomicfile.Writer

// writeFileAtomic replaces dir/name with data (atomicfile): the file on
// disk is always the old one or the new one.
func writeFileAtomic(dir, name string, data []byte) error {
	target := filepath.Join(dir, name)
	if err := fileWriter.WriteFile(target, data); err != nil {
		return fmt.Errorf("terms: writing %s: %w", target, err)
	}
	return nil
}
