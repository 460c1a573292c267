package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medterm/glossary/terms"
	"golang.org/x/text/language"
)

// localesGlossary copies testdata/locales into a temporary glossary dir.
func localesGlossary(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/locales/medical.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "medical.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestBundleCmd(t *testing.T) {
	g := localesGlossary(t)
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, "bundle", "--glossary", g, "--out", out, "--abbreviations")
	if code != 0 {
		t.Fatalf("bundle: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "zh-Hant       3 messages, 1 to translate") {
		t.Errorf("bundle output:\n%s", stdout)
	}
	for _, f := range []string{"active.ja.toml", "active.zh-Hans.toml", "active.zh-Hant.toml", "active.en.toml", "translate.zh-Hant.toml"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(out, "active.zh-Hans.toml")); bytes.Contains(data, []byte("间叶系干细胞")) {
		t.Error("forbidden term in the bundle")
	}
	if code, _, stderr := runCLI(t, "bundle", "--glossary", g, "--out", out, "--abbreviations", "--check"); code != 0 {
		t.Errorf("--check on fresh files: exit %d: %s", code, stderr)
	}
	if code, _, _ := runCLI(t, "bundle", "--glossary", g, "--out", out, "--check"); code != 1 {
		t.Errorf("--check without the abbreviations the files have: exit %d; want 1", code)
	}
	os.WriteFile(filepath.Join(out, "active.ja.toml"), []byte(""), 0o644)
	code, _, stderr = runCLI(t, "bundle", "--glossary", g, "--out", out, "--abbreviations", "--check")
	if code != 1 || !strings.Contains(stderr, "active.ja.toml is out of date") {
		t.Errorf("--check after an edit: exit %d, %q; want 1 naming active.ja.toml", code, stderr)
	}
	for _, f := range []string{"i18next", "gotext", "json", "yaml"} {
		if code, _, stderr := runCLI(t, "bundle", "--glossary", g, "--out", t.TempDir(), "--format", f); code != 0 {
			t.Errorf("--format %s: exit %d: %s", f, code, stderr)
		}
	}
	for _, args := range [][]string{
		{"bundle", "--glossary", g},
		{"bundle", "--glossary", g, "--out", out, "--format", "xml"},
		{"bundle", "--glossary", g, "--out", out, "--lang", "ja,zz-!!"},
		{"bundle", "--glossary", g, "--out", out, "--status", "maybe"},
	} {
		if code, _, _ := runCLI(t, args...); code != 2 {
			t.Errorf("%q: exit %d; want 2", args, code)
		}
	}
}

func TestExportCmd(t *testing.T) {
	g := localesGlossary(t)
	code, stdout, stderr := runCLI(t, "export", "--glossary", g, "--format", "tbx")
	if code != 0 || !strings.Contains(stdout, `<conceptEntry id="rheumatoid-arthritis">`) || !strings.Contains(stdout, "deprecatedTerm-admn-sts") {
		t.Errorf("export tbx: exit %d, %s\n%s", code, stderr, stdout)
	}
	code, stdout, _ = runCLI(t, "export", "--glossary", g, "--format", "csv", "--preset", "crowdin", "--category", "disease")
	if code != 0 || !strings.HasPrefix(stdout, "id,conceptSubject,term_ja") || strings.Contains(stdout, "mesenchymal") {
		t.Errorf("export csv crowdin: exit %d\n%s", code, stdout)
	}
	p := filepath.Join(t.TempDir(), "g.tsv")
	if code, _, stderr := runCLI(t, "export", "--glossary", g, "--format", "tsv", "-o", p); code != 0 {
		t.Errorf("export tsv: exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile(p); !bytes.Contains(data, []byte("id\tcategory")) {
		t.Errorf("tsv file: %q", data)
	}
	// Every language of the glossary gets columns by default.
	data, _ := os.ReadFile(filepath.Join(g, "medical.yaml"))
	os.WriteFile(filepath.Join(g, "medical.yaml"), bytes.Replace(data, []byte("    ja:\n      - 関節リウマチ\n"), []byte("    ja:\n      - 関節リウマチ\n    ko:\n      - 류마티스 관절염\n"), 1), 0o644)
	code, stdout, stderr = runCLI(t, "export", "--glossary", g, "--format", "csv")
	if code != 0 || !strings.Contains(stdout, "term_ko") || !strings.Contains(stdout, "류마티스 관절염") {
		t.Errorf("export csv with a ko term: exit %d %s\n%s", code, stderr, stdout)
	}
	if code, _, _ := runCLI(t, "export", "--glossary", g, "--format", "csv", "--preset", "trados"); code != 2 {
		t.Errorf("unknown preset: exit %d; want 2", code)
	}
}

func TestImportCmd(t *testing.T) {
	g := localesGlossary(t)
	out := t.TempDir()
	if code, _, stderr := runCLI(t, "bundle", "--glossary", g, "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	tr := filepath.Join(out, "translate.zh-Hant.toml")
	// Untouched: nothing added, nothing saved.
	code, stdout, stderr := runCLI(t, "import", "--glossary", g, tr)
	if code != 0 || !strings.Contains(stdout, "skipped     mesenchymal-stem-cell zh-Hant: untouched") || !strings.Contains(stdout, "0 terms added") {
		t.Errorf("import untouched: exit %d %s\n%s", code, stderr, stdout)
	}
	data, _ := os.ReadFile(tr)
	filled := strings.Replace(string(data), `other = "mesenchymal stem cells"`, `other = "間質幹細胞"`, 1)
	os.WriteFile(tr, []byte(filled), 0o644)
	code, stdout, stderr = runCLI(t, "import", "--glossary", g, tr)
	if code != 0 || !strings.Contains(stdout, "added       mesenchymal-stem-cell zh-Hant 間質幹細胞") {
		t.Errorf("import filled: exit %d %s\n%s", code, stderr, stdout)
	}
	gl, err := terms.Load(g)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := gl.Concept("mesenchymal-stem-cell")
	if p, ok := c.Preferred(language.TraditionalChinese); !ok || p.Text != "間質幹細胞" || c.Status != terms.Candidate {
		t.Errorf("after import: zh-Hant %q, status %v", p.Text, c.Status)
	}
	if len(c.Terms[language.SimplifiedChinese]) != 2 || len(c.Terms[language.English]) != 2 {
		t.Error("import lost terms")
	}
	// Round trip through TBX and CSV: nothing new, nothing conflicting.
	for _, format := range []string{"tbx", "csv"} {
		p := filepath.Join(t.TempDir(), "g."+format)
		if code, _, stderr := runCLI(t, "export", "--glossary", g, "--format", format, "-o", p); code != 0 {
			t.Fatal(stderr)
		}
		code, stdout, stderr := runCLI(t, "import", "--glossary", g, "--format", "json", p)
		if code != 0 || strings.TrimSpace(stdout) != "[]" {
			t.Errorf("re-import %s: exit %d %s\n%s", format, code, stderr, stdout)
		}
	}
	if code, _, _ := runCLI(t, "import", tr); code != 2 {
		t.Errorf("import without --glossary: exit %d; want 2", code)
	}
	if code, _, _ := runCLI(t, "import", "--glossary", g, "notes.txt"); code == 0 {
		t.Error("import of an unknown kind of file succeeded")
	}
}
