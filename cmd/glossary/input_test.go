package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		bad  bool
	}{
		{"0", 0, false},
		{"1048576", 1 << 20, false},
		{"64MiB", 64 << 20, false},
		{"512MB", 512e6, false},
		{"256mib", 256 << 20, false},
		{"1.5KiB", 1536, false},
		{"12k", 12 << 10, false},
		{"2G", 2 << 30, false},
		{"1TB", 1e12, false},
		{" 10 B ", 10, false},
		{"", 0, true},
		{"MiB", 0, true},
		{"-1", 0, true},
		{"10XB", 0, true},
		{"1.2.3MB", 0, true},
		{"99999999999TiB", 0, true},
	}
	for _, tt := range tests {
		got, err := parseSize(tt.in)
		if (err != nil) != tt.bad || got != tt.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d, error %t", tt.in, got, err, tt.want, tt.bad)
		}
	}
	for n, want := range map[int64]string{256 << 20: "256 MiB", 1536: "1536 B", 100: "100 B", 3 << 30: "3 GiB", 2048: "2 KiB"} {
		if got := formatSize(n, " "); got != want {
			t.Errorf("formatSize(%d) = %q; want %q", n, got, want)
		}
	}
}

// endless is standard input that never ends: "関節\n" over and over. It
// counts what it gives and fails the test if read past limit bytes.
type endless struct {
	t     *testing.T
	limit int64
	n     int64
}

func (e *endless) Read(p []byte) (int, error) {
	if e.n > e.limit {
		e.t.Errorf("standard input read past %d bytes", e.limit)
		return 0, errors.New("read past the limit")
	}
	const unit = "関節\n"
	for i := range p {
		p[i] = unit[(e.n+int64(i))%int64(len(unit))]
	}
	e.n += int64(len(p))
	return len(p), nil
}

// TestMaxSize: every verb that reads a document or a list refuses one over
// --max-size with a message naming it (exit 1); standard input over the
// cap is read no further than the cap.
func TestMaxSize(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("関節リウマチ\n", 200) // 3800 bytes
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	txt := write("big.txt", big)
	tsv := write("big.tsv", "file\tlang\tterm\tcategory\n"+strings.Repeat("a.txt\tja\t関節\tanatomy\n", 200))
	csv := write("big.csv", "id,ja\n"+strings.Repeat("joint,関節\n", 400))
	jsonl := write("big.jsonl", strings.Repeat(`{"term":"関節","lang":"ja","freq":1}`+"\n", 200))
	concepts := write("concepts.tsv", "id\tja\n"+strings.Repeat("joint\t関節\n", 400))
	gl := glossaryFixture(t, map[string]string{"anatomy.yaml": cliConcept})
	const max = "1KiB"
	msg := "input is larger than --max-size (1 KiB); raise it with --max-size"

	files := []struct {
		name string
		args []string
		want string // the error's prefix and name
	}{
		{"tokenize", []string{"tokenize", "--no-glossary", txt}, "tokenize: " + txt},
		{"tokenize user words", []string{"tokenize", "--no-glossary", "--user-words", txt, "-"}, "tokenize: " + txt},
		{"scan", []string{"scan", "--glossary", lookupGlossary, txt}, "scan: " + txt},
		{"extract", []string{"extract", "--glossary", lookupGlossary, txt}, "extract: " + txt},
		{"align list", []string{"align", "--no-glossary", "--ja", txt}, "align: " + txt},
		{"align JSON lines", []string{"align", "--no-glossary", jsonl}, "align: " + jsonl},
		{"align article", []string{"align", "--no-glossary", txt}, "align: " + txt},
		{"eval extract gold", []string{"eval", "extract", "--gold", tsv, txt}, "eval extract: " + tsv},
		{"eval extract abbr gold", []string{"eval", "extract", "--gold", "testdata/extract/gold.tsv", "--abbr-gold", tsv, txt}, "eval extract: " + tsv},
		{"eval align gold", []string{"eval", "align", "--gold", concepts}, "eval align: " + concepts},
		{"import", []string{"import", "--glossary", gl, csv}, "import: " + csv},
	}
	for _, tt := range files {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(append([]string{"--max-size", max}, tt.args...), strings.NewReader("関節"), &out, &errb)
			want := "glossary: " + tt.want + ": " + msg + "\n"
			if code != 1 || errb.String() != want {
				t.Errorf("exit %d, stderr %q; want 1, %q", code, errb.String(), want)
			}
		})
	}
	if got, _ := os.ReadFile(filepath.Join(gl, "anatomy.yaml")); string(got) != cliConcept {
		t.Error("a refused import changed the glossary")
	}

	stdin := []struct {
		name string
		args []string
		want string
	}{
		{"tokenize", []string{"tokenize", "--no-glossary"}, "tokenize: <stdin>"},
		{"tokenize -", []string{"tokenize", "--no-glossary", "-"}, "tokenize: <stdin>"},
		{"scan", []string{"scan", "--glossary", lookupGlossary, "-"}, "scan: <stdin>"},
		{"extract", []string{"extract", "--glossary", lookupGlossary, "-"}, "extract: <stdin>"},
		{"add --json", []string{"add", "--glossary", gl, "--json"}, "add: <stdin>"},
		{"lookup", []string{"lookup", "--glossary", lookupGlossary}, "lookup: <stdin>"},
	}
	for _, tt := range stdin {
		t.Run(tt.name+" stdin", func(t *testing.T) {
			const capBytes = 4 << 10
			in := &endless{t: t, limit: capBytes + 1}
			var out, errb bytes.Buffer
			code := run(append([]string{"--max-size", fmt.Sprint(capBytes)}, tt.args...), in, &out, &errb)
			want := "glossary: " + tt.want + ": input is larger than --max-size (4 KiB); raise it with --max-size\n"
			if code != 1 || errb.String() != want {
				t.Errorf("exit %d, stderr %q; want 1, %q", code, errb.String(), want)
			}
		})
	}
}

