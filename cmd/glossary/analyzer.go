package main

import (
	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
	"github.com/medterm/glossary/tokenize"
	"github.com/medterm/glossary/tokenize/ja"
	"github.com/medterm/glossary/tokenize/zh"
)

// analyzerSpec says which engines an analyzer loads and which user words
// each engine gets. It is the one place where the verbs (tokenize,
// extract, eval extract, align) build their tokenize.Analyzer.
type analyzerSpec struct {
	ja, zh  bool     // load kagome (Japanese) / gse (Chinese, both scripts)
	jaWords []string // user words of kagome
	zhWords []string // user words of gse
	// mixed are words the analyzer keeps whole across a script change
	// (tokenize.UserWords: 抗CCP抗体).
	mixed []string
}

// buildAnalyzer registers the engines sp asks for, with their user words.
// Each loads its dictionary on the first run of its language
// (tokenize.WithLoader): an article without Chinese never waits for gse's
// dictionary (about 2.5 s and 250 MB), one without Japanese never loads
// kagome's.
func buildAnalyzer(sp analyzerSpec) (*tokenize.Analyzer, error) {
	opts := []tokenize.Option{tokenize.UserWords(sp.mixed)}
	if sp.ja {
		words := sp.jaWords
		opts = append(opts, tokenize.WithLoader(tokenize.Japanese, loader(func() (*ja.Tokenizer, error) {
			return ja.New(ja.UserWords(words))
		})))
	}
	if sp.zh {
		words := sp.zhWords
		opts = append(opts, tokenize.WithLoader(tokenize.SimplifiedChinese, loader(func() (*zh.Tokenizer, error) {
			return zh.New(zh.UserWords(words))
		})))
	}
	return tokenize.NewAnalyzer(opts...)
}

// loader adapts an engine constructor to tokenize.WithLoader (no non-nil
// interface around a nil engine on error).
func loader[T tokenize.Tokenizer](newT func() (T, error)) func() (tokenize.Tokenizer, error) {
	return func() (tokenize.Tokenizer, error) {
		t, err := newT()
		if err != nil {
			return nil, err
		}
		return t, nil
	}
}

// newAnalyzer builds the analyzer extract, eval extract and align tokenize
// with: kagome for Japanese and gse for Chinese runs. The glossary's terms
// are user words of the Chinese tokenizer only: gse needs them to keep
// terms whole, while for Japanese the extractor rebuilds compounds from
// kagome's morphemes, and a known term kept whole as one token would hide
// its sub-terms (間葉系幹細胞 inside 臍帯由来間葉系幹細胞). Known terms are
// still recognised (and boosted) by lookup. See docs/extract.md.
func newAnalyzer(g *terms.Glossary) (*tokenize.Analyzer, error) {
	var words []string
	if g != nil {
		for _, c := range g.Concepts() {
			for _, ts := range c.Terms {
				for _, t := range ts {
					words = append(words, t.Text)
				}
			}
		}
	}
	return buildAnalyzer(analyzerSpec{ja: true, zh: true, zhWords: words})
}

// newTokenizeAnalyzer builds the analyzer of glossary tokenize: only the
// engines the languages in need require, each with the user words of its
// languages, and every word as a mixed-script word of the analyzer.
func newTokenizeAnalyzer(need map[language.Tag]bool, words map[language.Tag][]string) (*tokenize.Analyzer, error) {
	var all []string
	for _, ws := range words {
		all = append(all, ws...)
	}
	return buildAnalyzer(analyzerSpec{
		ja:      need[tokenize.Japanese],
		zh:      need[tokenize.SimplifiedChinese] || need[tokenize.TraditionalChinese],
		jaWords: words[tokenize.Japanese],
		zhWords: append(append([]string(nil), words[tokenize.SimplifiedChinese]...), words[tokenize.TraditionalChinese]...),
		mixed:   all,
	})
}
