package locales

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestReadTMX(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "xliff", "memory.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	units, err := ReadTMX(f, "memory.tmx")
	if err != nil {
		t.Fatal(err)
	}
	jaJP, enUS := language.MustParse("ja-JP"), language.MustParse("en-US")
	if len(units) != 2 {
		t.Fatalf("%d units: %+v", len(units), units)
	}
	u := units[0]
	if u.ID != "1" || u.Line != 5 || u.Texts[jaJP] != "関節リウマチの患者に投与した。" || u.Texts[enUS] != "Given to patients with RA." || u.Lines[enUS] != 8 {
		t.Errorf("unit 1: %+v", u)
	}
	u = units[1]
	if u.ID != "" || u.Texts[language.Japanese] != "滑膜炎" || u.Texts[language.MustParse("zh-CN")] != "滑膜炎" || len(u.Texts) != 2 {
		t.Errorf("unit 2: %+v", u)
	}
}

func TestReadTMXErrors(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		line      int
		msg       string
	}{
		{"not TMX", "<xliff version=\"1.2\"/>", 1, "no <tmx> root element"},
		{"no language", "<tmx>\n<body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>", 2, "bad or no xml:lang"},
		{"language twice", "<tmx><body><tu><tuv xml:lang=\"ja\"><seg>x</seg></tuv>\n<tuv xml:lang=\"ja\"><seg>y</seg></tuv></tu></body></tmx>", 2, "two <tuv> of ja"},
		{"tuv outside tu", "<tmx><body>\n<tuv xml:lang=\"ja\"><seg>x</seg></tuv></body></tmx>", 2, "<tuv> outside <tu>"},
		{"unclosed", "<tmx><body><tu><tuv xml:lang=\"ja\"><seg>x", 1, "unexpected EOF"},
	} {
		_, err := ReadTMX(strings.NewReader(tc.doc), "m.tmx")
		var xe *XMLError
		if !errors.As(err, &xe) || xe.Line != tc.line || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: %v; want line %d with %q", tc.name, err, tc.line, tc.msg)
		}
	}
}

func FuzzReadTMX(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "xliff", "memory.tmx"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		units, err := ReadTMX(strings.NewReader(string(b)), "m.tmx")
		if err != nil {
			var xe *XMLError
			if !errors.As(err, &xe) || xe.Line < 1 {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		for _, u := range units {
			if len(u.Texts) != len(u.Lines) {
				t.Fatalf("unit %+v: texts and lines differ", u)
			}
		}
	})
}
