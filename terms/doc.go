// Package terms is the curated multilingual glossary: the concept model,
// the human-edited files it lives in, their validation, safe editing, the
// starter glossary compiled into the program, and (in lookup.go, scan.go)
// the index that finds a concept from a term typed in any script.
//
// # Model
//
// The model follows terminology standards (TBX, UMLS): a [Concept] is one
// meaning, with a stable id, a category, a status (candidate or approved),
// definitions and notes per language, sources and external ids (MeSH,
// ICD-10, UMLS CUI, Wikidata QID). Under it, per BCP 47 language tag (ja,
// zh-Hans, zh-Hant, en; others allowed), a list of [Term]s: text, status
// (preferred, admitted, deprecated, forbidden — TBX administrativeStatus),
// type (full form, abbreviation, variant — TBX termType), a note and, for
// English, a plural for locale bundles.
//
// Concept ids are ASCII slugs ([ValidID]): a lower-case letter, then
// lower-case letters, digits and single hyphens. That one rule makes an id
// a valid XML NCName (TBX export) and a valid go-i18n message id; the words
// go-i18n reserves inside a message (id, description, hash, leftdelim,
// rightdelim, zero, one, two, few, many, other, translation) are refused.
// Language tags are [language.Tag] values, parsed once with [ParseTag] and
// ordered by [CompareTags]: ja, zh-Hans, zh-Hant, en, then the others.
//
// # Files
//
// A glossary is a directory of *.yaml files (one per category in the
// starter), each a YAML sequence of concepts:
//
//   - id: mesenchymal-stem-cell
//     category: cell
//     status: approved
//     external: {mesh: D059630}
//     definition:
//     en: Multipotent stromal cell that can differentiate into bone, cartilage and fat cells.
//     sources: [NLM MeSH]
//     terms:
//     ja:
//   - 間葉系幹細胞
//     zh-Hans:
//   - 间充质干细胞
//   - {text: 间叶系干细胞, status: admitted, type: variant, note: literal rendering of the Japanese term}
//     zh-Hant:
//   - 間質幹細胞
//     en:
//   - {text: mesenchymal stem cell, plural: mesenchymal stem cells}
//   - {text: MSC, status: admitted, type: abbreviation, plural: MSCs}
//
// A plain string is a preferred full-form term. docs/glossary-format.md
// describes every key and the canonical form.
//
// Why YAML (go.yaml.in/yaml/v3, already a dependency of the module) rather
// than TOML or JSON: the data is a list of nested records with many short
// CJK strings, which YAML writes with almost no punctuation, so files stay
// readable and diffs stay one line per term; flow style ({text: ..., status:
// ...}) keeps a term with its attributes on one line. yaml.v3's Node API
// gives every value its line and column, so every problem is reported as
// file:line:col ([ParseError]). TOML would need an array-of-tables header per
// concept and nested tables per language, and could not report positions
// with the standard decoders; JSON has no comments to lose but is noisy to
// review and edit by hand.
//
// The loader is strict, because a save must reproduce what it read:
// unknown keys, duplicate keys, bad statuses, types or tags, anchors,
// aliases, explicit tags, several documents, non-UTF-8 or binary files are
// errors, and so are comments (a save would drop them: use note:).
//
// # Canonical form and round trips
//
// [Glossary.Save] writes each file in canonical form: keys in the order
// above, empty fields left out, languages in canonical order, terms ordered
// by status (preferred first, file order kept within a status), 2-space
// indentation, a scalar plain when YAML reads it back as the same string,
// else single-quoted, else (line breaks, tabs, invisible characters)
// double-quoted with escapes. Concepts stay in their file and in file order;
// new ones go to the end of <category>.yaml. Loading and saving a canonical
// file gives the same bytes. Save writes only the files whose concepts
// changed, so a file laid out by hand keeps its layout until one of its
// concepts is edited; [Glossary.Format] (`glossary fmt`) rewrites every
// file canonically.
//
// # Safe edits
//
// Save replaces each file atomically (temporary file in the same directory,
// fsync, rename, fsync of the directory): a crash leaves the old file or the
// new one. Concurrent writers are detected: Save holds an O_EXCL lock file
// ([LockFile]) while writing (a second writer meanwhile gets [ErrLocked]),
// and under the lock compares each file with the SHA-256 it had when the
// glossary was loaded — a file changed by another writer since gives
// [ErrConflict] and nothing is written. A lock left by a crashed writer
// of the same host (its pid no longer runs) is removed and the save goes
// on ([Glossary.BrokenLock] reports it); any other lock is kept. A save
// touching several files is atomic per file.
//
// # Checks
//
// [CheckDir] and [Glossary.Check] audit a glossary (see [Rules]): duplicate
// ids; more than one preferred term per language; the same preferred term in
// two concepts of one language; a term forbidden somewhere and preferred
// elsewhere; empty, white-space-padded or doubtful ('?') terms; duplicate
// terms; invalid tags and ids; malformed external ids (errors); and
// abbreviations shared by several concepts, non-canonical tags, missing core
// languages in approved concepts, wrong scripts, non-NFKC terms (warnings).
// CheckDir also lists every parse problem, where [Load] stops at the first.
//
// # Embedded starter glossary
//
// [Default] returns the starter glossary embedded from starter/*.yaml. It is
// parsed once per process and copied per call. Files in canonical form take
// a fast path that reads the fixed layout directly and accepts the result
// only if encoding it gives back the same bytes (so it cannot disagree with
// the YAML parser, which reads everything else; FuzzParse checks both
// agree). With 1,221 concepts (453 kB), on the shared 2-core machine:
//
//	go test ./terms -run XXX -bench 'Starter|Default' -benchtime 30x
//	                        quiet (load ≈ 1.8)      loaded (load 12–15)
//	BenchmarkParseStarter   11–12 ms/op, 37–41 MB/s  29–48 ms/op   6.8 MB/op, 32k allocs/op
//	  (YAML path only, before the fast path)        74–102 ms/op  15.8 MB/op, 241k allocs/op
//	BenchmarkDefault        1.7–2.1 ms/op            2–6 ms/op     (the copy each later call makes)
//	BenchmarkEncodeStarter  13 ms/op                 8–28 ms/op    3.8 MB/op, 28k allocs/op
//
//	/usr/bin/time glossary lookup 間葉系幹細胞   (new process, embedded starter)
//	quiet: 0.02–0.04 s wall; loaded: 0.10–0.18 s wall, 0.02–0.03 s user
//
// so a cold lookup stays inside its 200 ms budget even on a loaded machine.
//
// # Memory
//
// A concept read through the fast path keeps only its file, order and start
// position; the positions of its parts (for check) are recomputed from its
// canonical encoding on demand. Its strings live in one compact string per
// file, its terms in shared blocks. A 100k-concept synthetic glossary (29 MB
// of files) loads in 0.22 s into 104 MB of heap, 170 MB with its lookup
// index (was 277 MB and 350 MB); docs/lookup.md has the commands and figures.
package terms
