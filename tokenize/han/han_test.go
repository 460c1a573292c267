package han

import (
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name string
		in   []string // all fold to want
		want string
	}{
		{"mesenchymal stem cell", []string{"間葉系幹細胞", "间叶系干细胞"}, "间叶系干细胞"},
		{"joint", []string{"関節", "關節", "关节"}, "关节"},
		{"drug", []string{"薬剤", "藥劑", "药剂"}, "药剂"},
		{"band", []string{"帯状疱疹", "帶狀皰疹", "带状疱疹"}, "带状疱疹"},
		{"figure", []string{"図", "圖", "图"}, "图"},
		{"dry (one-to-many 乾/幹/干)", []string{"乾燥", "干燥"}, "干燥"},
		{"valve override", []string{"弁膜症", "瓣膜症"}, "瓣膜症"},
		{"prevention override", []string{"予防", "預防", "预防"}, "预防"},
		{"prognosis", []string{"予後", "預後", "预后"}, "预后"},
		{"phrase 弁護", []string{"弁護", "辯護", "辩护"}, "辩护"},
		{"phrase 猶予", []string{"猶予", "猶豫", "犹豫"}, "犹豫"},
		{"shared shinjitai", []string{"会議", "會議", "会议"}, "会议"},
		{"Japanese variant 値", []string{"値", "值", "値"}, "值"},
		{"Taiwan variant", []string{"偽", "僞", "伪"}, "伪"},
		{"Hong Kong variant", []string{"衞生", "衛生", "卫生"}, "卫生"},
		{"kana and Latin kept", []string{"関節リウマチ", "關節リウマチ"}, "关节リウマチ"},
		{"no Han", []string{"MSC", "MSC"}, "MSC"},
		{"empty", []string{""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, in := range tt.in {
				if got := Fold(in); got != tt.want {
					t.Errorf("Fold(%q) = %q; want %q", in, got, tt.want)
				}
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		r                  rune
		simp, trad, shinji bool
	}{
		{'関', false, false, true},
		{'剤', false, false, true},
		{'帯', false, false, true},
		{'薬', false, false, true},
		{'図', false, false, true},
		{'値', false, false, true},
		{'关', true, false, false},
		{'间', true, false, false},
		{'药', true, false, false},
		{'剂', true, false, false},
		{'關', false, true, false},
		{'劑', false, true, false},
		{'藥', false, true, false},
		{'們', false, true, false},
		{'会', false, false, false}, // shinjitai = simplified
		{'国', false, false, false},
		{'間', false, false, false}, // traditional, also everyday Japanese
		{'節', false, false, false},
		{'中', false, false, false},
		{'干', false, false, false}, // simplified of 幹 and also a traditional character
		{'あ', false, false, false},
		{'A', false, false, false},
	}
	for _, tt := range tests {
		if got := Simplified(tt.r); got != tt.simp {
			t.Errorf("Simplified(%q) = %v; want %v", tt.r, got, tt.simp)
		}
		if got := Traditional(tt.r); got != tt.trad {
			t.Errorf("Traditional(%q) = %v; want %v", tt.r, got, tt.trad)
		}
		if got := Shinjitai(tt.r); got != tt.shinji {
			t.Errorf("Shinjitai(%q) = %v; want %v", tt.r, got, tt.shinji)
		}
	}
}

// TestTable checks invariants of the generated table for every row.
func TestTable(t *testing.T) {
	for i, c := range chars {
		if i > 0 && chars[i-1].r >= c.r {
			t.Fatalf("chars not sorted at %d: %U after %U", i, c.r, chars[i-1].r)
		}
		if f := FoldRune(c.to); f != c.to {
			t.Errorf("FoldRune(FoldRune(%q)) = %q; want %q (not idempotent)", c.r, f, c.to)
		}
		n := 0
		for _, fl := range []uint8{simplified, traditional, shinjitai} {
			if c.flags&fl != 0 {
				n++
			}
		}
		if n > 1 {
			t.Errorf("%q has %d exclusive classes", c.r, n)
		}
		if c.flags&simplified != 0 && c.to != c.r {
			t.Errorf("simplified-only %q folds to %q; want itself", c.r, c.to)
		}
	}
	for i, p := range phrases {
		if i > 0 && phrases[i-1].from >= p.from {
			t.Fatalf("phrases not sorted at %d", i)
		}
		if Fold(p.to) != p.to {
			t.Errorf("phrase %q folds to %q, which is not a fixpoint", p.from, p.to)
		}
	}
}

func TestFoldNoAlloc(t *testing.T) {
	s := "间叶系干细胞 MSC"
	if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
		t.Errorf("Fold(%q) allocates %v times; want 0", s, n)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"間葉系幹細胞", "关节リウマチ", "弁膜症の予後", "猶予", "MSCs", "\xff関", "衞生", "叙述"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if utf8.ValidString(s) && utf8.RuneCountInString(got) != utf8.RuneCountInString(s) {
			t.Errorf("Fold(%q) = %q: rune count changed", s, got)
		}
		if again := Fold(got); again != got {
			t.Errorf("Fold(Fold(%q)) = %q; want %q", s, again, got)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	for _, s := range []string{"間葉系幹細胞", "间叶系干细胞", "mesenchymal stem cell"} {
		b.Run(s, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				_ = Fold(s)
			}
		})
	}
}

func TestClassifyAgrees(t *testing.T) {
	for _, c := range chars {
		k := Classify(c.r)
		if (k == SimplifiedOnly) != Simplified(c.r) || (k == TraditionalOnly) != Traditional(c.r) || (k == JapaneseOnly) != Shinjitai(c.r) {
			t.Errorf("Classify(%q) = %d disagrees with Simplified/Traditional/Shinjitai", c.r, k)
		}
	}
	if Classify('a') != 0 || Classify('中') != 0 {
		t.Errorf("Classify of shared characters not 0")
	}
}
