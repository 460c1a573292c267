package main

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/medterm/glossary/internal/atomicfile"
	"github.com/medterm/glossary/locales"
	"github.com/medterm/glossary/terms"
)

type exportOptions struct {
	sel    selectOptions
	format string
	preset string
	out    string
	bom    bool
}

func newExportCmd(s *streams) *cobra.Command {
	opts := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export --format tbx|csv|tsv",
		Short: "Export the glossary as TBX-Basic or CSV/TSV for translators and CAT tools",
		Long: `export writes the glossary (every term, with its status) for interchange:

  --format tbx   TBX v3, dialect TBX-Basic, DCA style (ISO 30042). Forbidden
                 terms are deprecatedTerm-admn-sts, deprecated ones
                 supersededTerm-admn-sts.
  --format csv   CSV with the columns of --preset: glossary (every field,
  --format tsv   lossless), crowdin (Crowdin's glossary column scheme) or
                 memoq (memoQ's column names, ';'-separated unless tsv).

CSV cells that a spreadsheet would run as formulas (starting with = + - @,
tab or CR) get a leading apostrophe; 'glossary import' removes it. A concept
with several terms in a language takes several rows with the same id.
--lang chooses the CSV languages (default: all the glossary has); TBX carries
every language.`,
		Example: `  glossary export --format tbx -o glossary.tbx
  glossary export --format csv --preset crowdin --status approved -o crowdin.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd, s, opts)
		},
	}
	opts.sel.addFlags(cmd, "", "CSV languages, comma-separated BCP 47 tags (default: every language of the glossary)")
	cmd.Flags().StringVar(&opts.format, "format", "tbx", "tbx, csv or tsv")
	cmd.Flags().StringVar(&opts.preset, "preset", "glossary", "CSV columns: "+strings.Join(locales.Presets(), ", "))
	cmd.Flags().StringVarP(&opts.out, "out", "o", "", "output file (default: standard output)")
	cmd.Flags().BoolVar(&opts.bom, "bom", false, "start CSV with a UTF-8 byte order mark (for Excel)")
	return cmd
}

func runExport(cmd *cobra.Command, s *streams, opts *exportOptions) error {
	if opts.format != "tbx" && opts.format != "csv" && opts.format != "tsv" {
		return usageErr("export: --format must be tbx, csv or tsv, not %q", opts.format)
	}
	if !slices.Contains(locales.Presets(), opts.preset) {
		return usageErr("export: --preset must be one of %s, not %q", strings.Join(locales.Presets(), ", "), opts.preset)
	}
	opt, err := opts.sel.options("export")
	if err != nil {
		return err
	}
	g, err := loadGlossary(cmd)
	if err != nil {
		return err
	}
	var cs []*terms.Concept
	for _, c := range g.Concepts() {
		if len(opt.Statuses) > 0 && !slices.Contains(opt.Statuses, c.Status) ||
			len(opt.Categories) > 0 && !slices.Contains(opt.Categories, c.Category) {
			continue
		}
		cs = append(cs, c)
	}
	write := func(w io.Writer) error {
		if opts.format == "tbx" {
			return locales.WriteTBX(w, cs)
		}
		langs := opt.Langs
		if len(langs) == 0 {
			langs = glossaryLangs(cs)
		}
		m, err := locales.NewMapping(opts.preset, langs)
		if err != nil {
			return err
		}
		copt := locales.CSVOptions{BOM: opts.bom}
		if opts.format == "tsv" {
			copt.Comma = '\t'
		}
		return locales.WriteCSV(w, cs, m, copt)
	}
	if opts.out != "" && opts.out != "-" {
		// A temp file renamed over the output: an export that fails or is
		// killed half-way never leaves a half-written file.
		if err := atomicfile.Write(opts.out, write); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return nil
	}
	bw := bufio.NewWriter(s.Out)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// glossaryLangs returns every language the concepts use, in canonical order.
func glossaryLangs(cs []*terms.Concept) []language.Tag {
	seen := map[language.Tag]bool{}
	var out []language.Tag
	add := func(t language.Tag) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, c := range cs {
		for t := range c.Terms {
			add(t)
		}
		for t := range c.Definitions {
			add(t)
		}
		for t := range c.Notes {
			add(t)
		}
	}
	terms.SortTags(out)
	return out
}
