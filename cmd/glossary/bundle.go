package main

import (
	"fmt"
	"strings"

	"github.com/medterm/glossary/locales"
	"github.com/medterm/glossary/terms"
	"github.com/spf13/cobra"
	"golang.org/x/text/language"
)

// selectOptions are the concept filters shared by bundle and export.
type selectOptions struct {
	langs      string
	source     string
	statuses   string
	categories string
}

func (o *selectOptions) addFlags(cmd *cobra.Command, defLangs, langHelp string) {
	cmd.Flags().StringVar(&o.langs, "lang", defLangs, langHelp)
	cmd.Flags().StringVar(&o.source, "source", "en", "source language (translate files carry its text)")
	cmd.Flags().StringVar(&o.statuses, "status", "", "keep concepts with these statuses: candidate, approved (default: all)")
	cmd.Flags().StringVar(&o.categories, "category", "", "keep concepts of these categories, comma-separated (default: all)")
}

// options parses the flags into locales.Options (usage errors exit 2).
func (o *selectOptions) options(verb string) (locales.Options, error) {
	var opt locales.Options
	for _, s := range splitList(o.langs) {
		t, err := terms.ParseTag(s)
		if err != nil {
			return opt, usageErr("%s: --lang: %v", verb, err)
		}
		opt.Langs = append(opt.Langs, t)
	}
	if len(opt.Langs) == 0 && verb == "bundle" {
		return opt, usageErr("%s: --lang is empty", verb)
	}
	src, err := terms.ParseTag(o.source)
	if err != nil {
		return opt, usageErr("%s: --source: %v", verb, err)
	}
	opt.Source = src
	for _, s := range splitList(o.statuses) {
		st, err := terms.ParseConceptStatus(s)
		if err != nil {
			return opt, usageErr("%s: --status: %v", verb, err)
		}
		opt.Statuses = append(opt.Statuses, st)
	}
	opt.Categories = splitList(o.categories)
	return opt, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

type bundleOptions struct {
	sel      selectOptions
	out      string
	format   string
	idPrefix string
	abbr     bool
	check    bool
}

func newBundleCmd(s *streams) *cobra.Command {
	opts := &bundleOptions{}
	cmd := &cobra.Command{
		Use:   "bundle --out DIR",
		Short: "Write locale bundles (go-i18n, i18next, gotext) from the glossary",
		Long: `bundle writes one message per concept and language: the concept's preferred
term (deprecated and forbidden terms never appear), id = concept id.

  --format toml|json|yaml   go-i18n files active.<tag>.<ext>, plus
                            translate.<tag>.<ext> with the source text and
                            hash of every missing translation (the form
                            goi18n merge reads); bring filled translate files
                            back with 'glossary import'.
  --format i18next          <tag>/translation.json (i18next JSON v4)
  --format gotext           <tag>/messages.gotext.json (golang.org/x/text)

English messages get one/other when the glossary gives a plural. The bytes
are deterministic: --check writes nothing and exits 1 when the files in DIR
differ (for app CI).`,
		Example: `  glossary bundle --out locales --format toml --status approved
  glossary bundle --out locales --id-prefix term. --abbreviations --check`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBundle(cmd, s, opts)
		},
	}
	opts.sel.addFlags(cmd, "ja,zh-Hans,zh-Hant,en", "languages, comma-separated BCP 47 tags")
	cmd.Flags().StringVarP(&opts.out, "out", "o", "", "output directory (required)")
	cmd.Flags().StringVar(&opts.format, "format", "toml", "toml, json, yaml (go-i18n), i18next or gotext")
	cmd.Flags().StringVar(&opts.idPrefix, "id-prefix", "", "prefix for every message id, e.g. term.")
	cmd.Flags().BoolVar(&opts.abbr, "abbreviations", false, "add a message <id>_abbr for concepts with an abbreviation")
	cmd.Flags().BoolVar(&opts.check, "check", false, "write nothing; exit 1 if the files in --out are not up to date")
	return cmd
}

func runBundle(cmd *cobra.Command, s *streams, opts *bundleOptions) error {
	if opts.out == "" {
		return usageErr("bundle: --out DIR is required")
	}
	opt, err := opts.sel.options("bundle")
	if err != nil {
		return err
	}
	opt.IDPrefix = opts.idPrefix
	opt.Abbreviations = opts.abbr
	var files []locales.File
	var stale []string
	build := func(g *terms.Glossary) (*locales.Catalog, error) {
		c, err := locales.Build(g, opt)
		if err != nil {
			return nil, err
		}
		switch opts.format {
		case "i18next":
			files, err = c.I18nextFiles()
		case "gotext":
			files = c.GotextFiles()
		default:
			f, ferr := locales.ParseFormat(opts.format)
			if ferr != nil {
				return nil, ferr
			}
			files, stale = c.GoI18nFiles(f), c.StaleTranslateFiles(f)
		}
		return c, err
	}
	switch opts.format {
	case "toml", "json", "yaml", "i18next", "gotext":
	default:
		return usageErr("bundle: --format must be toml, json, yaml, i18next or gotext, not %q", opts.format)
	}
	g, err := loadGlossary(cmd)
	if err != nil {
		return err
	}
	c, err := build(g)
	if err != nil {
		return err
	}
	if opts.check {
		diff, err := locales.Diff(opts.out, files, stale)
		if err != nil {
			return err
		}
		for _, p := range diff {
			fmt.Fprintf(s.ErrOut, "bundle: %s is out of date\n", p)
		}
		if len(diff) > 0 {
			fmt.Fprintf(s.ErrOut, "bundle: run 'glossary bundle' with the same flags to update %s\n", opts.out)
			return silentExit(1)
		}
		return nil
	}
	if err := locales.WriteFiles(opts.out, files, stale); err != nil {
		return err
	}
	for _, lang := range c.Langs {
		n := len(c.Missing[lang])
		fmt.Fprintf(s.Out, "%-8s %6d messages", lang, len(c.Active[lang]))
		if n > 0 {
			fmt.Fprintf(s.Out, ", %d to translate", n)
		}
		fmt.Fprintln(s.Out)
	}
	fmt.Fprintf(s.Out, "wrote %d files to %s\n", len(files), opts.out)
	return nil
}

// parseTags parses a comma-separated list of tags for flags other than
// --lang.
func parseTags(verb, flag, s string) ([]language.Tag, error) {
	var out []language.Tag
	for _, p := range splitList(s) {
		t, err := terms.ParseTag(p)
		if err != nil {
			return nil, usageErr("%s: %s: %v", verb, flag, err)
		}
		out = append(out, t)
	}
	return out, nil
}
