package zh

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"github.com/medterm/glossary/tokenize"
	"github.com/medterm/glossary/tokenize/han"
	"github.com/medterm/glossary/tokenize/internal/blank"
)

// Tokenizer tokenizes Chinese text (simplified and traditional) with gse in
// its jieba-compatible mode (dictionary DAG plus HMM for unknown words). It
// is safe for concurrent use.
type Tokenizer struct {
	seg     *gse.Segmenter
	byFirst map[rune][]string // user words by first character, longest first
}

// Option configures a Tokenizer.
type Option func(*Tokenizer) error

// UserWords adds words (glossary terms) that are never split. Blank words
// are ignored. Occurrences are found leftmost-longest before gse runs, and
// gse segments the text between them; see the package documentation for
// why they are not added to gse's dictionary.
func UserWords(words []string) Option {
	return func(t *Tokenizer) error {
		for _, w := range words {
			w = strings.TrimSpace(w)
			if w == "" || !utf8.ValidString(w) {
				continue
			}
			r, _ := utf8.DecodeRuneInString(w)
			if !contains(t.byFirst[r], w) {
				t.byFirst[r] = append(t.byFirst[r], w)
			}
		}
		for _, ws := range t.byFirst {
			sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
		}
		return nil
	}
}

func contains(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// segmenter loads the words of gse's simplified and traditional
// dictionaries (data/zh.txt.gz) once per process.
var segmenter = sync.OnceValues(func() (*gse.Segmenter, error) {
	seg, err := load(dictData)
	if err != nil {
		return nil, err
	}
	simpForms = simplifiedForms(seg)
	return seg, nil
})

// dictData holds the words of gse's embedded Chinese dictionaries, written
// by internal/gen/gsedict (see data/README.md).
//
//go:generate go run ../../internal/gen/gsedict data/zh.txt.gz
//go:embed data/zh.txt.gz
var dictData []byte

// nominalData lists the verbs of data/zh.txt.gz that CC-CEDICT also
// glosses as nouns (注射 "injection"), written by internal/gen/zhnominal.
//
//go:generate go run ../../internal/gen/zhnominal data/zh.txt.gz data/nominal.txt
//go:embed data/nominal.txt
var nominalData string

// nominalVerbs is the set of nominalData's words.
var nominalVerbs = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, strings.Count(nominalData, "\n"))
	for w := range strings.Lines(nominalData) {
		m[strings.TrimSuffix(w, "\n")] = true
	}
	return m
})

