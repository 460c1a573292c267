// Package align proposes equivalent terms across Japanese, simplified and
// traditional Chinese and English, and says why: every link carries a
// score and its evidence, one route at a time, so that a curator can tell
// the standard term from a literal rendering.
//
// 間葉系幹細胞 (ja), 间充质干细胞 (the standard zh-Hans term), 间叶系干细胞 (its
// character-for-character rendering), 間質幹細胞 (Taiwan), mesenchymal stem
// cell and MSC name one concept; the aligner links them and labels each
// link: 間葉系幹細胞 → 间叶系干细胞 is a cognate, and not the standard term
// when the glossary or a dictionary gives another one.
//
// # Routes
//
//   - Glossary: both terms belong to one concept of the glossary
//     (WithGlossary, or WithIndex to share a terms.Index), found by
//     terms.(*Index).Lookup through the kana-folded rung: exact,
//     normalized, han-folded or kana-folded matches only, never prefix or
//     fuzzy ones.
//   - Cognate: the same characters after han folding (tokenize/han:
//     shinjitai, traditional and simplified forms fold to one key), or the
//     same Latin token. A cognate is checked: Link.Standard is set when the
//     glossary or a dictionary gives another target term (the cognate is a
//     literal rendering), Link.FalseFriend when the dictionaries give the two
//     no common meaning (手紙 "letter" and 手纸 "toilet paper").
//   - Abbreviation and Anchor: an abbreviation defined in articles on both
//     sides (MSC), or a tri-anchor — a CJK long form given with its English
//     long form and short form — which links three languages at once
//     (Input.Abbrevs, from the extractor's pairs).
//   - Dictionary: bilingual dictionaries with English glosses used as a
//     pivot (WithDictionary; EDICT/JMdict for Japanese and CC-CEDICT for
//     Chinese, in their line formats). Glosses are normalized (parentheses,
//     case, plurals, British spellings, words cut to 7 letters), so
//     "rheumatoid arthritis" and "rheumatism" meet on rheumat.
//   - Compositional: the terms are covered by pieces that are equivalent by
//     the routes above: 関節+リウマチ, 間葉(系)+幹細胞 → 间充质+干细胞, 臍帯由来 MSC.
//     The score is the harmonic mean of the shares of the source and of the
//     target covered (each piece weighted by its route's reliability), so a
//     part never passes for the whole.
//   - Transliteration: a katakana loanword and an English word with the
//     same consonant skeleton (エクソソーム and exosome: "ksm").
//   - Derived: part pairs mined from the glossary's own compounds when the
//     aligner is built with a glossary: a Japanese and a Chinese term of one
//     concept, covered by known parts except for a katakana word on one side
//     and a Han run on the other, teach that the two translate each other
//     (尿蛋白クレアチニン比 / 尿蛋白肌酐比: クレアチニン = 肌酐). This reaches
//     katakana loanwords the dictionaries lack on the Chinese side.
//   - Context: for terms from comparable articles, similar relative
//     frequency; a weak signal that only supports links found otherwise.
//
// # How a term list is aligned
//
// Every term is cut into its substrings (up to 12 characters; word n-grams
// for English), and each substring gets its senses: its han-folded form,
// its normalized dictionary glosses, its glossary concepts and, for whole
// katakana words and English words, its consonant skeleton. Targets are
// indexed by sense; a source term is compared in detail only with the
// targets that share most of its senses (blocking), and the comparison
// joins the two sense lists, then covers both terms greedily with the best
// matched pairs. AlignLists keeps the best-scored pairs one-to-one.
//
// # Evaluation
//
// Evaluate scores the aligner on a gold standard (see internal/gold and
// `glossary eval align`): the two sides of the gold as two shuffled lists,
// accuracy@1 and coverage overall and per route. Figures and commands are in
// docs/align.md.
//
// # Dependencies
//
// Only golang.org/x/text and the project's own packages (terms,
// tokenize, tokenize/han): dictionaries are read by a small line parser, since the
// EDICT and CC-CEDICT formats are simple and no Go library for both exists
// in the module graph.
package align
