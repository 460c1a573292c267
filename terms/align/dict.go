package align

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Dictionary is a set of bilingual dictionaries with English glosses, used
// as an English pivot: a Japanese headword (EDICT/JMdict) and a Chinese one
// (CC-CEDICT) are linked when they share a normalized English gloss.
// Several files may be added; a Dictionary is safe for concurrent reads once
// loading is done.
type Dictionary struct {
	glossID  map[string]int32 // normalized gloss -> id
	glosses  []string
	heads    map[language.Tag]map[string][]int32 // headword -> gloss ids, per language
	byGloss  map[language.Tag]map[int32][]string // gloss id -> headwords, per language (built by headsOf)
	revOnce  sync.Once
	longless map[string][]int32       // Japanese katakana headword without ー and ・ -> gloss ids
	df       map[language.Tag][]int32 // gloss id -> number of headwords with it, per language
	entries  int
}

// NewDictionary returns an empty dictionary.
func NewDictionary() *Dictionary {
	return &Dictionary{
		glossID:  map[string]int32{},
		heads:    map[language.Tag]map[string][]int32{},
		longless: map[string][]int32{},
		df:       map[language.Tag][]int32{},
	}
}

// glossDF returns how many headwords of lang have the normalized gloss g:
// "stem cell" has a handful, "case" hundreds.
func (d *Dictionary) glossDF(lang language.Tag, g string) int {
	if d == nil {
		return 0
	}
	id, ok := d.glossID[g]
	if !ok {
		return 0
	}
	if lang == language.TraditionalChinese {
		lang = language.SimplifiedChinese
	}
	df := d.df[lang]
	if int(id) >= len(df) {
		return 0
	}
	return int(df[id])
}

// longlessKey drops the long-vowel mark and the middle dot from a term
// with katakana, so that ドーパミン and ドパミン, ヒット・アンド・ラン and
// ヒットアンドラン meet; it returns "" for a term without katakana.
func longlessKey(s string) string {
	kata := false
	for _, r := range s {
		if r >= 0x30A1 && r <= 0x30FA {
			kata = true
			break
		}
	}
	if !kata {
		return ""
	}
	return strings.NewReplacer("ー", "", "・", "", "･", "").Replace(s)
}

// DictError reports a malformed dictionary line.
type DictError struct {
	File string
	Line int
	Col  int
	Err  error
}

func (e *DictError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Col, e.Err)
}

func (e *DictError) Unwrap() error { return e.Err }

// DictFormat is a dictionary line format.
type DictFormat uint8

const (
	AutoFormat DictFormat = iota // decide from the first entry line
	EDICT                        // 漢字;漢字 [かな;かな] /(pos) gloss/gloss/ (Japanese)
	CEDICT                       // 繁體 简体 [pin1 yin1] /gloss/gloss/ (Chinese)
)

func (f DictFormat) String() string {
	switch f {
	case EDICT:
		return "edict"
	case CEDICT:
		return "cedict"
	}
	return "auto"
}

// LoadFile adds the dictionary file at path, detecting its format.
func (d *Dictionary) LoadFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("align: %w", err)
	}
	defer f.Close()
	return d.Read(f, path, AutoFormat)
}

// Entries returns the number of dictionary lines read.
func (d *Dictionary) Entries() int { return d.entries }

// Read adds dictionary lines from r. Lines starting with '#' and blank
// lines are skipped; so is the EDICT header line (whose headword is "？？？？").
// name is used in errors. With AutoFormat, the first entry decides: two
// headwords before the bracketed reading mean CC-CEDICT.
func (d *Dictionary) Read(r io.Reader, name string, format DictFormat) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.TrimSpace(text) == "" || text[0] == '#' {
			continue
		}
		if !utf8.ValidString(text) {
			return &DictError{File: name, Line: line, Col: 1, Err: fmt.Errorf("align: invalid UTF-8 (dictionaries must be UTF-8)")}
		}
		if format == AutoFormat {
			format = detectFormat(text)
		}
		var err error
		var col int
		switch format {
		case CEDICT:
			col, err = d.addCEDICT(text)
		default:
			col, err = d.addEDICT(text)
		}
		if err != nil {
			return &DictError{File: name, Line: line, Col: col, Err: err}
		}
		d.entries++
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("align: %s: %w", name, err)
	}
	return nil
}

func detectFormat(line string) DictFormat {
	head, _, ok := strings.Cut(line, " /")
	if !ok {
		return EDICT
	}
	f := strings.Fields(head)
	if len(f) >= 3 && strings.HasPrefix(f[2], "[") {
		return CEDICT
	}
	return EDICT
}

