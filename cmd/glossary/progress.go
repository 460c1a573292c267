package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/medterm/glossary/tokenize"
)

// progress draws extract's progress bar on a terminal: the bytes tokenized
// out of the inputs' total, and the files done. It counts bytes chunk by
// chunk (tokenize.Analyzer.Chunks), so one large file moves the bar too.
type progress struct {
	w      io.Writer
	total  int64 // bytes of all inputs; 0 when unknown (standard input)
	nfiles int
	bytes  atomic.Int64
	files  atomic.Int64
	stop   chan struct{}
	wg     sync.WaitGroup
}

// startProgress redraws the bar on w every 200 ms until finish.
func startProgress(w io.Writer, total int64, nfiles int) *progress {
	p := &progress{w: w, total: total, nfiles: nfiles, stop: make(chan struct{})}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			p.draw()
			select {
			case <-p.stop:
				return
			case <-t.C:
			}
		}
	}()
	return p
}

func (p *progress) draw() {
	fmt.Fprint(p.w, "\r"+progressLine(p.bytes.Load(), p.total, int(p.files.Load()), p.nfiles))
}

// fileDone is extract.Collection.AddAll's callback.
func (p *progress) fileDone(n int) { p.files.Store(int64(n)) }

// finish draws the final state and ends the line.
func (p *progress) finish() {
	close(p.stop)
	p.wg.Wait()
	p.draw()
	fmt.Fprintln(p.w)
}

// tokenizer wraps a so that the bytes it tokenizes move the bar.
func (p *progress) tokenizer(a *tokenize.Analyzer) tokenize.Tokenizer {
	return progressTokenizer{a, p}
}

type progressTokenizer struct {
	*tokenize.Analyzer
	p *progress
}

// Chunks is the analyzer's, counting each chunk's bytes as it is done.
func (t progressTokenizer) Chunks(text string, f func([]tokenize.Token) error) error {
	done := 0
	err := t.Analyzer.Chunks(text, func(toks []tokenize.Token) error {
		if n := len(toks); n > 0 && toks[n-1].End > done {
			t.p.bytes.Add(int64(toks[n-1].End - done))
			done = toks[n-1].End
		}
		return f(toks)
	})
	t.p.bytes.Add(int64(len(text) - done))
	return err
}

// progressLine renders the bar: 30 cells, the percentage and the sizes
// when the total is known, and the files done. Decoded text can be longer
// than the file (Shift_JIS to UTF-8), so the bar stops at 99 % until the
// last file is done.
func progressLine(done, total int64, files, nfiles int) string {
	const cells = 30
	if total <= 0 {
		return fmt.Sprintf("extract %s  %d/%d files", approxSize(done), files, nfiles)
	}
	frac := float64(done) / float64(total)
	if files < nfiles {
		frac = min(frac, 0.99)
	} else {
		frac, done = 1, total
	}
	full := int(frac * cells)
	return fmt.Sprintf("extract [%s%s] %3d%%  %s / %s  %d/%d files",
		strings.Repeat("█", full), strings.Repeat("░", cells-full), int(frac*100),
		approxSize(min(done, total)), approxSize(total), files, nfiles)
}

// approxSize writes n bytes to one decimal in kB, MB or GB.
func approxSize(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.1f kB", float64(n)/1e3)
}
