package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// qaFiles writes a source and a target text and returns their paths.
func qaFiles(t *testing.T, src, tgt string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	s, g := filepath.Join(dir, "src.ja.txt"), filepath.Join(dir, "tgt.en.txt")
	if err := os.WriteFile(s, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(g, []byte(tgt), 0o644); err != nil {
		t.Fatal(err)
	}
	return s, g
}

func TestQACmd(t *testing.T) {
	t.Setenv("GLOSSARY_DIR", "") // the starter glossary
	src, tgt := qaFiles(t,
		"関節リウマチの患者を診た。\r\n滑膜炎が改善した。\n間葉系幹細胞を用いた。\n",
		"We saw patients with RA.\r\nThe joints improved.\nMesenchymal stem cells were used.\n")
	code, out, errOut := runCmd(t, "", "qa", "--from", "ja", "--to", "en", "--format", "tsv", src, tgt)
	if code != 1 {
		t.Fatalf("exit %d; want 1 (findings): %s", code, errOut)
	}
	if want := src + "\t2\tmissing\tsynovitis\t滑膜炎\tsynovitis\n"; out != want {
		t.Errorf("tsv:\n%q\nwant\n%q", out, want)
	}

	// Rendered: no finding, exit 0, nothing on stdout.
	_, tgt = qaFiles(t, "", "We saw patients with RA.\nThe synovitis improved.\nMesenchymal stem cells were used.\n")
	if code, out, errOut := runCmd(t, "", "qa", "--from", "ja", "--to", "en", src, tgt); code != 0 || out != "" || !strings.Contains(errOut, "0 missing, 0 to avoid in 3 segments") {
		t.Errorf("clean translation: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	// A category left out: synovitis is a disease in the starter glossary.
	if code, out, _ := runCmd(t, "", "qa", "--from", "ja", "--to", "en", "--skip-category", "common,disease", src, tgt); code != 0 || out != "" {
		t.Errorf("--skip-category disease: exit %d, %q", code, out)
	}

	// Whole files: lines from offsets, the target on standard input, JSON.
	code, out, errOut = runCmd(t, "Joint inflammation.\n\nNothing else.", "qa", "--from", "ja", "--to", "en", "--by", "file", "--format", "json", src, "-")
	if code != 1 {
		t.Fatalf("--by file: exit %d: %s", code, errOut)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var f qaFinding
		if err := json.Unmarshal([]byte(l), &f); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		lines = append(lines, f.Concept+"@"+strings.TrimPrefix(f.File, filepath.Dir(src)+"/")+":"+string(rune('0'+f.Line)))
	}
	if got, want := strings.Join(lines, " "), "rheumatoid-arthritis@src.ja.txt:1 synovitis@src.ja.txt:2 mesenchymal-stem-cell@src.ja.txt:3"; got != want {
		t.Errorf("--by file: %s; want %s", got, want)
	}
}

func TestQACmdXLIFF(t *testing.T) {
	t.Setenv("GLOSSARY_DIR", "")
	xlf := filepath.Join(t.TempDir(), "p.xlf")
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="ja" target-language="en" original="a.txt"><body>
<trans-unit id="1"><source>関節リウマチの<g id="1">患者</g></source>
<target>patients with RA</target></trans-unit>
<trans-unit id="2"><source>滑膜炎の改善</source>
<target>the joints improved</target></trans-unit>
<trans-unit id="3"><source>未翻訳</source></trans-unit>
</body></file></xliff>
`
	if err := os.WriteFile(xlf, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "", "qa", xlf)
	if code != 1 || !strings.Contains(errOut, "1 missing, 0 to avoid in 2 segments (1 untranslated, not checked)") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, xlf+":6") || !strings.Contains(out, "synovitis") || strings.Contains(out, "rheumatoid") {
		t.Errorf("table:\n%s", out)
	}
	// --to overrides the file's language: nothing is Chinese there.
	code, out, _ = runCmd(t, "", "qa", "--to", "zh-Hans", "--format", "tsv", xlf)
	if code != 1 || strings.Count(out, "\tmissing\t") != 2 {
		t.Errorf("--to zh-Hans: exit %d:\n%s", code, out)
	}
}

func TestQACmdTMX(t *testing.T) {
	t.Setenv("GLOSSARY_DIR", "")
	tmx := filepath.Join(t.TempDir(), "m.tmx")
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="ja-JP" segtype="sentence" datatype="plaintext" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="ja-JP"><seg>関節リウマチ</seg></tuv><tuv xml:lang="zh-CN"><seg>类风湿关节炎</seg></tuv></tu>
<tu><tuv xml:lang="ja-JP"><seg>滑膜炎の改善</seg></tuv>
<tuv xml:lang="zh-CN"><seg>关节改善</seg></tuv></tu>
<tu><tuv xml:lang="ja-JP"><seg>未翻訳</seg></tuv><tuv xml:lang="en-US"><seg>untranslated</seg></tuv></tu>
</body></tmx>
`
	if err := os.WriteFile(tmx, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "", "qa", "--from", "ja", "--to", "zh-Hans", "--format", "tsv", tmx)
	if code != 1 || out != tmx+"\t4\tmissing\tsynovitis\t滑膜炎\t滑膜炎\n" {
		t.Errorf("exit %d, %q, stderr %q", code, out, errOut)
	}
	if code, _, errOut := runCmd(t, "", "qa", tmx); code != 2 || !strings.Contains(errOut, "translation memory: give --from and --to") {
		t.Errorf("no languages: exit %d, %q", code, errOut)
	}
}

func TestQACmdMessages(t *testing.T) {
	t.Setenv("GLOSSARY_DIR", "")
	dir := t.TempDir()
	ja, en := filepath.Join(dir, "active.ja.toml"), filepath.Join(dir, "active.en.toml")
	if err := os.WriteFile(ja, []byte("[home.title]\nother = \"関節リウマチの方へ\"\n\n[home.msc]\nother = \"間葉系幹細胞とは\"\n\n[home.new]\nother = \"滑膜炎\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(en, []byte("[home.title]\nother = \"For people with arthritis\"\n\n[home.msc]\none = \"What is an MSC?\"\nother = \"What are MSCs?\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "", "qa", "--by", "message", "--format", "tsv", ja, en)
	if code != 1 || out != ja+"\thome.title\tmissing\trheumatoid-arthritis\t関節リウマチ\trheumatoid arthritis|RA\n" {
		t.Errorf("exit %d, %q, stderr %q", code, out, errOut)
	}
	code, _, errOut = runCmd(t, "", "qa", "--by", "message", ja, en)
	if code != 1 || !strings.Contains(errOut, "1 missing, 0 to avoid in 2 segments (1 untranslated, not checked)") {
		t.Errorf("table: exit %d, stderr %q", code, errOut)
	}
	code, out, _ = runCmd(t, "", "qa", "--by", "message", "--format", "json", ja, en)
	if code != 1 || !strings.Contains(out, `"message":"home.title"`) || strings.Contains(out, `"line"`) {
		t.Errorf("json: exit %d, %q", code, out)
	}
	if code, _, errOut := runCmd(t, "", "qa", "--by", "message", ja, ja); code != 2 || !strings.Contains(errOut, "are both ja") {
		t.Errorf("same language: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, "", "qa", "--by", "message", ja); code != 2 || !strings.Contains(errOut, "compares two message files") {
		t.Errorf("one file: exit %d, %q", code, errOut)
	}
}

func TestQACmdTable(t *testing.T) {
	t.Setenv("GLOSSARY_DIR", "")
	dir := t.TempDir()
	csvFile := filepath.Join(dir, "segments.csv")
	doc := "id,ja,en-US,note\n1,関節リウマチの患者,patients with RA,\n2,\"滑膜炎\nの改善\",the joints improved,checked\n3,間葉系幹細胞,,\n"
	if err := os.WriteFile(csvFile, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "", "qa", "--from", "ja", "--to", "en", csvFile)
	if code != 1 || !strings.Contains(out, csvFile+":3") || !strings.Contains(out, "synovitis") || !strings.Contains(errOut, "1 missing, 0 to avoid in 2 segments (1 untranslated, not checked)") {
		t.Errorf("csv: exit %d:\n%s\n%s", code, out, errOut)
	}
	// Excel's "Unicode text": UTF-16LE with a byte order mark, tab-separated.
	tsv := filepath.Join(dir, "segments.tsv")
	u16 := []byte{0xFF, 0xFE}
	for _, r := range "ja\ten\r\n滑膜炎\tsynovitis\r\n" {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	if err := os.WriteFile(tsv, u16, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd(t, "", "qa", "--from", "ja", "--to", "en", tsv); code != 0 || out != "" {
		t.Errorf("UTF-16 tsv: exit %d, %q, %q", code, out, errOut)
	}
	if code, _, errOut := runCmd(t, "", "qa", "--from", "ja", "--to", "zh-Hant", csvFile); code != 1 || !strings.Contains(errOut, "has no column for") {
		t.Errorf("no zh-Hant column: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, "", "qa", csvFile); code != 2 || !strings.Contains(errOut, "bilingual table: give --from and --to") {
		t.Errorf("no languages: exit %d, %q", code, errOut)
	}
}

func TestQACmdErrors(t *testing.T) {
	t.Setenv("GLOSSARY_DIR", "")
	src, tgt := qaFiles(t, "関節リウマチ\n滑膜炎\n", "RA\n")
	bin := filepath.Join(t.TempDir(), "bin")
	if err := os.WriteFile(bin, []byte("\x7fELF\x00\x00\x01\x02"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"qa", "--from", "ja", "--to", "en", src, tgt}, 1, "has 2 lines and"},
		{[]string{"qa", "--to", "en", src, tgt}, 2, "--from and --to are required"},
		{[]string{"qa", "--from", "ja", "--to", "ja", src, tgt}, 2, "both ja"},
		{[]string{"qa", "--from", "ja", src, tgt}, 2, "--from and --to are required"},
		{[]string{"qa", "--from", "ja", "--to", "en", "--by", "sentence", src, tgt}, 2, "--by must be line, file or message"},
		{[]string{"qa", "--from", "ja", "--to", "en x", src, tgt}, 2, "--to"},
		{[]string{"qa", "--from", "ja", "--to", "en", "-", "-"}, 2, "both be standard input"},
		{[]string{"qa", "--from", "ja", "--to", "en", "--min-chars", "-1", src, tgt}, 2, "--min-chars must not be negative"},
		{[]string{"qa", "--from", "ja", "--to", "en", src}, 2, "is neither an XLIFF nor a TMX file"},
		{[]string{"qa", src, tgt, src}, 2, "accepts between 1 and 2 arg"},
		{[]string{"qa", "--from", "ja", "--to", "en", src, bin}, 1, "binary"},
		{[]string{"qa", "--from", "ja", "--to", "en", src, filepath.Join(t.TempDir(), "nope")}, 1, "no such file"},
	} {
		code, _, errOut := runCmd(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("%q: exit %d, %q; want exit %d with %q", tc.args[1:], code, errOut, tc.code, tc.msg)
		}
	}
}
