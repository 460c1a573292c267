package main

import (
	"strings"
	"testing"

	"github.com/medterm/glossary/tokenize"
)

func TestProgressLine(t *testing.T) {
	for _, tc := range []struct {
		done, total   int64
		files, nfiles int
		want          string
	}{
		{0, 2_000_000, 0, 2, "[░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░]   0%  0.0 kB / 2.0 MB  0/2 files"},
		{1_000_000, 2_000_000, 1, 2, "[███████████████░░░░░░░░░░░░░░░]  50%  1.0 MB / 2.0 MB  1/2 files"},
		// Decoded text longer than the files: 99 % until the last file.
		{3_000_000, 2_000_000, 1, 2, "[█████████████████████████████░]  99%  2.0 MB / 2.0 MB  1/2 files"},
		{1_900_000, 2_000_000, 2, 2, "[██████████████████████████████] 100%  2.0 MB / 2.0 MB  2/2 files"},
		{5_300, 0, 0, 1, "extract 5.3 kB  0/1 files"},
	} {
		if got := progressLine(tc.done, tc.total, tc.files, tc.nfiles); !strings.HasSuffix(got, tc.want) {
			t.Errorf("progressLine(%d, %d, %d, %d) = %q; want …%q", tc.done, tc.total, tc.files, tc.nfiles, got, tc.want)
		}
	}
}

// The wrapped analyzer counts every byte of a text once, chunk by chunk,
// and returns the analyzer's tokens unchanged.
func TestProgressTokenizerCounts(t *testing.T) {
	an, err := tokenize.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i := 0; b.Len() < 600_000; i++ {
		b.WriteString("Mesenchymal stem cells (MSCs) modulate T cells.\n")
	}
	text := b.String() + "  \n"
	var sink strings.Builder
	p := startProgress(&sink, int64(len(text)), 1)
	tok := p.tokenizer(an).(interface {
		Chunks(string, func([]tokenize.Token) error) error
	})
	var got []tokenize.Token
	chunks := 0
	if err := tok.Chunks(text, func(ts []tokenize.Token) error {
		chunks++
		got = append(got, ts...)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	p.fileDone(1)
	p.finish()
	if chunks < 2 {
		t.Fatalf("text of %d bytes came in %d chunk(s); the test needs several", len(text), chunks)
	}
	if n := p.bytes.Load(); n != int64(len(text)) {
		t.Errorf("counted %d bytes; want %d", n, len(text))
	}
	if want := an.Tokenize(text); len(got) != len(want) {
		t.Errorf("%d tokens through the wrapper; want %d", len(got), len(want))
	}
	if out := sink.String(); !strings.Contains(out, "100%") || !strings.HasSuffix(out, "\n") {
		t.Errorf("final bar = %q; want 100%% and a line end", out)
	}
}
