package align

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestProposeGolden aligns the term lists of testdata/propose.input (lines
// "LANG<TAB>TERM" or "pair<TAB>LANG<TAB>SHORT<TAB>LONG<TAB>LONG_EN") with
// the fixture dictionaries and compares the proposals with
// testdata/propose.golden.
func TestProposeGolden(t *testing.T) {
	b, err := os.ReadFile("testdata/propose.input")
	if err != nil {
		t.Fatal(err)
	}
	var in Input
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if f[0] == "pair" {
			p := AbbrevPair{Lang: language.MustParse(f[1]), Short: f[2], Long: f[3]}
			if len(f) > 4 {
				p.LongEn = f[4]
			}
			in.Abbrevs = append(in.Abbrevs, p)
			continue
		}
		in.Terms = append(in.Terms, Term{Lang: language.MustParse(f[0]), Text: f[1]})
	}
	got := renderProposals(newTestAligner(t).Propose(in))
	const golden = "testdata/propose.golden"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Propose output differs from %s (run with -update to accept):\n--- got\n%s\n--- want\n%s", golden, got, want)
	}
}

func renderProposals(ps []Proposal) []byte {
	var b bytes.Buffer
	for i, p := range ps {
		fmt.Fprintf(&b, "proposal %d score %.2f\n", i+1, p.Score)
		for _, tag := range proposalLangs {
			if ts := p.Terms[tag]; len(ts) > 0 {
				fmt.Fprintf(&b, "  %s: %s\n", tag, strings.Join(ts, " | "))
			}
		}
		if len(p.Abbreviations) > 0 {
			fmt.Fprintf(&b, "  abbr: %s\n", strings.Join(p.Abbreviations, " | "))
		}
		for _, l := range p.Links {
			fmt.Fprintf(&b, "  %s → %s %.2f %s", l.Source.Text, l.Target.Text, l.Score, l.Route)
			if l.Standard != "" {
				fmt.Fprintf(&b, " standard=%s (%s)", l.Standard, l.StandardFrom)
			}
			if l.FalseFriend {
				b.WriteString(" FALSE-FRIEND")
			}
			b.WriteByte('\n')
			for _, e := range l.Evidence {
				fmt.Fprintf(&b, "    %s %.2f %s", e.Route, e.Score, e.Detail)
				for _, pt := range e.Parts {
					fmt.Fprintf(&b, " [%s=%s %s]", pt.Source, pt.Target, pt.Route)
				}
				b.WriteByte('\n')
			}
		}
	}
	return b.Bytes()
}
