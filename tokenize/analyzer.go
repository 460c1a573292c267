package tokenize

import (
	"errors"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/tokenize/internal/blank"
)

// Analyzer tokenizes mixed-language text: it splits the text into language
// runs (see Runs), tokenizes each run with the Tokenizer registered for its
// language and returns the tokens with byte offsets into the whole text.
// Latin runs are tokenized by built-in rules. An Analyzer is itself a
// Tokenizer and is safe for concurrent use if its tokenizers are.
type Analyzer struct {
	byLang map[language.Tag]Tokenizer
	lazy   map[language.Tag]*lazy // engines loaded on first use (WithLoader)
	mixed  []string               // user words that mix Latin and CJK text: 抗CCP抗体
}

// Option configures an Analyzer.
type Option func(*Analyzer) error

// WithTokenizer registers t for runs in lang (Japanese, SimplifiedChinese or
// TraditionalChinese). A Chinese tokenizer registered for only one of the
// two Chinese tags serves both.
func WithTokenizer(lang language.Tag, t Tokenizer) Option {
	return func(a *Analyzer) error {
		if t == nil {
			return errors.New("tokenize: nil tokenizer for " + lang.String())
		}
		a.byLang[lang] = t
		delete(a.lazy, lang)
		return nil
	}
}

// WithLoader registers load as the source of the tokenizer for runs in
// lang: it is called on the first run in lang (once, by whichever
// goroutine meets that run first), so a text without such runs never loads
// the engine's dictionary (gse's takes seconds and ≈ 250 MB). If load fails,
// the runs in lang are tokenized as without a tokenizer (one token per han
// character), Chunks returns the error and Err reports it. A Chinese loader
// registered for only one of the two Chinese tags serves both.
func WithLoader(lang language.Tag, load func() (Tokenizer, error)) Option {
	return func(a *Analyzer) error {
		if load == nil {
			return errors.New("tokenize: nil loader for " + lang.String())
		}
		a.lazy[lang] = &lazy{lang: lang, load: load}
		delete(a.byLang, lang)
		return nil
	}
}

// lazy is a tokenizer loaded on first use.
type lazy struct {
	lang language.Tag
	load func() (Tokenizer, error)
	once sync.Once
	t    Tokenizer
	err  error
	done atomic.Bool // t and err are set
}

func (l *lazy) get() Tokenizer {
	l.once.Do(func() {
		t, err := l.load()
		if err == nil && t == nil {
			err = errors.New("no tokenizer")
		}
		if err != nil {
			t, err = chars{}, errors.New("tokenize: loading the tokenizer for "+l.lang.String()+": "+err.Error())
		}
		l.t, l.err = t, err
		l.done.Store(true)
	})
	return l.t
}

// Err returns the error of a tokenizer registered with WithLoader that
// failed to load, or nil. Tokenize has no error result: check Err after it
// where a loader may fail.
func (a *Analyzer) Err() error {
	for _, tag := range []language.Tag{Japanese, SimplifiedChinese, TraditionalChinese} {
		if l := a.lazy[tag]; l != nil && l.done.Load() && l.err != nil {
			return l.err
		}
	}
	return nil
}

// UserWords tells the Analyzer the user words (glossary terms) its
// tokenizers were given, so that words mixing Latin and CJK characters
// (抗CCP抗体, IL-6阻害薬), which run splitting would cut apart, are handed
// whole to the CJK tokenizer and come out as one token. Pass the same words
// to the language tokenizers (ja.UserWords, zh.UserWords).
func UserWords(words []string) Option {
	return func(a *Analyzer) error {
		for _, w := range words {
			w = strings.TrimSpace(w)
			if mixedScript(w) {
				a.mixed = append(a.mixed, w)
			}
		}
		// Longer words first, so the longest wins where two start together.
		sort.SliceStable(a.mixed, func(i, j int) bool { return len(a.mixed[i]) > len(a.mixed[j]) })
		return nil
	}
}

