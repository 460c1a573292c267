package main

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/medterm/glossary/terms"
	"github.com/spf13/cobra"
)

type checkOptions struct {
	format     string
	errorsOnly bool
	listRules  bool
}

func newCheckCmd(s *streams) *cobra.Command {
	opts := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Audit the glossary: syntax, duplicate ids and terms, preferred-term conflicts, ...",
		Long: `check audits the glossary (--glossary DIR, $GLOSSARY_DIR, else the embedded
starter glossary) and prints one line per finding:

  file:line:col: error: message [rule]

It reports every problem of every file, including those that keep the
glossary from loading, and exits 1 if there is any error (warnings alone
exit 0), so it can gate CI. --list-rules describes the rules.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.format != "text" && opts.format != "json" {
				return usageErr("check: --format must be text or json, not %q", opts.format)
			}
			return runCheck(cmd, s, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text or json")
	cmd.Flags().BoolVar(&opts.errorsOnly, "errors-only", false, "report errors, not warnings")
	cmd.Flags().BoolVar(&opts.listRules, "list-rules", false, "describe the audit rules and exit")
	return cmd
}

func runCheck(cmd *cobra.Command, s *streams, opts *checkOptions) error {
	if opts.listRules {
		for _, name := range slices.Sorted(mapsKeys(terms.Rules)) {
			fmt.Fprintf(s.Out, "%-20s %s\n", name, terms.Rules[name])
		}
		return nil
	}
	var ds []terms.Diagnostic
	var err error
	if dir := glossaryDir(cmd); dir != "" {
		ds, err = terms.CheckDir(dir)
	} else {
		ds, err = terms.CheckFS(terms.StarterFS(), "starter", "starter")
	}
	if err != nil {
		return err
	}
	if opts.errorsOnly {
		ds = slices.DeleteFunc(ds, func(d terms.Diagnostic) bool { return d.Severity != terms.Error })
	}
	nErr, nWarn := 0, 0
	for _, d := range ds {
		if d.Severity == terms.Error {
			nErr++
		} else {
			nWarn++
		}
	}
	if opts.format == "json" {
		if ds == nil {
			ds = []terms.Diagnostic{}
		}
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(ds); err != nil {
			return err
		}
	} else {
		for _, d := range ds {
			fmt.Fprintln(s.Out, d)
		}
		fmt.Fprintf(s.ErrOut, "%d errors, %d warnings\n", nErr, nWarn)
	}
	if nErr > 0 {
		return silentExit(1)
	}
	return nil
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
