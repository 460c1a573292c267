package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the tokenize issue lands its verb.
func newTokenizeCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "tokenize [FILE...]",
		Short: "Split text into tokens with offsets (placeholder)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("tokenize: not implemented yet")
		},
	}
}
