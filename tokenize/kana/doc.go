// Package kana folds the spelling variants of Japanese kana to one key, so
// that a term typed in hiragana, katakana or half-width katakana, with or
// without long-vowel marks and small kana, can be matched.
//
// # Folding
//
// Fold applies, in order:
//
//   - half-width katakana to full-width (Unicode NFKC, which also joins a
//     half-width voiced mark to its kana: ｶﾞ → ガ);
//   - katakana to hiragana (リウマチ → りうまち, ヴ → ゔ);
//   - small kana to full-size (ィ → い, ュ → ゆ, ッ → つ), so ウィルス and
//     ウイルス share a key;
//   - the long-vowel mark ー to the vowel of the kana before it (リュー →
//     りゆう, as it would be spelled in hiragana), or dropped at the end of a
//     word (コンピューター and コンピュータ fold alike: JIS Z 8301 lets a
//     final long vowel be omitted).
//
// Other characters (Han, Latin, digits) are kept: callers normalize width
// and case with tokenize.Normalize and fold Han with tokenize/han.
//
//	kana.Fold("リウマチ") == kana.Fold("りうまち")          // "りうまち"
//	kana.Fold("ｶﾝｾﾂﾘｳﾏﾁ") == kana.Fold("かんせつりうまち") // half-width
//	kana.Fold("ウィルス") == kana.Fold("ウイルス")          // small kana
//
// The key is for matching only and is never shown. Fold does not convert
// Han to readings: that needs a dictionary (see terms for how lookup uses
// readings).
package kana
