// Package extract finds the terms of articles: ranked term candidates and
// abbreviation–definition pairs, for a terminologist to curate.
//
// # Candidates
//
// An [Extractor] tokenizes a document with a tokenize.Tokenizer (in
// practice a tokenize.Analyzer, which runs kagome on Japanese runs, gse on
// Chinese runs and rules on Latin runs) and groups the tokens into compound
// runs: maximal sequences of nouns, prefixes (抗, 非, 全 ...) and suffixes
// (性, 的, 系, 由来, 剤 ...), Latin words and abbreviations glued to CJK
// (MSC療法, IL-6受容体), and Latin–CJK pairs across one space (臍帯由来 MSC).
// Every sub-sequence of a run that can stand as a term is a candidate, so
// 臍帯由来間葉系幹細胞 also yields 間葉系幹細胞 and 幹細胞. Rules, all general:
//
//   - a term does not start with a suffix nor end with a prefix, 的, 等,
//     由来 or a person noun (リウマチ患者);
//   - general nouns (患者, 場合, 効果 ...) join compounds but are no terms alone;
//   - a lone han character the dictionary split out of a word (間|葉, the 破
//     of 破骨細胞 tagged as a verb) binds to its han neighbours: no
//     sub-term starts or ends inside such a pair, and a lone character is a
//     term only where it stands alone (膝); a prefix of side (左, 右, 両,
//     tagged nouns) is no such character: 手首 of 左手首 is a term;
//   - ASCII punctuation tagged as a noun never joins a run;
//   - a single Latin word is a term when it looks like one (MSC, DAS28,
//     TNF-α, UC-MSCs, anti-dsDNA) or is a content word of five letters or
//     more; a number with a unit (12M, 10mg) is not;
//   - a number directly before a han word may start a term (1型糖尿病,
//     24時間蓄積尿タンパク) if a specific noun follows; before a counter
//     (3回, 36件) it may not, but 型 "type" classifies (1型糖尿病); a
//     one-character prefix after a roman numeral or a number is a suffix
//     (相 of 第II相, phase II);
//   - adjectival noun stems (有効, 重篤) and adverbial nouns (従来, 長期)
//     qualify terms but are not terms alone;
//   - a verb's continuative form before a case particle is a noun (こわばり
//     of こわばりが, むくみを), except in honorifics (お困りの);
//   - Chinese verbs tagged v by gse modify a following noun (损伤部位,
//     免疫反应); only the last of a chain of verbs does;
//   - a care head (治療, 療法, 対策) after a modifier the text uses as a
//     condition (関節リウマチ患者, 難病の治療) makes a phrase, no term
//     (関節リウマチ治療; 幹細胞治療 stays);
//   - a word used as a transitive predicate (薬を中止する) or an adjective
//     (重篤な) is no independent occurrence there, unless the text also
//     compounds it (投与 of 投与量);
//   - references are no terms: an abbreviated journal title (capitalized
//     Latin words with an ISO 4 abbreviation: Stem Cell Res Ther) and an
//     author in the Vancouver style (Pignatti E, before et al, a comma and
//     the next author, or the closing full stop).
//
// With [WithIndex], known terms are recognised through the glossary index's
// folding ladder (width, case, plurals, han and kana folding) and the text
// is scanned for glossary terms the patterns missed.
//
// # Abbreviation pairs
//
// [FindPairs] finds CJK long forms with Latin short forms and the reverse,
// in half- and full-width brackets and with colons (関節リウマチ(RA),
// DAS28（28関節疾患活動スコア）, 間葉系幹細胞(MSC:Mesenchymal Stem Cell),
// 系统性红斑狼疮（systemic lupus erythematosus，SLE）, MSC: Mesenchymal Stem
// Cell 间叶系干细胞) and English LF (SF) by the Schwartz & Hearst
// algorithm, as linked triples. It rejects citations, years, p-values,
// units, table codes and lists, and filters pairs with whole-text rules
// (length, member index, head, one sense per text; see filterPairs).
// [Extractor.Document] then starts a Chinese long form where the compound
// rules start the term (Chinese has no kana to end the clause before it).
//
// # Termhood
//
// A [Collection] scores candidates over all its documents with FLR
// (Nakagawa & Mori 2003), weighted by length, and C-value (Frantzi,
// Ananiadou & Mima 2000) for nested candidates:
//
//	score(a) = |a|^½ · f_ind(a) · LR(a)^½ · boost(a)            when f_ind(a) > 0
//	score(a) = 0.1 · LR(a)^½ · (1 + max(0, C(a))) · boost(a)    otherwise
//	LR(a)    = (Π_{i=1..|a|} (FL(u_i)+1)(FR(u_i)+1))^(1/2|a|)
//	C(a)     = log2(1+|a|) · (f(a) − Σ_{b∈T(a)} f(b) / |T(a)|)
//
// |a| is the number of units (tokens); f(a) counts all occurrences, f_ind(a)
// those where a is a whole compound, not part of a longer one; T(a) is the
// set of longer candidates containing a; FL(u) and FR(u) are the
// frequencies of left and right neighbours of unit u inside compounds over
// the collection: units that combine with many others (細胞, 幹細胞) mark
// term-forming material. boost is 2 for glossary-known terms, 1.5 with
// abbreviation or gloss evidence, 0.3 for Latin–CJK joins across a space
// and 0.3 for compounds of general nouns only (日本国内, 改善効果).
// So independent compounds rank first by FLR, and sub-terms seen only inside
// longer terms (間葉系幹細胞 inside 臍帯由来間葉系幹細胞) stay listed after
// them, ordered by C-value. [Collection.Candidates] ranks with collection
// frequencies, [Collection.DocumentCandidates] with one document's.
//
// On the dev set (empty glossary) the choices were compared: f_ind versus
// C-value frequency for independent candidates (precision@50 0.824 versus
// 0.768), LR^½ versus LR or none (0.824, 0.776, 0.748), |a|^½ versus
// log2(1+|a|) (0.824, 0.808); see docs/extract.md.
//
// # Evaluation
//
// [Evaluate] computes recall on the specific tier among all candidates of
// each article and precision in the top K of each article (specific and
// common rows correct; strict: specific only), per language and overall,
// with [Exact] or [Normalized] matching. [EvaluatePairs] scores pairs.
//
// # Concurrency and memory
//
// Extractor.Document is safe for concurrent use when the tokenizer is; a
// Document keeps counts, contexts and pairs, never the text (its strings are
// cloned), so memory is bounded by the largest document being processed
// plus the candidate table. Collection.Add is not concurrent:
// [Collection.AddAll] extracts [Source] documents on several goroutines,
// the largest first, and adds them in input order, so the result does not
// depend on the number of workers. A collection from [Extractor.NewStream] drops each
// document's table once merged, for large inputs; one from
// [Extractor.NewCollection] keeps them for [Collection.DocumentCandidates].
// With one worker, AddAll extracts a stream's documents straight into its
// table, with the same result and no table per document to build and merge
// (TestDirectMatchesMerged).
package extract
