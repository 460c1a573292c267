package main

import (
	"fmt"
	"os"

	"github.com/medterm/glossary/terms"
	"github.com/spf13/cobra"
)

type initOptions struct {
	force bool
}

func newInitCmd(s *streams) *cobra.Command {
	opts := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init DIR",
		Short: "Write the embedded starter glossary to DIR, to curate it in git",
		Long: `init writes the starter glossary compiled into the binary to DIR (created if
missing), one YAML file per category, in canonical form. It refuses a
directory that is not empty unless --force is given (then files of the same
names are overwritten; others are left alone).

Then use --glossary DIR (or GLOSSARY_DIR=DIR) with the other verbs.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInit(s, args[0], opts)
		},
	}
	cmd.Flags().BoolVar(&opts.force, "force", false, "write into a non-empty directory")
	return cmd
}

func runInit(s *streams, dir string, opts *initOptions) error {
	ents, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("init: %w", err)
	}
	if len(ents) > 0 && !opts.force {
		return fmt.Errorf("init: %s is not empty (use --force to write the starter files into it)", dir)
	}
	g, err := terms.Default()
	if err != nil {
		return err
	}
	if err := saveGlossary(s, g, dir); err != nil {
		return err
	}
	files, err := g.Encode()
	if err != nil {
		return err
	}
	fmt.Fprintf(s.Out, "wrote %d concepts in %d files to %s\n", g.Len(), len(files), dir)
	return nil
}
