package locales

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestReadCSVNotText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"invalid UTF-8", "id,term_en\na,x\xffy\n", "fixture.csv:2:3: invalid UTF-8"},
		{"NUL", "id,term_en\na,x\x00y\n", "fixture.csv:2:3: NUL byte"},
		{"control character", "id,term_en\na,x\x07y\n", "fixture.csv:2:3: control character U+0007"},
		{"binary header", "\x7fELF\x02\x00\x00,x\n", "fixture.csv:1:1: NUL byte"},
		{"UTF-16 header", "i\x00d\x00,\x00t\x00", "fixture.csv:1:1: NUL byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(tt.in), "fixture.csv", CSVReadOptions{})
			var ce *CSVError
			if err == nil || !errors.As(err, &ce) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ReadCSV = %v; want a *CSVError with %q", err, tt.want)
			}
		})
	}
}

func TestReadTBXPositionAlways(t *testing.T) {
	for _, doc := range []string{"<martif><text/></martif>", "<tbx", "\n\n<tbx><text>&bomb;</text></tbx>"} {
		_, err := ReadTBX(strings.NewReader(doc), "bad.tbx")
		var te *TBXError
		if err == nil || !errors.As(err, &te) || te.Line < 1 || te.Col < 1 {
			t.Errorf("ReadTBX(%q) = %v; want a *TBXError with a line and column", doc, err)
		}
	}
}

// TestWriteFilesAtomic: bundle files are replaced by rename, never
// rewritten in place, so a crash half-way leaves the old file whole.
func TestWriteFilesAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "active.en.toml")
	if err := os.WriteFile(p, []byte("old = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Link(p, link); err != nil {
		t.Skip("no hard links:", err)
	}
	if err := WriteFiles(dir, []File{{Path: "active.en.toml", Data: []byte("new = \"y\"\n")}}, nil); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(link); string(b) != "old = \"x\"\n" {
		t.Errorf("WriteFiles rewrote the file in place (old inode now %q); want a temp file renamed over it", b)
	}
	if b, _ := os.ReadFile(p); string(b) != "new = \"y\"\n" {
		t.Errorf("WriteFiles: %q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("WriteFiles left files behind: %v", ents)
	}
}

// TestImportNotText: a translation holding a control character or invalid
// UTF-8 (JSON and TOML escapes allow them) is skipped, not added to the
// glossary where check would then fail.
func TestImportNotText(t *testing.T) {
	g := fixture(t)
	for _, text := range []string{"関\a節", "関\x00節", "関\xff節"} {
		r := ImportTranslations(g, language.Japanese, []Message{{ID: "das28", Other: text}}, Options{}, "f")
		if len(r.Added) != 0 || len(r.Skipped) != 1 || !strings.Contains(r.Skipped[0].Reason, "not text") {
			t.Errorf("import %q: added %v skipped %v; want a skip saying not text", text, r.Added, r.Skipped)
		}
	}
}