// load builds a segmenter from gzipped "word<TAB>frequency<TAB>POS" lines
// with gse's AddToken. gse's own loader (NewEmbed) adds the same words and
// then segments every one of them for its search mode, which Cut does not
// use: that is half of its load time and ≈ 100 MB of pointers.
func load(data []byte) (*gse.Segmenter, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	seg := &gse.Segmenter{Dict: gse.NewDict()}
	seg.Init()
	sc := bufio.NewScanner(zr)
	for line := 1; sc.Scan(); line++ {
		word, rest, ok1 := strings.Cut(sc.Text(), "\t")
		freq, pos, ok2 := strings.Cut(rest, "\t")
		f, err := strconv.ParseFloat(freq, 64)
		if !ok1 || !ok2 || word == "" || err != nil || f <= 0 {
			return nil, fmt.Errorf("dictionary line %d: want word, frequency and POS", line)
		}
		if err := seg.AddToken(word, f, pos); err != nil {
			return nil, fmt.Errorf("dictionary line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if seg.Dict.NumTokens() == 0 {
		return nil, errors.New("empty dictionary")
	}
	return seg, nil
}

// Han characters from U+3400 to U+9FFF (extension A and the unified block).
const hanLo, hanHi = 0x3400, 0x9FFF

// simpForms maps a Han character (hanLo..hanHi) to the simplified form gse's
// dictionary knows, 0 for none. Set with the segmenter, read-only after.
var simpForms []rune

// simplifiedForms returns the table of simpForms: the folding key of
// tokenize/han when gse knows it as a word (為 → 为, 幹 → 干, 於 → 于).
// Keys that went through the Japanese table to a rare form (研 → 硏) are
// not words of gse's and are left out.
func simplifiedForms(seg *gse.Segmenter) []rune {
	t := make([]rune, hanHi-hanLo+1)
	for r := rune(hanLo); r <= hanHi; r++ {
		if f := han.FoldRune(r); f != r {
			if freq, _, ok := seg.Find(string(f)); ok && freq > 0 {
				t[r-hanLo] = f
			}
		}
	}
	return t
}

// simplifiedForm returns the simplified form of r in simpForms, or r.
func simplifiedForm(r rune) rune {
	if hanLo <= r && int(r-hanLo) < len(simpForms) {
		if f := simpForms[r-hanLo]; f != 0 {
			return f
		}
	}
	return r
}

// New returns a Chinese tokenizer. gse's dictionaries are loaded once per
// process, on first use (about 2 s), and shared by all Tokenizers.
func New(opts ...Option) (*Tokenizer, error) {
	seg, err := segmenter()
	if err != nil {
		return nil, errors.New("zh: loading gse dictionaries: " + err.Error())
	}
	t := &Tokenizer{seg: seg, byFirst: map[rune][]string{}}
	for _, opt := range opts {
		if err := opt(t); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// userPOS is the part of speech of user words (jieba's tag for nouns).
var userPOS = []string{"n"}

// Tokenize returns the tokens of text with offsets into text. White space
// makes no tokens. POS holds jieba's tag (n, v, vn, ...; x for symbols and
// words gse does not know), with a second element "frequent" for the
// frequent verbs, b words and nouns of general language (see frequentVerb
// and frequentNoun), "nominal" for the other verbs CC-CEDICT also glosses
// as nouns (注射), and a last element "rare" for words with the
// dictionary's lowest count (see rareWord). Base is the surface, in
// simplified characters when the text is traditional.
func (t *Tokenizer) Tokenize(text string) []tokenize.Token {
	return t.AppendTokens(make([]tokenize.Token, 0, len(text)/4), text)
}

// AppendTokens appends the tokens Tokenize returns to dst
// (tokenize.Appender).
func (t *Tokenizer) AppendTokens(toks []tokenize.Token, text string) []tokenize.Token {
	pos := 0
	if len(t.byFirst) > 0 {
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			w := t.match(text[i:], r)
			if w == "" {
				i += size
				continue
			}
			toks = t.segment(toks, text, pos, i)
			toks = append(toks, tokenize.Token{Surface: text[i : i+len(w)], Start: i, End: i + len(w), Base: text[i : i+len(w)], POS: userPOS, User: true})
			i += len(w)
			pos = i
		}
	}
	return t.segment(toks, text, pos, len(text))
}

func (t *Tokenizer) match(s string, first rune) string {
	for _, w := range t.byFirst[first] {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

// segment appends the gse tokens of text[start:end]. gse lower-cases its
// input and returns the pieces, not positions; each piece covers as many
// characters of the input as it has runes (lower-casing and chineseForms map
// rune to rune, invalid bytes become one U+FFFD each on both sides), so the
// original surface is recovered by counting runes.
func (t *Tokenizer) segment(toks []tokenize.Token, text string, start, end int) []tokenize.Token {
	if start >= end {
		return toks
	}
	in, trad := chineseForms(text[start:end])
	off, fo := start, 0 // offsets into text and in
	for _, piece := range t.seg.Cut(in, true) {
		n := utf8.RuneCountInString(piece)
		e, fe := off, fo
		for ; n > 0 && e < end; n-- {
			_, size := utf8.DecodeRuneInString(text[e:end])
			e += size
			if trad {
				_, size = utf8.DecodeRuneInString(in[fe:])
				fe += size
			}
		}
		if e == off {
			continue
		}
		s, fs := off, fo
		off, fo = e, fe
		// gse glues line breaks to punctuation ("。\n"): trim white space.
		s, e = blank.Trim(text, s, e)
		if s == e {
			continue
		}
		surface := text[s:e]
		base := surface
		if trad { // the same characters of in (white space does not fold)
			fs, fe = blank.Trim(in, fs, fe)
			base = in[fs:fe]
		}
		pos := "x"
		freq := 0.0
		if f, p, ok := t.seg.Find(piece); ok && p != "" {
			pos, freq = p, f
		}
		if (pos == "v" || pos == "b") && freq >= frequentVerb || (pos == "n" || pos == "vn") && freq >= frequentNoun {
			pos += ",frequent"
		} else if pos == "v" && nominalVerbs()[piece] {
			pos = "v,nominal"
		}
		if freq > 0 && freq <= rareWord && utf8.RuneCountInString(piece) >= 2 {
			pos += ",rare"
		}
		toks = append(toks, tokenize.Token{Surface: surface, Start: s, End: e, Base: base, POS: posSlice(pos)})
	}
	if off < end && strings.TrimSpace(text[off:end]) != "" { // gse dropped text: keep it
		toks = append(toks, tokenize.Token{Surface: text[off:end], Start: off, End: end, Base: text[off:end], POS: posSlice("x")})
	}
	return toks
}

// frequentVerb is the dictionary frequency (jieba's counts) from which a
// verb is a frequent verb of general language (进行 54355, 提供 16799,
// 推动 4715), tagged "v", "frequent": such verbs take objects (提供信息)
// rather than modify nouns as the rarer technical verbs do (损伤 1251,
// 移植 999 in 损伤部位, 移植手术). Distinguishing words (b) from the same
// frequency are general too (主要, 大型: "b", "frequent"); the rarer ones
// form terms (慢性 969, 间质 3 in 慢性炎症, 间质干细胞).
const frequentVerb = 4000

// rareWord is the dictionary frequency up to which a word of two
// characters or more is tagged with a last POS element "rare": gse's
// dictionary lists many made-up words at 3 (中所, 所分, 之比), next to a
// few real ones (治疗).
const rareWord = 3

// frequentNoun is the dictionary frequency from which a noun (n, vn) is
// one of the ≈ 560 most frequent of general language (地方 52641, 影响
// 24144, 标准 10012, 系统 20602), tagged "n", "frequent": part of terms
// (免疫系统), never one alone. Medical words of general language stay
// below it (细胞 5517, 疾病 4194).
const frequentNoun = 6000

// chineseForms returns s with its characters in the forms gse's simplified
// dictionary knows (simpForms), one character for one. Japanese-only characters (帯,
// 剤, 関) always fold: gse knows 脐带血, not the 脐帯血 of a Japanese
// writer's Chinese. All characters fold (為, 於, 幹, 該) when s is
// traditional: it has a traditional-only character, or no simplified-only
// one and at least two that fold (該類型的幹細胞 between two Latin words).
// One folding character alone is not enough: simplified text writes 著 in
// 显著, which gse knows, not 显着. trad reports the full fold. Tokens keep
// the original surface (segment counts runes).
func chineseForms(s string) (folded string, trad bool) {
	first, folds, simp := -1, 0, false
	for i, r := range s {
		if r < 0x2E80 {
			continue
		}
		switch han.Classify(r) {
		case han.TraditionalOnly:
			return strings.Map(simplifiedForm, s), true
		case han.SimplifiedOnly:
			simp = true
		case han.JapaneseOnly:
			if first < 0 {
				first = i
			}
		}
		if simplifiedForm(r) != r {
			folds++
		}
	}
	if !simp && folds >= 2 {
		return strings.Map(simplifiedForm, s), true
	}
	if first < 0 {
		return s, false
	}
	b := []rune(s[first:])
	for k, r := range b {
		if han.Shinjitai(r) {
			b[k] = han.FoldRune(r)
		}
	}
	return s[:first] + string(b), false
}

// posSlices interns the POS slices of jieba's few dozen tags (a tag with a
// second level is written "v,frequent"), so tokens do not allocate them.
// Callers must not modify Token.POS.
var posSlices sync.Map // string → []string

func posSlice(tag string) []string {
	if v, ok := posSlices.Load(tag); ok {
		return v.([]string)
	}
	v, _ := posSlices.LoadOrStore(tag, strings.Split(tag, ","))
	return v.([]string)
}