// splitEntry splits "HEAD /g1/g2/" into HEAD and the glosses.
func splitEntry(line string) (head string, glosses []string, col int, err error) {
	i := strings.Index(line, " /")
	if i < 0 {
		return "", nil, 1, fmt.Errorf("align: no gloss list (want \"headword /gloss/\")")
	}
	head = strings.TrimSpace(line[:i])
	body := strings.TrimSpace(line[i+2:])
	body = strings.TrimSuffix(body, "/")
	if head == "" {
		return "", nil, 1, fmt.Errorf("align: empty headword")
	}
	return head, strings.Split(body, "/"), 0, nil
}

func (d *Dictionary) addCEDICT(line string) (int, error) {
	head, gl, col, err := splitEntry(line)
	if err != nil {
		return col, err
	}
	f := strings.Fields(head)
	if len(f) < 2 {
		return 1, fmt.Errorf("align: cedict: want \"Traditional Simplified [pinyin] /gloss/\"")
	}
	trad, simp := f[0], f[1]
	ids := d.glossIDs(gl, false)
	d.add(language.TraditionalChinese, trad, ids)
	d.add(language.SimplifiedChinese, simp, ids)
	return 0, nil
}

func (d *Dictionary) addEDICT(line string) (int, error) {
	head, gl, col, err := splitEntry(line)
	if err != nil {
		return col, err
	}
	word, reading, _ := strings.Cut(head, " ")
	if word == "？？？？" { // EDICT header line
		return 0, nil
	}
	ids := d.glossIDs(gl, true)
	for _, w := range strings.Split(word, ";") {
		d.add(language.Japanese, stripMarks(w), ids)
	}
	// A word "usually written in kana" (uk) is also filed under its
	// reading: 痺れ [しびれ] /(n) (uk) numbness/ answers for しびれ.
	if strings.Contains(line, "(uk)") {
		reading = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(reading), "["), "]")
		for _, r := range strings.Split(reading, ";") {
			d.add(language.Japanese, stripMarks(r), ids)
		}
	}
	return 0, nil
}

// stripMarks removes EDICT2 headword markers such as "(P)" or "(iK)".
func stripMarks(w string) string {
	if i := strings.IndexByte(w, '('); i > 0 {
		w = w[:i]
	}
	return strings.TrimSpace(w)
}

func (d *Dictionary) add(tag language.Tag, head string, ids []int32) {
	if head == "" || len(ids) == 0 {
		return
	}
	m := d.heads[tag]
	if m == nil {
		m = map[string][]int32{}
		d.heads[tag] = m
	}
	old := m[head]
	df := d.df[tag]
	for _, id := range ids {
		if !containsID(old, id) {
			old = append(old, id)
			for int(id) >= len(df) {
				df = append(df, 0)
			}
			df[id]++
		}
	}
	d.df[tag] = df
	m[head] = old
	d.revOnce = sync.Once{} // the reverse index is rebuilt on next use
	if tag == language.Japanese {
		if k := longlessKey(head); k != "" {
			for _, id := range ids {
				if !containsID(d.longless[k], id) {
					d.longless[k] = append(d.longless[k], id)
				}
			}
		}
	}
}

func containsID(s []int32, id int32) bool {
	for _, x := range s {
		if x == id {
			return true
		}
	}
	return false
}

// glossIDs normalizes and interns the glosses of one entry.
func (d *Dictionary) glossIDs(raw []string, edict bool) []int32 {
	var ids []int32
	for _, g := range raw {
		g = strings.TrimSpace(g)
		if g == "" || g == "(P)" || strings.HasPrefix(g, "EntL") {
			continue
		}
		if !edict && skipCEDICT(g) {
			continue
		}
		for _, part := range splitGloss(g) {
			for _, n := range normalizeGlossVariants(part) {
				id, ok := d.glossID[n]
				if !ok {
					id = int32(len(d.glosses))
					d.glosses = append(d.glosses, n)
					d.glossID[n] = id
				}
				if !containsID(ids, id) {
					ids = append(ids, id)
				}
			}
		}
	}
	return ids
}

// skipCEDICT reports CC-CEDICT glosses that are cross-references or
// classifiers rather than meanings.
func skipCEDICT(g string) bool {
	for _, p := range []string{"CL:", "variant of", "old variant", "see ", "see also", "surname ", "Japanese variant", "abbr. for", "(Tw)", "used in ", "erhua variant", "also written", "also pr."} {
		if strings.HasPrefix(g, p) {
			return true
		}
	}
	return false
}

// splitGloss splits a gloss on "; " (CC-CEDICT puts synonyms in one gloss
// that way).
func splitGloss(g string) []string {
	if !strings.Contains(g, "; ") {
		return []string{g}
	}
	return strings.Split(g, "; ")
}

// normalizeGlossVariants returns the normalized gloss and, when the gloss
// ends in an upper-case abbreviation ("mesenchymal stem cell MSC"), also the
// gloss without it.
func normalizeGlossVariants(g string) []string {
	n := NormalizeGloss(g)
	if n == "" {
		return nil
	}
	out := []string{n}
	g = stripParens(g)
	if f := strings.Fields(g); len(f) > 1 && isUpperAbbr(f[len(f)-1]) {
		if m := NormalizeGloss(strings.Join(f[:len(f)-1], " ")); m != "" && m != n {
			out = append(out, m)
		}
	}
	return out
}

