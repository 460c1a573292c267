package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
	"github.com/medterm/glossary/terms/align"
	"github.com/medterm/glossary/terms/extract"
)

type alignOptions struct {
	lists      map[string]*[]string // --ja, --zh, --zh-hant, --en files
	files      []string             // extraction JSON Lines or "lang<TAB>term" files
	dicts      []string
	format     string
	minScore   float64
	routes     []string
	noGlossary bool
	apply      bool
	accept     float64
	top        int
}

// listFlags maps the term-list flags to their languages.
var listFlags = []struct {
	flag string
	tag  language.Tag
}{
	{"ja", language.Japanese},
	{"zh", language.SimplifiedChinese},
	{"zh-hant", language.TraditionalChinese},
	{"en", language.English},
}

func newAlignCmd(s *streams) *cobra.Command {
	o := &alignOptions{lists: map[string]*[]string{}}
	cmd := &cobra.Command{
		Use:   "align [FILE...]",
		Short: "Propose equivalent terms across ja, zh-Hans, zh-Hant and en, with evidence",
		Long: `align groups terms of different languages that name one concept and says why:
each link carries a score and its evidence, one route at a time —
glossary (both terms in one glossary concept), cognate (same characters after
han folding; flagged when the glossary or a dictionary gives another standard
term, or when the dictionaries give the two no common meaning), abbreviation
and anchor (an abbreviation defined in the articles), dictionary (an English
gloss shared through --dict files), compositional (the parts translate one
another: 間葉系+幹細胞 → 间充质+干细胞), transliteration (a katakana loanword and
an English word that sound alike) and context (similar frequency).

Inputs, in any mix:
  --ja FILE --zh FILE --zh-hant FILE --en FILE   term lists, one term per line
  FILE...   articles (plain text, any supported encoding): their terms and
            abbreviation definitions are extracted as 'glossary extract' does;
            or the output of 'glossary extract --format json' (JSON Lines: term
            lines with term, lang, freq; pair lines with short, long, long_en);
            or lines "LANG<TAB>TERM" (LANG a BCP 47 tag).
A file is taken as JSON Lines when its first line is a JSON object, as
"LANG<TAB>TERM" lines when its first line is one, else as an article.

--dict takes EDICT/JMdict (漢字 [かな] /gloss/) and CC-CEDICT (繁體 简体 [pin1] /gloss/)
files and may be repeated. The glossary (--glossary, $GLOSSARY_DIR or the
starter) is used as evidence unless --no-glossary.`,
		Example: `  glossary align --ja ja.txt --zh zh.txt --dict cedict.u8 --dict edict.u8
  glossary align ja.jsonl zh.jsonl en.jsonl --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.files = args
			return runAlign(cmd, s, o)
		},
	}
	f := cmd.Flags()
	for _, lf := range listFlags {
		v := new([]string)
		o.lists[lf.flag] = v
		f.StringArrayVar(v, lf.flag, nil, "term list in "+lf.tag.String()+", one term per line (repeatable)")
	}
	f.StringArrayVar(&o.dicts, "dict", nil, "bilingual dictionary, EDICT or CC-CEDICT format (repeatable)")
	f.StringVar(&o.format, "format", "table", "output format: table or json (JSON Lines, one proposal per line)")
	f.Float64Var(&o.minScore, "min-score", align.DefaultMinScore, "lowest link score proposed (0..1)")
	f.StringSliceVar(&o.routes, "routes", nil, "evidence routes to use (default all): glossary,cognate,abbreviation,anchor,dictionary,compositional,context,transliteration")
	f.BoolVar(&o.noGlossary, "no-glossary", false, "do not use the glossary as evidence")
	f.Float64Var(&o.accept, "accept", 0.8, "with --apply: merge only proposals whose every link scores at least this")
	f.IntVar(&o.top, "top", 0, "for articles: align only the N best extracted terms of each language (0: all)")
	f.BoolVar(&o.apply, "apply", false, "merge the proposals into the glossary (--glossary DIR or $GLOSSARY_DIR): new candidate concepts, admitted terms on existing ones; curated terms are never changed")
	return cmd
}

// newAligner builds the aligner from the shared flags of align and eval align.
// newAligner builds the aligner of the align and eval align commands; ix
// (nil: no glossary evidence) is the glossary's lookup index.
func newAligner(cmd *cobra.Command, dicts []string, routes []string, minScore float64, ix *terms.Index) (*align.Aligner, *align.Dictionary, error) {
	opts := []align.Option{}
	if minScore < 0 || minScore > 1 {
		return nil, nil, usageErr("--min-score %v: want a number in [0,1]", minScore)
	}
	opts = append(opts, align.MinScore(minScore))
	if len(routes) > 0 {
		var rs []align.Route
		for _, r := range routes {
			rt, err := align.ParseRoute(strings.TrimSpace(r))
			if err != nil {
				return nil, nil, usageErr("--routes: %v", err)
			}
			rs = append(rs, rt)
		}
		opts = append(opts, align.Routes(rs...))
	}
	var d *align.Dictionary
	if len(dicts) > 0 {
		d = align.NewDictionary()
		for _, p := range dicts {
			if err := d.LoadFile(p); err != nil {
				return nil, nil, err
			}
		}
		opts = append(opts, align.WithDictionary(d))
	}
	if ix != nil {
		opts = append(opts, align.WithIndex(ix))
	}
	a, err := align.New(opts...)
	if err != nil {
		return nil, nil, usageErr("%v", err)
	}
	return a, d, nil
}

func runAlign(cmd *cobra.Command, s *streams, o *alignOptions) error {
	if o.format != "table" && o.format != "json" {
		return usageErr("--format %q: want table or json", o.format)
	}
	var in align.Input
	max := maxSize(cmd)
	nlists := 0
	for _, lf := range listFlags {
		for _, path := range *o.lists[lf.flag] {
			ts, err := readTermList(path, lf.tag, max)
			if err != nil {
				return err
			}
			in.Terms = append(in.Terms, ts...)
			nlists++
		}
	}
	var articles []string
	for _, path := range o.files {
		kind, err := sniffAlignInput(path, max)
		if err != nil {
			return err
		}
		if kind == inputArticle {
			articles = append(articles, path)
			continue
		}
		if err := readAlignInput(path, max, &in); err != nil {
			return err
		}
	}
	if err := checkSizes(articles, max); err != nil {
		return fmt.Errorf("align: %w", err) // before the dictionaries load
	}
	if nlists+len(o.files) == 0 {
		return usageErr("align: no input (give term lists with --ja/--zh/--zh-hant/--en, articles, or extraction JSON files)")
	}
	if o.accept < 0 || o.accept > 1 {
		return usageErr("--accept %v: want a number in [0,1]", o.accept)
	}
	var dir string
	if o.apply {
		if o.noGlossary {
			return usageErr("align: --apply needs the glossary; drop --no-glossary")
		}
		var err error
		if dir, err = editableDir(cmd); err != nil {
			return err
		}
	}
	var g *terms.Glossary
	if !o.noGlossary {
		var err error
		if g, err = loadGlossary(cmd); err != nil {
			return err
		}
	}
	// One lookup index serves the extractor (known terms) and the aligner
	// (glossary evidence).
	var ix *terms.Index
	if g != nil {
		ix = terms.NewIndex(g)
	}
	if len(articles) > 0 {
		if err := extractArticles(s, g, ix, articles, o.top, max, &in); err != nil {
			return err
		}
	}
	a, _, err := newAligner(cmd, o.dicts, o.routes, o.minScore, ix)
	if err != nil {
		return err
	}
	ps := a.Propose(in)
	if o.format == "json" {
		err = writeProposalsJSON(s.Out, ps)
	} else {
		err = writeProposalsTable(s.Out, ps)
	}
	if err != nil || !o.apply {
		return err
	}
	var accepted []align.Proposal
	for _, p := range ps {
		if p.Score >= o.accept {
			accepted = append(accepted, p)
		}
	}
	res, err := align.Apply(g, accepted)
	if err != nil {
		return err
	}
	if err := saveGlossary(s, g, dir); err != nil {
		return err
	}
	fmt.Fprintf(s.ErrOut, "align: applied %d of %d proposals (score ≥ %.2f) to %s: %d new candidate concepts, %d concepts extended, %d skipped\n",
		len(accepted), len(ps), o.accept, dir, len(res.Added), len(res.Extended), len(res.Skipped))
	for _, sk := range res.Skipped {
		fmt.Fprintln(s.ErrOut, "  skipped:", sk)
	}
	return nil
}

type alignInputKind int

const (
	inputArticle alignInputKind = iota
	inputJSON
	inputTSV
)

// sniffAlignInput decides from the first non-blank, non-comment line
// whether a file is extraction JSON Lines, "LANG<TAB>TERM" lines or an
// article. It reads no further than max bytes (--max-size).
func sniffAlignInput(path string, max int64) (alignInputKind, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("align: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if max > 0 {
		r = io.LimitReader(f, max)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4<<20)
	for sc.Scan() {
		text := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if strings.HasPrefix(text, "{") {
			return inputJSON, nil
		}
		if l, _, ok := strings.Cut(text, "\t"); ok {
			if _, err := language.Parse(l); err == nil {
				return inputTSV, nil
			}
		}
		return inputArticle, nil
	}
	return inputArticle, nil
}

// extractArticles runs term and abbreviation extraction over articles, as
// `glossary extract` does, and adds the results to in.
func extractArticles(s *streams, g *terms.Glossary, ix *terms.Index, files []string, top int, max int64, in *align.Input) error {
	an, err := newAnalyzer(g)
	if err != nil {
		return err
	}
	var eopts []extract.Option
	if ix != nil {
		eopts = append(eopts, extract.WithIndex(ix))
	}
	e, err := extract.New(an, eopts...)
	if err != nil {
		return err
	}
	col, err := extractAll(s, e, files, 0, "", max)
	if err != nil {
		return fmt.Errorf("align: %w", err)
	}
	perLang := map[language.Tag]int{}
	for _, c := range col.Candidates() {
		if top > 0 && perLang[c.Lang] >= top {
			continue
		}
		perLang[c.Lang]++
		in.Terms = append(in.Terms, align.Term{Text: c.Term, Lang: c.Lang, Freq: c.Freq})
	}
	for _, d := range col.Documents() {
		for _, p := range d.Pairs {
			switch {
			case p.Long != "":
				in.Abbrevs = append(in.Abbrevs, align.AbbrevPair{Short: p.Short, Long: p.Long, LongEn: p.LongEn, Lang: p.LongLang})
			case p.Short != "" && p.LongEn != "":
				in.Abbrevs = append(in.Abbrevs, align.AbbrevPair{Short: p.Short, Long: p.LongEn, Lang: language.English})
			}
		}
	}
	return nil
}

// readTermList reads one term per line; blank lines and lines starting
// with '#' are skipped. A file over max bytes is refused (readInput).
func readTermList(path string, tag language.Tag, max int64) ([]align.Term, error) {
	b, err := readInput(path, nil, max)
	if err != nil {
		return nil, fmt.Errorf("align: %w", err)
	}
	var out []align.Term
	for i, line := range strings.Split(string(bytes.TrimPrefix(b, []byte("\ufeff"))), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if err := checkTextLine("align", path, i+1, line); err != nil {
			return nil, err
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, align.Term{Text: line, Lang: tag})
	}
	return out, nil
}

// extractLine is one line of `glossary extract --format json`: a term line
// or an abbreviation line.
type extractLine struct {
	Term     string `json:"term"`
	Lang     string `json:"lang"`
	Freq     int    `json:"freq"`
	Short    string `json:"short"`
	Long     string `json:"long"`
	LongLang string `json:"long_lang"`
	LongEn   string `json:"long_en"`
}

// readAlignInput reads extraction JSON Lines or "lang<TAB>term" lines (at
// most max bytes: readInput).
func readAlignInput(path string, max int64, in *align.Input) error {
	b, err := readInput(path, nil, max)
	if err != nil {
		return fmt.Errorf("align: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 4<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if strings.HasPrefix(text, "{") {
			var e extractLine
			if err := json.Unmarshal([]byte(text), &e); err != nil {
				return fmt.Errorf("%s:%d: align: %v", path, line, err)
			}
			switch {
			case e.Term != "":
				tag, err := parseLang(e.Lang)
				if err != nil {
					return fmt.Errorf("%s:%d: align: %v", path, line, err)
				}
				in.Terms = append(in.Terms, align.Term{Text: e.Term, Lang: tag, Freq: e.Freq})
			case e.Long != "" && (e.Short != "" || e.LongEn != ""):
				// An abbreviation (間葉系幹細胞 (MSC)), a tri-anchor
				// (with long_en) or a bracketed gloss (no short form).
				l := e.LongLang
				if l == "" {
					l = e.Lang
				}
				tag, err := parseLang(l)
				if err != nil {
					return fmt.Errorf("%s:%d: align: long form: %v", path, line, err)
				}
				in.Abbrevs = append(in.Abbrevs, align.AbbrevPair{Short: e.Short, Long: e.Long, LongEn: e.LongEn, Lang: tag})
			case e.Short != "" && e.LongEn != "":
				// An abbreviation defined in English (Good Manufacturing Practice (GMP)).
				in.Abbrevs = append(in.Abbrevs, align.AbbrevPair{Short: e.Short, Long: e.LongEn, Lang: language.English})
			default:
				return fmt.Errorf("%s:%d: align: JSON line has neither a term nor a pair (short/long/long_en)", path, line)
			}
			continue
		}
		l, t, ok := strings.Cut(text, "\t")
		if !ok {
			return fmt.Errorf("%s:%d: align: want a JSON object or \"LANG<TAB>TERM\"", path, line)
		}
		tag, err := parseLang(l)
		if err != nil {
			return fmt.Errorf("%s:%d: align: %v", path, line, err)
		}
		in.Terms = append(in.Terms, align.Term{Text: strings.TrimSpace(t), Lang: tag})
	}
	if err := sc.Err(); errors.Is(err, bufio.ErrTooLong) {
		return fmt.Errorf("%s:%d: align: line longer than 4 MiB (one term or JSON object per line)", path, line+1)
	} else if err != nil {
		return fmt.Errorf("align: %s: %w", path, err)
	}
	return nil
}

// parseLang maps a language tag to the four languages the glossary files
// terms under (zh → zh-Hans, zh-TW → zh-Hant).
func parseLang(s string) (language.Tag, error) {
	if s == "" {
		return language.Und, fmt.Errorf("missing lang")
	}
	t, err := language.Parse(s)
	if err != nil {
		return language.Und, fmt.Errorf("bad language %q", s)
	}
	base, _ := t.Base()
	switch base.String() {
	case "ja":
		return language.Japanese, nil
	case "en":
		return language.English, nil
	case "zh":
		if sc, _ := t.Script(); sc.String() == "Hant" {
			return language.TraditionalChinese, nil
		}
		return language.SimplifiedChinese, nil
	}
	return t, nil
}

type jsonLink struct {
	Source       jsonTerm         `json:"source"`
	Target       jsonTerm         `json:"target"`
	Score        float64          `json:"score"`
	Route        string           `json:"route"`
	Evidence     []align.Evidence `json:"evidence"`
	Standard     string           `json:"standard,omitempty"`
	StandardFrom string           `json:"standard_from,omitempty"`
	FalseFriend  bool             `json:"false_friend,omitempty"`
}

type jsonTerm struct {
	Text string `json:"text"`
	Lang string `json:"lang"`
}

type jsonProposal struct {
	Terms         map[string][]string `json:"terms"`
	Abbreviations []string            `json:"abbreviations,omitempty"`
	Concepts      []string            `json:"concepts,omitempty"`
	Score         float64             `json:"score"`
	Links         []jsonLink          `json:"links"`
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

func toJSONProposal(p align.Proposal) jsonProposal {
	jp := jsonProposal{Terms: map[string][]string{}, Abbreviations: p.Abbreviations, Concepts: p.Concepts, Score: round3(p.Score)}
	for t, ts := range p.Terms {
		jp.Terms[t.String()] = ts
	}
	for _, l := range p.Links {
		ev := make([]align.Evidence, len(l.Evidence))
		for i, e := range l.Evidence {
			e.Score = round3(e.Score)
			ev[i] = e
		}
		jp.Links = append(jp.Links, jsonLink{
			Source: jsonTerm{l.Source.Text, l.Source.Lang.String()}, Target: jsonTerm{l.Target.Text, l.Target.Lang.String()},
			Score: round3(l.Score), Route: l.Route.String(), Evidence: ev,
			Standard: l.Standard, StandardFrom: l.StandardFrom, FalseFriend: l.FalseFriend,
		})
	}
	return jp
}

func writeProposalsJSON(w io.Writer, ps []align.Proposal) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, p := range ps {
		if err := enc.Encode(toJSONProposal(p)); err != nil {
			return err
		}
	}
	return nil
}

var tableLangs = []language.Tag{language.Japanese, language.SimplifiedChinese, language.TraditionalChinese, language.English}

func writeProposalsTable(w io.Writer, ps []align.Proposal) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "#\tSCORE\tJA\tZH-HANS\tZH-HANT\tEN\tABBR\tCONCEPT")
	cell := func(ss []string) string {
		if len(ss) == 0 {
			return "-"
		}
		return strings.Join(ss, " | ")
	}
	for i, p := range ps {
		row := []string{fmt.Sprint(i + 1), fmt.Sprintf("%.2f", p.Score)}
		for _, t := range tableLangs {
			row = append(row, cell(p.Terms[t]))
		}
		row = append(row, cell(p.Abbreviations), cell(p.Concepts))
		fmt.Fprintln(tw, strings.Join(row, "\t"))
		for _, l := range p.Links {
			fmt.Fprintf(tw, "\t\t  %s → %s\t%.2f %s\t%s\n", l.Source.Text, l.Target.Text, l.Score, l.Route, evidenceText(l))
		}
	}
	return tw.Flush()
}

// evidenceText is the one-line summary of a link's evidence in the table.
func evidenceText(l align.Link) string {
	var parts []string
	for _, e := range l.Evidence {
		s := fmt.Sprintf("%s %.2f", e.Route, e.Score)
		if e.Detail != "" {
			s += " (" + e.Detail + ")"
		}
		if len(e.Parts) > 0 {
			var ps []string
			for _, p := range e.Parts {
				x := p.Source + "=" + p.Target + " " + p.Route.String()
				if p.Via != "" && p.Route != align.RouteCognate {
					x += ":" + p.Via
				}
				ps = append(ps, x)
			}
			sort.Strings(ps)
			s += " [" + strings.Join(ps, "; ") + "]"
		}
		parts = append(parts, s)
	}
	switch {
	case l.Standard != "" && l.StandardFrom == "glossary":
		parts = append(parts, "LITERAL RENDERING: the glossary's standard term is "+l.Standard)
	case l.Standard != "":
		parts = append(parts, "LITERAL RENDERING?: the dictionary lists "+l.Standard+", not this cognate")
	}
	if l.FalseFriend {
		parts = append(parts, "FALSE FRIEND")
	}
	return strings.Join(parts, "; ")
}
