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

// buildAnalyzer loads the engines sp asks for, with their user words.
func buildAnalyzer(sp analyzerSpec) (*tokenize.Analyzer, error) {
	opts := []tokenize.Option{tokenize.UserWords(sp.mixed)}
	if sp.ja {
		t, err := ja.New(ja.UserWords(sp.jaWords))
		if err != nil {
			return nil, err
		}
		opts = append(opts, tokenize.WithTokenizer(tokenize.Japanese, t))
	}
	if sp.zh {
		t, err := zh.New(zh.UserWords(sp.zhWords))
		if err != nil {
			return nil, err
		}
		opts = append(opts, tokenize.WithTokenizer(tokenize.SimplifiedChinese, t), tokenize.WithTokenizer(tokenize.TraditionalChinese, t))
	}
	return tokenize.NewAnalyzer(opts...)
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
