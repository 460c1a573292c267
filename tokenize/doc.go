// Package tokenize turns the bytes of a medical text in Japanese, Chinese
// (simplified or traditional) and English into tokens that keep their byte
// offsets into the decoded original text.
//
// The package itself links no dictionary: it decodes, splits text into
// language runs, normalizes, tokenizes Latin script by rules and routes the
// other runs to engines in sub-packages — tokenize/ja (kagome with the IPA
// dictionary) and tokenize/zh (gse) — through the Tokenizer interface.
// Packages that only need Normalize or han folding (tokenize/han,
// tokenize/kana) stay small.
//
// # Decoding
//
// Decode reads UTF-8 (with or without a byte order mark), UTF-16 LE/BE with
// a byte order mark, Shift_JIS, EUC-JP, GBK/GB18030 and Big5, detected or
// forced by name (ParseEncoding). Detection trusts a BOM, then valid UTF-8,
// then the legacy encoding that decodes cleanly into the most plausible
// text. Failures are *DecodeError values naming the file, the byte offset,
// line and column: ErrInvalid for bytes the encoding cannot read, ErrBinary
// for NUL and other control bytes. DecodeReplacing is the documented lenient mode:
// invalid sequences become U+FFFD and are counted so the caller can warn.
//
//	text, enc, err := tokenize.Decode(data, "article.txt", "") // "" detects
//
// # Language runs
//
// Runs splits text into runs of ja, zh-Hans, zh-Hant and en (Latin and
// Greek letters). Kana marks a sentence Japanese; a Han-only sentence is
// decided by votes of its characters — simplified-only (关) for zh-Hans,
// traditional-only (關) for zh-Hant, Japanese-only shinjitai (関 剤 帯 薬)
// for ja, see package han — and by its neighbours when the votes tie or
// there are none. So a Chinese page carrying a Japanese table comes out
// with its Chinese lines zh-Hans and the table rows, which carry kana, ja.
// Latin words stay whole with the digits and symbols attached to them
// (TNF-α, IL-1β, 1×10^6/kg) and the words on one line form one run.
//
// # Analyzer
//
// An Analyzer tokenizes each run with the Tokenizer registered for its
// language, Latin runs with built-in rules, and returns the tokens in
// order with offsets into the whole text, Lang set to the run's language,
// Norm to Normalize(Surface) (NFKC, width, lower case) and Base to the
// dictionary form:
//
//	jt, _ := ja.New(ja.UserWords(terms))
//	zt, _ := zh.New(zh.UserWords(terms))
//	a, _ := tokenize.NewAnalyzer(
//		tokenize.WithTokenizer(tokenize.Japanese, jt),
//		tokenize.WithTokenizer(tokenize.SimplifiedChinese, zt), // and zh-Hant
//		tokenize.UserWords(terms),
//	)
//	for _, t := range a.Tokenize(text) {
//		fmt.Println(t.Surface, t.Start, t.End, t.Lang)
//	}
//
// WithLoader registers an engine by its constructor instead, called on
// the first run of its language: a Japanese text never loads gse's
// dictionary (the command line registers both engines so). A loader that
// fails leaves its runs to a one-token-per-character fallback; Chunks
// returns the error and Analyzer.Err reports it.
//
// Every token satisfies text[t.Start:t.End] == t.Surface; white space makes
// no tokens. User words (glossary terms) given to the engines are never
// split; the Analyzer's UserWords option additionally keeps words that mix
// Latin and CJK characters (抗CCP抗体) whole, which run splitting alone
// would cut apart. Token.POS slices may be shared between tokens: do not
// modify them. Analyzer.Chunks and Each stream a large text chunk by chunk
// (bounded memory, same tokens); tokenizers that implement [Appender]
// append into the analyzer's slice instead of returning their own.
//
// # Latin tokens
//
// Latin runs split at white space and at brackets, commas, semicolons,
// quotes and comparison signs; hyphens, slashes, dots, ×, ^ and + inside a
// word keep it whole (MSC, TNF-α, IL-1β, UC-MSCs, DAS28, 1×10^6/kg,
// anti-dsDNA). Their POS is one of POSWord, POSAbbrev, POSNumber and
// POSSymbol.
//
// # Performance
//
// Decoding and run splitting are linear and cheap next to the engines;
// the ja and zh layers stay close to raw kagome and raw gse. Commands and
// figures are in docs/tokenize.md.
package tokenize
