package locales

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/medterm/glossary/terms"
	"golang.org/x/text/language"
)

// AbbrSuffix is appended to a concept's message id for its abbreviation
// message ("mesenchymal-stem-cell_abbr"). i18next reads it as the context
// "abbr" of the concept's key.
const AbbrSuffix = "_abbr"

// Options select the concepts and languages that go into app bundles.
type Options struct {
	// Langs are the languages to write, in order. Default: ja, zh-Hans,
	// zh-Hant, en.
	Langs []language.Tag
	// Source is the language translators translate from (default en). Its
	// text and the description make each message's hash.
	Source language.Tag
	// IDPrefix is prepended to every message id ("term.").
	IDPrefix string
	// Statuses keeps only concepts with one of these statuses (empty: all).
	Statuses []terms.ConceptStatus
	// Categories keeps only concepts of these categories (empty: all).
	Categories []string
	// Abbreviations adds a message "<id>_abbr" per concept that has an
	// abbreviation (see [Catalog]).
	Abbreviations bool
}

func (o *Options) fill() {
	if len(o.Langs) == 0 {
		o.Langs = CoreLanguages()
	}
	if o.Source == (language.Tag{}) {
		o.Source = language.English
	}
}

// Message is one message of a bundle, in go-i18n's terms: the content for
// the CLDR plural forms "one" and "other" (One is set only for languages
// that distinguish it and a term that has a plural).
type Message struct {
	ID          string
	Description string
	Hash        string // "sha1-..." of Description and the source text, as goi18n merge computes it
	One         string
	Other       string
}

// Catalog is the glossary turned into messages, per language.
//
// For each selected concept and language, the message is the concept's
// preferred term (else its first admitted one); deprecated and forbidden
// terms never appear. English gets one/other when the term has a plural.
// A concept without a usable term in a language is missing there: it goes
// to that language's translate messages, carrying the source text and hash
// the way goi18n merge writes translate files.
//
// Abbreviation messages take the language's own abbreviation, else the
// source language's when it is written in Latin letters (MSC, DAS28 are
// used as such in Japanese and Chinese text); they are never sent for
// translation.
type Catalog struct {
	Langs  []language.Tag
	Source language.Tag
	// Active holds the messages per language, sorted by id.
	Active map[language.Tag][]Message
	// Missing holds, per language, the messages still to translate, sorted
	// by id, with the source text in Other (and One).
	Missing map[language.Tag][]Message
}

