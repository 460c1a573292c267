package main

import (
	"fmt"

	"github.com/medterm/glossary/terms"
	"github.com/spf13/cobra"
)

type setStatusOptions struct {
	lang  string
	term  string
	force bool
}

func newSetStatusCmd(s *streams) *cobra.Command {
	opts := &setStatusOptions{}
	cmd := &cobra.Command{
		Use:   "set-status ID STATUS",
		Short: "Set the status of a concept (candidate, approved) or of one of its terms",
		Long: `set-status changes a status in the glossary directory (--glossary DIR or
$GLOSSARY_DIR) and saves the concept's file atomically.

  glossary set-status mesenchymal-stem-cell approved
  glossary set-status mesenchymal-stem-cell deprecated --lang zh-Hans --term 间叶系干细胞

A concept status is candidate or approved; a term status (with --lang and
--term) is preferred, admitted, deprecated or forbidden. Making a term
preferred makes the language's previous preferred term admitted.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := editableDir(cmd)
			if err != nil {
				return err
			}
			if (opts.lang == "") != (opts.term == "") {
				return usageErr("set-status: --lang and --term go together")
			}
			return runSetStatus(s, dir, args[0], args[1], opts)
		},
	}
	cmd.Flags().StringVar(&opts.lang, "lang", "", "language of the term whose status to set")
	cmd.Flags().StringVar(&opts.term, "term", "", "text of the term whose status to set")
	cmd.Flags().BoolVar(&opts.force, "force", false, "save even if the change adds check errors")
	return cmd
}

func runSetStatus(s *streams, dir, id, status string, opts *setStatusOptions) error {
	g, err := terms.Load(dir)
	if err != nil {
		return err
	}
	c, ok := g.Concept(id)
	if !ok {
		return fmt.Errorf("set-status: no concept %q", id)
	}
	before := g.Check()
	c = c.Clone()
	if opts.term == "" {
		st, err := terms.ParseConceptStatus(status)
		if err != nil {
			return usageErr("set-status: %v", err)
		}
		c.Status = st
	} else {
		st, err := terms.ParseTermStatus(status)
		if err != nil {
			return usageErr("set-status: %v", err)
		}
		tag, err := terms.ParseTag(opts.lang)
		if err != nil {
			return usageErr("set-status: %v", err)
		}
		ts := c.Terms[tag]
		i := -1
		for j, t := range ts {
			if t.Text == opts.term {
				i = j
			}
		}
		if i < 0 {
			return fmt.Errorf("set-status: concept %s has no %s term %q", id, tag, opts.term)
		}
		if st == terms.Preferred {
			for j := range ts {
				if j != i && ts[j].Status == terms.Preferred {
					ts[j].Status = terms.Admitted
					fmt.Fprintf(s.ErrOut, "%s term %q is now admitted\n", tag, ts[j].Text)
				}
			}
		}
		ts[i].Status = st
	}
	if err := g.Replace(c); err != nil {
		return err
	}
	if err := saveChecked(s, g, dir, before, opts.force); err != nil {
		return err
	}
	file, _ := g.File(id)
	what := id
	if opts.term != "" {
		what = fmt.Sprintf("%s %s term %q", id, opts.lang, opts.term)
	}
	fmt.Fprintf(s.Out, "%s: %s is now %s\n", file, what, status)
	return nil
}

type fmtOptions struct {
	check bool
}

func newFmtCmd(s *streams) *cobra.Command {
	opts := &fmtOptions{}
	cmd := &cobra.Command{
		Use:   "fmt",
		Short: "Rewrite the glossary files in canonical form",
		Long: `fmt rewrites the files of the glossary directory (--glossary DIR or
$GLOSSARY_DIR) in canonical form: keys in order, languages ja, zh-Hans,
zh-Hant, en then others, terms by status, minimal quoting, 2-space indent.
It prints the files it changed. With --check it writes nothing, prints the
files that are not canonical and exits 1 if there are any.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := editableDir(cmd)
			if err != nil {
				return err
			}
			g, err := terms.Load(dir)
			if err != nil {
				return err
			}
			changed, err := g.Changed(dir)
			if err != nil {
				return err
			}
			for _, f := range changed {
				fmt.Fprintln(s.Out, f)
			}
			if opts.check {
				if len(changed) > 0 {
					return silentExit(1)
				}
				return nil
			}
			err = g.Format(dir)
			noteBrokenLock(s, g)
			return err
		},
	}
	cmd.Flags().BoolVar(&opts.check, "check", false, "only list files that are not canonical; exit 1 if any")
	return cmd
}
