// Package gold reads the hand-built reference data used to score the
// toolkit: a terms file (terms.tsv: the terms a curator picked from each
// article, in two tiers) and a concepts file (concepts.tsv: their
// equivalents across languages).
//
// Both are UTF-8, tab-separated, with a header line naming the columns.
// Columns are found by name, so extra columns are ignored and the order may
// change. Errors are *ParseError values carrying the file, line and column.
//
// # Tiers
//
// A terms row whose category is "common" belongs to the common tier (general
// words with a clinical meaning); every other row is a specific term.
// Recall is scored on specific terms only; precision counts both tiers.
//
// The package is internal: its only users are the eval verbs of the CLI and
// the tests of terms/extract and terms/align.
package gold
