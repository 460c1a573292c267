package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// streams are the command's input and output, injected so tests can run
// every verb in-process.
type streams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
}

// exitError carries a specific exit status: 1 for failures (and "no match"),
// 2 for usage errors.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageErr reports bad flags or arguments (exit status 2).
func usageErr(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

// silentExit ends the command with code without printing anything more: the
// command has already said what was wrong.
func silentExit(code int) error { return &exitError{code: code} }

func newRootCmd(s *streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "glossary",
		Short: "Multilingual medical terminology: extract, align, look up, export",
		Long: `glossary works with medical terminology in Japanese, Chinese (simplified and
traditional) and English: it extracts the terms of articles, aligns their
equivalents across languages into concepts, looks up a term typed in any
script, width or abbreviation, and writes locale bundles for apps.

Without --glossary (or $GLOSSARY_DIR) the embedded starter glossary is used.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.ErrOut)
	root.PersistentFlags().String("glossary", "", "glossary directory (default: $GLOSSARY_DIR, else the embedded starter glossary)")
	addMaxSizeFlag(root)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitError{code: 2, err: err}
	})
	for _, add := range commands {
		root.AddCommand(add(s))
	}
	return root
}

// commands lists the verbs; each lives in its own file.
var commands = []func(*streams) *cobra.Command{
	newCheckCmd, newInitCmd, newAddCmd, newSetStatusCmd, newFmtCmd,
	newTokenizeCmd,
	newAlignCmd,
	newBundleCmd, newImportCmd, newExportCmd,
	newExtractCmd, newEvalCmd,
	newLookupCmd, newScanCmd, newQACmd,
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	s := &streams{In: stdin, Out: stdout, ErrOut: stderr}
	root := newRootCmd(s)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "glossary:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "glossary:", err)
	if isUsage(err) {
		return 2
	}
	return 1
}

// isUsage reports whether cobra rejected the command line itself (unknown
// verb, wrong number of arguments).
func isUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires at least", "invalid argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