func isUpperAbbr(w string) bool {
	up := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			up++
		case unicode.IsDigit(r) || r == '-':
		default:
			return false
		}
	}
	return up >= 2
}

// stripParens removes parenthesized parts: "(n) (med) rheumatoid arthritis"
// -> "rheumatoid arthritis", "joint (knee, elbow, etc.)" -> "joint".
func stripParens(s string) string {
	if !strings.ContainsAny(s, "({[") {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '{', '[':
			depth++
		case ')', '}', ']':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// NormalizeGloss returns the key an English gloss or English term is
// compared by: parenthesized parts removed, lower case, hyphens and slashes
// as spaces, leading articles and "to " dropped, each word reduced by
// plural and British-spelling rules (tumours -> tumor, anaemia -> anemia)
// and cut to its first 7 letters.
// Both sides of the pivot go through it, so the rules need only be
// consistent, not linguistically exact.
func NormalizeGloss(s string) string {
	s = stripParens(s)
	s = strings.ToLower(s)
	s = strings.Map(func(r rune) rune {
		switch r {
		case '-', '/', '_', ',', '.', '"', '\'', '‐', '–', '—', '’', '!', '?', ':', ';':
			return ' '
		}
		return r
	}, s)
	f := strings.Fields(s)
	for len(f) > 1 && (f[0] == "to" || f[0] == "a" || f[0] == "an" || f[0] == "the") {
		f = f[1:]
	}
	if len(f) > 6 { // a definition, not a name
		return ""
	}
	for i, w := range f {
		f[i] = stemWord(w)
	}
	return strings.Join(f, " ")
}

const stemLen = 7

// stemWord applies a few suffix rules so that singular/plural and British/
// American spellings meet: cells -> cell, tumour -> tumor, oedema -> edema.
func stemWord(w string) string {
	if len(w) > 4 && strings.HasSuffix(w, "ies") {
		w = w[:len(w)-3] + "y"
	} else if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") {
		w = w[:len(w)-1]
	}
	if len(w) > 4 && strings.HasSuffix(w, "y") { // allergy, allergic -> allergi
		w = w[:len(w)-1] + "i"
	}
	if len(w) > 4 && strings.HasSuffix(w, "our") {
		w = w[:len(w)-3] + "or"
	}
	w = strings.ReplaceAll(w, "ae", "e")
	w = strings.ReplaceAll(w, "oe", "e")
	if strings.HasSuffix(w, "ise") && len(w) > 5 {
		w = w[:len(w)-3] + "ize"
	}
	// Truncation stemming: rheumatoid and rheumatism, mesenchymal and
	// mesenchyme, infection and infectious meet at their first 7 letters.
	if utf8.RuneCountInString(w) > stemLen {
		r := []rune(w)
		w = string(r[:stemLen])
	}
	return w
}

// Glosses returns the normalized English glosses of a headword in a
// language (ja from EDICT; zh-Hans and zh-Hant from CC-CEDICT).
func (d *Dictionary) Glosses(tag language.Tag, head string) []string {
	ids := d.heads[tag][head]
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = d.glosses[id]
	}
	return out
}

// Heads returns the headwords of a language that have the normalized
// English gloss g.
func (d *Dictionary) Heads(tag language.Tag, gloss string) []string {
	id, ok := d.glossID[NormalizeGloss(gloss)]
	if !ok {
		return nil
	}
	return d.headsOf(tag, id)
}

// headsOf returns the headwords of lang with gloss id. The reverse index
// is built on first use: most runs never need it, and building it doubles
// the load time.
func (d *Dictionary) headsOf(tag language.Tag, id int32) []string {
	d.revOnce.Do(func() {
		d.byGloss = map[language.Tag]map[int32][]string{}
		for t, m := range d.heads {
			rev := make(map[int32][]string, len(d.glosses))
			for h, ids := range m {
				for _, id := range ids {
					rev[id] = append(rev[id], h)
				}
			}
			for _, hs := range rev {
				sort.Strings(hs)
			}
			d.byGloss[t] = rev
		}
	})
	return d.byGloss[tag][id]
}

func (d *Dictionary) lookup(tag language.Tag, head string) []int32 {
	if d == nil {
		return nil
	}
	ids := d.heads[tag][head]
	if len(ids) == 0 && tag == language.Japanese {
		if k := longlessKey(head); k != "" {
			ids = d.longless[k]
		}
	}
	return ids
}

func (d *Dictionary) glossKey(g string) (int32, bool) {
	if d == nil {
		return 0, false
	}
	id, ok := d.glossID[g]
	return id, ok
}