func mixedScript(w string) bool {
	var latin, cjk bool
	for _, r := range w {
		switch classOf(r) {
		case cLatin:
			latin = true
		case cHan, cKana:
			cjk = true
		}
	}
	return latin && cjk
}

// NewAnalyzer returns an Analyzer configured by opts. Without a tokenizer
// for a CJK language, runs in it are split into single Han characters and
// kana sequences.
func NewAnalyzer(opts ...Option) (*Analyzer, error) {
	a := &Analyzer{byLang: map[language.Tag]Tokenizer{}, lazy: map[language.Tag]*lazy{}}
	for _, opt := range opts {
		if err := opt(a); err != nil {
			return nil, err
		}
	}
	a.mirrorChinese()
	return a, nil
}

// mirrorChinese gives a Chinese tag without an engine the engine of the
// other Chinese tag, if it has one.
func (a *Analyzer) mirrorChinese() {
	for _, p := range [][2]language.Tag{{SimplifiedChinese, TraditionalChinese}, {TraditionalChinese, SimplifiedChinese}} {
		from, to := p[0], p[1]
		if a.byLang[to] != nil || a.lazy[to] != nil {
			continue
		}
		if t, ok := a.byLang[from]; ok {
			a.byLang[to] = t
		} else if l, ok := a.lazy[from]; ok {
			a.lazy[to] = l
		}
	}
}

// Runs returns the language runs of text as the Analyzer tokenizes them:
// Runs(text), with runs joined where a mixed-script user word spans them.
func (a *Analyzer) Runs(text string) []Run {
	runs := Runs(text)
	if len(a.mixed) == 0 || len(runs) < 2 {
		return runs
	}
	spans := a.mixedSpans(text)
	if len(spans) == 0 {
		return runs
	}
	return joinSpans(runs, spans)
}

type span struct{ start, end int }

// mixedSpans finds non-overlapping occurrences of mixed-script user words,
// leftmost first, longest first among those starting together.
func (a *Analyzer) mixedSpans(text string) []span {
	var found []span
	for _, w := range a.mixed {
		for off := 0; ; {
			i := strings.Index(text[off:], w)
			if i < 0 {
				break
			}
			found = append(found, span{off + i, off + i + len(w)})
			off += i + len(w)
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].start != found[j].start {
			return found[i].start < found[j].start
		}
		return found[i].end > found[j].end
	})
	out := found[:0]
	end := 0
	for _, s := range found {
		if s.start >= end {
			out = append(out, s)
			end = s.end
		}
	}
	return out
}

// joinSpans cuts runs at span boundaries, gives each span the language of
// the first CJK run it overlaps and merges neighbours of equal language.
func joinSpans(runs []Run, spans []span) []Run {
	parts := make([]Run, 0, len(runs)+2*len(spans))
	for _, s := range spans {
		lang := Japanese
		for _, q := range runs {
			if q.End > s.start && q.Start < s.end && q.Lang != English && q.Lang != language.Und {
				lang = q.Lang
				break
			}
		}
		parts = append(parts, Run{Start: s.start, End: s.end, Lang: lang})
	}
	si := 0
	for _, r := range runs {
		pos := r.Start
		for si < len(spans) && spans[si].end <= pos {
			si++
		}
		for k := si; k < len(spans) && spans[k].start < r.End; k++ {
			if spans[k].start > pos {
				parts = append(parts, Run{Start: pos, End: spans[k].start, Lang: r.Lang})
			}
			pos = max(pos, spans[k].end)
		}
		if pos < r.End {
			parts = append(parts, Run{Start: pos, End: r.End, Lang: r.Lang})
		}
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i].Start < parts[j].Start })
	out := parts[:0]
	for _, r := range parts {
		if n := len(out); n > 0 && out[n-1].Lang == r.Lang && out[n-1].End == r.Start {
			out[n-1].End = r.End
			continue
		}
		out = append(out, r)
	}
	return out
}

