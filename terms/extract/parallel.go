package extract

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
)

// Source is one document for AddAll: Name labels its contexts, Size (in
// bytes, 0 when unknown) decides which documents start first, and Text
// reads it, typically from a file.
type Source struct {
	Name string
	Size int64
	Text func() (string, error)
}

// AddAll extracts the documents of srcs on workers goroutines (GOMAXPROCS
// when workers ≤ 0) and adds them to c in the order of srcs, so the result
// does not depend on the number of workers. The largest documents start
// first: a big document started last would leave the other workers idle
// while it runs. Each worker holds one text at a time; finished documents
// wait for their turn as candidate tables, not as text. done, when not
// nil, is called each time a document is finished, with the number
// finished so far (from the calling goroutine). AddAll returns the error
// of a tokenizer that failed to load its dictionary (see
// tokenize.WithLoader), else the first error of a Text in the order of
// srcs; the documents that could be read are added.
func (c *Collection) AddAll(srcs []Source, workers int, done func(n int)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(srcs))
	if workers == 1 && c.forget {
		return c.addInOrder(srcs, done)
	}
	order := make([]int, len(srcs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(srcs[b].Size, srcs[a].Size) })

	type result struct {
		i   int
		d   *Document
		err error
	}
	results := make(chan result)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				text, err := srcs[i].Text()
				if err != nil {
					results <- result{i: i, err: err}
					continue
				}
				results <- result{i: i, d: c.e.Document(srcs[i].Name, text)}
			}
		}()
	}
	go func() {
		for _, i := range order {
			jobs <- i
		}
		close(jobs)
	}()
	// Documents finish in any order and wait here for their turn.
	pending := make(map[int]result)
	errs := make([]error, len(srcs))
	next := 0
	for n := 1; n <= len(srcs); n++ {
		r := <-results
		pending[r.i] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			errs[next] = r.err
			if r.d != nil {
				c.Add(r.d)
			}
			next++
		}
		if done != nil {
			done(n)
		}
	}
	wg.Wait()
	if err := c.e.tokErr(); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// addInOrder is AddAll with one worker on a stream: each document is
// extracted straight into c, without a table of its own to merge.
func (c *Collection) addInOrder(srcs []Source, done func(n int)) error {
	var first error
	for i, src := range srcs {
		text, err := src.Text()
		if err != nil {
			first = cmp.Or(first, err)
		} else {
			c.e.document(src.Name, text, c)
		}
		if done != nil {
			done(i + 1)
		}
	}
	return cmp.Or(c.e.tokErr(), first)
}

// tokErr returns the error of e's tokenizer if it reports one
// (tokenize.Analyzer.Err: a dictionary that failed to load).
func (e *Extractor) tokErr() error {
	if t, ok := e.tok.(interface{ Err() error }); ok {
		return t.Err()
	}
	return nil
}