// TestMaxSizeAllows: an input at the cap, or any input with --max-size 0,
// is read; a bad --max-size is a usage error.
func TestMaxSizeAllows(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	data := strings.Repeat("関節\n", 100) // 700 bytes
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, max := range []int64{700, 0} {
		b, err := readInput(p, nil, max)
		if err != nil || string(b) != data {
			t.Errorf("readInput(max %d) = %d bytes, %v; want the file", max, len(b), err)
		}
		b, err = readInput("-", strings.NewReader(data), max)
		if err != nil || string(b) != data {
			t.Errorf("readInput(stdin, max %d) = %d bytes, %v; want all", max, len(b), err)
		}
	}
	var tl *tooLargeError
	if _, err := readInput("-", strings.NewReader(data), 699); !errors.As(err, &tl) {
		t.Errorf("stdin one byte over: %v; want *tooLargeError", err)
	}
	if _, err := readInput(p, nil, 699); !errors.As(err, &tl) || tl.Name != p {
		t.Errorf("file one byte over: %v; want *tooLargeError naming it", err)
	}
	if _, err := readInput(filepath.Dir(p), nil, 0); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("directory: %v; want is a directory", err)
	}
	code, stdout, _ := runGlossaryCLI(t, "関節リウマチ\n", "--max-size", "0", "scan", "--glossary", lookupGlossary, "--format", "tsv")
	if code != 0 || !strings.Contains(stdout, "rheumatoid-arthritis") {
		t.Errorf("--max-size 0: exit %d, %q", code, stdout)
	}
	for _, bad := range []string{"lots", "-5", "1PB"} {
		if code, _, stderr := runGlossaryCLI(t, "", "--max-size", bad, "lookup", "MSC"); code != 2 || !strings.Contains(stderr, "size") {
			t.Errorf("--max-size %s: exit %d, %q; want 2", bad, code, stderr)
		}
	}
}
