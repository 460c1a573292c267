package extract

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"

	"github.com/medterm/glossary/internal/gold"
	"golang.org/x/text/language"
)

// Match is how a candidate is compared with a gold term.
type Match uint8

const (
	// Exact compares surface forms character for character, English
	// case-insensitively (the gold lists English forms once per case).
	Exact Match = iota
	// Normalized compares NFKC forms (full/half width folded), lower-cased,
	// with spaces removed (抗dsDNA 抗体 = 抗dsDNA抗体).
	Normalized
)

func (m Match) String() string {
	if m == Normalized {
		return "normalized"
	}
	return "exact"
}

func matchKey(m Match, lang language.Tag, s string) string {
	if m == Normalized {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, key(s))
	}
	if isASCIIish(s) || lang == language.English {
		return strings.ToLower(s)
	}
	return s
}

func isASCIIish(s string) bool {
	for _, r := range s {
		if r > 0x7f && !unicode.Is(unicode.Greek, r) {
			return false
		}
	}
	return true
}

// Scores are the metrics of one slice (a language, a file, or all).
type Scores struct {
	GoldSpecific  int     `json:"gold_specific"`  // specific gold rows (recall denominator)
	FoundSpecific int     `json:"found_specific"` // of them, found among all candidates
	Recall        float64 `json:"recall"`
	Returned      int     `json:"returned"`         // candidates in the top K of each article
	Correct       int     `json:"correct"`          // of them, matching a specific or common gold row
	CorrectStrict int     `json:"correct_strict"`   // of them, matching a specific gold row
	Precision     float64 `json:"precision_at_k"`   // Correct / Returned
	Strict        float64 `json:"strict_precision"` // CorrectStrict / Returned
	Candidates    int     `json:"candidates"`       // all candidates
}

func (s *Scores) finish() {
	if s.GoldSpecific > 0 {
		s.Recall = round4(float64(s.FoundSpecific) / float64(s.GoldSpecific))
	}
	if s.Returned > 0 {
		s.Precision = round4(float64(s.Correct) / float64(s.Returned))
		s.Strict = round4(float64(s.CorrectStrict) / float64(s.Returned))
	}
}

func round4(x float64) float64 { return float64(int(x*10000+0.5)) / 10000 }

// Report is the result of an evaluation with one matching mode.
type Report struct {
	Match   string             `json:"match"`
	K       int                `json:"k"`
	Overall Scores             `json:"overall"`
	ByLang  map[string]*Scores `json:"by_lang"`
	ByFile  map[string]*Scores `json:"by_file"`
	Missed  []string           `json:"missed,omitempty"` // specific gold terms not found (file: term), when asked
	Wrong   []string           `json:"wrong,omitempty"`  // top-K candidates matching no gold row, when asked
}

// Evaluate scores ranked candidates per file against gold rows. cands maps
// a file's base name to its candidates, best first; files without gold
// rows are ignored and gold files without candidates count as all missed.
// Recall is computed on the specific tier among all candidates of a file;
// precision on the top k candidates of each file, counting specific and
// common rows as correct (strict: specific only). With details, Missed and
// Wrong list the errors.
func Evaluate(cands map[string][]Candidate, rows []gold.TermRow, k int, m Match, details bool) *Report {
	rep := &Report{Match: m.String(), K: k, ByLang: map[string]*Scores{}, ByFile: map[string]*Scores{}}
	lang := func(t language.Tag) *Scores {
		s := rep.ByLang[t.String()]
		if s == nil {
			s = &Scores{}
			rep.ByLang[t.String()] = s
		}
		return s
	}
	byFile := gold.ByFile(rows)
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		fs := &Scores{}
		rep.ByFile[f] = fs
		specific := map[string]bool{}
		any := map[string]bool{}
		for _, r := range byFile[f] {
			k := matchKey(m, r.Lang, r.Term)
			any[k] = true
			if r.Specific() {
				specific[k] = true
			}
		}
		have := map[string]bool{}
		for _, c := range cands[f] {
			have[matchKey(m, c.Lang, c.Term)] = true
		}
		fs.Candidates = len(cands[f])
		rep.Overall.Candidates += len(cands[f])
		for _, c := range cands[f] {
			lang(c.Lang).Candidates++
		}
		seen := map[string]bool{}
		for _, r := range byFile[f] {
			if !r.Specific() {
				continue
			}
			k := matchKey(m, r.Lang, r.Term)
			if seen[k] {
				continue
			}
			seen[k] = true
			ls := lang(r.Lang)
			fs.GoldSpecific++
			ls.GoldSpecific++
			rep.Overall.GoldSpecific++
			if have[k] {
				fs.FoundSpecific++
				ls.FoundSpecific++
				rep.Overall.FoundSpecific++
			} else if details {
				rep.Missed = append(rep.Missed, f+": "+r.Term)
			}
		}
		top := cands[f]
		if k > 0 && len(top) > k {
			top = top[:k]
		}
		for _, c := range top {
			ck := matchKey(m, c.Lang, c.Term)
			ls := lang(c.Lang)
			for _, s := range []*Scores{fs, ls, &rep.Overall} {
				s.Returned++
				if any[ck] {
					s.Correct++
				}
				if specific[ck] {
					s.CorrectStrict++
				}
			}
			if details && !any[ck] {
				rep.Wrong = append(rep.Wrong, f+": "+c.Term)
			}
		}
	}
	rep.Overall.finish()
	for _, s := range rep.ByLang {
		s.finish()
	}
	for _, s := range rep.ByFile {
		s.finish()
	}
	return rep
}

