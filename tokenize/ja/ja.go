package ja

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"

	"github.com/medterm/glossary/tokenize"
	"github.com/medterm/glossary/tokenize/internal/blank"
)

// Tokenizer tokenizes Japanese text with kagome and the IPA dictionary. It
// is safe for concurrent use.
type Tokenizer struct {
	k         *tokenizer.Tokenizer
	dict      *dict.Dict
	pt        *posTable
	bases     *baseTable // base forms of known words
	hasUser   bool       // a user dictionary is in use
	userWords []string
}

// Option configures a Tokenizer.
type Option func(*Tokenizer) error

// UserWords adds words (glossary terms) that are never split: each becomes
// a kagome user-dictionary entry, tagged 名詞,固有名詞 and Token.User.
// Blank words are ignored; duplicates count once.
//
// Kagome consults the user dictionary first and, where an entry matches,
// skips the system dictionary at that position: a user word therefore
// also blocks longer system words starting with it (user word 関節 turns
// 関節炎 into 関節 + 炎). Give whole terms, not their prefixes.
func UserWords(words []string) Option {
	return func(t *Tokenizer) error {
		t.userWords = append(t.userWords, words...)
		return nil
	}
}

// sysDict is the IPA dictionary without the contents of its known words
// (3.5 million strings: half a second to load and ≈ 60 MB for the
// collector to mark); of them tokenize/ja reads only base forms, which
// come from data/base.txt.gz (see bases).
var sysDict = sync.OnceValue(ipa.DictShrink)

// baseTable holds the base form of every known word of the IPA
// dictionary, by id, in one string: no pointers to mark.
type baseTable struct {
	all  string
	ends []uint32 // the base form of id is all[ends[id-1]:ends[id]]
}

// at returns the base form of known word id, "" where it has none.
func (b *baseTable) at(id int) string {
	if id < 0 || id >= len(b.ends) {
		return ""
	}
	start := uint32(0)
	if id > 0 {
		start = b.ends[id-1]
	}
	return b.all[start:b.ends[id]]
}

// baseData holds the base forms of the IPA dictionary's known words, one
// line per id, written by internal/gen/jabase from the full dictionary.
//
//go:generate go run ../../internal/gen/jabase data/base.txt.gz
//go:embed data/base.txt.gz
var baseData []byte

var bases = sync.OnceValues(func() (*baseTable, error) {
	return loadBases(baseData, len(sysDict().POSTable.POSs))
})

// loadBases reads n base forms from gzipped lines.
func loadBases(data []byte, n int) (*baseTable, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	b := &baseTable{ends: make([]uint32, 0, n)}
	var all strings.Builder
	all.Grow(len(raw) - n)
	for len(raw) > 0 {
		line, rest, ok := bytes.Cut(raw, []byte{'\n'})
		if !ok {
			return nil, errors.New("base forms: last line unterminated")
		}
		all.Write(line)
		b.ends = append(b.ends, uint32(all.Len()))
		raw = rest
	}
	if len(b.ends) != n {
		return nil, fmt.Errorf("base forms: %d lines for %d dictionary entries (run go generate ./tokenize/ja)", len(b.ends), n)
	}
	b.all = all.String()
	return b, nil
}

// posTable holds the parts of speech of the system dictionary, built once:
// one shared, trimmed slice per distinct POS vector (about a hundred), so
// tokens do not allocate their POS, and the index of each known word's
// slice, so a token finds its POS in two array reads.
type posTable struct {
	lists   [][]string // distinct trimmed POS
	byID    []uint16   // index in lists of each known word's POS
	unknown [][]string // by unknown-word id
}

var posCache = sync.OnceValue(func() *posTable {
	d := sysDict()
	pt := &posTable{byID: make([]uint16, len(d.POSTable.POSs))}
	seen := map[string]uint16{}
	var key []byte
	for id, p := range d.POSTable.POSs {
		key = key[:0]
		for _, n := range p {
			key = append(key, byte(n>>8), byte(n))
		}
		i, ok := seen[string(key)]
		if !ok {
			names := make([]string, 0, len(p))
			for _, n := range p {
				names = append(names, d.POSTable.NameList[n])
			}
			i = uint16(len(pt.lists))
			pt.lists = append(pt.lists, trimPOS(names))
			seen[string(key)] = i
		}
		pt.byID[id] = i
	}
	if len(pt.lists) > 1<<16 { // not so in the IPA dictionary
		pt.byID = nil // known words take kagome's POS (Tokenizer.pos)
	}
	start, end := 0, 1
	if v, ok := d.UnkDict.ContentsMeta[dict.POSStartIndex]; ok {
		start = int(v)
	}
	if v, ok := d.UnkDict.ContentsMeta[dict.POSHierarchy]; ok {
		end = start + int(v)
	}
	for _, c := range d.UnkDict.Contents {
		var names []string
		if start < end && end <= len(c) {
			names = trimPOS(append([]string(nil), c[start:end]...))
		}
		pt.unknown = append(pt.unknown, names)
	}
	return pt
})

