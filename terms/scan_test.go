package terms

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/internal/devdata"
)

func TestScan(t *testing.T) {
	x := NewIndex(testGlossary(t))
	tests := []struct {
		name string
		text string
		want []string // Text/ConceptID/lang of each hit
	}{
		{"ja longest first", "関節リウマチの患者に間葉系幹細胞を投与した。",
			[]string{"関節リウマチ/rheumatoid-arthritis/ja", "間葉系幹細胞/mesenchymal-stem-cell/ja"}},
		{"zh-Hans", "间充质干细胞治疗类风湿关节炎。",
			[]string{"间充质干细胞/mesenchymal-stem-cell/zh-Hans", "类风湿关节炎/rheumatoid-arthritis/zh-Hans"}},
		{"han folded in text", "間充質幹細胞治療類風濕性關節炎",
			[]string{"間充質幹細胞/mesenchymal-stem-cell/zh-Hans", "類風濕性關節炎/rheumatoid-arthritis/zh-Hant"}},
		{"full width and plural", "ＭＳＣｓ and MSCs, not MSCS2 or xMSC.",
			[]string{"ＭＳＣｓ/mesenchymal-stem-cell/en", "MSCs/mesenchymal-stem-cell/en"}},
		{"Latin inside CJK", "MSC療法とRA",
			[]string{"MSC/mesenchymal-stem-cell/en", "RA/rheumatoid-arthritis/en"}},
		{"Latin word boundaries", "RAS, TRAP, ra, RA.",
			[]string{"ra/rheumatoid-arthritis/en", "RA/rheumatoid-arthritis/en"}},
		{"separators and Greek", "Mesenchymal stem-cells secrete TNF-alpha and TNFα.",
			[]string{"Mesenchymal stem-cells/mesenchymal-stem-cell/en", "TNF-alpha/tnf-alpha/en", "TNFα/tnf-alpha/en"}},
		{"katakana word boundary", "ウイルス学とリウマチ性",
			[]string{"ウイルス/virus/ja", "リウマチ/rheumatoid-arthritis/ja"}},
		{"katakana inside longer katakana", "ヘパリンロックス", nil},
		{"context language", "滑膜炎的治疗", []string{"滑膜炎/synovitis/zh-Hans"}},
		{"context language ja", "滑膜炎の治療", []string{"滑膜炎/synovitis/ja"}},
		{"half-width katakana", "ｶﾝｾﾂﾘｳﾏﾁ", nil},
		{"half-width katakana term", "ﾘｳﾏﾁ因子", []string{"ﾘｳﾏﾁ/rheumatoid-arthritis/ja"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := x.Scan(tt.text)
			var got []string
			for _, h := range hits {
				if tt.text[h.Start:h.End] != h.Text {
					t.Errorf("hit %q at %d:%d is %q in the text", h.Text, h.Start, h.End, tt.text[h.Start:h.End])
				}
				got = append(got, h.Text+"/"+h.ConceptID+"/"+h.Lang.String())
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("Scan(%q) = %q; want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestScanOverlapping(t *testing.T) {
	x := NewIndex(testGlossary(t))
	text := "関節リウマチ"
	var got []string
	for _, h := range x.Scan(text, Overlapping()) {
		got = append(got, h.Text)
	}
	want := []string{"関節リウマチ", "関節", "リウマチ"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Scan(%q, Overlapping()) = %q; want %q", text, got, want)
	}
	got = got[:0]
	for _, h := range x.Scan("関節リウマチ", Overlapping(), MinChars(3)) {
		got = append(got, h.Text)
	}
	if want := []string{"関節リウマチ", "リウマチ"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Scan(関節リウマチ, Overlapping(), MinChars(3)) = %q; want %q", got, want)
	}
	hs := x.Scan("滑膜炎", TextLanguage(language.TraditionalChinese))
	if len(hs) != 1 || hs[0].Lang != TraditionalChinese {
		t.Errorf("Scan(滑膜炎, TextLanguage(zh-Hant)) = %v; want one zh-Hant hit", hs)
	}
}

func FuzzScan(f *testing.F) {
	x := NewIndex(testGlossary(f))
	for _, s := range []string{"関節リウマチの患者", "ＭＳＣｓ and MSCs", "TNF-αβ", "ｶﾞﾝ関節", "\xff関節", "㎎MSC", "間葉系幹細胞\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prevEnd := 0
		for _, h := range x.Scan(s) {
			if h.Start < prevEnd || h.End <= h.Start || h.End > len(s) {
				t.Fatalf("Scan(%q): hit %d:%d after %d", s, h.Start, h.End, prevEnd)
			}
			if s[h.Start:h.End] != h.Text {
				t.Fatalf("Scan(%q): hit text %q != %q", s, h.Text, s[h.Start:h.End])
			}
			if utf8.ValidString(s) && !utf8.ValidString(h.Text) {
				t.Fatalf("Scan(%q): hit %q cuts a character", s, h.Text)
			}
			prevEnd = h.End
		}
		for _, h := range x.Scan(s, Overlapping()) {
			if s[h.Start:h.End] != h.Text {
				t.Fatalf("Scan(%q, Overlapping): hit text %q != %q", s, h.Text, s[h.Start:h.End])
			}
		}
		// Tiny pieces: hits stay in order, inside the text, as written.
		withPieces(1, 3, 8, func() {
			prevEnd := 0
			for _, h := range x.Scan(s) {
				if h.Start < prevEnd || h.End <= h.Start || h.End > len(s) || s[h.Start:h.End] != h.Text {
					t.Fatalf("Scan(%q) in pieces: hit %q at %d:%d after %d", s, h.Text, h.Start, h.End, prevEnd)
				}
				prevEnd = h.End
			}
		})
	})
}

func FuzzLookup(f *testing.F) {
	x := NewIndex(testGlossary(f))
	for _, s := range []string{"間葉系幹細胞", "ＭＳＣｓ", "Messenchymal StemCell", "かんせつリウマチ", "\xff", "ーー", "α"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		ms := x.Lookup(q, AllRungs(), Limit(0))
		seen := map[string]bool{}
		for i, m := range ms {
			if seen[m.Concept.ID] {
				t.Fatalf("Lookup(%q): concept %s twice", q, m.Concept.ID)
			}
			seen[m.Concept.ID] = true
			if m.Score <= 0 || m.Score > 1 {
				t.Fatalf("Lookup(%q): score %v", q, m.Score)
			}
			if i > 0 && ms[i-1].Rung > m.Rung {
				t.Fatalf("Lookup(%q): not ordered by rung", q)
			}
		}
	})
}

// withPieces runs f with ScanFunc's piece sizes set small, so that a short
// text is folded in many pieces.
func withPieces(piece, max, look int, f func()) {
	p, m, l := scanPiece, scanPieceMax, scanLookahead
	scanPiece, scanPieceMax, scanLookahead = piece, max, look
	defer func() { scanPiece, scanPieceMax, scanLookahead = p, m, l }()
	f()
}

func hitKeys(hs []Hit) string {
	var b strings.Builder
	for _, h := range hs {
		b.WriteString(h.Text + "@" + strconv.Itoa(h.Start) + "/" + h.ConceptID + "/" + h.Lang.String() + " ")
	}
	return b.String()
}

// Scanning piece by piece finds what scanning the whole text finds, also
// where a term runs on over a piece's end, and ScanFunc stops when asked.
func TestScanPieces(t *testing.T) {
	x := NewIndex(testGlossary(t))
	texts := []string{
		"関節リウマチの患者に\n間葉系幹細胞を投与した。\nMSCs and TNF-alpha\nＭＳＣｓ関節リウマチ\n",
		"間葉系幹細胞を" + strings.Repeat("あ", 40) + "関節リウマチ",
		"Mesenchymal stem-cells\nsecrete TNFα; 滑膜炎的治疗\n滑膜炎の治療",
	}
	if seeds, err := os.ReadDir(devdata.Path("corpus/seeds")); err == nil {
		for _, e := range seeds {
			b, err := os.ReadFile(filepath.Join(devdata.Path("corpus/seeds"), e.Name()))
			if err == nil {
				texts = append(texts, string(b))
			}
		}
	}
	for _, text := range texts {
		for _, opts := range [][]ScanOption{nil, {Overlapping()}} {
			whole := hitKeys(x.Scan(text, opts...))
			for _, sz := range [][3]int{{1, 2, 64}, {1, 4, 64}, {8, 16, 64}, {30, 40, 100}} {
				withPieces(sz[0], sz[1], sz[2], func() {
					if got := hitKeys(x.Scan(text, opts...)); got != whole {
						t.Errorf("pieces %v of %.20q…:\n got %s\nwant %s", sz, text, got, whole)
					}
				})
			}
		}
	}
	n := 0
	x.ScanFunc(texts[0], func(Hit) bool { n++; return n < 2 })
	if n != 2 {
		t.Errorf("ScanFunc went on after f returned false: %d calls", n)
	}
}
