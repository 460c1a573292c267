package tokenize_test

import (
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/tokenize"
)

// wordTok makes one token of its whole text, tagged "w": enough to tell
// which tokenizer handled a run.
type wordTok struct{}

func (wordTok) Tokenize(text string) []tokenize.Token {
	return []tokenize.Token{{Surface: text, Start: 0, End: len(text), POS: []string{"w"}}}
}

// counting returns a loader of wordTok that counts its calls.
func counting(n *atomic.Int32) func() (tokenize.Tokenizer, error) {
	return func() (tokenize.Tokenizer, error) {
		n.Add(1)
		return wordTok{}, nil
	}
}

func TestLoaderOnFirstRun(t *testing.T) {
	var jaLoads, zhLoads atomic.Int32
	a, err := tokenize.NewAnalyzer(
		tokenize.WithLoader(tokenize.Japanese, counting(&jaLoads)),
		tokenize.WithLoader(tokenize.SimplifiedChinese, counting(&zhLoads)))
	if err != nil {
		t.Fatal(err)
	}
	a.Tokenize("Mesenchymal stem cells (MSC) in 2024.")
	if jaLoads.Load() != 0 || zhLoads.Load() != 0 {
		t.Fatalf("Latin text loaded engines: ja %d, zh %d", jaLoads.Load(), zhLoads.Load())
	}
	// Eight goroutines meet the first Japanese run together: one load.
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			toks := a.Tokenize("関節リウマチの治療。")
			if len(toks) == 0 || toks[0].POS[0] != "w" {
				t.Errorf("Japanese run not given to the loaded tokenizer: %+v", toks)
			}
		}()
	}
	wg.Wait()
	if jaLoads.Load() != 1 || zhLoads.Load() != 0 {
		t.Fatalf("after Japanese text: ja loads %d (want 1), zh %d (want 0)", jaLoads.Load(), zhLoads.Load())
	}
	// The loader registered for simplified Chinese serves traditional too.
	for _, text := range []string{"类风湿关节炎患者。", "類風濕關節炎患者。"} {
		if err := a.Chunks(text, func(toks []tokenize.Token) error {
			if len(toks) == 0 || toks[0].POS[0] != "w" {
				t.Errorf("%s: Chinese run not given to the loaded tokenizer: %+v", text, toks)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	if zhLoads.Load() != 1 || a.Err() != nil {
		t.Fatalf("zh loads %d (want 1), Err %v", zhLoads.Load(), a.Err())
	}
}

func TestLoaderError(t *testing.T) {
	a, err := tokenize.NewAnalyzer(tokenize.WithLoader(tokenize.Japanese, func() (tokenize.Tokenizer, error) {
		return nil, errors.New("dictionary damaged")
	}))
	if err != nil {
		t.Fatal(err)
	}
	if a.Err() != nil {
		t.Fatalf("Err before any Japanese run: %v", a.Err())
	}
	err = a.Chunks("関節。", func([]tokenize.Token) error {
		t.Error("Chunks called f after a failed load")
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "dictionary damaged") || !strings.Contains(err.Error(), "ja") {
		t.Fatalf("Chunks error = %v, want the load error naming ja", err)
	}
	if a.Err() == nil || a.Err().Error() != err.Error() {
		t.Fatalf("Err = %v, want %v", a.Err(), err)
	}
	// Tokenize has no error result: the run is tokenized as without an
	// engine, one token per han character.
	if got := len(a.Tokenize("関節")); got != 2 {
		t.Fatalf("Tokenize after a failed load gave %d tokens, want 2", got)
	}
}

func TestLoaderNil(t *testing.T) {
	if _, err := tokenize.NewAnalyzer(tokenize.WithLoader(language.Japanese, nil)); err == nil {
		t.Fatal("nil loader accepted")
	}
}
