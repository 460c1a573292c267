package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadInput feeds each verb input a hostile user would: binary data,
// invalid UTF-8, NUL bytes, empty input, bad flag values. Every case must
// end with the documented exit status and a message naming the problem
// (and, for files, where it is).
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	binList := write("bin.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00"))
	badUTF8 := write("bad.txt", []byte("関節\n\xff\xfe\n"))
	ctrlList := write("ctrl.txt", []byte("関節\nab\x07c\n"))
	zh := write("zh.txt", []byte("关节\n"))
	longLine := write("long.txt", []byte(strings.Repeat("x", 2<<20)+"\n滑膜肉腫\n"))
	longJSON := write("long.jsonl", []byte(`{"term":"関節","lang":"ja","freq":1}`+"\n"+`{"term":"`+strings.Repeat("x", 5<<20)+`"}`+"\n"))

	tests := []struct {
		name    string
		args    []string
		stdin   string
		code    int
		wantErr []string // substrings of stderr
	}{
		{"lookup stdin binary", []string{"lookup", "--glossary", lookupGlossary}, "MSC\n\x7fELF\x02\x00\x00\n", 1,
			[]string{"<stdin>:2", "binary"}},
		{"lookup stdin invalid UTF-8", []string{"lookup", "--glossary", lookupGlossary}, "MSC\nab\xff\xfe\n", 1,
			[]string{"<stdin>:2:3", "invalid UTF-8"}},
		{"lookup stdin empty", []string{"lookup", "--glossary", lookupGlossary}, "", 2,
			[]string{"no terms"}},
		{"lookup stdin blank lines", []string{"lookup", "--glossary", lookupGlossary}, "\n  \n", 2,
			[]string{"no terms"}},
		{"lookup stdin line too long", []string{"lookup", "--glossary", lookupGlossary}, "MSC\n" + strings.Repeat("a", 2<<20), 1,
			[]string{"<stdin>:2", "longer than"}},
		{"tokenize binary user words", []string{"tokenize", "--no-glossary", "--user-words", binList}, "関節", 1,
			[]string{binList + ":1", "binary"}},
		{"tokenize invalid UTF-8 user words", []string{"tokenize", "--no-glossary", "--user-words", badUTF8}, "関節", 1,
			[]string{badUTF8 + ":2:1", "invalid UTF-8"}},
		{"tokenize user words line too long", []string{"tokenize", "--no-glossary", "--user-words", longLine}, "関節", 1,
			[]string{longLine + ":1", "too long"}},
		{"scan negative min-chars", []string{"scan", "--glossary", lookupGlossary, "--min-chars", "-1", "-"}, "関節", 2,
			[]string{"--min-chars"}},
		{"lookup negative limit", []string{"lookup", "--glossary", lookupGlossary, "--limit", "-1", "MSC"}, "", 2,
			[]string{"--limit"}},
		{"align binary term list", []string{"align", "--no-glossary", "--ja", binList, "--zh", zh}, "", 1,
			[]string{binList + ":1", "binary"}},
		{"align invalid UTF-8 term list", []string{"align", "--no-glossary", "--ja", badUTF8, "--zh", zh}, "", 1,
			[]string{badUTF8 + ":2:1", "invalid UTF-8"}},
		{"align JSON line too long", []string{"align", "--no-glossary", longJSON}, "", 1,
			[]string{longJSON + ":2: align: line longer than 4 MiB"}},
		{"lookup stdin over --max-size", []string{"--max-size", "8", "lookup", "--glossary", lookupGlossary}, "MSC\nMSC\nMSC\n", 1,
			[]string{"<stdin>: input is larger than --max-size (8 B)"}},
		{"align control character in term list", []string{"align", "--no-glossary", "--ja", ctrlList, "--zh", zh}, "", 1,
			[]string{ctrlList + ":2:3", "control character"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, strings.NewReader(tt.stdin), &out, &errOut)
			if code != tt.code {
				t.Errorf("run(%q) = %d; want %d (stderr %q)", tt.args, code, tt.code, errOut.String())
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(errOut.String(), w) {
					t.Errorf("run(%q) stderr = %q; want %q", tt.args, errOut.String(), w)
				}
			}
			if len(errOut.String()) > 400 {
				t.Errorf("run(%q) stderr is %d bytes long; a bad input must not be echoed whole", tt.args, len(errOut.String()))
			}
		})
	}
}

// TestExportAtomic: export -o replaces the output file by rename, so a
// failed or interrupted export never leaves a half-written file, and a
// reader holding the old file keeps its complete old content.
func TestExportAtomic(t *testing.T) {
	g := localesGlossary(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "glossary.csv")
	if err := os.WriteFile(out, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.csv")
	if err := os.Link(out, link); err != nil {
		t.Skip("no hard links here:", err)
	}
	if code, _, errOut := runCLI(t, "export", "--glossary", g, "--format", "csv", "-o", out); code != 0 {
		t.Fatalf("export: exit %d, %s", code, errOut)
	}
	if b, _ := os.ReadFile(link); string(b) != "old\n" {
		t.Errorf("export wrote into the old file in place (a hard link to it now holds %d bytes); want write to a temp file and rename", len(b))
	}
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "id,") {
		t.Errorf("export -o: %q", b)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Errorf("export left files behind: %v", ents)
	}
}
