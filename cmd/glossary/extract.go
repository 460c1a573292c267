package main

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
	"github.com/medterm/glossary/terms/extract"
	"github.com/medterm/glossary/tokenize"
)

type extractOptions struct {
	format   string
	top      int
	minFreq  int
	contexts int
	add      bool
	quiet    bool
	workers  int
	encoding string
}

func newExtractCmd(s *streams) *cobra.Command {
	o := &extractOptions{}
	cmd := &cobra.Command{
		Use:   "extract FILE|DIR|- ...",
		Short: "Extract ranked term candidates and abbreviation pairs from articles",
		Long: `extract reads articles (files, directories of *.txt/*.md, or - for standard
input), finds term candidates (compound nouns, Latin terms, abbreviation
pairs, glossary hits) and ranks them by termhood (C-value and FLR over the
whole input). Known terms carry their concept id; the others are "new".

--format json writes JSON Lines: one candidate per line (term, lang, score,
freq, df, concept, files, evidence, contained_in, contains, contexts), then
one line per abbreviation pair (short, long, long_lang, long_en, file).
--add adds the new candidates to the glossary (--glossary DIR) as candidate
concepts; curated entries are never touched and a second run adds nothing.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch o.format {
			case "table", "json", "tsv":
			default:
				return usageErr("extract: --format must be table, json or tsv, not %q", o.format)
			}
			if o.top < 0 || o.minFreq < 0 || o.contexts < 0 || o.workers < 0 {
				return usageErr("extract: --top, --min-freq, --contexts and --workers must not be negative")
			}
			return runExtract(cmd, s, args, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "table", "output format: table, json (JSON Lines) or tsv")
	f.IntVar(&o.top, "top", 0, "print at most N candidates (0: all)")
	f.IntVar(&o.minFreq, "min-freq", 1, "drop candidates seen fewer than N times")
	f.IntVar(&o.contexts, "contexts", 2, "contexts (file:line and snippet) per candidate")
	f.BoolVar(&o.add, "add", false, "add new candidates to the glossary as candidate concepts")
	f.BoolVar(&o.quiet, "quiet", false, "no progress on stderr")
	f.IntVar(&o.workers, "workers", 0, "files processed in parallel (0: GOMAXPROCS)")
	f.StringVar(&o.encoding, "encoding", "", "input encoding (default: detect)")
	return cmd
}

// inputFiles expands the arguments: directories give their *.txt, *.md and
// *.text files (recursively), "-" is standard input.
func inputFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if a == "-" {
			out = append(out, a)
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		before := len(out)
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".txt", ".md", ".text":
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(out) == before {
			return nil, fmt.Errorf("no text files found in %s (looked for *.txt, *.md, *.text)", a)
		}
	}
	return out, nil
}

// extractAll runs the extractor over files in parallel and adds the
// documents to a collection in input order (extract.Collection.AddAll).
func extractAll(s *streams, e *extract.Extractor, files []string, workers int, enc string, max int64) (*extract.Collection, error) {
	return extractFiles(s, e, files, workers, enc, max, nil, false)
}

// extractFiles is extractAll; with stream the collection keeps only the
// merged table (extract.NewStream), not each document's. Inputs over max
// bytes (--max-size) are refused. prog, when not nil, is told of each
// file done and finished at the end.
func extractFiles(s *streams, e *extract.Extractor, files []string, workers int, enc string, max int64, prog *progress, stream bool) (*extract.Collection, error) {
	if err := checkSizes(files, max); err != nil {
		return nil, err
	}
	srcs := make([]extract.Source, len(files))
	for i, name := range files {
		src := extract.Source{Name: name, Text: func() (string, error) {
			b, err := readInputHead(name, s.In, max, binaryHead(enc))
			if err != nil {
				return "", err
			}
			text, _, err := tokenize.Decode(b, name, enc)
			return text, err
		}}
		if name != "-" {
			src.Name = filepath.Base(name)
			if st, err := os.Stat(name); err == nil {
				src.Size = st.Size()
			}
		}
		srcs[i] = src
	}
	col := e.NewCollection()
	if stream {
		col = e.NewStream()
	}
	var done func(int)
	if prog != nil {
		done = prog.fileDone
	}
	err := col.AddAll(srcs, workers, done)
	if prog != nil {
		prog.finish()
	}
	return col, err
}

// totalSize is the size of the files together; 0 when one is standard
// input or cannot be read (the progress bar then shows bytes, not a
// fraction).
func totalSize(files []string) int64 {
	var n int64
	for _, f := range files {
		st, err := os.Stat(f)
		if f == "-" || err != nil {
			return 0
		}
		n += st.Size()
	}
	return n
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func runExtract(cmd *cobra.Command, s *streams, args []string, o *extractOptions) error {
	g, err := loadGlossary(cmd)
	if err != nil {
		return err
	}
	var dir string
	if o.add {
		if dir, err = editableDir(cmd); err != nil {
			return err
		}
	}
	files, err := inputFiles(args)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if err := checkSizes(files, maxSize(cmd)); err != nil {
		return fmt.Errorf("extract: %w", err) // before the dictionaries load
	}
	an, err := newAnalyzer(g)
	if err != nil {
		return err
	}
	var tok tokenize.Tokenizer = an
	var prog *progress
	if !o.quiet && isTerminal(s.ErrOut) {
		prog = startProgress(s.ErrOut, totalSize(files), len(files))
		tok = prog.tokenizer(an)
	}
	e, err := extract.New(tok, extract.WithIndex(terms.NewIndex(g)), extract.MaxContexts(o.contexts))
	if err != nil {
		return err
	}
	col, err := extractFiles(s, e, files, o.workers, o.encoding, maxSize(cmd), prog, true)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	cands := col.Candidates()
	kept := cands[:0]
	for _, c := range cands {
		if c.Freq >= o.minFreq {
			kept = append(kept, c)
		}
	}
	cands = kept
	if o.top > 0 && len(cands) > o.top {
		cands = cands[:o.top]
	}
	if err := writeCandidates(s.Out, o.format, cands, col.Documents()); err != nil {
		return err
	}
	if o.add {
		n, err := addCandidates(s, g, dir, cands)
		if err != nil {
			return err
		}
		if !o.quiet {
			fmt.Fprintf(s.ErrOut, "extract: added %d candidate concepts to %s\n", n, dir)
		}
	}
	return nil
}

type jsonContext struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Snippet string `json:"snippet"`
}

type jsonCandidate struct {
	Term        string        `json:"term"`
	Lang        string        `json:"lang"`
	Score       float64       `json:"score"`
	Freq        int           `json:"freq"`
	DF          int           `json:"df"`
	Concept     string        `json:"concept"`
	Files       []string      `json:"files"`
	Evidence    []string      `json:"evidence"`
	ContainedIn []string      `json:"contained_in,omitempty"`
	Contains    []string      `json:"contains,omitempty"`
	Contexts    []jsonContext `json:"contexts,omitempty"`
}

type jsonPair struct {
	Short    string `json:"short"`
	Long     string `json:"long"`
	LongLang string `json:"long_lang,omitempty"`
	LongEn   string `json:"long_en"`
	Kind     string `json:"kind"`
	Pattern  string `json:"pattern"`
	File     string `json:"file"`
	Count    int    `json:"count"`
}

// pairsOf returns the distinct pairs of the documents with their counts.
func pairsOf(docs []*extract.Document) []jsonPair {
	var out []jsonPair
	idx := map[string]int{}
	for _, d := range docs {
		for _, p := range d.Pairs {
			lang := ""
			if p.Long != "" {
				lang = p.LongLang.String()
			}
			k := d.Name + "\x00" + p.Short + "\x00" + p.Long + "\x00" + p.LongEn
			if i, ok := idx[k]; ok {
				out[i].Count++
				continue
			}
			idx[k] = len(out)
			out = append(out, jsonPair{Short: p.Short, Long: p.Long, LongLang: lang, LongEn: p.LongEn, Kind: p.Kind.String(), Pattern: p.Pattern, File: d.Name, Count: 1})
		}
	}
	return out
}

func conceptOrNew(id string) string {
	if id == "" {
		return "new"
	}
	return id
}

func writeCandidates(w io.Writer, format string, cands []extract.Candidate, docs []*extract.Document) error {
	pairs := pairsOf(docs)
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, c := range cands {
			jc := jsonCandidate{Term: c.Term, Lang: c.Lang.String(), Score: c.Score, Freq: c.Freq, DF: c.DocFreq, Concept: c.Concept,
				Files: c.Files, Evidence: c.Evidence.Strings(), ContainedIn: c.ContainedIn, Contains: c.Contains}
			for _, x := range c.Contexts {
				jc.Contexts = append(jc.Contexts, jsonContext{File: x.File, Line: x.Line, Snippet: x.Snippet})
			}
			if err := enc.Encode(jc); err != nil {
				return err
			}
		}
		for _, p := range pairs {
			if err := enc.Encode(p); err != nil {
				return err
			}
		}
		return nil
	case "tsv":
		fmt.Fprintln(w, "term\tlang\tscore\tfreq\tdf\tconcept\tevidence\tcontained_in\tcontains\tcontext")
		for _, c := range cands {
			ctx := ""
			if len(c.Contexts) > 0 {
				ctx = fmt.Sprintf("%s:%d %s", c.Contexts[0].File, c.Contexts[0].Line, c.Contexts[0].Snippet)
			}
			fmt.Fprintf(w, "%s\t%s\t%.3f\t%d\t%d\t%s\t%s\t%s\t%s\t%s\n", c.Term, c.Lang, c.Score, c.Freq, c.DocFreq, conceptOrNew(c.Concept),
				strings.Join(c.Evidence.Strings(), ","), strings.Join(c.ContainedIn, "|"), strings.Join(c.Contains, "|"), tsvClean(ctx))
		}
		return nil
	}
	tw := newTable(w)
	fmt.Fprintln(tw, "TERM\tLANG\tSCORE\tFREQ\tDF\tCONCEPT\tEVIDENCE\tCONTEXT")
	for _, c := range cands {
		ctx := ""
		if len(c.Contexts) > 0 {
			ctx = fmt.Sprintf("%s:%d %s", c.Contexts[0].File, c.Contexts[0].Line, c.Contexts[0].Snippet)
		}
		fmt.Fprintf(tw, "%s\t%s\t%.2f\t%d\t%d\t%s\t%s\t%s\n", c.Term, c.Lang, c.Score, c.Freq, c.DocFreq, conceptOrNew(c.Concept), strings.Join(c.Evidence.Strings(), ","), ctx)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var abbr []jsonPair
	for _, p := range pairs {
		if p.Kind == "abbreviation" {
			abbr = append(abbr, p)
		}
	}
	if len(abbr) > 0 {
		fmt.Fprintln(w)
		tw = newTable(w)
		fmt.Fprintln(tw, "SHORT\tLONG\tLONG (EN)\tFILE\tCOUNT")
		for _, p := range abbr {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", p.Short, p.Long, p.LongEn, p.File, p.Count)
		}
		return tw.Flush()
	}
	return nil
}

func tsvClean(s string) string { return strings.NewReplacer("\t", " ", "\n", " ").Replace(s) }

// addCandidates adds the new candidates (no concept) to g as candidate
// concepts with a stable id derived from the term, and saves g to dir. A
// term already in the glossary is never added again.
func addCandidates(s *streams, g *terms.Glossary, dir string, cands []extract.Candidate) (int, error) {
	known := map[string]bool{}
	for _, c := range g.Concepts() {
		for _, ts := range c.Terms {
			for _, t := range ts {
				known[strings.ToLower(t.Text)] = true
			}
		}
	}
	n := 0
	sorted := append([]extract.Candidate(nil), cands...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Term < sorted[j].Term })
	for _, c := range sorted {
		if c.Concept != "" || known[strings.ToLower(c.Term)] {
			continue
		}
		id := candidateID(c.Lang, c.Term)
		if _, dup := g.Concept(id); dup {
			continue
		}
		con := &terms.Concept{ID: id, Category: "candidate", Status: terms.Candidate,
			Terms: map[language.Tag][]terms.Term{c.Lang: {{Text: c.Term}}}}
		if err := g.Add(con); err != nil {
			return n, err
		}
		known[strings.ToLower(c.Term)] = true
		n++
	}
	if n == 0 {
		return 0, nil
	}
	return n, saveGlossary(s, g, dir)
}

// candidateID is an ASCII slug for a candidate: the term itself when it is
// plain English, else "cand-" and a hash of language and term.
func candidateID(lang language.Tag, term string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(term) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if b.Len() == 0 && r <= '9' {
				b.WriteString("t-")
			}
			b.WriteRune(r)
			dash = false
		case r == ' ' || r == '-' || r == '/':
			if b.Len() > 0 && !dash {
				b.WriteByte('-')
				dash = true
			}
		default:
			b.Reset()
			goto hash
		}
	}
	if s := strings.Trim(b.String(), "-"); s != "" && len(s) <= 60 && terms.ValidID(s) == nil {
		return s
	}
hash:
	h := fnv.New32a()
	h.Write([]byte(lang.String() + "\x00" + term))
	return fmt.Sprintf("cand-%08x", h.Sum32())
}
