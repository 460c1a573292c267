package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

const lookupGlossary = "testdata/lookup/glossary"

func TestLookupCmd(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		stdin   string
		code    int
		want    []string // substrings of stdout, in order
		wantErr string   // substring of stderr
		notWant string
	}{
		{"table", []string{"lookup", "間葉系幹細胞"}, "", 0,
			[]string{"間葉系幹細胞 → mesenchymal-stem-cell  [exact 1.00 via ja 間葉系幹細胞]", "zh-Hans  间充质干细胞 · 间叶系干细胞 (admitted variant)", "en       mesenchymal stem cell · MSC (admitted abbreviation)"}, "", ""},
		{"rungs", []string{"lookup", "ＭＳＣｓ", "关节リウマチ", "かんせつリウマチ", "Messenchymal StemCell"}, "", 0,
			[]string{"[normalized", "[han-folded", "[kana-folded", "[fuzzy"}, "", ""},
		{"lang filter", []string{"lookup", "--lang", "zh-Hant,en", "MSC"}, "", 0,
			[]string{"zh-Hant  間質幹細胞", "en       mesenchymal stem cell"}, "", "ja "},
		{"stdin", []string{"lookup", "--format", "tsv"}, "RA\n\n間質幹細胞\n", 0,
			[]string{"RA\trheumatoid-arthritis\texact\t0.990\tja\t関節リウマチ\tpreferred\tfull\n", "間質幹細胞\tmesenchymal-stem-cell\texact\t1.000\tja\t間葉系幹細胞"}, "", ""},
		{"no match", []string{"lookup", "RA", "心筋梗塞"}, "", 1,
			[]string{"RA → rheumatoid-arthritis", "心筋梗塞: no match"}, `no match for "心筋梗塞"`, ""},
		{"near misses", []string{"lookup", "rheumatology arthritis"}, "", 1,
			[]string{"near miss: rheumatoid-arthritis"}, "near misses: rheumatoid arthritis (rheumatoid-arthritis)", ""},
		{"through", []string{"lookup", "--through", "exact", "ＭＳＣ"}, "", 1, nil, "no match", ""},
		{"bad format", []string{"lookup", "--format", "xml", "MSC"}, "", 2, nil, "--format must be", ""},
		{"bad lang", []string{"lookup", "--lang", "x y", "MSC"}, "", 2, nil, "--lang", ""},
		{"bad rung", []string{"lookup", "--through", "close", "MSC"}, "", 2, nil, "--through", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			args := append(tt.args, "--glossary", lookupGlossary)
			code := run(args, strings.NewReader(tt.stdin), &out, &errOut)
			if code != tt.code {
				t.Errorf("run(%q) = %d; want %d (stderr %q)", args, code, tt.code, errOut.String())
			}
			rest := out.String()
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Errorf("run(%q) stdout lacks %q (in order):\n%s", args, w, out.String())
					break
				}
				rest = rest[i+len(w):]
			}
			if tt.notWant != "" && strings.Contains(out.String(), tt.notWant) {
				t.Errorf("run(%q) stdout has %q:\n%s", args, tt.notWant, out.String())
			}
			if !strings.Contains(errOut.String(), tt.wantErr) {
				t.Errorf("run(%q) stderr = %q; want %q", args, errOut.String(), tt.wantErr)
			}
		})
	}
}

// TestLookupJSON checks the JSON Lines contract: one object per query with
// query and matches (id, match, score, terms by language).
func TestLookupJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"lookup", "--format", "json", "--glossary", lookupGlossary, "MSCs", "nothing-like-it"}, strings.NewReader(""), &out, &errOut)
	if code != 1 {
		t.Errorf("exit %d; want 1 (one query without match)", code)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines; want 2:\n%s", len(lines), out.String())
	}
	var r struct {
		Query   string `json:"query"`
		Matches []struct {
			ID    string                         `json:"id"`
			Match string                         `json:"match"`
			Score float64                        `json:"score"`
			Terms map[string][]map[string]string `json:"terms"`
		} `json:"matches"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &r); err != nil {
		t.Fatal(err)
	}
	if r.Query != "MSCs" || len(r.Matches) != 1 || r.Matches[0].ID != "mesenchymal-stem-cell" || r.Matches[0].Match != "normalized" ||
		r.Matches[0].Score <= 0 || r.Matches[0].Terms["zh-Hant"][0]["text"] != "間質幹細胞" || r.Matches[0].Terms["en"][1]["type"] != "abbreviation" {
		t.Errorf("line 1 = %s", lines[0])
	}
	if err := json.Unmarshal([]byte(lines[1]), &r); err != nil {
		t.Fatal(err)
	}
	if r.Query != "nothing-like-it" || r.Matches == nil || len(r.Matches) != 0 {
		t.Errorf("line 2 = %s; want an empty matches array", lines[1])
	}
}

func TestScanCmd(t *testing.T) {
	text := "間葉系幹細胞(ＭＳＣｓ)を関節リウマチに。RA and MSCs, not RAS."
	var out, errOut bytes.Buffer
	code := run([]string{"scan", "--format", "tsv", "--glossary", lookupGlossary, "-"}, strings.NewReader(text), &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			t.Fatalf("line %q: %d fields; want 7", line, len(f))
		}
		got = append(got, f[3]+"/"+f[4]+"/"+f[5])
	}
	want := []string{"間葉系幹細胞/ja/mesenchymal-stem-cell", "ＭＳＣｓ/en/mesenchymal-stem-cell", "関節リウマチ/ja/rheumatoid-arthritis", "RA/en/rheumatoid-arthritis", "MSCs/en/mesenchymal-stem-cell"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("scan = %q; want %q", got, want)
	}

	out.Reset()
	code = run([]string{"scan", "--format", "json", "--all", "--glossary", lookupGlossary}, strings.NewReader("関節リウマチ"), &out, &errOut)
	var r struct {
		File string `json:"file"`
		Hits []struct {
			Start, End int
			Text, ID   string
		} `json:"hits"`
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil || code != 0 {
		t.Fatalf("scan --format json: %v, exit %d: %s", err, code, out.String())
	}
	if len(r.Hits) != 2 || r.Hits[0].Text != "関節リウマチ" || r.Hits[1].Text != "リウマチ" || r.Hits[1].Start != len("関節") {
		t.Errorf("scan --all = %+v", r.Hits)
	}
	if code := run([]string{"scan", "--format", "xml", "--glossary", lookupGlossary}, strings.NewReader(""), &out, &errOut); code != 2 {
		t.Errorf("scan --format xml: exit %d; want 2", code)
	}
	if code := run([]string{"scan", "--glossary", lookupGlossary, "testdata/lookup/no-such-file"}, strings.NewReader(""), &out, &errOut); code != 1 {
		t.Errorf("scan of a missing file: exit %d; want 1", code)
	}
}
