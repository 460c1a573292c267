package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Chunk sizes: a chunk ends at the first line break after chunkMin bytes,
// and is never longer than chunkMax bytes (plus the white space around the
// line break that ends it). Variables so that tests can make them small.
var (
	chunkMin = 32 << 10
	chunkMax = 256 << 10
)

// chunker walks a text chunk by chunk for streaming run detection and
// tokenization. Chunks end at line breaks: runs never need to cross one
// (Runs ends sentences and Latin runs there), and tokenizers see the same
// text on both sides of it. The white space around the line break that
// ends a chunk belongs to both chunks, so a tokenizer that looks at its
// neighbours (kagome's lattice connects each token to the one before it)
// sees the line break on both sides, exactly as in the whole text; white
// space makes no tokens. The language context of Han-only sentences is
// carried over: the last decided sentence of the chunks before, and (only
// while no sentence is decided yet) the first decided sentence after.
//
// A line longer than chunkMax is cut at its last sentence end, else at its
// last white space, else at a character boundary: the only case in which
// results may differ from tokenizing the text whole.
type chunker struct {
	text       string
	start, end int // the current chunk: text[start:end]
	nextStart  int // where the next chunk starts (the overlap: nextStart <= end)
	started    bool
	before     language.Tag // last decided sentence so far
	after      language.Tag // first decided sentence after the current chunk, once known
	afterKnown bool
	lastLang   language.Tag // language of the last run so far
}

func newChunker(text string) *chunker { return &chunker{text: text} }

// next moves to the next chunk; false at the end of the text.
func (c *chunker) next() bool {
	if c.started && c.end >= len(c.text) || len(c.text) == 0 {
		return false
	}
	c.started = true
	c.start = c.nextStart
	c.end, c.nextStart = chunkBounds(c.text, c.start)
	return true
}

// runs returns the runs of the current chunk (offsets into chunk) and
// carries the language context over to the next one.
func (c *chunker) runs(chunk string) []Run {
	runs, last := runsCtx(chunk, c.before, c.afterFn)
	c.before = last
	if len(runs) == 1 && runs[0].Lang == language.Und && c.lastLang != language.Und {
		// Text without letters after the last run of the text (only the
		// last chunk can be so: see chunkBounds) belongs to that run.
		runs[0].Lang = c.lastLang
	}
	if len(runs) > 0 {
		c.lastLang = runs[len(runs)-1].Lang
	}
	return runs
}

// afterFn finds the language of the first decided sentence after the
// current chunk (Japanese when there is none), scanning chunk by chunk.
// It is needed only while no sentence has been decided, so the answer is
// computed once.
func (c *chunker) afterFn() language.Tag {
	if c.afterKnown {
		return c.after
	}
	c.after, c.afterKnown = Japanese, true
	for pos := c.end; pos < len(c.text); {
		end, next := chunkBounds(c.text, pos)
		chunk := c.text[pos:end]
		ps := splitPieces(chunk)
		langs, _ := sentenceLangs(chunk, ps, language.Und, func() language.Tag { return language.Und })
		for _, l := range langs {
			if l != language.Und {
				c.after = l
				return l
			}
		}
		if end >= len(c.text) {
			break
		}
		pos = next
	}
	return c.after
}

// chunkBounds returns the end of the chunk starting at pos and the start
// of the next one (before end when they share white space).
func chunkBounds(text string, pos int) (end, next int) {
	if len(text)-pos <= chunkMax {
		return len(text), len(text)
	}
	lo, hi := pos+chunkMin, pos+chunkMax
	// The line before the break must hold a letter or a CJK character:
	// text without any (numbers, a table rule) between two runs goes to
	// the run after it, which a chunk ending there would not know.
	nl := -1
	for from := lo; from < hi; {
		i := strings.IndexByte(text[from:hi], '\n')
		if i < 0 {
			break
		}
		i += from
		if hasContent(text[strings.LastIndexByte(text[pos:i], '\n')+pos+1 : i]) {
			nl = i
			break
		}
		from = i + 1
	}
	if nl >= 0 {
		// Widen to the white space around the line break, shared by both
		// chunks (within bounds: a megabyte of spaces is cut anyway).
		s := nl // nl-s < chunkMin: the next chunk's first line break is after nl
		for s > pos+1 && nl-s+utf8.UTFMax < chunkMin {
			r, size := utf8.DecodeLastRuneInString(text[:s])
			if !unicode.IsSpace(r) {
				break
			}
			s -= size
		}
		e := nl + 1
		for e < len(text) && e-nl < chunkMin {
			r, size := utf8.DecodeRuneInString(text[e:])
			if !unicode.IsSpace(r) {
				break
			}
			e += size
		}
		if e >= len(text) {
			return len(text), len(text)
		}
		return e, s
	}
	// One overlong line: cut after its last sentence end, else after its
	// last white space, else at a character boundary.
	win := text[lo:hi]
	if i := strings.LastIndexAny(win, "。！？!?｡"); i >= 0 {
		_, size := utf8.DecodeRuneInString(win[i:])
		return lo + i + size, lo + i + size
	}
	if i := strings.LastIndexFunc(win, unicode.IsSpace); i >= 0 {
		_, size := utf8.DecodeRuneInString(win[i:])
		return lo + i + size, lo + i + size
	}
	e := hi
	for e > lo && !utf8.RuneStart(text[e]) {
		e--
	}
	return e, e
}

// hasContent reports whether line holds a letter, Han or kana: a run of
// its own.
func hasContent(line string) bool {
	for _, r := range line {
		if c := classOf(r); c == cLatin || c == cHan || c == cKana {
			return true
		}
	}
	return false
}
