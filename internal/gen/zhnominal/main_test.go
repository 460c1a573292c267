package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestNominalSense(t *testing.T) {
	for g, want := range map[string]bool{
		"injection":                  true,
		"to inject":                  false,
		"(medicine) hyperplasia":     true,
		"(of an illness) to occur":   false,
		"repeatedly":                 false,
		"over and over":              false,
		"variant of 反覆|反复[fan3 fu4]": false,
		"CL:個|个[ge4]":                false,
		"see 發病|发病":                  false,
		"":                           false,
	} {
		if got := nominalSense(g); got != want {
			t.Errorf("nominalSense(%q) = %v; want %v", g, got, want)
		}
	}
}

// readCEDICT takes both headwords of an entry with a nominal sense, skips
// proper names and comments, and reports a malformed line with its number.
func TestReadCEDICT(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.u8")
	data := "# comment\n" +
		"注射 注射 [zhu4 she4] /injection/to inject/\n" +
		"移植 移植 [yi2 zhi2] /to transplant/\n" +
		"發病 发病 [fa1 bing4] /(of a person) to fall ill/onset (of a medical condition)/\n" +
		"李 李 [Li3] /surname Li/\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readCEDICT(path)
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{"注射": true, "移植": false, "發病": true, "发病": true, "李": false} {
		if got[w] != want {
			t.Errorf("%s: %v; want %v", w, got[w], want)
		}
	}
	if err := os.WriteFile(path, []byte(data+"broken line\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readCEDICT(path); err == nil || err.Error() != path+":6: not a CEDICT line" {
		t.Errorf("malformed line: err = %v", err)
	}
}
