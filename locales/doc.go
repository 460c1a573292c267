// Package locales turns a curated glossary into locale bundles for apps and
// into interchange files for translators and CAT tools, and brings their
// work back.
//
// # App bundles
//
// [Build] makes a [Catalog]: per language, one message per concept (the
// message id is the concept id, with an optional prefix), whose text is the
// concept's preferred term. Deprecated and forbidden terms never appear.
// Japanese and Chinese messages have only the CLDR form "other"; English
// has "one" and "other" when the glossary gives a plural. The description
// is the concept's category and definition. Abbreviations can be added as
// messages "<id>_abbr".
//
//	cat, err := locales.Build(g, locales.Options{IDPrefix: "term."})
//	files := cat.GoI18nFiles(locales.TOML) // active.ja.toml, ..., translate.zh-Hant.toml
//	err = locales.WriteFiles("locales", files, cat.StaleTranslateFiles(locales.TOML))
//
// go-i18n (github.com/nicksnyder/go-i18n/v2) reads the language of a file
// from its name, and silently files a name it cannot parse under "und";
// the names here use canonical BCP 47 tags (active.zh-Hant.toml), and the
// tests load every file with go-i18n's own parser and check its tag. Ids
// that go-i18n reserves for message fields (other, one, description, ...)
// are refused. The bytes are deterministic, so [Diff] can tell an app's CI
// that its bundles are out of date.
//
// # Translation round trip
//
// A concept that lacks a term in a language goes to that language's
// translate file (translate.zh-Hant.toml) with its description, the source
// text and the hash goi18n merge computes (SHA-1 of description and source
// text), the form goi18n merge reads and writes. When a translator has
// filled it, [ReadMessageFile] and [ImportTranslations] add the translations
// to the glossary as terms of candidate concepts. Entries still holding the
// source text are not taken: goi18n merge would take them and ship English
// in the zh-Hant bundle. Entries whose hash no longer matches the glossary
// (the source changed meanwhile) are skipped and reported too.
//
// # Other app formats
//
// [Catalog.I18nextFiles] writes i18next JSON v4 (<tag>/translation.json,
// plural keys <id>_one/<id>_other) and [Catalog.GotextFiles] the JSON catalog
// of golang.org/x/text's gotext (<tag>/messages.gotext.json).
//
// # Interchange
//
// [WriteTBX] and [ReadTBX] exchange the glossary as TBX v3, dialect
// TBX-Basic in DCA style (ISO 30042:2019); see tbx.go for the mapping of
// statuses and of fields TBX-Basic lacks. [WriteCSV] and [ReadCSV] exchange
// it as CSV or TSV through a header [Mapping], with presets for this
// project's own lossless layout ("glossary"), Crowdin and memoQ. Cells a
// spreadsheet would run as formulas are neutralized on export and restored
// on import ([Neutralize]). [Merge] adds what an import read to a glossary
// without removing anything.
//
// [ReadXLIFF] reads the segments of a translation (XLIFF 1.2 or 2.x, as CAT
// tools export them), [ReadTMX] the units of a translation memory (TMX) and
// [ReadBilingual] the rows of a bilingual table (CSV or TSV), for
// terminology QA (package terms/qa, glossary qa).
//
// # Dependencies
//
// go-i18n is used only here, for its file parser (so the files are read
// exactly as apps read them). github.com/BurntSushi/toml is go-i18n's own
// TOML codec, needed to read TOML message files back; go-i18n's Bundle
// needs one registered for TOML.
package locales
