// Package zh tokenizes Chinese text, simplified and traditional, with gse
// (github.com/go-ego/gse, pure Go, jieba-compatible), behind the
// tokenize.Tokenizer interface. Only this package imports gse, and it
// embeds the 3.4 MB of dictionary words it uses (gse's own 34 MB of
// embedded dictionaries are left out by the linker), so packages that need
// the glossary or normalization alone stay small.
//
// # Use
//
//	t, err := zh.New(zh.UserWords([]string{"间充质干细胞"}))
//	toks := t.Tokenize("间充质干细胞治疗系统性红斑狼疮")
//	// 间充质干细胞 (user word) / 治疗 / 系统性 / 红斑狼疮
//
// Segmentation is jieba's accurate mode: dictionary DAG with the HMM for
// unknown words (gse Cut with hmm=true). POS holds jieba's tag from gse's
// dictionary (n, v, vn, ...), x for punctuation and unknown words. Verbs
// and distinguishing words (b) with a dictionary frequency of 4000 or more
// (进行, 提供, 主要) are tagged v, frequent (b, frequent); the other verbs
// that CC-CEDICT also glosses as nouns (注射 "injection", 发病 "onset")
// are tagged v, nominal: jieba tags most medical verbal nouns as verbs
// (data/nominal.txt, internal/gen/zhnominal). Words of two characters or
// more that the dictionary lists with the lowest count (3) get a last
// element rare: many are made-up words (中所, 之比), a few real ones are
// miscounted (治疗).
//
// # Traditional text
//
// gse's traditional dictionary is small (類風濕性 came out as 類風|濕性, 為
// unknown), so traditional text is segmented in simplified characters
// (tokenize/han, one character for one) with the simplified dictionary.
// Tokens keep the traditional surface; Base is the simplified form.
//
// # Offsets and case
//
// gse lower-cases its input and returns strings, not positions, so its
// output cannot be sliced back naively (MSC comes out as msc). Tokenize
// recovers every surface from the original text by counting runes, which
// lower-casing preserves, and trims the white space gse glues to
// punctuation.
//
// # User words
//
// gse's dictionary is process-global mutable state shared by every
// Segmenter built on it; adding user words there would leak them into other
// Tokenizers and race with readers. UserWords instead finds the words
// leftmost-longest before gse runs and lets gse segment the text between
// them, so a user word is always one token (Token.User, POS n) and its
// neighbours segment as if it were a dictionary word boundary.
//
// # Loading
//
// The words of gse's simplified and traditional dictionaries are loaded
// once per process on the first New (about 1.5 s) and shared. They come
// from data/zh.txt.gz, a generated copy (see data/README.md): gse's own
// loader also prepares its search mode, which doubles the load time. See
// docs/tokenize.md for benchmarks against raw gse.
package zh