// Build turns the glossary into a catalog.
func Build(g *terms.Glossary, opt Options) (*Catalog, error) {
	opt.fill()
	seen := make(map[language.Tag]bool)
	for _, t := range opt.Langs {
		if t == language.Und {
			return nil, fmt.Errorf("locales: undetermined language in the language list")
		}
		if seen[t] {
			return nil, fmt.Errorf("locales: language %s listed twice", t)
		}
		seen[t] = true
	}
	c := &Catalog{
		Langs:   slices.Clone(opt.Langs),
		Source:  opt.Source,
		Active:  make(map[language.Tag][]Message, len(opt.Langs)),
		Missing: make(map[language.Tag][]Message),
	}
	for _, lang := range c.Langs {
		c.Active[lang] = make([]Message, 0, g.Len())
	}
	termLang := TermLanguages(g, append(slices.Clone(c.Langs), opt.Source))
	srcLang := termLang[opt.Source]
	var reserved []string
	ids := make(map[string]string, g.Len()) // message id -> concept id
	for _, con := range g.Concepts() {
		if !keep(con, &opt) {
			continue
		}
		id := opt.IDPrefix + con.ID
		if err := checkID(id, con.ID, ids, &reserved); err != nil {
			return nil, err
		}
		desc := Description(con, srcLang)
		src, hasSrc := con.Preferred(srcLang)
		hash := ""
		if hasSrc {
			hash = Hash(desc, sourceOther(src, opt.Source))
		}
		for _, lang := range opt.Langs {
			t, ok := con.Preferred(termLang[lang])
			if !ok {
				if hasSrc && lang != opt.Source {
					m := Message{ID: id, Description: desc, Hash: hash, Other: sourceOther(src, opt.Source)}
					if hasOne(lang) && src.Plural != "" {
						m.One = src.Text
					}
					c.Missing[lang] = append(c.Missing[lang], m)
				}
				continue
			}
			m := Message{ID: id, Description: desc, Hash: hash, Other: t.Text}
			if hasOne(lang) && t.Plural != "" {
				m.One, m.Other = t.Text, t.Plural
			}
			c.Active[lang] = append(c.Active[lang], m)
		}
		if !opt.Abbreviations {
			continue
		}
		aid := id + AbbrSuffix
		srcAbbr, hasSrcAbbr := abbreviation(con, srcLang)
		if !hasSrcAbbr {
			// Any language's abbreviation makes the message exist.
			found := false
			for _, lang := range opt.Langs {
				if _, ok := abbreviation(con, termLang[lang]); ok {
					found = true
				}
			}
			if !found {
				continue
			}
		}
		if err := checkID(aid, con.ID, ids, &reserved); err != nil {
			return nil, err
		}
		for _, lang := range opt.Langs {
			a, ok := abbreviation(con, termLang[lang])
			if !ok {
				if !hasSrcAbbr || !isLatin(srcAbbr.Text) {
					continue
				}
				a = srcAbbr
			}
			m := Message{ID: aid, Description: "abbreviation of " + id}
			m.Other = a.Text
			if hasOne(lang) && a.Plural != "" {
				m.One, m.Other = a.Text, a.Plural
			}
			if hasSrcAbbr {
				m.Hash = Hash(m.Description, sourceOther(srcAbbr, opt.Source))
			}
			c.Active[lang] = append(c.Active[lang], m)
		}
	}
	if len(reserved) > 0 {
		return nil, fmt.Errorf("locales: message ids %s are go-i18n reserved keys; set an id prefix", strings.Join(reserved, ", "))
	}
	for _, ms := range c.Active {
		slices.SortFunc(ms, func(a, b Message) int { return strings.Compare(a.ID, b.ID) })
	}
	for _, ms := range c.Missing {
		slices.SortFunc(ms, func(a, b Message) int { return strings.Compare(a.ID, b.ID) })
	}
	return c, nil
}

// TermLanguages maps each bundle language to the glossary language its
// terms come from: the same tag when the glossary has terms in it, else the
// glossary language with the same language and script, so that an app's
// regional tags work (zh-TW and zh-HK take zh-Hant terms, zh-CN zh-Hans,
// en-US en, ja-JP ja). A language with no match maps to itself (and gets
// no messages).
func TermLanguages(g *terms.Glossary, langs []language.Tag) map[language.Tag]language.Tag {
	have := make(map[language.Tag]bool)
	for _, c := range g.Concepts() {
		for t := range c.Terms {
			have[t] = true
		}
	}
	glangs := make([]language.Tag, 0, len(have))
	for t := range have {
		glangs = append(glangs, t)
	}
	slices.SortFunc(glangs, compareTags)
	out := make(map[language.Tag]language.Tag, len(langs))
	for _, l := range langs {
		out[l] = l
		if have[l] {
			continue
		}
		lb, _ := l.Base()
		ls, _ := l.Script() // inferred: zh-TW → Hant, zh-CN → Hans
		for _, gt := range glangs {
			gb, _ := gt.Base()
			gs, _ := gt.Script()
			if gb == lb && gs == ls {
				out[l] = gt
				break
			}
		}
	}
	return out
}

// reservedKeys are the keys go-i18n reads as message fields rather than
// message ids (i18n/message.go), compared case-insensitively.
var reservedKeys = map[string]bool{
	"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true, "translation": true,
}

// IsReserved reports whether id would be read by go-i18n as a message field.
func IsReserved(id string) bool { return reservedKeys[strings.ToLower(id)] }

