// Command glossary extracts, aligns, looks up and exports multilingual
// medical terminology. See README.md for a tour.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
