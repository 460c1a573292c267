package locales

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"
)

func readXLIFFFile(t *testing.T, name string) *XLIFF {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "xliff", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	x, err := ReadXLIFF(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func TestReadXLIFF12(t *testing.T) {
	x := readXLIFFFile(t, "v12.xlf")
	if x.Version != "1.2" || x.SourceLang != language.Japanese || x.TargetLang != language.English {
		t.Errorf("version %q, languages %v → %v", x.Version, x.SourceLang, x.TargetLang)
	}
	want := []XLIFFSegment{
		{ID: "1", SourceLine: 7, TargetLine: 9, Source: "関節リウマチの患者に投与した。", Target: "The drug was given to patients with RA."},
		{ID: "2", SourceLine: 13, TargetLine: 14, Source: "滑膜炎が改善した。", Target: "Synovitis improved."},
		{ID: "4", SourceLine: 21, Source: "未翻訳の文。"},
	}
	checkSegments(t, x.Segments, want)
}

func TestReadXLIFF20(t *testing.T) {
	x := readXLIFFFile(t, "v20.xlf")
	if x.Version != "2.0" || x.SourceLang != language.Japanese || x.TargetLang != language.TraditionalChinese {
		t.Errorf("version %q, languages %v → %v", x.Version, x.SourceLang, x.TargetLang)
	}
	want := []XLIFFSegment{
		{ID: "u1/s1", SourceLine: 8, TargetLine: 9, Source: "間葉系幹細胞を投与した。", Target: "給予間質幹細胞。"},
		{ID: "u1", SourceLine: 13, TargetLine: 14, Source: "滑膜炎が改善。", Target: "滑膜炎改善了。"},
	}
	checkSegments(t, x.Segments, want)
}

func checkSegments(t *testing.T, got, want []XLIFFSegment) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d segments %+v; want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("segment %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func TestReadXMLErrors(t *testing.T) {
	const head = `<xliff version="1.2"><file source-language="ja" target-language="en"><body>`
	for _, tc := range []struct {
		name, doc string
		line      int
		msg       string
	}{
		{"not XML", "<xliff>\n<file>\n</xliff>", 3, "element <file> closed by </xliff>"},
		{"no root", "<tmx version=\"1.4\"/>", 1, "no <xliff> root element"},
		{"empty", "", 1, "no <xliff> root element"},
		{"target first", head + "\n<trans-unit id=\"1\"><target>x</target></trans-unit></body></file></xliff>", 2, "<target> without a <source>"},
		{"bad language", `<xliff version="2.0" srcLang="ja" trgLang="en x">` + "</xliff>", 1, `bad xml:lang "en x"`},
		{"languages differ", head + "</body></file>\n<file source-language=\"zh\" target-language=\"en\"></file></xliff>", 2, "differs from ja"},
		{"bad cp", `<xliff version="2.0"><file><unit id="1"><segment>` + "\n" + `<source>a<cp hex="zz"/></source></segment></unit></file></xliff>`, 2, "not a code point"},
		{"external entity", "<!DOCTYPE xliff [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + head + "<trans-unit id=\"1\"><source>&xxe;</source></trans-unit></body></file></xliff>", 2, "invalid character entity &xxe;"},
		{"unterminated source", head + "<trans-unit id=\"1\"><source>abc", 1, "unexpected EOF"},
	} {
		_, err := ReadXLIFF(strings.NewReader(tc.doc), "f.xlf")
		var xe *XMLError
		if !errors.As(err, &xe) || xe.Line != tc.line || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: %v; want line %d with %q", tc.name, err, tc.line, tc.msg)
		}
	}
}

func TestReadXLIFFEncoding(t *testing.T) {
	// 関節 in Shift_JIS, declared.
	doc := "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>\x8a\xd6\x90\xdf</source><target>joint</target></trans-unit></body></file></xliff>"
	x, err := ReadXLIFF(strings.NewReader(doc), "sjis.xlf")
	if err != nil || len(x.Segments) != 1 || x.Segments[0].Source != "関節" {
		t.Fatalf("Shift_JIS: %+v, %v", x, err)
	}
	// UTF-16 with a byte order mark, declared, in both byte orders.
	u16 := "<?xml version=\"1.0\" encoding=\"UTF-16\"?><xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>関節</source><target>joint</target></trans-unit></body></file></xliff>"
	for _, enc := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		b, err := unicode.UTF16(enc, unicode.UseBOM).NewEncoder().String(u16)
		if err != nil {
			t.Fatal(err)
		}
		x, err := ReadXLIFF(strings.NewReader(b), "u16.xlf")
		if err != nil || len(x.Segments) != 1 || x.Segments[0].Source != "関節" {
			t.Errorf("UTF-16 (%v): %+v, %v", enc, x, err)
		}
	}
	_, err = ReadXLIFF(strings.NewReader(`<?xml version="1.0" encoding="x-klingon"?><xliff/>`), "k.xlf")
	if err == nil || !strings.Contains(err.Error(), `unsupported encoding "x-klingon"`) {
		t.Errorf("unknown encoding: %v", err)
	}
}

func FuzzReadXLIFF(f *testing.F) {
	for _, name := range []string{"v12.xlf", "v20.xlf"} {
		b, err := os.ReadFile(filepath.Join("testdata", "xliff", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<xliff><file><unit><segment><source><cp hex="110000"/></source></segment></unit></file></xliff>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		x, err := ReadXLIFF(strings.NewReader(string(b)), "f.xlf")
		if err != nil {
			var xe *XMLError
			if !errors.As(err, &xe) || xe.Line < 1 {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		for _, s := range x.Segments {
			if s.SourceLine < 1 || s.TargetLine < 0 {
				t.Fatalf("segment %+v: bad lines", s)
			}
		}
	})
}
