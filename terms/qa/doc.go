// Package qa checks a translation against the glossary, as the terminology
// checks of translation QA tools do, segment by segment:
//
//   - Missing: the source segment names an approved concept (by a term of
//     the source language) and the target segment has none of the
//     concept's allowed terms (preferred or admitted) in the target
//     language. A concept with no allowed target term is not checked.
//   - Avoid: the target segment uses a deprecated or forbidden term of an
//     approved concept; the finding lists the allowed terms instead.
//
// Terms match as glossary scanning matches them (terms.Index.ScanFunc): in
// any width, case, separator, han script or kana, English plurals included.
// In the source the longest term at each position counts (the translator
// renders 脂肪由来間葉系幹細胞, not its parts); in the target every term
// counts, also inside a longer one, so that a concept rendered inside a
// longer term is found. Only source terms of the source language count:
// Latin abbreviations inside a Japanese or Chinese source (MSC) are
// usually kept as they are. Candidate concepts (not reviewed) are not
// enforced.
package qa
