package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
)

func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestTokenizeTSV(t *testing.T) {
	in := "関節リウマチ(RA)に間葉系幹細胞を投与。\n"
	code, out, errOut := runCmd(t, in, "tokenize", "--no-glossary", "--format", "tsv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []string{
		"関節\t関節\t関節\t名詞,一般\tja\t0\t6\tfalse\t<stdin>",
		"リウマチ\tリウマチ\tリウマチ\t名詞,一般\tja\t6\t18\tfalse\t<stdin>",
		"(\t(\t(\t記号,括弧開\tja\t18\t19\tfalse\t<stdin>",
		"RA\tra\tRA\tabbrev\ten\t19\t21\tfalse\t<stdin>",
	}
	for i, w := range want {
		if i >= len(lines) || lines[i] != w {
			t.Fatalf("line %d = %q; want %q\n%s", i, lines[min(i, len(lines)-1)], w, out)
		}
	}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 9 {
			t.Fatalf("line %q has %d columns; want 9", l, len(f))
		}
		var start, end int
		json.Unmarshal([]byte(f[5]), &start)
		json.Unmarshal([]byte(f[6]), &end)
		if in[start:end] != f[0] {
			t.Errorf("line %q: input at %d:%d is %q", l, start, end, in[start:end])
		}
	}
}

func TestTokenizeFilesAndEncodings(t *testing.T) {
	dir := t.TempDir()
	text := "全身性エリテマトーデスにUC-MSCsを1×10^6/kg投与した。\n"
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	utf8File, sjisFile := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	os.WriteFile(utf8File, []byte(text), 0o644)
	os.WriteFile(sjisFile, sjis, 0o644)
	words := filepath.Join(dir, "words.txt")
	os.WriteFile(words, []byte("全身性エリテマトーデス\n"), 0o644)

	code, out, errOut := runCmd(t, "", "tokenize", utf8File, sjisFile, "--format", "json", "--no-glossary", "--user-words", words)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var docs []struct {
		File     string
		Encoding string
		Tokens   []struct {
			Surface    string
			Lang       string
			Start, End int
			User       bool
		}
	}
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	if len(docs) != 2 || docs[0].Encoding != "utf-8" || docs[1].Encoding != "shift_jis" {
		t.Fatalf("docs = %+v; want a utf-8 and a shift_jis file", docs)
	}
	a, _ := json.Marshal(docs[0].Tokens)
	b, _ := json.Marshal(docs[1].Tokens)
	if !bytes.Equal(a, b) {
		t.Errorf("Shift_JIS copy tokenizes differently:\n%s\n%s", a, b)
	}
	first := docs[0].Tokens[0]
	if first.Surface != "全身性エリテマトーデス" || !first.User {
		t.Errorf("first token = %+v; want the user word", first)
	}
	var found bool
	for _, tk := range docs[0].Tokens {
		found = found || tk.Surface == "1×10^6/kg" && tk.Lang == "en"
	}
	if !found {
		t.Errorf("1×10^6/kg is not one en token: %s", a)
	}

	// Forcing the wrong encoding fails with file and byte offset.
	code, _, errOut = runCmd(t, "", "tokenize", sjisFile, "--encoding", "utf-8", "--no-glossary")
	if code != 1 || !strings.Contains(errOut, sjisFile+":1:1: byte 0: invalid utf-8") {
		t.Errorf("forced utf-8 on Shift_JIS: exit %d, %q", code, errOut)
	}
	// Replacement mode warns and goes on.
	code, _, errOut = runCmd(t, "", "tokenize", sjisFile, "--encoding", "utf-8", "--replace-invalid", "--no-glossary")
	if code != 0 || !strings.Contains(errOut, "warning") {
		t.Errorf("--replace-invalid: exit %d, %q", code, errOut)
	}
}

func TestTokenizeGlossaryUserWords(t *testing.T) {
	dir := t.TempDir()
	yaml := "- id: anti-ccp-antibody\n  category: test\n  status: approved\n  terms:\n    ja:\n    - 抗CCP抗体\n"
	os.WriteFile(filepath.Join(dir, "lab.yaml"), []byte(yaml), 0o644)
	code, out, errOut := runCmd(t, "抗CCP抗体が陽性", "tokenize", "--glossary", dir, "--format", "tsv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "抗CCP抗体\t抗ccp抗体\t抗CCP抗体\t名詞,固有名詞\tja\t0\t12\ttrue\t") {
		t.Errorf("glossary term not kept whole:\n%s", out)
	}
}

func TestTokenizeErrors(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "x.bin")
	os.WriteFile(bin, []byte("MSC\x00\x00"), 0o644)
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"bad format", []string{"tokenize", "--format", "xml"}, 2, "--format must be"},
		{"bad encoding", []string{"tokenize", "--encoding", "latin-9"}, 2, "unknown encoding"},
		{"binary", []string{"tokenize", "--no-glossary", bin}, 1, bin + ":1:4: byte 3: binary data"},
		{"missing file", []string{"tokenize", "--no-glossary", filepath.Join(dir, "nope.txt")}, 1, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.msg) {
				t.Errorf("exit %d, %q; want %d and %q", code, errOut, tt.code, tt.msg)
			}
		})
	}
}

func TestTokenizeTable(t *testing.T) {
	code, out, _ := runCmd(t, "间充质干细胞治疗", "tokenize", "--no-glossary")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(out, "\n")
	if !strings.HasPrefix(lines[0], "SURFACE") || !strings.Contains(out, "治疗") {
		t.Fatalf("table output:\n%s", out)
	}
	// Columns line up in display width: LANG starts at the same cell in
	// every row.
	col := -1
	for _, l := range lines[:len(lines)-1] {
		w, i := 0, strings.Index(l, "zh-Hans")
		if strings.HasPrefix(l, "SURFACE") {
			i = strings.Index(l, "LANG")
		}
		w = displayWidth(l[:i])
		if col >= 0 && w != col {
			t.Errorf("misaligned row %q", l)
		}
		col = w
	}
}

// TestReadTextStopsOnBinary: a large input with a NUL byte early is read
// no further than its head (an endless one such as /dev/zero would never
// end), and still refused as binary.
func TestReadTextStopsOnBinary(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bin.txt")
	if err := os.WriteFile(p, append([]byte("abc\x00"), bytes.Repeat([]byte("x"), 1<<20)...), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := readText(p, "auto", defaultMaxSize)
	if err != nil || len(b) != 64<<10 {
		t.Fatalf("readText = %d bytes, %v; want the 64 KiB head", len(b), err)
	}
	if b, err = readText(p, "utf-16le", defaultMaxSize); err != nil || len(b) != 1<<20+4 {
		t.Fatalf("readText with an explicit encoding = %d bytes, %v; want all", len(b), err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"tokenize", "--no-glossary", p}, strings.NewReader(""), &out, &errb); code != 1 || !strings.Contains(errb.String(), "binary data") {
		t.Errorf("exit %d, stderr %q; want 1 and binary data", code, errb.String())
	}
}