// PairGold is one gold abbreviation definition: in File, Short is defined
// by one of Longs.
type PairGold struct {
	File  string
	Short string
	Longs []string
}

// PairScores are the metrics of abbreviation-pair finding.
type PairScores struct {
	Gold      int      `json:"gold"`      // gold (file, short form) definitions
	Found     int      `json:"found"`     // of them, found with a correct long form
	Recall    float64  `json:"recall"`    //
	Predicted int      `json:"predicted"` // distinct (file, short, long) predictions
	Correct   int      `json:"correct"`   // of them, correct
	Precision float64  `json:"precision"` //
	Wrong     []string `json:"wrong,omitempty"`
	Missed    []string `json:"missed,omitempty"`
}

// EvaluatePairs scores abbreviation pairs per file. Each distinct (file,
// short form, long form) is one prediction, for the CJK and the English
// long form of a triple alike; it is correct when the gold defines that
// short form in that file with that long form (normalized match). A gold
// definition is found when one of its predictions is correct.
func EvaluatePairs(pairs map[string][]Pair, golds []PairGold) *PairScores {
	ps := &PairScores{}
	type fk struct{ file, short string }
	gl := map[fk]map[string]bool{}
	for _, g := range golds {
		k := fk{g.File, g.Short}
		if gl[k] == nil {
			gl[k] = map[string]bool{}
			ps.Gold++
		}
		for _, l := range g.Longs {
			gl[k][matchKey(Normalized, language.Und, l)] = true
		}
	}
	found := map[fk]bool{}
	files := make([]string, 0, len(pairs))
	for f := range pairs {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		seen := map[string]bool{}
		for _, p := range pairs[f] {
			if p.Kind != Abbreviation {
				continue
			}
			for _, l := range []string{p.Long, p.LongEn} {
				if l == "" {
					continue
				}
				id := p.Short + "\x00" + l
				if seen[id] {
					continue
				}
				seen[id] = true
				ps.Predicted++
				k := fk{f, p.Short}
				if gl[k][matchKey(Normalized, language.Und, l)] {
					ps.Correct++
					found[k] = true
				} else {
					ps.Wrong = append(ps.Wrong, f+": "+p.Short+" = "+l)
				}
			}
		}
	}
	ps.Found = len(found)
	for _, g := range golds {
		if !found[fk{g.File, g.Short}] {
			ps.Missed = append(ps.Missed, g.File+": "+g.Short+" = "+strings.Join(g.Longs, "|"))
		}
	}
	if ps.Gold > 0 {
		ps.Recall = round4(float64(ps.Found) / float64(ps.Gold))
	}
	if ps.Predicted > 0 {
		ps.Precision = round4(float64(ps.Correct) / float64(ps.Predicted))
	}
	return ps
}

// ReadPairGold reads abbreviation gold: a TSV with a header and the
// columns file, short, long (alternative long forms separated by |).
func ReadPairGold(r io.Reader, name string) ([]PairGold, error) {
	sc := bufio.NewScanner(r)
	var out []PairGold
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			continue
		}
		t := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(t) == "" {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) < 3 || f[0] == "" || f[1] == "" || f[2] == "" {
			return nil, &gold.ParseError{File: name, Line: line, Col: 1, Err: errors.New("extract: want file, short, long")}
		}
		out = append(out, PairGold{File: f[0], Short: f[1], Longs: strings.Split(f[2], "|")})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("extract: %s: %w", name, err)
	}
	return out, nil
}