// Tokenize returns the tokens of text in order, with offsets into text,
// Lang set to the run's language, Norm to Normalize(Surface) and Base to
// Surface where the tokenizer gave none. White space makes no tokens.
// Tokenize collects what Chunks streams; use Each or Chunks to keep memory
// bounded on large texts. See Err where a tokenizer is loaded on first use.
func (a *Analyzer) Tokenize(text string) []Token {
	toks := make([]Token, 0, tokensFor(len(text)))
	c := newChunker(text)
	for c.next() {
		chunk := text[c.start:c.end]
		toks = a.tokenizeRuns(toks, chunk, c.runs(chunk), c.start)
	}
	return toks
}

// tokensFor is a capacity for the tokens of n bytes of text: about one
// token per 4 bytes (Japanese and Chinese give one per 4.6–5, English more
// bytes per token), so the slice seldom grows.
func tokensFor(n int) int { return n/4 + 16 }

// Each calls f with the tokens of text in order, the tokens Tokenize
// returns, while tokenizing the text chunk by chunk (see Chunks). It stops
// at and returns the first error of f.
func (a *Analyzer) Each(text string, f func(Token) error) error {
	return a.Chunks(text, func(ts []Token) error {
		for _, t := range ts {
			if err := f(t); err != nil {
				return err
			}
		}
		return nil
	})
}

// Chunks tokenizes text chunk by chunk and calls f with the tokens of each
// chunk in order (offsets into text; the slice is reused after f returns).
// Chunks end at line breaks after at least 32 KiB, so memory is bounded by
// the chunk size (at most 256 KiB, kagome's lattice and the tokens of one
// chunk), not by the text; the tokens are those of Tokenize on the whole
// text: runs never cross a line break, the language of Han-only sentences
// is decided with the sentences of the other chunks, and the white space
// around the line break is given to the tokenizers on both sides. Only a
// line longer than 256 KiB is cut inside, at a sentence end or white space
// where it has one. Chunks stops at and returns the first error of f, or
// of a tokenizer that failed to load (WithLoader).
func (a *Analyzer) Chunks(text string, f func(toks []Token) error) error {
	c := newChunker(text)
	var toks []Token
	if p, ok := chunkToks.Get().(*[]Token); ok {
		toks = *p
	}
	used := 0 // the most tokens a chunk had: cleared before the slice is pooled
	defer func() {
		if cap(toks) <= maxPooledToks {
			clear(toks[:used]) // the strings point into text
			toks = toks[:0]
			chunkToks.Put(&toks)
		}
	}()
	for c.next() {
		chunk := text[c.start:c.end]
		runs := c.runs(chunk)
		if cap(toks) == 0 {
			toks = make([]Token, 0, tokensFor(len(chunk)))
		}
		toks = a.tokenizeRuns(toks[:0], chunk, runs, c.start)
		used = max(used, len(toks))
		if err := a.Err(); err != nil {
			return err
		}
		if err := f(toks); err != nil {
			return err
		}
	}
	return nil
}

// chunkToks holds token slices for Chunks, which hands them to its
// callback only until it returns: extracting or printing documents one
// after the other then allocates no token slice per document.
var chunkToks sync.Pool // of *[]Token

// maxPooledToks is the capacity above which a slice is left to the
// collector rather than pooled (a chunk of 256 KiB has about 64 Ki tokens).
const maxPooledToks = 1 << 17

