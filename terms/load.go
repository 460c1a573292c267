package terms

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// isGlossaryFile reports whether a directory entry is a glossary file:
// a regular *.yaml (or *.yml) file whose name does not start with a dot
// (temporary files and the lock file do).
func isGlossaryFile(name string) bool {
	return !strings.HasPrefix(name, ".") && (strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml"))
}

// readDir returns the glossary files of a directory of fsys, sorted by name.
func readDir(fsys fs.FS, dir string) ([]string, error) {
	ents, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range ents {
		if !isGlossaryFile(e.Name()) || e.IsDir() {
			continue
		}
		if !e.Type().IsRegular() {
			// A symbolic link would be replaced by a regular file on
			// save; say so rather than skip the file silently.
			return nil, fmt.Errorf("%s: not a regular file (a glossary file cannot be a symbolic link, device or pipe)", path.Join(dir, e.Name()))
		}
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names, nil
}

// parseDir parses every glossary file of dir in fsys. display is the
// directory name used in positions. It returns the concepts in file order,
// every parse error, and the state of each file. detail asks for the
// positions of every concept's parts (see origin.detailed).
func parseDir(fsys fs.FS, dir, display string, detail bool) ([]entry, []*ParseError, map[string]fileState, error) {
	names, err := readDir(fsys, dir)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("terms: %w", err)
	}
	// Files are read and parsed independently, by as many workers as
	// there are CPUs (the starter has about ten files; a large glossary
	// more): a worker reads a file and parses it before taking the next,
	// so only a few files' bytes are held at once. Results are gathered in
	// name order.
	type result struct {
		es    []entry
		errs  []*ParseError
		state fileState
		err   error
	}
	res := make([]result, len(names))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(names) {
					return
				}
				r := &res[i]
				src, err := fs.ReadFile(fsys, path.Join(dir, names[i]))
				if err != nil {
					r.err = err
					continue
				}
				r.state = fileState{exists: true, sum: sha256.Sum256(src)}
				r.es, r.errs = parseFileDetail(names[i], filepath.Join(display, names[i]), src, detail)
			}
		}()
	}
	wg.Wait()
	files := make(map[string]fileState, len(names))
	for i, r := range res {
		if r.err != nil {
			return nil, nil, nil, fmt.Errorf("terms: %w", r.err)
		}
		files[names[i]] = r.state
	}
	n := 0
	for _, r := range res {
		n += len(r.es)
	}
	all := make([]entry, 0, n)
	var errs []*ParseError
	for _, r := range res {
		all = append(all, r.es...)
		errs = append(errs, r.errs...)
	}
	return all, errs, files, nil
}

// build makes a glossary of parsed entries, reporting a duplicate id as a
// ParseError at its second occurrence.
func build(es []entry) (*Glossary, *ParseError) {
	g := &Glossary{byID: make(map[string]*Concept, len(es)), origins: make(map[*Concept]*origin, len(es))}
	for _, e := range es {
		if first, dup := g.byID[e.c.ID]; dup {
			fp := g.origins[first].pos
			p := e.o.detailed(e.c).idPos
			return nil, &ParseError{File: p.File, Line: p.Line, Col: p.Col,
				Err: fmt.Errorf("duplicate concept id %q (first at %s)", e.c.ID, fp)}
		}
		g.byID[e.c.ID] = e.c
		g.origins[e.c] = e.o
		g.concepts = append(g.concepts, e.c)
	}
	slices.SortFunc(g.concepts, func(a, b *Concept) int { return strings.Compare(a.ID, b.ID) })
	return g, nil
}

// Load reads a glossary directory: every *.yaml file in it (not in
// subdirectories; names starting with a dot are skipped), each a YAML
// sequence of concepts in the format described in the package
// documentation. An empty directory is a valid, empty glossary.
//
// A problem in a file is reported as a *ParseError naming file, line and
// column (the first one found; `glossary check` lists them all). Failing to
// read the directory is reported as the underlying fs error.
func Load(dir string) (*Glossary, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("terms: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("terms: %s is not a directory", dir)
	}
	g, err := LoadFS(os.DirFS(dir), ".", dir)
	if err != nil {
		return nil, err
	}
	g.dir = dir
	return g, nil
}

// LoadFS is [Load] for a directory of a file system; display is the
// directory name shown in error positions. A glossary read this way is not
// bound to a directory: its Save writes all files anew.
func LoadFS(fsys fs.FS, dir, display string) (*Glossary, error) {
	es, errs, files, err := parseDir(fsys, dir, display, false)
	if err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		e := *errs[0]
		e.More = len(errs) - 1
		return nil, &e
	}
	g, perr := build(es)
	if perr != nil {
		return nil, perr
	}
	g.files = files
	return g, nil
}
