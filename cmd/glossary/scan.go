package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
	"github.com/medterm/glossary/tokenize"
)

type scanOptions struct {
	format      string
	encoding    string
	overlapping bool
	lang        string
	minChars    int
	files       []string
	max         int64 // --max-size
}

func newScanCmd(s *streams) *cobra.Command {
	opts := &scanOptions{}
	cmd := &cobra.Command{
		Use:   "scan [FILE|-]...",
		Short: "Find every glossary term occurring in a text, with offsets",
		Long: `scan reads each FILE (standard input when none, or for "-"), decodes it like
tokenize (detected or --encoding) and prints every occurrence of a glossary
term: its byte offsets [start, end) into the decoded text, the text as
written, the term's language and concept id.

Terms match in any width, case, separator, Han script (shinjitai,
traditional, simplified) or kana; Han and kana terms anywhere, Latin terms
as whole words (with an English plural s). The longest term at a position
wins; --all also reports the terms inside longer ones.

--format tsv prints: file, start, end, text, lang, id, term
--format json prints JSON Lines, one object per file:
  {"file": ..., "hits": [{"start", "end", "text", "lang", "id", "term"}, ...]}`,
		Example: `  glossary scan article.txt
  echo '関節リウマチにＭＳＣｓを投与' | glossary scan --format tsv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch opts.format {
			case "table", "json", "tsv":
			default:
				return usageErr("scan: --format must be table, json or tsv, not %q", opts.format)
			}
			if _, err := tokenize.ParseEncoding(opts.encoding); err != nil {
				return usageErr("scan: %v", err)
			}
			if opts.lang != "" {
				if _, err := terms.ParseTag(opts.lang); err != nil {
					return usageErr("scan: --lang: %v", err)
				}
			}
			opts.files = args
			opts.max = maxSize(cmd)
			return runScan(cmd, s, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table, json or tsv")
	cmd.Flags().StringVar(&opts.encoding, "encoding", "auto", "input encoding: auto, utf-8, utf-16le, utf-16be, shift_jis, euc-jp, gbk, gb18030, big5")
	cmd.Flags().BoolVar(&opts.overlapping, "all", false, "also report terms inside longer terms")
	cmd.Flags().StringVar(&opts.lang, "lang", "", "language of the text (default: guessed around each hit)")
	cmd.Flags().IntVar(&opts.minChars, "min-chars", 0, "skip matches shorter than this many characters (e.g. 2 drops 心, 手, 目)")
	return cmd
}

type scanFileResult struct {
	File string    `json:"file"`
	Hits []scanHit `json:"hits"`
}

type scanHit struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Lang  string `json:"lang"`
	ID    string `json:"id"`
	Term  string `json:"term"`
}

func runScan(cmd *cobra.Command, s *streams, opts *scanOptions) error {
	if opts.minChars < 0 {
		return usageErr("scan: --min-chars must not be negative, not %d", opts.minChars)
	}
	files := opts.files
	if len(files) == 0 {
		files = []string{"-"}
	}
	if err := checkSizes(files, opts.max); err != nil {
		return fmt.Errorf("scan: %w", err)
	}
	g, err := loadGlossary(cmd)
	if err != nil {
		return err
	}
	x := terms.NewIndex(g)
	var sopts []terms.ScanOption
	if opts.overlapping {
		sopts = append(sopts, terms.Overlapping())
	}
	if opts.minChars > 0 {
		sopts = append(sopts, terms.MinChars(opts.minChars))
	}
	if opts.lang != "" {
		t, _ := terms.ParseTag(opts.lang)
		sopts = append(sopts, terms.TextLanguage(t))
	}
	out := bufio.NewWriter(s.Out)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for _, f := range files {
		name := f
		if f == "-" {
			name = "<stdin>"
		}
		text, err := readInputText(f, s.In, opts.max, opts.encoding)
		if err != nil {
			return fmt.Errorf("scan: %w", err)
		}
		switch opts.format {
		case "json": // one object per file: its hits are held
			res := scanFileResult{File: name, Hits: []scanHit{}}
			x.ScanFunc(text, func(h terms.Hit) bool {
				res.Hits = append(res.Hits, scanHit{Start: h.Start, End: h.End, Text: h.Text, Lang: langString(h.Lang), ID: h.ConceptID, Term: h.Term.Text})
				return true
			}, sopts...)
			if err := enc.Encode(res); err != nil {
				return err
			}
		case "tsv":
			clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
			x.ScanFunc(text, func(h terms.Hit) bool {
				fmt.Fprintf(out, "%s\t%d\t%d\t%s\t%s\t%s\t%s\n", name, h.Start, h.End, clean.Replace(h.Text), langString(h.Lang), h.ConceptID, clean.Replace(h.Term.Text))
				return true
			}, sopts...)
		default:
			x.ScanFunc(text, func(h terms.Hit) bool {
				fmt.Fprintf(out, "%s:%d-%d\t%s\t%s\t%s\n", name, h.Start, h.End, langString(h.Lang), h.ConceptID, strings.ReplaceAll(h.Text, "\n", `\n`))
				return true
			}, sopts...)
		}
	}
	return out.Flush()
}

func langString(t language.Tag) string { return t.String() }
