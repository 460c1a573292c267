package align

import (
	"errors"
	"github.com/medterm/glossary/internal/devdata"
	"io/fs"
	"os"
	"sync"
	"testing"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/internal/gold"
)

// The dev test measures the aligner on the shared development gold with
// the shared dictionaries. It is skipped when they are absent or with
// -short.
var (
	devConcepts = devdata.Path("eval/dev/concepts.tsv")
	devEDICT    = devdata.Path("data/edict/edict.u8")
	devCEDICT   = devdata.Path("data/cedict/cedict.u8")
)

var (
	devDictOnce sync.Once
	devDict     *Dictionary
	devDictErr  error
)

func loadDevDict(t testing.TB) *Dictionary {
	devDictOnce.Do(func() {
		d := NewDictionary()
		for _, p := range []string{devEDICT, devCEDICT} {
			if err := d.LoadFile(p); err != nil {
				devDictErr = err
				return
			}
		}
		devDict = d
	})
	if errors.Is(devDictErr, fs.ErrNotExist) {
		t.Skip("shared dictionaries not available")
	}
	if devDictErr != nil {
		t.Fatal(devDictErr)
	}
	return devDict
}

func devPairs(t testing.TB, src, tgt language.Tag) []GoldPair {
	rows, err := gold.ReadConceptsFile(devConcepts)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("dev gold not available")
	}
	if err != nil {
		t.Fatal(err)
	}
	var ps []GoldPair
	for _, r := range rows {
		s, t := r.Preferred[src], r.Preferred[tgt]
		ps = append(ps, GoldPair{ID: r.ID, Source: s.Text, Target: t.Text})
	}
	return ps
}

func TestDevGold(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	if _, err := os.Stat(devConcepts); err != nil {
		t.Skip("dev gold not available")
	}
	d := loadDevDict(t)
	pairs := devPairs(t, language.Japanese, language.SimplifiedChinese)
	a, err := New(WithDictionary(d))
	if err != nil {
		t.Fatal(err)
	}
	res := Evaluate(a, language.Japanese, language.SimplifiedChinese, pairs, 1)
	t.Logf("ja→zh-Hans: %+v", res.Overall)
	for k, v := range res.ByRoute {
		t.Logf("  %s: %+v", k, v)
	}
	if os.Getenv("ALIGN_DEV_ERRORS") != "" {
		for _, l := range res.Errors {
			t.Logf("ERR %s → %s (want %s; %.2f %s)", l.Source, l.Got, l.Want, l.Score, l.Route)
		}
		t.Logf("missed: %v", res.Missed)
	}
	if res.Overall.Accuracy < 0.85 || res.Overall.Coverage < 0.80 {
		t.Errorf("ja→zh-Hans accuracy %.3f coverage %.3f; want ≥ 0.85 at ≥ 0.80", res.Overall.Accuracy, res.Overall.Coverage)
	}
}
