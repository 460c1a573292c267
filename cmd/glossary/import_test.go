package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medterm/glossary/terms"
)

// TestImportCheckErrors: like add, import refuses a merge that adds check
// errors (printing them, saving nothing) unless --force; a clean merge is
// saved.
func TestImportCheckErrors(t *testing.T) {
	// knee-joint takes 関節, joint's preferred ja term: duplicate-preferred.
	const clash = "id,category,term_ja,term_en\nknee-joint,anatomy,関節,knee joint\n"
	const clean = "id,category,term_ja,term_en\nsynovium,anatomy,滑膜,synovium\n"
	tests := []struct {
		name     string
		csv      string
		flags    []string
		code     int
		stderr   []string // substrings
		stdout   string   // substring
		saved    bool
		concepts int // after, when saved
	}{
		{"clash refused", clash, nil, 1,
			[]string{"concept knee-joint: error: ", "[duplicate-preferred]", "glossary: import: 1 new check errors; nothing saved (fix them, or use --force)"}, "", false, 0},
		{"clash dry run", clash, []string{"--dry-run"}, 1,
			[]string{"[duplicate-preferred]", "import: dry run: 1 new check errors"}, "new-concept knee-joint", false, 0},
		{"clash forced", clash, []string{"--force"}, 0,
			[]string{"[duplicate-preferred]"}, "1 new concepts, 0 terms added, 0 conflicts, 0 skipped (saved)", true, 2},
		{"clean", clean, nil, 0, nil, "new-concept synovium", true, 2},
		{"clean dry run", clean, []string{"--dry-run"}, 0, nil, "(dry run, nothing saved)", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := glossaryFixture(t, map[string]string{"anatomy.yaml": cliConcept})
			in := filepath.Join(t.TempDir(), "in.csv")
			if err := os.WriteFile(in, []byte(tt.csv), 0o644); err != nil {
				t.Fatal(err)
			}
			args := append([]string{"import", "--glossary", dir}, tt.flags...)
			code, stdout, stderr := runGlossaryCLI(t, "", append(args, in)...)
			if code != tt.code {
				t.Errorf("exit %d; want %d\nstdout %s\nstderr %s", code, tt.code, stdout, stderr)
			}
			for _, w := range tt.stderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q; want %q", stderr, w)
				}
			}
			if len(tt.stderr) == 0 && stderr != "" {
				t.Errorf("stderr %q; want nothing", stderr)
			}
			if !strings.Contains(stdout, tt.stdout) {
				t.Errorf("stdout %q; want %q", stdout, tt.stdout)
			}
			got, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml"))
			if !tt.saved {
				if string(got) != cliConcept {
					t.Errorf("glossary changed:\n%s", got)
				}
				return
			}
			g, err := terms.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			if g.Len() != tt.concepts {
				t.Errorf("%d concepts saved; want %d", g.Len(), tt.concepts)
			}
		})
	}
}
