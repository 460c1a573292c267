package terms

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/internal/atomicfile"
)

const oldFile = `- id: joint
  category: anatomy
  status: approved
  terms:
    ja:
      - 関節
    en:
      - joint
`

func newConcept(id string) *Concept {
	return &Concept{ID: id, Category: "anatomy", Terms: map[language.Tag][]Term{English: {{Text: id + " term"}}}}
}

func TestSaveNewConceptGoesToCategoryFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "anatomy.yaml", oldFile)
	g, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []*Concept{newConcept("synovium"), {ID: "methotrexate", Category: "drug"}, {ID: "misc"}} {
		if err := g.Add(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.Save(dir); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml"))
	want := oldFile + "- id: synovium\n  category: anatomy\n  status: candidate\n  terms:\n    en:\n      - synovium term\n"
	if string(got) != want {
		t.Errorf("anatomy.yaml:\n%s", diff(want, string(got)))
	}
	for _, f := range []string{"drug.yaml", "uncategorized.yaml"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("new concept file: %v", err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, LockFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file left behind: %v", err)
	}
	h, err := Load(dir)
	if err != nil || h.Len() != 4 {
		t.Fatalf("reload: %v, %d concepts; want 4", err, h.Len())
	}
}

func TestSaveRejectsInvalid(t *testing.T) {
	for _, c := range []*Concept{
		{ID: "Bad"},
		{ID: "a", Category: "../x"},
		{ID: "a", Terms: map[language.Tag][]Term{English: {{Text: "\xff"}}}},
		{ID: "a", Terms: map[language.Tag][]Term{language.Und: {{Text: "x"}}}},
		{ID: "a", Terms: map[language.Tag][]Term{English: {{Text: "x", Status: 9}}}},
	} {
		g, _ := New(c)
		if err := g.Save(t.TempDir()); err == nil {
			t.Errorf("Save(%+v) succeeded; want an error", c)
		}
	}
}

// failAfter is a writer that fails after n bytes.
type failAfter struct {
	w io.Writer
	n int
}

var errInjected = errors.New("injected failure")

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k, _ := f.w.Write(p[:f.n])
		f.n = 0
		return k, errInjected
	}
	f.n -= len(p)
	return f.w.Write(p)
}

// TestInterruptedSave fails a save after every possible number of bytes
// written, and at each later step, and checks that the file on disk is
// always the old one or the new one, complete, and that the glossary loads.
func TestInterruptedSave(t *testing.T) {
	defer func() {
		fileWriter = atomicfile.Writer{}
	}()
	dir := t.TempDir()
	target := filepath.Join(dir, "anatomy.yaml")
	write(t, dir, "anatomy.yaml", oldFile)
	g, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	g.Add(newConcept("synovium"))
	out, _ := g.Encode()
	newFile := out["anatomy.yaml"]
	check := func(when string, saveErr error, wantNew bool) {
		t.Helper()
		got, err := os.ReadFile(target)
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		switch {
		case bytes.Equal(got, []byte(oldFile)):
			if wantNew {
				t.Errorf("%s: old file after a successful save", when)
			}
		case bytes.Equal(got, newFile):
			if !wantNew {
				t.Errorf("%s: new file although the save failed before the rename (%v)", when, saveErr)
			}
		default:
			t.Fatalf("%s: file is neither old nor new:\n%s", when, got)
		}
		if _, err := Load(dir); err != nil {
			t.Fatalf("%s: glossary no longer loads: %v", when, err)
		}
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.Contains(e.Name(), ".tmp-") || e.Name() == LockFile {
				t.Errorf("%s: %s left behind", when, e.Name())
			}
		}
	}
	for n := 0; n < len(newFile); n++ {
		fileWriter.Wrap = func(w io.Writer) io.Writer { return &failAfter{w, n} }
		err := g.Save(dir)
		if !errors.Is(err, errInjected) {
			t.Fatalf("Save failing after %d bytes = %v; want the injected error", n, err)
		}
		check(fmt.Sprintf("after %d bytes", n), err, false)
	}
	fileWriter.Wrap = nil
	for _, step := range []string{"sync", "close", "rename"} {
		fileWriter.Fail = func(s string) error {
			if s == step {
				return errInjected
			}
			return nil
		}
		err := g.Save(dir)
		if !errors.Is(err, errInjected) {
			t.Fatalf("Save failing at %s = %v; want the injected error", step, err)
		}
		check("at "+step, err, false)
	}
	// Failing to sync the directory comes after the rename: the new file
	// is in place, the error still reported.
	fileWriter.Fail = func(s string) error {
		if s == "syncdir" {
			return errInjected
		}
		return nil
	}
	err = g.Save(dir)
	if !errors.Is(err, errInjected) {
		t.Fatalf("Save failing at syncdir = %v; want the injected error", err)
	}
	check("at syncdir", err, true)
}

func TestSaveConflict(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "anatomy.yaml", oldFile)
	g1, err1 := Load(dir)
	g2, err2 := Load(dir)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	g1.Add(newConcept("synovium"))
	if err := g1.Save(dir); err != nil {
		t.Fatal(err)
	}
	after1, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml"))
	g2.Add(newConcept("cartilage"))
	err := g2.Save(dir)
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("second writer's Save = %v; want ErrConflict", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml")); !bytes.Equal(got, after1) {
		t.Errorf("the refused save changed the file")
	}
	// The first writer can go on saving: it knows what it wrote.
	g1.Add(newConcept("bone"))
	if err := g1.Save(dir); err != nil {
		t.Errorf("first writer's second Save = %v", err)
	}
	// A file created by someone else where a new concept would go.
	g3, _ := Load(dir)
	write(t, dir, "drug.yaml", "[]\n")
	g3.Add(&Concept{ID: "mtx", Category: "drug"})
	if err := g3.Save(dir); !errors.Is(err, ErrConflict) {
		t.Errorf("Save over a file created since load = %v; want ErrConflict", err)
	}
}