func checkID(id, conceptID string, ids map[string]string, reserved *[]string) error {
	if id == "" {
		return fmt.Errorf("locales: concept with an empty id")
	}
	if IsReserved(id) {
		*reserved = append(*reserved, fmt.Sprintf("%q", id))
	}
	if prev, dup := ids[id]; dup {
		return fmt.Errorf("locales: message id %q of concept %q collides with concept %q", id, conceptID, prev)
	}
	ids[id] = conceptID
	return nil
}

func keep(c *terms.Concept, o *Options) bool {
	if len(o.Statuses) > 0 && !slices.Contains(o.Statuses, c.Status) {
		return false
	}
	if len(o.Categories) > 0 && !slices.Contains(o.Categories, c.Category) {
		return false
	}
	return true
}

// sourceOther is the "other" text of the source message.
func sourceOther(t terms.Term, src language.Tag) string {
	if hasOne(src) && t.Plural != "" {
		return t.Plural
	}
	return t.Text
}

// Description is the message description of a concept: its category and
// its definition in the source language (else the first definition in
// canonical language order), "cell: Multipotent stromal cell ...".
func Description(c *terms.Concept, source language.Tag) string {
	def := c.Definitions[source]
	if def == "" {
		tags := make([]language.Tag, 0, len(c.Definitions))
		for t, d := range c.Definitions {
			if d != "" {
				tags = append(tags, t)
			}
		}
		slices.SortFunc(tags, compareTags)
		if len(tags) > 0 {
			def = c.Definitions[tags[0]]
		}
	}
	switch {
	case c.Category != "" && def != "":
		return c.Category + ": " + def
	case def != "":
		return def
	}
	return c.Category
}

// Hash returns the hash goi18n merge gives a source message: the SHA-1 of
// its description followed by its "other" text, as "sha1-<hex>".
func Hash(description, other string) string {
	h := sha1.New()
	h.Write([]byte(description))
	h.Write([]byte(other))
	return "sha1-" + hex.EncodeToString(h.Sum(nil))
}

// abbreviation returns the first preferred or admitted abbreviation of the
// concept in lang.
func abbreviation(c *terms.Concept, lang language.Tag) (terms.Term, bool) {
	for _, st := range []terms.TermStatus{terms.Preferred, terms.Admitted} {
		for _, t := range c.Terms[lang] {
			if t.Type == terms.Abbreviation && t.Status == st {
				return t, true
			}
		}
	}
	return terms.Term{}, false
}

func isLatin(s string) bool {
	for _, r := range s {
		if r >= 0x3000 { // CJK, kana, full-width forms
			return false
		}
	}
	return s != ""
}

// hasOne reports whether the language distinguishes the CLDR plural form
// "one" from "other". Japanese, Chinese, Korean and the other languages
// without plural inflection do not; this package writes only one/other, so
// languages with more forms (ru, ar, ...) get those two.
func hasOne(t language.Tag) bool {
	b, _ := t.Base()
	switch b.String() {
	case "ja", "zh", "ko", "vi", "th", "id", "ms", "lo", "my", "km", "yue":
		return false
	}
	return true
}

// CoreLanguages returns the default bundle languages: ja, zh-Hans, zh-Hant, en.
func CoreLanguages() []language.Tag {
	return []language.Tag{language.Japanese, language.SimplifiedChinese, language.TraditionalChinese, language.English}
}

// compareTags orders tags as glossary files do: ja, zh-Hans, zh-Hant, en,
// then the others by their string form.
func compareTags(a, b language.Tag) int {
	rank := func(t language.Tag) int {
		switch t {
		case language.Japanese:
			return 0
		case language.SimplifiedChinese:
			return 1
		case language.TraditionalChinese:
			return 2
		case language.English:
			return 3
		}
		return 4
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra - rb
	}
	return strings.Compare(a.String(), b.String())
}
