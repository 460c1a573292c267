package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

func runGlossaryCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

const cliConcept = `- id: joint
  category: anatomy
  status: approved
  terms:
    ja:
      - 関節
    zh-Hans:
      - 关节
    zh-Hant:
      - 關節
    en:
      - joint
`

func glossaryFixture(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCheckCmd(t *testing.T) {
	bad := glossaryFixture(t, map[string]string{
		"anatomy.yaml": cliConcept + "- id: knee\n  category: anatomy\n  terms:\n    en:\n      - joint\n      - ' knee'\n",
		"broken.yaml":  "- id: x\n  colour: red\n",
	})
	code, out, errOut := runGlossaryCLI(t, "", "check", "--glossary", bad)
	if code != 1 {
		t.Errorf("check bad: exit %d; want 1", code)
	}
	for _, want := range []string{
		filepath.Join(bad, "anatomy.yaml") + `:18:9: error: en term " knee" has leading or trailing white space [padded-term]`,
		filepath.Join(bad, "anatomy.yaml") + `:17:9: error: preferred en term "joint" is also preferred in concept joint`,
		filepath.Join(bad, "broken.yaml") + `:2:3: error: concept x: unknown key "colour"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "4 errors, 2 warnings") {
		t.Errorf("stderr = %q; want a count of 4 errors", errOut)
	}

	code, out, _ = runGlossaryCLI(t, "", "check", "--glossary", bad, "--format", "json")
	var ds []map[string]any
	if err := json.Unmarshal([]byte(out), &ds); err != nil || code != 1 || len(ds) != 6 {
		t.Fatalf("check --format json: exit %d, %v, %d diagnostics:\n%s", code, err, len(ds), out)
	}
	if ds[0]["severity"] != "error" || ds[0]["file"] == nil || ds[0]["rule"] == "" {
		t.Errorf("json diagnostic = %v", ds[0])
	}

	good := glossaryFixture(t, map[string]string{"anatomy.yaml": cliConcept})
	if code, out, _ := runGlossaryCLI(t, "", "check", "--glossary", good); code != 0 || out != "" {
		t.Errorf("check good: exit %d, %q; want 0 and no output", code, out)
	}
	t.Setenv("GLOSSARY_DIR", bad)
	if code, _, _ := runGlossaryCLI(t, "", "check", "--errors-only"); code != 1 {
		t.Errorf("check with GLOSSARY_DIR: exit %d; want 1", code)
	}
	if code, _, errOut := runGlossaryCLI(t, "", "check", "--format", "xml"); code != 2 || !strings.Contains(errOut, "--format") {
		t.Errorf("check --format xml: exit %d, %q; want 2", code, errOut)
	}
	if code, out, _ := runGlossaryCLI(t, "", "check", "--list-rules"); code != 0 || !strings.Contains(out, "duplicate-preferred") {
		t.Errorf("check --list-rules: exit %d, %q", code, out)
	}
}

func TestInitCmd(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "g")
	code, out, errOut := runGlossaryCLI(t, "", "init", dir)
	if code != 0 || !strings.HasPrefix(out, "wrote ") {
		t.Fatalf("init: exit %d, %q, %q", code, out, errOut)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if len(files) == 0 {
		t.Fatal("init wrote no files")
	}
	if code, out, _ := runGlossaryCLI(t, "", "fmt", "--check", "--glossary", dir); code != 0 || out != "" {
		t.Errorf("fmt --check after init: exit %d, %q; want 0", code, out)
	}
	if code, _, errOut := runGlossaryCLI(t, "", "init", dir); code != 1 || !strings.Contains(errOut, "not empty") {
		t.Errorf("init non-empty: exit %d, %q; want 1 and 'not empty'", code, errOut)
	}
	if code, _, errOut := runGlossaryCLI(t, "", "init", "--force", dir); code != 0 {
		t.Errorf("init --force: exit %d, %q", code, errOut)
	}
	if code, _, _ := runGlossaryCLI(t, "", "init"); code != 2 {
		t.Errorf("init without DIR: exit %d; want 2", code)
	}
}

func TestAddCmd(t *testing.T) {
	dir := glossaryFixture(t, map[string]string{"anatomy.yaml": cliConcept})
	code, out, errOut := runGlossaryCLI(t, "", "add", "--glossary", dir, "--id", "synovium", "--category", "anatomy",
		"--status", "approved", "--term", "ja=滑膜", "--term", "zh-Hans=滑膜", "--term", "zh-Hant=滑膜",
		"--term", "en=synovium", "--term", "en=synovial membrane", "--plural", "synovia", "--def", "en=The membrane lining a joint capsule.")
	if code != 0 || out != "added synovium to anatomy.yaml\n" {
		t.Fatalf("add: exit %d, %q, %q", code, out, errOut)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml"))
	want := cliConcept + `- id: synovium
  category: anatomy
  status: approved
  definition:
    en: The membrane lining a joint capsule.
  terms:
    ja:
      - 滑膜
    zh-Hans:
      - 滑膜
    zh-Hant:
      - 滑膜
    en:
      - {text: synovium, plural: synovia}
      - {text: synovial membrane, status: admitted, type: variant}
`
	if string(got) != want {
		t.Errorf("anatomy.yaml after add:\n%s\nwant:\n%s", got, want)
	}

	stdin := `[{"id": "methotrexate", "category": "drug", "terms": {"ja": ["メトトレキサート"], "en": ["methotrexate", {"text": "MTX", "status": "admitted", "type": "abbreviation"}]}}]`
	if code, out, errOut := runGlossaryCLI(t, stdin, "add", "--glossary", dir, "--json"); code != 0 || out != "added methotrexate to drug.yaml\n" {
		t.Fatalf("add --json: exit %d, %q, %q", code, out, errOut)
	}
	if code, _, errOut := runGlossaryCLI(t, stdin, "add", "--glossary", dir, "--json"); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("add existing: exit %d, %q; want 1, already exists", code, errOut)
	}
	if code, _, errOut := runGlossaryCLI(t, `{"id": "x", "terms": {"en": [{"txt": "a"}]}}`, "add", "--glossary", dir, "--json"); code != 1 || !strings.Contains(errOut, "<stdin>:1:") {
		t.Errorf("add bad json: exit %d, %q; want 1 with <stdin>:1:", code, errOut)
	}
	// A concept that would break check is refused, and nothing is written.
	before, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml"))
	code, _, errOut = runGlossaryCLI(t, "", "add", "--glossary", dir, "--id", "knee-joint", "--category", "anatomy", "--term", "en=joint")
	if code != 1 || !strings.Contains(errOut, "duplicate-preferred") || !strings.Contains(errOut, "nothing saved") {
		t.Errorf("add conflicting: exit %d, %q", code, errOut)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml")); !bytes.Equal(before, after) {
		t.Error("a refused add changed the file")
	}
	// Edits never touch the embedded glossary.
	t.Setenv("GLOSSARY_DIR", "")
	if code, _, errOut := runGlossaryCLI(t, "", "add", "--id", "x", "--term", "en=x"); code != 2 || !strings.Contains(errOut, "--glossary") {
		t.Errorf("add without a directory: exit %d, %q; want 2", code, errOut)
	}
	for _, args := range [][]string{
		{"add", "--glossary", dir},
		{"add", "--glossary", dir, "--id", "Bad Id"},
		{"add", "--glossary", dir, "--id", "a", "--term", "english=x"},
		{"add", "--glossary", dir, "--id", "a", "--term", "en"},
		{"add", "--glossary", dir, "--id", "a", "--status", "done"},
	} {
		if code, _, _ := runGlossaryCLI(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d; want 2", args, code)
		}
	}
}

func TestSetStatusCmd(t *testing.T) {
	dir := glossaryFixture(t, map[string]string{"anatomy.yaml": strings.Replace(cliConcept, "      - joint\n", "      - joint\n      - {text: articulation, status: admitted, type: variant}\n", 1)})
	if code, out, errOut := runGlossaryCLI(t, "", "set-status", "--glossary", dir, "joint", "candidate"); code != 0 || !strings.Contains(out, "joint is now candidate") {
		t.Fatalf("set-status: exit %d, %q, %q", code, out, errOut)
	}
	code, _, errOut := runGlossaryCLI(t, "", "set-status", "--glossary", dir, "joint", "preferred", "--lang", "en", "--term", "articulation")
	if code != 0 || !strings.Contains(errOut, `en term "joint" is now admitted`) {
		t.Fatalf("set-status term: exit %d, %q", code, errOut)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml"))
	if !strings.Contains(string(got), "  status: candidate\n") || !strings.Contains(string(got), "    en:\n      - {text: articulation, type: variant}\n      - {text: joint, status: admitted}\n") {
		t.Errorf("anatomy.yaml after set-status:\n%s", got)
	}
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"set-status", "--glossary", dir, "nope", "approved"}, 1},
		{[]string{"set-status", "--glossary", dir, "joint", "done"}, 2},
		{[]string{"set-status", "--glossary", dir, "joint", "admitted", "--lang", "en"}, 2},
		{[]string{"set-status", "--glossary", dir, "joint", "admitted", "--lang", "en", "--term", "elbow"}, 1},
		{[]string{"set-status", "--glossary", dir, "joint"}, 2},
	} {
		if code, _, _ := runGlossaryCLI(t, "", tt.args...); code != tt.code {
			t.Errorf("%v: exit %d; want %d", tt.args, code, tt.code)
		}
	}
}

func TestFmtCmd(t *testing.T) {
	messy := "- status: approved\n  id: joint\n  terms:\n    en: [joint]\n    ja: ['関節']\n"
	dir := glossaryFixture(t, map[string]string{"anatomy.yaml": messy, "other.yaml": cliConcept[:0] + "[]\n"})
	if code, out, _ := runGlossaryCLI(t, "", "fmt", "--check", "--glossary", dir); code != 1 || out != "anatomy.yaml\n" {
		t.Errorf("fmt --check: exit %d, %q; want 1 and anatomy.yaml", code, out)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml")); string(got) != messy {
		t.Error("fmt --check wrote the file")
	}
	if code, out, _ := runGlossaryCLI(t, "", "fmt", "--glossary", dir); code != 0 || out != "anatomy.yaml\n" {
		t.Errorf("fmt: exit %d, %q", code, out)
	}
	want := "- id: joint\n  status: approved\n  terms:\n    ja:\n      - 関節\n    en:\n      - joint\n"
	if got, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml")); string(got) != want {
		t.Errorf("after fmt:\n%s\nwant:\n%s", got, want)
	}
	if code, out, _ := runGlossaryCLI(t, "", "fmt", "--check", "--glossary", dir); code != 0 || out != "" {
		t.Errorf("fmt --check after fmt: exit %d, %q", code, out)
	}
}

func TestLoadGlossary(t *testing.T) {
	dir := glossaryFixture(t, map[string]string{"anatomy.yaml": cliConcept})
	empty := t.TempDir()
	cmd := &cobra.Command{}
	cmd.Flags().String("glossary", "", "")
	t.Setenv("GLOSSARY_DIR", "")
	g, err := loadGlossary(cmd)
	if err != nil || g.Len() < 100 {
		t.Fatalf("default: %v, %d concepts; want the starter", err, g.Len())
	}
	t.Setenv("GLOSSARY_DIR", dir)
	if g, err := loadGlossary(cmd); err != nil || g.Len() != 1 {
		t.Errorf("GLOSSARY_DIR: %v, %v", err, g)
	}
	cmd.Flags().Set("glossary", empty)
	if g, err := loadGlossary(cmd); err != nil || g.Len() != 0 {
		t.Errorf("--glossary empty dir: %v, %v; want an empty glossary", err, g)
	}
	cmd.Flags().Set("glossary", filepath.Join(empty, "missing"))
	if _, err := loadGlossary(cmd); err == nil {
		t.Error("--glossary missing dir: no error")
	}
}

func TestEditRefusedWhileLocked(t *testing.T) {
	dir := glossaryFixture(t, map[string]string{"anatomy.yaml": cliConcept, ".glossary.lock": "pid 42 since 2026-01-01T00:00:00Z\n"})
	code, _, errOut := runGlossaryCLI(t, "", "set-status", "--glossary", dir, "joint", "candidate")
	if code != 1 || !strings.Contains(errOut, "locked by another writer") || !strings.Contains(errOut, "pid 42") {
		t.Errorf("set-status while locked: exit %d, %q; want 1 naming the lock", code, errOut)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml")); string(got) != cliConcept {
		t.Error("a locked edit changed the file")
	}
}

func TestAddReplace(t *testing.T) {
	dir := glossaryFixture(t, map[string]string{"anatomy.yaml": cliConcept + "- id: knee\n  category: anatomy\n  status: candidate\n"})
	stdin := `{"id": "joint", "category": "anatomy", "status": "candidate", "terms": {"en": ["joint", {"text": "articulation", "status": "admitted", "type": "variant"}]}}`
	if code, _, errOut := runGlossaryCLI(t, stdin, "add", "--glossary", dir, "--json", "--replace"); code != 0 {
		t.Fatalf("add --replace: exit %d, %q", code, errOut)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml"))
	want := "- id: joint\n  category: anatomy\n  status: candidate\n  terms:\n    en:\n      - joint\n      - {text: articulation, status: admitted, type: variant}\n- id: knee\n  category: anatomy\n  status: candidate\n"
	if string(got) != want {
		t.Errorf("after add --replace (the concept keeps its place):\n%s\nwant:\n%s", got, want)
	}
}
