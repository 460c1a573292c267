package locales

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// TestGoi18nMerge runs the real goi18n merge on the files Build writes: it
// must accept the translate file (same hashes) and take a filled entry.
// It also shows why ImportTranslations skips untouched entries: goi18n
// merge copies them, English text and all, into the active file.
func TestGoi18nMerge(t *testing.T) {
	if testing.Short() {
		t.Skip("builds goi18n; skipped with -short")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH")
	}
	dir := t.TempDir()
	tool := filepath.Join(dir, "goi18n")
	if out, err := exec.Command(goBin, "build", "-o", tool, "github.com/nicksnyder/go-i18n/v2/goi18n").CombinedOutput(); err != nil {
		t.Skipf("cannot build goi18n: %v\n%s", err, out)
	}
	c := buildFixture(t, Options{})
	var args []string
	for _, f := range c.GoI18nFiles(TOML) {
		if f.Path != "active.en.toml" && f.Path != "active.zh-Hant.toml" && f.Path != "translate.zh-Hant.toml" {
			continue
		}
		data := f.Data
		if f.Path == "translate.zh-Hant.toml" {
			data = []byte(strings.Replace(string(data), `other = "tumor necrosis factor alpha"`, `other = "腫瘤壞死因子α"`, 1))
		}
		p := filepath.Join(dir, f.Path)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	cmd := exec.Command(tool, append([]string{"merge", "-outdir", out}, args...)...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("goi18n merge: %v\n%s", err, b)
	}
	data, err := os.ReadFile(filepath.Join(out, "active.zh-Hant.toml"))
	if err != nil {
		t.Fatal(err)
	}
	mf, err := i18n.ParseMessageFileBytes(data, "active.zh-Hant.toml", unmarshalers)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, m := range mf.Messages {
		got[m.ID] = m.Other
	}
	if got["tnf-alpha"] != "腫瘤壞死因子α" {
		t.Errorf("goi18n merge did not take the filled entry (hash mismatch?): %q", got["tnf-alpha"])
	}
	if got["rheumatoid-arthritis"] != "類風濕性關節炎" {
		t.Errorf("goi18n merge lost an active message: %q", got["rheumatoid-arthritis"])
	}
	// goi18n takes the untouched entry: English in the zh-Hant bundle.
	if got["synovial-fluid"] != "synovial fluid" {
		t.Logf("goi18n no longer copies untouched entries (synovial-fluid = %q)", got["synovial-fluid"])
	}
	// ImportTranslations on the same file takes only the filled entry.
	tr, _ := os.ReadFile(filepath.Join(dir, "translate.zh-Hant.toml"))
	tag, ms, err := ReadMessageFile("translate.zh-Hant.toml", tr)
	if err != nil {
		t.Fatal(err)
	}
	r := ImportTranslations(fixture(t), tag, ms, Options{}, "translate.zh-Hant.toml")
	if len(r.Added) != 1 || r.Added[0].Lang != language.TraditionalChinese {
		t.Errorf("ImportTranslations added %+v; want only tnf-alpha", r.Added)
	}
}
