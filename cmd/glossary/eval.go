package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/spf13/cobra"

	"github.com/medterm/glossary/internal/gold"
	"github.com/medterm/glossary/terms"
	"github.com/medterm/glossary/terms/extract"
)

// newEvalCmd is the parent of the scoring verbs: eval extract (here) and
// eval align (evalalign.go).
func newEvalCmd(s *streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score extraction or alignment against gold data",
	}
	cmd.AddCommand(newEvalExtractCmd(s))
	cmd.AddCommand(newEvalAlignCmd(s))
	return cmd
}

type evalExtractOptions struct {
	gold       string
	abbrGold   string
	k          int
	format     string
	noGlossary bool
	details    bool
	workers    int
}

func newEvalExtractCmd(s *streams) *cobra.Command {
	o := &evalExtractOptions{}
	cmd := &cobra.Command{
		Use:   "extract --gold TERMS.tsv FILE|DIR ...",
		Short: "Score term extraction against a gold terms file",
		Long: `eval extract runs extraction on the articles and compares each article's
candidates with the gold rows of the file of the same base name (columns file,
lang, term, category, note; category "common" is the common tier).

Recall: specific-tier gold terms found among all candidates of their article.
Precision@K: the top K candidates of each article that match a specific or
common row; strict precision counts specific rows only. Both per language and
overall, with exact matching (same characters; English case-insensitive) and
normalized matching (NFKC width folding, lower case, spaces removed).
With --abbr-gold (columns file, short, long; alternatives joined by |) the
abbreviation pairs are scored too. --no-glossary scores the extractor alone.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.gold == "" {
				return usageErr("eval extract: --gold is required")
			}
			if o.format != "table" && o.format != "json" {
				return usageErr("eval extract: --format must be table or json, not %q", o.format)
			}
			if o.k <= 0 {
				return usageErr("eval extract: --k must be positive")
			}
			return runEvalExtract(cmd, s, args, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.gold, "gold", "", "gold terms file (TSV: file, lang, term, category, note)")
	f.StringVar(&o.abbrGold, "abbr-gold", "", "gold abbreviation pairs (TSV: file, short, long)")
	f.IntVar(&o.k, "k", 50, "precision is measured on the top K candidates of each article")
	f.StringVar(&o.format, "format", "table", "output format: table or json (one object)")
	f.BoolVar(&o.noGlossary, "no-glossary", false, "extract with an empty glossary")
	f.BoolVar(&o.details, "details", false, "list missed gold terms and wrong top-K candidates")
	f.IntVar(&o.workers, "workers", 0, "files processed in parallel (0: GOMAXPROCS)")
	return cmd
}

type evalExtractResult struct {
	Glossary   string              `json:"glossary"`
	Exact      *extract.Report     `json:"exact"`
	Normalized *extract.Report     `json:"normalized"`
	Pairs      *extract.PairScores `json:"pairs,omitempty"`
}

func runEvalExtract(cmd *cobra.Command, s *streams, args []string, o *evalExtractOptions) error {
	max := maxSize(cmd)
	b, err := readInput(o.gold, nil, max)
	if err != nil {
		return fmt.Errorf("eval extract: %w", err)
	}
	rows, err := gold.ReadTerms(bytes.NewReader(b), o.gold)
	if err != nil {
		return err
	}
	var pg []extract.PairGold
	if o.abbrGold != "" {
		b, err := readInput(o.abbrGold, nil, max)
		if err != nil {
			return fmt.Errorf("eval extract: %w", err)
		}
		pg, err = extract.ReadPairGold(bytes.NewReader(b), o.abbrGold)
		if err != nil {
			return err
		}
	}
	g, _ := terms.New()
	label := "empty"
	if !o.noGlossary {
		if g, err = loadGlossary(cmd); err != nil {
			return err
		}
		label = "default"
		if d := glossaryDir(cmd); d != "" {
			label = d
		}
	}
	files, err := inputFiles(args)
	if err != nil {
		return fmt.Errorf("eval extract: %w", err)
	}
	an, err := newAnalyzer(g)
	if err != nil {
		return err
	}
	e, err := extract.New(an, extract.WithIndex(terms.NewIndex(g)))
	if err != nil {
		return err
	}
	col, err := extractAll(s, e, files, o.workers, "", max)
	if err != nil {
		return fmt.Errorf("eval extract: %w", err)
	}
	cands := map[string][]extract.Candidate{}
	pairs := map[string][]extract.Pair{}
	for _, d := range col.Documents() {
		cands[d.Name] = col.DocumentCandidates(d)
		pairs[d.Name] = d.Pairs
	}
	res := evalExtractResult{Glossary: label,
		Exact:      extract.Evaluate(cands, rows, o.k, extract.Exact, o.details),
		Normalized: extract.Evaluate(cands, rows, o.k, extract.Normalized, o.details)}
	if pg != nil {
		res.Pairs = extract.EvaluatePairs(pairs, pg)
		if !o.details {
			res.Pairs.Wrong, res.Pairs.Missed = nil, nil
		}
	}
	if o.format == "json" {
		enc := json.NewEncoder(s.Out)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	return writeEvalExtractTable(s.Out, &res)
}

func writeEvalExtractTable(w io.Writer, res *evalExtractResult) error {
	tw := newTable(w)
	fmt.Fprintf(tw, "glossary: %s, K=%d\n", res.Glossary, res.Exact.K)
	fmt.Fprintln(tw, "MATCH\tSLICE\tRECALL\tFOUND/GOLD\tP@K\tSTRICT P@K\tCORRECT/RETURNED\tCANDIDATES")
	for _, rep := range []*extract.Report{res.Exact, res.Normalized} {
		row := func(name string, s *extract.Scores) {
			fmt.Fprintf(tw, "%s\t%s\t%.4f\t%d/%d\t%.4f\t%.4f\t%d/%d\t%d\n", rep.Match, name, s.Recall, s.FoundSpecific, s.GoldSpecific,
				s.Precision, s.Strict, s.Correct, s.Returned, s.Candidates)
		}
		row("all", &rep.Overall)
		for _, l := range sortedKeys(rep.ByLang) {
			row(l, rep.ByLang[l])
		}
		for _, f := range sortedKeys(rep.ByFile) {
			row(f, rep.ByFile[f])
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if p := res.Pairs; p != nil {
		fmt.Fprintf(w, "\nabbreviation pairs: precision %.4f (%d/%d), recall %.4f (%d/%d)\n", p.Precision, p.Correct, p.Predicted, p.Recall, p.Found, p.Gold)
		for _, x := range p.Wrong {
			fmt.Fprintln(w, "  wrong pair:", x)
		}
		for _, x := range p.Missed {
			fmt.Fprintln(w, "  missed pair:", x)
		}
	}
	for _, x := range res.Exact.Missed {
		fmt.Fprintln(w, "missed:", x)
	}
	for _, x := range res.Exact.Wrong {
		fmt.Fprintln(w, "wrong:", x)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
