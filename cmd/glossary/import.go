package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/medterm/glossary/locales"
	"github.com/medterm/glossary/terms"
	"github.com/spf13/cobra"
	"golang.org/x/text/language"
)

type importOptions struct {
	source   string
	idPrefix string
	preset   string
	columns  string
	langs    string
	dryRun   bool
	force    bool
	format   string
}

func newImportCmd(s *streams) *cobra.Command {
	opts := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Bring translations (go-i18n translate files), TBX or CSV/TSV back into the glossary",
		Long: `import adds what the files hold to the glossary in --glossary DIR (or
$GLOSSARY_DIR) and saves it. It never removes or overwrites anything: new
concepts are added, new terms are appended (a second preferred term in a
language comes in as admitted), and values that differ from the glossary's
are reported as conflicts, keeping the glossary's. A concept that gains terms
goes back to candidate status for review.

The kind of file is told by its name:

  translate.<tag>.toml|json|yaml   a go-i18n translate file written by
                    'glossary bundle' and filled by a translator. Entries still
                    holding the source text (untouched), empty entries and
                    entries whose hash shows the source changed since are
                    skipped and listed. Use the --source and --id-prefix the
                    bundle was made with.
  *.tbx             TBX (TBX-Basic or another DCA dialect)
  *.csv, *.tsv      CSV/TSV with the header names of --preset; --columns maps
                    other headers: 'English=term:en,Japanese=term:ja'.

Like add, import refuses a merge that would add errors to 'glossary check':
it prints them and saves nothing (exit 1), unless --force.`,
		Example: `  glossary import --glossary terms/ translate.zh-Hant.toml
  glossary import --glossary terms/ --preset crowdin crowdin.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runImport(cmd, s, opts, args)
		},
	}
	cmd.Flags().StringVar(&opts.source, "source", "en", "source language of translate files")
	cmd.Flags().StringVar(&opts.idPrefix, "id-prefix", "", "message id prefix the translate files were made with")
	cmd.Flags().StringVar(&opts.preset, "preset", "glossary", "CSV header names: "+strings.Join(locales.Presets(), ", "))
	cmd.Flags().StringVar(&opts.columns, "columns", "", "CSV header mapping overrides: Header=field[:lang],...")
	cmd.Flags().StringVar(&opts.langs, "lang", "", "languages CSV headers may name (default: ja,zh-Hans,zh-Hant,en)")
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "report what would change; save nothing")
	cmd.Flags().BoolVar(&opts.force, "force", false, "save even if the merge adds check errors")
	cmd.Flags().StringVar(&opts.format, "format", "text", "report format: text or json")
	return cmd
}

func runImport(cmd *cobra.Command, s *streams, opts *importOptions, args []string) error {
	if opts.format != "text" && opts.format != "json" {
		return usageErr("import: --format must be text or json, not %q", opts.format)
	}
	src, err := terms.ParseTag(opts.source)
	if err != nil {
		return usageErr("import: --source: %v", err)
	}
	overrides, err := locales.ParseColumnSpec(opts.columns)
	if err != nil {
		return usageErr("import: --columns: %v", err)
	}
	langs, err := parseTags("import", "--lang", opts.langs)
	if err != nil {
		return err
	}
	dir, err := editableDir(cmd)
	if err != nil {
		return err
	}
	g, err := terms.Load(dir)
	if err != nil {
		return err
	}
	before := g.Check()
	total := &locales.Report{}
	max := maxSize(cmd)
	for _, path := range args {
		data, err := readInput(path, nil, max)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		name := filepath.Base(path)
		ext := strings.ToLower(filepath.Ext(name))
		var r *locales.Report
		switch {
		case ext == ".tbx":
			cs, err := locales.ReadTBX(bytes.NewReader(data), path)
			if err != nil {
				return err
			}
			if r, err = locales.Merge(g, cs); err != nil {
				return err
			}
		case ext == ".csv" || ext == ".tsv":
			ropt := locales.CSVReadOptions{Preset: opts.preset, Langs: langs, Overrides: overrides}
			if ext == ".tsv" {
				ropt.Comma = '\t'
			}
			cs, err := locales.ReadCSV(bytes.NewReader(data), path, ropt)
			if err != nil {
				return err
			}
			if r, err = locales.Merge(g, cs); err != nil {
				return err
			}
		case ext == ".toml" || ext == ".json" || ext == ".yaml" || ext == ".yml":
			tag, ms, err := locales.ReadMessageFile(path, data)
			if err != nil {
				return err
			}
			r = locales.ImportTranslations(g, tag, ms, locales.Options{Source: src, IDPrefix: opts.idPrefix}, name)
		default:
			return usageErr("import: %s: unknown kind of file (want translate.<tag>.toml|json|yaml, .tbx, .csv or .tsv)", path)
		}
		total.Added = append(total.Added, r.Added...)
		total.NewConcepts = append(total.NewConcepts, r.NewConcepts...)
		total.Skipped = append(total.Skipped, r.Skipped...)
		total.Conflicts = append(total.Conflicts, r.Conflicts...)
	}
	if len(total.Added) > 0 || len(total.NewConcepts) > 0 {
		// Like add: a merge that adds check errors is refused (a dry
		// run reports that it would be).
		if err := checkEdit(s, g, before, opts.force); err != nil {
			if opts.dryRun {
				printImport(s, opts, total)
				return fmt.Errorf("import: dry run: %w", err)
			}
			return fmt.Errorf("import: %w", err)
		}
		if !opts.dryRun {
			if err := saveGlossary(s, g, dir); err != nil {
				return err
			}
		}
	}
	return printImport(s, opts, total)
}

type importLine struct {
	Action  string `json:"action"` // added, new-concept, skipped, conflict
	Concept string `json:"concept"`
	Lang    string `json:"lang,omitempty"`
	Text    string `json:"text,omitempty"`
	Reason  string `json:"reason,omitempty"`
}

func printImport(s *streams, opts *importOptions, r *locales.Report) error {
	lang := func(t language.Tag) string {
		if t == language.Und {
			return ""
		}
		return t.String()
	}
	var lines []importLine
	for _, id := range r.NewConcepts {
		lines = append(lines, importLine{Action: "new-concept", Concept: id})
	}
	for _, a := range r.Added {
		lines = append(lines, importLine{Action: "added", Concept: a.ConceptID, Lang: lang(a.Lang), Text: a.Term.Text})
	}
	for _, k := range r.Conflicts {
		lines = append(lines, importLine{Action: "conflict", Concept: k.ID, Lang: lang(k.Lang), Reason: k.Reason})
	}
	for _, k := range r.Skipped {
		lines = append(lines, importLine{Action: "skipped", Concept: k.ID, Lang: lang(k.Lang), Reason: k.Reason})
	}
	if opts.format == "json" {
		if lines == nil {
			lines = []importLine{}
		}
		enc := json.NewEncoder(s.Out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(lines)
	}
	for _, l := range lines {
		fmt.Fprintf(s.Out, "%-11s %s", l.Action, l.Concept)
		if l.Lang != "" {
			fmt.Fprintf(s.Out, " %s", l.Lang)
		}
		if l.Text != "" {
			fmt.Fprintf(s.Out, " %s", l.Text)
		}
		if l.Reason != "" {
			fmt.Fprintf(s.Out, ": %s", l.Reason)
		}
		fmt.Fprintln(s.Out)
	}
	verb := "saved"
	switch {
	case opts.dryRun:
		verb = "dry run, nothing saved"
	case len(r.Added)+len(r.NewConcepts) == 0:
		verb = "nothing to save"
	}
	fmt.Fprintf(s.Out, "%d new concepts, %d terms added, %d conflicts, %d skipped (%s)\n",
		len(r.NewConcepts), len(r.Added), len(r.Conflicts), len(r.Skipped), verb)
	return nil
}