func TestSaveLocked(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "anatomy.yaml", oldFile)
	write(t, dir, LockFile, "pid 1 since then\n")
	g, _ := Load(dir)
	g.Add(newConcept("synovium"))
	err := g.Save(dir)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), LockFile) {
		t.Fatalf("Save with a lock file = %v; want ErrLocked naming the file", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml")); string(got) != oldFile {
		t.Errorf("locked save changed the file")
	}
}

// TestConcurrentWriters starts several writers that loaded the same
// glossary: exactly one save wins, the others are refused (locked or
// conflict), and the file holds the winner's edit.
func TestConcurrentWriters(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "anatomy.yaml", oldFile)
	_, errs := saveConcurrently(t, dir, 8)
	won := -1
	for i, err := range errs {
		switch {
		case err == nil:
			if won >= 0 {
				t.Errorf("writers %d and %d both saved", won, i)
			}
			won = i
		case !errors.Is(err, ErrConflict) && !errors.Is(err, ErrLocked):
			t.Errorf("writer %d: %v; want ErrConflict or ErrLocked", i, err)
		}
	}
	g, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if won < 0 {
		// The first writer to take the lock finds the files as loaded.
		t.Fatalf("no writer saved: %v", errs)
	}
	if _, ok := g.Concept(fmt.Sprintf("c%d", won)); !ok || g.Len() != 2 {
		t.Errorf("after the race the glossary has %d concepts; want joint and c%d", g.Len(), won)
	}
}

func TestSaveAsAndChanged(t *testing.T) {
	g, err := Load("testdata/fmt/../roundtrip")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write(t, dir, "cell.yaml", "stale")
	if err := g.Save(dir); err != nil {
		t.Fatal(err)
	}
	assertSameFiles(t, "testdata/roundtrip", dir)
	if ch, err := g.Changed(dir); err != nil || len(ch) != 0 {
		t.Errorf("Changed after Save = %v, %v; want none", ch, err)
	}
	c, _ := g.Concept("x1")
	c.Status = Approved
	if ch, _ := g.Changed(dir); len(ch) != 1 || ch[0] != "cell.yaml" {
		t.Errorf("Changed = %v; want [cell.yaml]", ch)
	}
}

func TestRemoveKeepsEmptyFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "anatomy.yaml", oldFile)
	g, _ := Load(dir)
	if !g.Remove("joint") || g.Remove("joint") {
		t.Fatal("Remove")
	}
	if err := g.Save(dir); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml"))
	if string(got) != "[]\n" {
		t.Errorf("anatomy.yaml = %q; want []", got)
	}
}

// TestSaveKeepsHandLayout: Save rewrites only files whose concepts changed;
// Format rewrites every non-canonical file.
func TestSaveKeepsHandLayout(t *testing.T) {
	hand := "- id: knee\n  terms: {en: [knee], ja: [膝]}\n  status: approved\n"
	dir := t.TempDir()
	write(t, dir, "anatomy.yaml", oldFile)
	write(t, dir, "hand.yaml", hand)
	g, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	g.Add(newConcept("synovium"))
	if err := g.Save(dir); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "hand.yaml")); string(got) != hand {
		t.Errorf("Save rewrote the untouched hand.yaml:\n%s", got)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml")); !strings.Contains(string(got), "synovium") {
		t.Errorf("Save did not write anatomy.yaml")
	}
	if ch, _ := g.Changed(dir); len(ch) != 1 || ch[0] != "hand.yaml" {
		t.Errorf("Changed = %v; want [hand.yaml]", ch)
	}
	if err := g.Format(dir); err != nil {
		t.Fatal(err)
	}
	want := "- id: knee\n  status: approved\n  terms:\n    ja:\n      - 膝\n    en:\n      - knee\n"
	if got, _ := os.ReadFile(filepath.Join(dir, "hand.yaml")); string(got) != want {
		t.Errorf("Format: hand.yaml =\n%s\nwant:\n%s", got, want)
	}
	// Editing a concept of a hand-laid file rewrites that file.
	write(t, dir, "hand.yaml", hand)
	g, _ = Load(dir)
	c, _ := g.Concept("knee")
	c.Status = Candidate
	if err := g.Save(dir); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "hand.yaml")); !strings.Contains(string(got), "status: candidate") {
		t.Errorf("Save did not write the edited concept:\n%s", got)
	}
}

// saveConcurrently loads the glossary in dir n times, adds concept c<i> to
// the i-th copy and saves all n at once; it returns the copies and each
// Save's error.
func saveConcurrently(t *testing.T, dir string, n int) ([]*Glossary, []error) {
	t.Helper()
	gs := make([]*Glossary, n)
	for i := range gs {
		g, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		g.Add(newConcept(fmt.Sprintf("c%d", i)))
		gs[i] = g
	}
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range gs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = gs[i].Save(dir)
		}()
	}
	wg.Wait()
	return gs, errs
}
