package locales

import (
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/medterm/glossary/terms"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	yaml "go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// unmarshalers are the codecs go-i18n uses for its file formats.
var unmarshalers = map[string]i18n.UnmarshalFunc{
	"json": json.Unmarshal,
	"toml": toml.Unmarshal,
	"yaml": yaml.Unmarshal,
	"yml":  yaml.Unmarshal,
}

// ReadMessageFile parses a go-i18n message file (active or translate, TOML,
// JSON or YAML) the way go-i18n does, taking the language from the file name
// ("translate.zh-Hant.toml"). A name without a language tag is an error, not
// "und".
func ReadMessageFile(name string, data []byte) (language.Tag, []Message, error) {
	base := filepath.Base(name)
	mf, err := i18n.ParseMessageFileBytes(data, base, unmarshalers)
	if err != nil {
		return language.Und, nil, fmt.Errorf("locales: %s: %w", name, err)
	}
	if mf.Tag == language.Und {
		return language.Und, nil, fmt.Errorf("locales: %s: no language tag in the file name (want translate.<tag>.<ext>)", name)
	}
	ms := make([]Message, 0, len(mf.Messages))
	for _, m := range mf.Messages {
		ms = append(ms, Message{ID: m.ID, Description: m.Description, Hash: m.Hash, One: m.One, Other: m.Other})
	}
	slices.SortFunc(ms, func(a, b Message) int { return strings.Compare(a.ID, b.ID) })
	return mf.Tag, ms, nil
}

// Change is one term an import added to the glossary.
type Change struct {
	ConceptID string
	Lang      language.Tag
	Term      terms.Term
}

// Skip is an entry an import did not take, and why.
type Skip struct {
	ID     string // message or concept id
	Lang   language.Tag
	Reason string
}

// Report says what an import did.
type Report struct {
	Added       []Change
	NewConcepts []string // ids of concepts the import created
	Skipped     []Skip
	Conflicts   []Skip // fields that differ from the glossary's; the glossary's value was kept
}

// ImportTranslations adds the translations of a filled translate file (the
// messages of one language, from [ReadMessageFile]) to the glossary's
// concepts, which it modifies in place. opt must name the source language
// and id prefix the file was made with.
//
// An entry is taken only when it was really translated: entries whose text
// is still the source text (the untouched state goi18n merge would copy
// into the active file), empty entries, and entries whose hash shows the
// source changed since the file was written are skipped and reported. A
// taken translation becomes a term of the concept: preferred when the
// language had no usable term yet, else admitted; its note says where it
// came from; and the concept goes back to candidate status for review.
// Nothing already in the glossary is removed or changed otherwise.
func ImportTranslations(g *terms.Glossary, lang language.Tag, ms []Message, opt Options, origin string) *Report {
	opt.fill()
	r := &Report{}
	tl := TermLanguages(g, []language.Tag{lang, opt.Source})
	lang, srcLang := tl[lang], tl[opt.Source] // translate.zh-TW.toml adds zh-Hant terms
	for _, m := range ms {
		skip := func(reason string) { r.Skipped = append(r.Skipped, Skip{m.ID, lang, reason}) }
		id, ok := strings.CutPrefix(m.ID, opt.IDPrefix)
		if !ok {
			skip(fmt.Sprintf("id lacks the prefix %q", opt.IDPrefix))
			continue
		}
		con, ok := g.Concept(id)
		if !ok {
			skip("no such concept")
			continue
		}
		src, ok := con.Preferred(srcLang)
		if !ok {
			skip("concept has no " + opt.Source.String() + " term")
			continue
		}
		srcOther := sourceOther(src, opt.Source)
		if m.Hash != "" && m.Hash != Hash(Description(con, srcLang), srcOther) {
			skip("source text or description changed since the file was written (hash differs)")
			continue
		}
		text, plural := strings.TrimSpace(m.Other), ""
		if one := strings.TrimSpace(m.One); one != "" && hasOne(lang) {
			text, plural = one, strings.TrimSpace(m.Other)
			if plural == text {
				plural = ""
			}
		}
		if text == "" {
			skip("empty translation")
			continue
		}
		if !isText(text) || !isText(plural) {
			skip("not text: invalid UTF-8 or a control character")
			continue
		}
		if text == src.Text || text == srcOther || (src.Plural != "" && text == src.Plural) {
			skip("untouched: still the source text")
			continue
		}
		if i := slices.IndexFunc(con.Terms[lang], func(t terms.Term) bool { return t.Text == text }); i >= 0 {
			if st := con.Terms[lang][i].Status; st == terms.Deprecated || st == terms.Forbidden {
				skip("the glossary marks this term " + statusName(st))
			} else {
				skip("already in the glossary")
			}
			continue
		}
		t := terms.Term{Text: text, Plural: plural, Status: terms.Admitted, Note: "imported from " + origin}
		if _, has := con.Preferred(lang); !has && !hasPreferred(con.Terms[lang]) {
			t.Status = terms.Preferred
		}
		if con.Terms == nil {
			con.Terms = make(map[language.Tag][]terms.Term)
		}
		con.Terms[lang] = append(con.Terms[lang], t)
		con.Status = terms.Candidate
		r.Added = append(r.Added, Change{con.ID, lang, t})
	}
	return r
}

// isText reports whether s is valid UTF-8 without control characters
// (which 'glossary check' refuses in a term).
func isText(s string) bool {
	return utf8.ValidString(s) && strings.IndexFunc(s, unicode.IsControl) < 0
}

func hasPreferred(ts []terms.Term) bool {
	return slices.ContainsFunc(ts, func(t terms.Term) bool { return t.Status == terms.Preferred })
}

// Merge adds incoming concepts (read from TBX or CSV) to the glossary, in
// place. New concepts are added as they are (with [terms.Glossary.Add], so
// they are saved to "<category>.yaml"). For a concept the glossary has,
// Merge adds the terms it lacks (a second preferred term in a language
// comes in as admitted), fills in empty fields and unions the sources; a
// field that differs is reported as a conflict and keeps the glossary's
// value. A concept that gains terms goes back to candidate status. Merge
// never removes anything.
func Merge(g *terms.Glossary, incoming []*terms.Concept) (*Report, error) {
	r := &Report{}
	seen := make(map[string]bool)
	for _, n := range incoming {
		if seen[n.ID] {
			return r, fmt.Errorf("locales: concept %q given twice", n.ID)
		}
		seen[n.ID] = true
		c, ok := g.Concept(n.ID)
		if !ok {
			if err := g.Add(n); err != nil {
				return r, fmt.Errorf("locales: %w", err)
			}
			r.NewConcepts = append(r.NewConcepts, n.ID)
			continue
		}
		conflict := func(lang language.Tag, what string) {
			r.Conflicts = append(r.Conflicts, Skip{c.ID, lang, what})
		}
		if c.Category == "" {
			c.Category = n.Category
		} else if n.Category != "" && n.Category != c.Category {
			conflict(language.Und, fmt.Sprintf("category %q (kept %q)", n.Category, c.Category))
		}
		c.Definitions = mergeText(c.Definitions, n.Definitions, "definition", conflict)
		c.Notes = mergeText(c.Notes, n.Notes, "note", conflict)
		for _, s := range n.Sources {
			if !slices.Contains(c.Sources, s) {
				c.Sources = append(c.Sources, s)
			}
		}
		for _, k := range slices.Sorted(maps.Keys(n.External)) {
			v := n.External[k]
			if old, ok := c.External[k]; !ok {
				if c.External == nil {
					c.External = make(map[string]string)
				}
				c.External[k] = v
			} else if old != v {
				conflict(language.Und, fmt.Sprintf("external %s %q (kept %q)", k, v, old))
			}
		}
		langs := slices.SortedFunc(maps.Keys(n.Terms), compareTags)
		for _, lang := range langs {
			for _, t := range n.Terms[lang] {
				i := slices.IndexFunc(c.Terms[lang], func(o terms.Term) bool { return o.Text == t.Text })
				if i >= 0 {
					if o := c.Terms[lang][i]; termConflict(o, t) {
						conflict(lang, fmt.Sprintf("term %q: %s/%s (kept %s/%s)", t.Text,
							statusName(t.Status), typeName(t.Type), statusName(o.Status), typeName(o.Type)))
					}
					continue
				}
				if t.Status == terms.Preferred && hasPreferred(c.Terms[lang]) {
					t.Status = terms.Admitted
				}
				if c.Terms == nil {
					c.Terms = make(map[language.Tag][]terms.Term)
				}
				c.Terms[lang] = append(c.Terms[lang], t)
				c.Status = terms.Candidate
				r.Added = append(r.Added, Change{c.ID, lang, t})
			}
		}
	}
	return r, nil
}

// termConflict reports whether an incoming term disagrees with the
// glossary's. Fields at their zero value (full form, no plural, no note)
// count as not given, since CSV presets without those columns read them so.
func termConflict(have, in terms.Term) bool {
	return have.Status != in.Status ||
		in.Type != terms.FullForm && in.Type != have.Type ||
		in.Plural != "" && in.Plural != have.Plural ||
		in.Note != "" && in.Note != have.Note
}

func mergeText(have, add map[language.Tag]string, what string, conflict func(language.Tag, string)) map[language.Tag]string {
	for _, lang := range slices.SortedFunc(maps.Keys(add), compareTags) {
		v := add[lang]
		if old, ok := have[lang]; !ok || old == "" {
			if have == nil {
				have = make(map[language.Tag]string)
			}
			have[lang] = v
		} else if old != v {
			conflict(lang, fmt.Sprintf("%s differs (kept the glossary's)", what))
		}
	}
	return have
}

var (
	statusNames = [...]string{terms.Preferred: "preferred", terms.Admitted: "admitted", terms.Deprecated: "deprecated", terms.Forbidden: "forbidden"}
	typeNames   = [...]string{terms.FullForm: "full", terms.Abbreviation: "abbreviation", terms.Variant: "variant"}
	cstatNames  = [...]string{terms.Candidate: "candidate", terms.Approved: "approved"}
)

func statusName(s terms.TermStatus) string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprint(uint8(s))
}

func typeName(t terms.TermType) string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return fmt.Sprint(uint8(t))
}

func parseName[T ~uint8](names []string, s, what string) (T, error) {
	for i, n := range names {
		if strings.EqualFold(s, n) {
			return T(i), nil
		}
	}
	return 0, fmt.Errorf("bad %s %q (want %s)", what, s, strings.Join(names, ", "))
}