// tokenizeRuns appends the tokens of the runs of chunk, a piece of a text
// starting at offset base, to toks.
func (a *Analyzer) tokenizeRuns(toks []Token, chunk string, runs []Run, base int) []Token {
	var spans []span
	if len(a.mixed) > 0 {
		spans = a.mixedSpans(chunk)
		if len(spans) > 0 && len(runs) > 1 {
			runs = joinSpans(runs, spans)
		}
	}
	first := len(toks)
	for _, r := range runs {
		t := a.tokenizerFor(r.Lang)
		sub := chunk[r.Start:r.End]
		last := r.Start
		// The run's tokens are appended to toks and compacted in place
		// (out never passes the token being read), or read from the
		// tokenizer's own slice.
		n := len(toks)
		var src []Token
		if ap, ok := t.(Appender); ok {
			toks = ap.AppendTokens(toks, sub)
			src = toks[n:]
		} else {
			src = t.Tokenize(sub)
		}
		toks = toks[:n]
		for _, tk := range src {
			s, e := tk.Start+r.Start, tk.End+r.Start
			if tk.Start < 0 || tk.End > len(sub) || s < last || s >= e {
				continue // a tokenizer broke its contract; drop, never panic
			}
			if ts, te := blank.Trim(chunk, s, e); ts != s || te != e {
				// White space at an edge (kagome keeps form feeds with
				// what follows them): trim, recompute the derived forms.
				if ts == te {
					continue
				}
				if tk.Base == tk.Surface {
					tk.Base = ""
				}
				tk.Norm = ""
				s, e = ts, te
			}
			last = e
			tk.Start, tk.End = s, e
			tk.Surface = chunk[s:e]
			tk.Lang = r.Lang
			if tk.Norm == "" {
				tk.Norm = Normalize(tk.Surface)
			}
			if tk.Base == "" {
				tk.Base = tk.Surface
			}
			toks = append(toks, tk)
		}
	}
	if len(spans) > 0 {
		toks = append(toks[:first], mergeSpans(chunk, toks[first:], spans)...)
	}
	for i := first; i < len(toks); i++ {
		toks[i].Start += base
		toks[i].End += base
	}
	return toks
}

// mergeSpans makes each mixed user word that came out as several tokens
// aligned with its edges into one user token.
func mergeSpans(text string, toks []Token, spans []span) []Token {
	out := toks[:0]
	si := 0
	for i := 0; i < len(toks); i++ {
		for si < len(spans) && spans[si].end <= toks[i].Start {
			si++
		}
		if si < len(spans) && toks[i].Start == spans[si].start && toks[i].End < spans[si].end {
			j := i
			for j+1 < len(toks) && toks[j].End < spans[si].end {
				j++
			}
			if toks[j].End == spans[si].end {
				tk := toks[i]
				tk.End = toks[j].End
				tk.Surface = text[tk.Start:tk.End]
				tk.Norm = Normalize(tk.Surface)
				tk.Base = tk.Surface
				tk.User = true
				out = append(out, tk)
				i = j
				continue
			}
		}
		if si < len(spans) && toks[i].Start == spans[si].start && toks[i].End == spans[si].end {
			toks[i].User = true
		}
		out = append(out, toks[i])
	}
	return out
}

func (a *Analyzer) tokenizerFor(lang language.Tag) Tokenizer {
	if lang == English || lang == language.Und {
		return latin{}
	}
	if t, ok := a.byLang[lang]; ok {
		return t
	}
	if l, ok := a.lazy[lang]; ok {
		return l.get()
	}
	return chars{}
}

// chars is the fallback for CJK runs without a tokenizer: one token per Han
// character, kana sequences and Latin/digit sequences whole, punctuation
// one character each.
type chars struct{}

func (c chars) Tokenize(text string) []Token { return c.AppendTokens(nil, text) }

func (chars) AppendTokens(toks []Token, text string) []Token {
	start, prev := -1, cNeutral
	flush := func(end int) {
		if start >= 0 && start < end {
			s := text[start:end]
			toks = append(toks, Token{Surface: s, Start: start, End: end})
		}
		start = -1
	}
	for i, r := range text {
		c := classOf(r)
		_, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case c == cBreak || c == cNeutral && (r == ' ' || r == '\t' || r == '\r' || r == '\u3000'):
			flush(i)
		case c == cHan || c == cCJKPunct || c == cNeutral && !isDigit(r):
			flush(i)
			toks = append(toks, Token{Surface: text[i : i+size], Start: i, End: i + size})
		default:
			if start >= 0 && c != prev {
				flush(i)
			}
			if start < 0 {
				start = i
			}
		}
		prev = c
	}
	flush(len(text))
	return toks
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
