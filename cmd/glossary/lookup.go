package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
)

type lookupOptions struct {
	format  string
	langs   []string
	limit   int
	all     bool
	through string
	queries []string
}

func newLookupCmd(s *streams) *cobra.Command {
	opts := &lookupOptions{}
	cmd := &cobra.Command{
		Use:   "lookup [TERM...]",
		Short: "Find the concept of a term typed in any language, script, width or abbreviation",
		Long: `lookup finds the glossary concepts matching each TERM (one query per line of
standard input when there is none) and prints every language's terms of each
concept, preferred first, with their status and type.

Each match says how it was found, trying in order:
  exact        the term as written
  normalized   width, case, separators, Greek letters, English plural (ＭＳＣｓ → MSC)
  han-folded   Japanese, traditional and simplified characters (间叶系干细胞 → 間葉系幹細胞)
  kana-folded  hiragana/katakana, long vowels, readings (かんせつリウマチ → 関節リウマチ)
  prefix       the beginning of a term
  fuzzy        a few typing errors (Messenchymal StemCell)
and stopping at the first that finds something (--all goes on).

A query without any match makes the exit status 1, with the near misses
on standard error.

--format json prints JSON Lines: one object per query,
  {"query": ..., "matches": [{"id", "match", "score", "term", "lang",
   "category", "terms": {"ja": [{"text", "status", "type"}, ...], ...}}, ...],
   "near_misses": [...]}   (near_misses only when there is no match)
--format tsv prints one line per term of each match:
  query, id, match, score, lang, term, status, type`,
		Example: `  glossary lookup 間葉系幹細胞 ＭＳＣｓ "Messenchymal StemCell"
  glossary lookup --lang ja,en かんせつリウマチ
  printf '关节\nDMARDs\n' | glossary lookup --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch opts.format {
			case "table", "json", "tsv":
			default:
				return usageErr("lookup: --format must be table, json or tsv, not %q", opts.format)
			}
			opts.queries = args
			return runLookup(cmd, s, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table, json or tsv")
	cmd.Flags().StringSliceVar(&opts.langs, "lang", nil, "languages to show (comma-separated BCP 47 tags; default all)")
	cmd.Flags().IntVar(&opts.limit, "limit", 5, "most concepts per query (0: no limit)")
	cmd.Flags().BoolVar(&opts.all, "all", false, "go on down the ladder after a rung has matched")
	cmd.Flags().StringVar(&opts.through, "through", "fuzzy", "last rung to try: exact, normalized, han-folded, kana-folded, prefix or fuzzy")
	return cmd
}

// lookupResult is the JSON form of one query's answer.
type lookupResult struct {
	Query      string        `json:"query"`
	Matches    []lookupMatch `json:"matches"`
	NearMisses []lookupMatch `json:"near_misses,omitempty"`
}

type lookupMatch struct {
	ID       string                  `json:"id"`
	Match    string                  `json:"match"`
	Score    float64                 `json:"score"`
	Term     string                  `json:"term"`
	Lang     string                  `json:"lang"`
	Category string                  `json:"category,omitempty"`
	Terms    map[string][]lookupTerm `json:"terms"`
	tags     []language.Tag          // languages in display order
}

type lookupTerm struct {
	Text   string `json:"text"`
	Status string `json:"status"`
	Type   string `json:"type"`
}

func runLookup(cmd *cobra.Command, s *streams, opts *lookupOptions) error {
	var show []language.Tag
	for _, l := range opts.langs {
		t, err := terms.ParseTag(strings.TrimSpace(l))
		if err != nil {
			return usageErr("lookup: --lang: %v", err)
		}
		show = append(show, t)
	}
	if opts.limit < 0 {
		return usageErr("lookup: --limit must not be negative (0: no limit), not %d", opts.limit)
	}
	through, err := terms.ParseRung(opts.through)
	if err != nil {
		return usageErr("lookup: --through: %v", err)
	}
	// Queries come from the arguments, else from standard input line by
	// line as they are looked up: memory does not grow with the input.
	next := func(i int) (string, error) {
		if i < len(opts.queries) {
			return opts.queries[i], nil
		}
		return "", io.EOF
	}
	if len(opts.queries) == 0 {
		qr := newQueryReader(s.In, maxSize(cmd))
		first, err := qr.next() // before loading the glossary
		if err == io.EOF {
			return usageErr("lookup: no terms (give TERM arguments, or one term per line on standard input)")
		}
		if err != nil {
			return err
		}
		next = func(i int) (string, error) {
			if i == 0 {
				return first, nil
			}
			return qr.next()
		}
	}
	g, err := loadGlossary(cmd)
	if err != nil {
		return err
	}
	x := terms.NewIndex(g)
	lopts := []terms.LookupOption{terms.Limit(opts.limit), terms.Through(through)}
	if opts.all {
		lopts = append(lopts, terms.AllRungs())
	}

	out := bufio.NewWriter(s.Out)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	missed := 0
	for i := 0; ; i++ {
		q, err := next(i)
		if err == io.EOF {
			break
		}
		if err != nil {
			out.Flush()
			return err
		}
		res := lookupResult{Query: q, Matches: []lookupMatch{}}
		for _, m := range x.Lookup(q, lopts...) {
			res.Matches = append(res.Matches, toLookupMatch(m, show))
		}
		if len(res.Matches) == 0 {
			missed++
			for _, m := range nearMisses(x, q) {
				res.NearMisses = append(res.NearMisses, toLookupMatch(m, show))
			}
			fmt.Fprintf(s.ErrOut, "glossary: lookup: no match for %q%s\n", q, describeNear(res.NearMisses))
		}
		switch opts.format {
		case "json":
			if err := enc.Encode(res); err != nil {
				return err
			}
		case "tsv":
			writeLookupTSV(out, res)
		default:
			if i > 0 {
				fmt.Fprintln(out)
			}
			writeLookupTable(out, res)
		}
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if missed > 0 {
		return silentExit(1)
	}
	return nil
}

// queryReader reads one query per line, skipping blank lines. Binary
// data, invalid UTF-8 and control characters are refused with their line,
// so is a line over 1 MiB, and an input over max bytes (--max-size; 0: no
// limit) as a whole: reading stops there.
type queryReader struct {
	sc  *bufio.Scanner
	lr  *io.LimitedReader
	max int64
	n   int // lines read
}

func newQueryReader(r io.Reader, max int64) *queryReader {
	lr := &io.LimitedReader{R: r, N: math.MaxInt64}
	if max > 0 {
		lr.N = max + 1
	}
	sc := bufio.NewScanner(lr)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	return &queryReader{sc: sc, lr: lr, max: max}
}

// next returns the next query, or io.EOF after the last.
func (q *queryReader) next() (string, error) {
	for q.sc.Scan() {
		q.n++
		line := strings.TrimSuffix(q.sc.Text(), "\r")
		if err := checkTextLine("lookup", "<stdin>", q.n, line); err != nil {
			if q.overCap() { // the line was cut at the cap
				return "", fmt.Errorf("lookup: %w", &tooLargeError{Name: "<stdin>", Max: q.max})
			}
			return "", err
		}
		if s := strings.TrimSpace(line); s != "" {
			if q.overCap() {
				break // the last line read may be cut
			}
			return s, nil
		}
	}
	if err := q.sc.Err(); errors.Is(err, bufio.ErrTooLong) {
		return "", fmt.Errorf("lookup: <stdin>:%d: line longer than 1 MiB (one term per line)", q.n+1)
	} else if err != nil {
		return "", fmt.Errorf("lookup: reading standard input: %w", err)
	}
	if q.overCap() {
		return "", fmt.Errorf("lookup: %w", &tooLargeError{Name: "<stdin>", Max: q.max})
	}
	return "", io.EOF
}

// overCap reports whether more than max bytes were read.
func (q *queryReader) overCap() bool { return q.max > 0 && q.lr.N <= 0 }

// nearMisses looks further when a query matched nothing: every rung, with
// a fuzzy tolerance of a third of the query's length (at least 2).
func nearMisses(x *terms.Index, q string) []terms.Match {
	tol := max(2, utf8.RuneCountInString(q)/3)
	return x.Lookup(q, terms.AllRungs(), terms.Tolerance(tol), terms.Limit(3))
}

func describeNear(ms []lookupMatch) string {
	if len(ms) == 0 {
		return ""
	}
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("%s (%s)", m.Term, m.ID))
	}
	return "; near misses: " + strings.Join(parts, ", ")
}

func toLookupMatch(m terms.Match, show []language.Tag) lookupMatch {
	lm := lookupMatch{
		ID:       m.Concept.ID,
		Match:    m.Rung.String(),
		Score:    roundScore(m.Score),
		Term:     m.Term.Text,
		Lang:     m.Lang.String(),
		Category: m.Concept.Category,
		Terms:    map[string][]lookupTerm{},
	}
	tags := m.Concept.Languages()
	if len(show) > 0 {
		tags = show
	}
	for _, t := range tags {
		ts := m.Concept.Terms[t]
		if len(ts) == 0 {
			continue
		}
		lm.tags = append(lm.tags, t)
		for _, tm := range ordered(ts) {
			lm.Terms[t.String()] = append(lm.Terms[t.String()], lookupTerm{Text: tm.Text, Status: tm.Status.String(), Type: tm.Type.String()})
		}
	}
	return lm
}

// ordered returns the terms preferred first, keeping file order otherwise.
func ordered(ts []terms.Term) []terms.Term {
	out := make([]terms.Term, 0, len(ts))
	for st := terms.Preferred; st <= terms.Forbidden; st++ {
		for _, t := range ts {
			if t.Status == st {
				out = append(out, t)
			}
		}
	}
	return out
}

func roundScore(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 3, 64), 64)
	return v
}

func writeLookupTable(w io.Writer, res lookupResult) {
	if len(res.Matches) == 0 {
		fmt.Fprintf(w, "%s: no match\n", res.Query)
		for _, m := range res.NearMisses {
			fmt.Fprintf(w, "  near miss: %s %s (%s %.2f via %s)\n", m.ID, m.Term, m.Match, m.Score, m.Lang)
		}
		return
	}
	for _, m := range res.Matches {
		fmt.Fprintf(w, "%s → %s  [%s %.2f via %s %s]\n", res.Query, m.ID, m.Match, m.Score, m.Lang, m.Term)
		tw := newTable(w)
		for _, t := range m.tags {
			var cells []string
			for _, tm := range m.Terms[t.String()] {
				c := tm.Text
				var notes []string
				if tm.Status != "preferred" {
					notes = append(notes, tm.Status)
				}
				if tm.Type != "full" {
					notes = append(notes, tm.Type)
				}
				if len(notes) > 0 {
					c += " (" + strings.Join(notes, " ") + ")"
				}
				cells = append(cells, c)
			}
			fmt.Fprintf(tw, "  %s\t%s\n", t, strings.Join(cells, " · "))
		}
		tw.Flush()
	}
}

func writeLookupTSV(w io.Writer, res lookupResult) {
	clean := func(s string) string { return strings.NewReplacer("\t", " ", "\n", " ").Replace(s) }
	for _, m := range res.Matches {
		for _, t := range m.tags {
			for _, tm := range m.Terms[t.String()] {
				fmt.Fprintf(w, "%s\t%s\t%s\t%.3f\t%s\t%s\t%s\t%s\n", clean(res.Query), m.ID, m.Match, m.Score, t, clean(tm.Text), tm.Status, tm.Type)
			}
		}
	}
}