// known returns the POS of known word id.
func (pt *posTable) known(id int) ([]string, bool) {
	if id < 0 || id >= len(pt.byID) {
		return nil, false
	}
	return pt.lists[pt.byID[id]], true
}

// pos returns the trimmed POS of a kagome token without allocating.
func (t *Tokenizer) pos(k *tokenizer.Token) []string {
	switch k.Class {
	case tokenizer.KNOWN:
		if p, ok := t.pt.known(k.ID); ok {
			return p
		}
	case tokenizer.UNKNOWN:
		if k.ID >= 0 && k.ID < len(t.pt.unknown) {
			return t.pt.unknown[k.ID]
		}
	}
	return trimPOS(k.POS())
}

// New returns a Japanese tokenizer. The IPA dictionary is loaded once per
// process, on first use.
func New(opts ...Option) (*Tokenizer, error) {
	t := &Tokenizer{}
	for _, opt := range opts {
		if err := opt(t); err != nil {
			return nil, err
		}
	}
	kopts := []tokenizer.Option{tokenizer.OmitBosEos()}
	if udict, err := userDict(t.userWords); err != nil {
		return nil, err
	} else if udict != nil {
		kopts = append(kopts, tokenizer.UserDict(udict))
		t.hasUser = true
	}
	k, err := tokenizer.New(sysDict(), kopts...)
	if err != nil {
		return nil, errors.New("ja: " + err.Error())
	}
	b, err := bases()
	if err != nil {
		return nil, errors.New("ja: " + err.Error())
	}
	t.k, t.dict, t.pt, t.bases = k, sysDict(), posCache(), b
	return t, nil
}

// userPOS is the part of speech of user words.
var userPOS = []string{"名詞", "固有名詞"}

func userDict(words []string) (*dict.UserDict, error) {
	seen := map[string]bool{}
	var recs dict.UserDictRecords
	for _, w := range words {
		w = strings.TrimSpace(w)
		if w == "" || seen[w] || !utf8.ValidString(w) {
			continue
		}
		seen[w] = true
		recs = append(recs, dict.UserDicRecord{Text: w, Tokens: []string{w}, Yomi: []string{"*"}, Pos: strings.Join(userPOS, ",")})
	}
	if len(recs) == 0 {
		return nil, nil
	}
	d, err := recs.NewUserDict()
	if err != nil {
		return nil, errors.New("ja: user words: " + err.Error())
	}
	return d, nil
}

// Tokenize returns the tokens of text with offsets into text. White space
// makes no tokens. ASCII punctuation, which the IPA dictionary's unknown-
// word rules glue into noun runs ("),", "(" as 名詞,サ変接続), comes out one
// character per token as 記号; a decimal number split by kagome at its point
// (12 . 5) is joined again.
func (t *Tokenizer) Tokenize(text string) []tokenize.Token { return t.AppendTokens(nil, text) }

// AppendTokens appends the tokens Tokenize returns to dst
// (tokenize.Appender).
func (t *Tokenizer) AppendTokens(dst []tokenize.Token, text string) []tokenize.Token {
	kt := t.k.Tokenize(text)
	first := len(dst)
	toks := slices.Grow(dst, len(kt))
	for i := range kt {
		k := &kt[i]
		start := k.Position
		end := start + len(k.Surface)
		if start < 0 || end > len(text) || start >= end {
			continue
		}
		if isSpace(k.Surface) {
			continue
		}
		// kagome keeps a form feed or vertical tab with the characters after it.
		if start, end = blank.Trim(text, start, end); start == end {
			continue
		}
		tok := tokenize.Token{Surface: text[start:end], Start: start, End: end}
		trimmed := end-start != len(k.Surface)
		switch { // user words first: they may hold ASCII punctuation (IL-6阻害薬)
		case k.Class == tokenizer.USER:
			tok.POS = userPOS
			tok.Base = tok.Surface
			tok.User = true
		case hasASCIIPunct(k.Surface):
			toks = splitPunct(toks, text, start, end)
			continue
		default:
			tok.POS = t.pos(k)
			b, ok := "", false
			if k.Class == tokenizer.KNOWN {
				b, ok = t.bases.at(k.ID), true
			} else {
				b, ok = k.BaseForm()
			}
			if ok && b != "*" && b != "" && !trimmed {
				tok.Base = b
			} else {
				tok.Base = tok.Surface
			}
		}
		toks = append(toks, tok)
	}
	// Both compact the run's tokens in place.
	tail := toks[first:]
	if t.hasUser {
		tail = t.restoreLonger(tail, text)
	}
	tail = joinDecimals(tail, text)
	return toks[:first+len(tail)]
}

