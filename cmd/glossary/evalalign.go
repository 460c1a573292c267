package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/medterm/glossary/internal/gold"
	"github.com/medterm/glossary/terms"
	"github.com/medterm/glossary/terms/align"
	"github.com/medterm/glossary/tokenize/han"
)

type evalAlignOptions struct {
	gold       string
	dicts      []string
	pairs      []string
	format     string
	minScore   float64
	routes     []string
	seed       int64
	noGlossary bool
	keepGold   bool
	goldGloss  bool
	exclude    string
	restGloss  bool
	showErrors bool
}

// newEvalAlignCmd is the `eval align` subcommand; eval.go registers it.
func newEvalAlignCmd(s *streams) *cobra.Command {
	o := &evalAlignOptions{}
	cmd := &cobra.Command{
		Use:   "align --gold CONCEPTS.tsv",
		Short: "Score alignment against a gold concepts file (accuracy@1 and coverage per route)",
		Long: `eval align gives the aligner the terms of two languages of a gold concepts
file (columns id, ja, zh_hans, zh_hant, en, ...: the preferred terms) as two
shuffled lists, aligns them one-to-one and reports accuracy@1 (correct links /
links made) and coverage (links made / source terms), overall and by the
route of each link's best evidence. The han-folding route alone (cognate) is
reported beside each pair as a baseline.

The glossary is used as evidence with the gold concepts held out: every
concept sharing an id or a term with the gold is removed first, so the
score measures the aligner, not the glossary (--keep-gold-concepts keeps
them; --no-glossary drops the glossary). --gold-glossary --exclude FILE
scores the glossary's own concepts outside FILE (an unseen set); with
--rest-glossary the concepts left out serve as evidence.`,
		Example: `  glossary eval align --gold concepts.tsv --dict edict.u8 --dict cedict.u8
  glossary eval align --gold concepts.tsv --pairs ja:zh-Hans --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEvalAlign(cmd, s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.gold, "gold", "", "gold concepts file (TSV in the shape of eval/dev/concepts.tsv)")
	f.StringArrayVar(&o.dicts, "dict", nil, "bilingual dictionary, EDICT or CC-CEDICT format (repeatable)")
	f.StringSliceVar(&o.pairs, "pairs", []string{"ja:zh-Hans", "ja:en", "zh-Hans:en"}, "language pairs SRC:TGT to score")
	f.StringVar(&o.format, "format", "table", "output format: table or json (one JSON object)")
	f.Float64Var(&o.minScore, "min-score", align.DefaultMinScore, "lowest link score proposed (0..1)")
	f.StringSliceVar(&o.routes, "routes", nil, "evidence routes to use (default all)")
	f.Int64Var(&o.seed, "seed", 1, "seed of the list shuffle")
	f.BoolVar(&o.noGlossary, "no-glossary", false, "do not use the glossary as evidence")
	f.BoolVar(&o.keepGold, "keep-gold-concepts", false, "keep glossary concepts that hold gold terms (measures the glossary too)")
	f.BoolVar(&o.showErrors, "errors", false, "also list the wrong answers and the missed source terms")
	f.BoolVar(&o.goldGloss, "gold-glossary", false, "use the glossary's concepts (preferred terms) as the gold instead of --gold; the glossary is then not evidence")
	f.StringVar(&o.exclude, "exclude", "", "with --gold-glossary: leave out the concepts that share an id or a term with this concepts file (e.g. the dev gold, to get an unseen set)")
	f.BoolVar(&o.restGloss, "rest-glossary", false, "with --gold-glossary --exclude: use the rest of the glossary (the concepts sharing no id or term with the gold) as evidence")
	return cmd
}

type evalAlignReport struct {
	Gold         string             `json:"gold"`
	Concepts     int                `json:"concepts"`
	Dictionaries []string           `json:"dictionaries"`
	Glossary     string             `json:"glossary"` // "none", or how many concepts were used and held out
	Pairs        []align.EvalResult `json:"pairs"`
	CognateOnly  []align.EvalResult `json:"cognate_only"`
}

func runEvalAlign(cmd *cobra.Command, s *streams, o *evalAlignOptions) error {
	if (o.gold == "") == !o.goldGloss {
		return usageErr("eval align: give either --gold CONCEPTS.tsv or --gold-glossary")
	}
	if o.exclude != "" && !o.goldGloss {
		return usageErr("eval align: --exclude goes with --gold-glossary")
	}
	if o.restGloss && (o.exclude == "" || o.noGlossary) {
		return usageErr("eval align: --rest-glossary goes with --gold-glossary --exclude (and not --no-glossary)")
	}
	if o.format != "table" && o.format != "json" {
		return usageErr("--format %q: want table or json", o.format)
	}
	type pair struct{ src, tgt language.Tag }
	var pairs []pair
	for _, p := range o.pairs {
		a, b, ok := strings.Cut(p, ":")
		if !ok {
			return usageErr("--pairs %q: want SRC:TGT, e.g. ja:zh-Hans", p)
		}
		st, err := parseLang(a)
		if err != nil {
			return usageErr("--pairs %q: %v", p, err)
		}
		tt, err := parseLang(b)
		if err != nil {
			return usageErr("--pairs %q: %v", p, err)
		}
		pairs = append(pairs, pair{st, tt})
	}
	var rows []gold.ConceptRow
	var err error
	name := o.gold
	if o.goldGloss {
		if rows, name, err = glossaryGold(cmd, o.exclude); err != nil {
			return err
		}
	} else if rows, err = readConceptsGold(o.gold, maxSize(cmd)); err != nil {
		return err
	}
	rep := evalAlignReport{Gold: name, Concepts: len(rows), Dictionaries: o.dicts, Glossary: "none"}
	var g *terms.Glossary
	if !o.noGlossary && !o.goldGloss {
		full, err := loadGlossary(cmd)
		if err != nil {
			return err
		}
		g = full
		if !o.keepGold {
			var held int
			if g, held, err = holdOut(full, rows); err != nil {
				return err
			}
			rep.Glossary = fmt.Sprintf("%d concepts used, %d held out", g.Len(), held)
		} else {
			rep.Glossary = fmt.Sprintf("%d concepts used, gold concepts kept", g.Len())
		}
	} else if o.restGloss {
		full, err := loadGlossary(cmd)
		if err != nil {
			return err
		}
		var held int
		if g, held, err = holdOut(full, rows); err != nil {
			return err
		}
		rep.Glossary = fmt.Sprintf("rest of the glossary: %d concepts used, %d held out", g.Len(), held)
	}
	var ix *terms.Index
	if g != nil {
		ix = terms.NewIndex(g)
	}
	a, _, err := newAligner(cmd, o.dicts, o.routes, o.minScore, ix)
	if err != nil {
		return err
	}
	cog, err := align.New(align.Routes(align.RouteCognate, align.RouteCompositional), align.MinScore(o.minScore))
	if err != nil {
		return err
	}
	for _, p := range pairs {
		gp := goldPairs(rows, p.src, p.tgt)
		rep.Pairs = append(rep.Pairs, align.Evaluate(a, p.src, p.tgt, gp, o.seed))
		rep.CognateOnly = append(rep.CognateOnly, align.Evaluate(cog, p.src, p.tgt, gp, o.seed))
	}
	if !o.showErrors {
		for i := range rep.Pairs {
			rep.Pairs[i].Errors, rep.Pairs[i].Missed = nil, nil
		}
	}
	for i := range rep.CognateOnly {
		rep.CognateOnly[i].Errors, rep.CognateOnly[i].Missed = nil, nil
	}
	if o.format == "json" {
		enc := json.NewEncoder(s.Out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return writeEvalAlignTable(s.Out, rep)
}

// glossaryGold turns the glossary's concepts into gold rows (preferred
// terms; admitted full forms and variants as variants), leaving out those
// that share an id or a term with the concepts file exclude.
func glossaryGold(cmd *cobra.Command, exclude string) ([]gold.ConceptRow, string, error) {
	g, err := loadGlossary(cmd)
	if err != nil {
		return nil, "", err
	}
	name := "glossary"
	if dir := glossaryDir(cmd); dir != "" {
		name += " " + dir
	} else {
		name += " (embedded starter)"
	}
	if exclude != "" {
		ex, err := readConceptsGold(exclude, maxSize(cmd))
		if err != nil {
			return nil, "", err
		}
		var held int
		if g, held, err = holdOut(g, ex); err != nil {
			return nil, "", err
		}
		name += fmt.Sprintf(" minus %d concepts shared with %s", held, exclude)
	}
	var rows []gold.ConceptRow
	for _, c := range g.Concepts() {
		r := gold.ConceptRow{ID: c.ID, Category: c.Category, Preferred: map[language.Tag]gold.Equivalent{}, Variants: map[language.Tag][]gold.Equivalent{}}
		for tag, ts := range c.Terms {
			for _, t := range ts {
				switch {
				case t.Type == terms.Abbreviation:
					r.Abbr = append(r.Abbr, gold.Equivalent{Text: t.Text})
				case t.Status == terms.Preferred:
					r.Preferred[tag] = gold.Equivalent{Text: t.Text}
				case t.Status == terms.Admitted:
					r.Variants[tag] = append(r.Variants[tag], gold.Equivalent{Text: t.Text})
				}
			}
		}
		rows = append(rows, r)
	}
	return rows, name, nil
}

// goldPairs takes the preferred terms of each concept in the two languages
// (uncertain equivalents included: the "?" is the annotator's doubt, not a
// different term).
func goldPairs(rows []gold.ConceptRow, src, tgt language.Tag) []align.GoldPair {
	var out []align.GoldPair
	for _, r := range rows {
		out = append(out, align.GoldPair{ID: r.ID, Source: r.Preferred[src].Text, Target: r.Preferred[tgt].Text})
	}
	return out
}

// holdOut returns the glossary without the concepts that share an id or
// any term (compared after han folding and case folding) with the gold.
func holdOut(g *terms.Glossary, rows []gold.ConceptRow) (*terms.Glossary, int, error) {
	ids := map[string]bool{}
	texts := map[string]bool{}
	key := func(s string) string { return han.Fold(strings.ToLower(strings.TrimSpace(s))) }
	for _, r := range rows {
		ids[r.ID] = true
		for _, e := range r.Preferred {
			texts[key(e.Text)] = true
		}
		for _, vs := range r.Variants {
			for _, e := range vs {
				texts[key(e.Text)] = true
			}
		}
		for _, e := range r.Abbr {
			texts[key(e.Text)] = true
		}
	}
	var keep []*terms.Concept
	held := 0
	for _, c := range g.Concepts() {
		drop := ids[c.ID]
		for _, ts := range c.Terms {
			for _, t := range ts {
				if texts[key(t.Text)] {
					drop = true
				}
			}
		}
		if drop {
			held++
			continue
		}
		keep = append(keep, c)
	}
	ng, err := terms.New(keep...)
	return ng, held, err
}

func writeEvalAlignTable(w io.Writer, rep evalAlignReport) error {
	fmt.Fprintf(w, "gold: %s (%d concepts); dictionaries: %d; glossary: %s\n", rep.Gold, rep.Concepts, len(rep.Dictionaries), rep.Glossary)
	tw := newTable(w)
	fmt.Fprintln(tw, "PAIR\tROUTE\tTOTAL\tANSWERED\tCORRECT\tACCURACY@1\tCOVERAGE")
	row := func(pair, route string, sc align.Score) {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%.3f\t%.3f\n", pair, route, sc.Total, sc.Answered, sc.Correct, sc.Accuracy, sc.Coverage)
	}
	for i, r := range rep.Pairs {
		name := r.Source + "→" + r.Target
		row(name, "all", r.Overall)
		var routes []string
		for k := range r.ByRoute {
			routes = append(routes, k)
		}
		sort.Strings(routes)
		for _, k := range routes {
			row(name, "  "+k, r.ByRoute[k])
		}
		row(name, "cognate only", rep.CognateOnly[i].Overall)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, r := range rep.Pairs {
		if len(r.Errors) == 0 && len(r.Missed) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s→%s: %d wrong, %d missed\n", r.Source, r.Target, len(r.Errors), len(r.Missed))
		for _, e := range r.Errors {
			fmt.Fprintf(w, "  wrong  %s → %s (want %s; %.2f %s)\n", e.Source, e.Got, e.Want, e.Score, e.Route)
		}
		for _, m := range r.Missed {
			fmt.Fprintf(w, "  missed %s\n", m)
		}
	}
	return nil
}

// readConceptsGold reads a gold concepts file of at most max bytes
// (--max-size).
func readConceptsGold(path string, max int64) ([]gold.ConceptRow, error) {
	b, err := readInput(path, nil, max)
	if err != nil {
		return nil, fmt.Errorf("eval align: %w", err)
	}
	return gold.ReadConcepts(bytes.NewReader(b), path)
}