// restoreLonger undoes the blocking of longer system words by user words.
// Kagome skips the system dictionary wherever a user entry matches, so user
// word 血小 turns 血小板 into 血小/板. Where a system word longer than a
// user token starts at the same character and ends at a token boundary
// (with no other user word inside), the tokens are merged back into the
// system word: the user word stays unsplit, inside a longer word.
func (t *Tokenizer) restoreLonger(toks []tokenize.Token, text string) []tokenize.Token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		if !tk.User {
			out = append(out, tk)
			continue
		}
		lens, ids := t.dict.Index.CommonPrefixSearch(text[tk.Start:])
		merged := false
		for k := len(lens) - 1; k >= 0 && !merged; k-- { // longest first
			end := tk.Start + lens[k]
			if end <= tk.End {
				break
			}
			j := i + 1
			for j < len(toks) && toks[j].End < end && !toks[j].User {
				j++
			}
			if j == len(toks) || toks[j].End != end || toks[j].User {
				continue
			}
			id := t.bestID(ids[k])
			surface := text[tk.Start:end]
			pos, _ := t.pt.known(id)
			nt := tokenize.Token{Surface: surface, Start: tk.Start, End: end, Base: surface, POS: pos}
			if b := t.bases.at(id); b != "" {
				nt.Base = b
			}
			out = append(out, nt)
			i = j
			merged = true
		}
		if !merged {
			out = append(out, tk)
		}
	}
	return out
}

// bestID picks, among homographs, the entry with the lowest word cost.
func (t *Tokenizer) bestID(ids []int) int {
	best := ids[0]
	for _, id := range ids[1:] {
		if t.dict.Morphs[id].Weight < t.dict.Morphs[best].Weight {
			best = id
		}
	}
	return best
}

// trimPOS drops kagome's "*" placeholders.
func trimPOS(pos []string) []string {
	n := len(pos)
	for n > 0 && pos[n-1] == "*" {
		n--
	}
	return pos[:n:n]
}

// isSpace reports whether s is all white space; it stops at the first
// other character, so it costs nothing for ordinary tokens.
func isSpace(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

func hasASCIIPunct(s string) bool {
	for i := 0; i < len(s); i++ {
		if isASCIIPunct(s[i]) {
			return true
		}
	}
	return false
}

func isASCIIPunct(c byte) bool {
	return c > ' ' && c < 0x7F && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}

// splitPunct emits text[start:end] as one 記号 token per ASCII punctuation
// character and one token for each stretch between them.
func splitPunct(toks []tokenize.Token, text string, start, end int) []tokenize.Token {
	run := start
	flush := func(e int) {
		if run < e {
			s := text[run:e]
			pos := []string{"名詞", "一般"}
			if isNumber(s) {
				pos = []string{"名詞", "数"}
			}
			toks = append(toks, tokenize.Token{Surface: s, Start: run, End: e, Base: s, POS: pos})
		}
	}
	for i := start; i < end; i++ {
		c := text[i]
		if !isASCIIPunct(c) {
			continue
		}
		flush(i)
		s := text[i : i+1]
		toks = append(toks, tokenize.Token{Surface: s, Start: i, End: i + 1, Base: s, POS: punctPOS(c)})
		run = i + 1
	}
	flush(end)
	return toks
}

func punctPOS(c byte) []string {
	switch c {
	case '(', '[', '{':
		return []string{"記号", "括弧開"}
	case ')', ']', '}':
		return []string{"記号", "括弧閉"}
	case ',':
		return []string{"記号", "読点"}
	case '.':
		return []string{"記号", "句点"}
	}
	return []string{"記号", "一般"}
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= '０' && r <= '９') {
			return false
		}
	}
	return true
}

// joinDecimals joins number, ".", number (adjacent) into one 名詞,数 token.
func joinDecimals(toks []tokenize.Token, text string) []tokenize.Token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		if i+2 < len(toks) && isNumber(toks[i].Surface) && toks[i+1].Surface == "." && isNumber(toks[i+2].Surface) &&
			toks[i].End == toks[i+1].Start && toks[i+1].End == toks[i+2].Start {
			s := text[toks[i].Start:toks[i+2].End]
			out = append(out, tokenize.Token{Surface: s, Start: toks[i].Start, End: toks[i+2].End, Base: s, POS: []string{"名詞", "数"}})
			i += 2
			continue
		}
		out = append(out, toks[i])
	}
	return out
}
