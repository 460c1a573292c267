package terms

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/medterm/glossary/tokenize/han"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Severity says whether a diagnostic fails a check (Error) or only
// deserves a look (Warning).
type Severity uint8

const (
	Error Severity = iota
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText encodes the severity as its name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one finding of a glossary audit ([Glossary.Check],
// [CheckDir]).
type Diagnostic struct {
	Position
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`              // a short name such as "duplicate-id"; see Rules
	Concept  string   `json:"concept,omitempty"` // the concept concerned, if any
	Message  string   `json:"message"`
}

// String formats the diagnostic as "file:line:col: severity: message
// [rule]" ("concept ID: ..." for a concept not read from a file).
func (d Diagnostic) String() string {
	where := d.Position.String()
	if d.File == "" {
		where = "concept " + d.Concept // not read from a file
	}
	return fmt.Sprintf("%s: %s: %s [%s]", where, d.Severity, d.Message, d.Rule)
}

// Rules describes the audits, by rule name.
var Rules = map[string]string{
	"syntax":              "error: the file is not valid glossary YAML (structure, unknown key, bad status or type, comment, ...)",
	"invalid-id":          "error: a concept id is not an ASCII slug, or is a go-i18n reserved word",
	"invalid-tag":         "error: a language key is not a valid BCP 47 tag",
	"duplicate-id":        "error: two concepts have the same id",
	"multiple-preferred":  "error: a concept has more than one preferred term in a language",
	"duplicate-preferred": "error: two concepts have the same preferred term in one language",
	"forbidden-preferred": "error: a term is forbidden in one place and preferred in another (same language)",
	"duplicate-term":      "error: a concept lists the same term twice in one language",
	"empty-term":          "error: a term (or its plural) is empty",
	"padded-term":         "error: a term has leading or trailing white space, a line break, a tab or another control character",
	"doubtful-term":       "error: a term contains '?', a doubt marker to resolve (or keep the concept as candidate with a note)",
	"bad-external-id":     "error: an external id does not have the form of its scheme (mesh D000001, icd10 M05.9, umls C0000001, wikidata Q1)",
	"shared-abbreviation": "warning: an abbreviation designates several concepts",
	"noncanonical-tag":    "warning: a language key is not spelled canonically (zh-hans → zh-Hans) or lacks the script (zh-CN → zh-Hans)",
	"no-preferred":        "warning: a language has terms but none preferred",
	"missing-language":    "warning: an approved concept lacks a term in ja, zh-Hans, zh-Hant or en",
	"wrong-script":        "warning: a term is in a script its language does not use (kana in Chinese, CJK in English)",
	"not-nfkc":            "warning: a term is not in NFKC form (full-width Latin, half-width kana, ...)",
	"plural-not-english":  "warning: a plural is given for a term that is not English",
	"unknown-scheme":      "warning: an external id scheme other than mesh, icd10, umls, wikidata",
	"missing-category":    "warning: a concept has no category (it would be saved to uncategorized.yaml)",
	"no-terms":            "warning: a concept has no terms",
}

// HasErrors reports whether any diagnostic is an error.
func HasErrors(ds []Diagnostic) bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Severity == Error })
}

// Check audits the glossary and returns its diagnostics sorted by position.
// Concepts that were not read from a file have no position.
func (g *Glossary) Check() []Diagnostic {
	es := make([]entry, 0, len(g.concepts))
	for _, c := range g.concepts {
		es = append(es, entry{c, g.origins[c]})
	}
	// In file order; concepts not read from a file (added) come last.
	slices.SortStableFunc(es, func(a, b entry) int {
		pa, pb := posOf(a.o), posOf(b.o)
		if (pa.File == "") != (pb.File == "") {
			if pa.File == "" {
				return 1
			}
			return -1
		}
		return comparePos(pa, pb)
	})
	return audit(es)
}

// CheckDir audits the glossary directory dir like [Glossary.Check], and
// also reports the problems that keep [Load] from reading it (every one,
// not only the first), so a broken glossary can be fixed in one pass. The
// error is for a directory that cannot be read.
func CheckDir(dir string) ([]Diagnostic, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("terms: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("terms: %s is not a directory", dir)
	}
	return CheckFS(os.DirFS(dir), ".", dir)
}

// CheckFS is [CheckDir] for a directory of a file system; display is the
// directory name shown in positions.
func CheckFS(fsys fs.FS, dir, display string) ([]Diagnostic, error) {
	es, errs, _, err := parseDir(fsys, dir, display, true)
	if err != nil {
		return nil, err
	}
	var ds []Diagnostic
	for _, e := range errs {
		rule := "syntax"
		var ke *kindError
		if errors.As(e.Err, &ke) {
			rule = ke.rule
		}
		ds = append(ds, Diagnostic{Position: e.Pos(), Severity: Error, Rule: rule, Message: e.msg()})
	}
	ds = append(ds, audit(es)...)
	sortDiagnostics(ds)
	return ds, nil
}

// kindError marks a parse error with the audit rule it falls under.
type kindError struct {
	rule string
	err  error
}

func (e *kindError) Error() string { return e.err.Error() }
func (e *kindError) Unwrap() error { return e.err }

func posOf(o *origin) Position {
	if o == nil {
		return Position{}
	}
	return o.pos
}

func comparePos(a, b Position) int {
	if c := strings.Compare(a.File, b.File); c != 0 {
		return c
	}
	if a.Line != b.Line {
		return a.Line - b.Line
	}
	return a.Col - b.Col
}

func sortDiagnostics(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		if c := comparePos(a.Position, b.Position); c != 0 {
			return c
		}
		return strings.Compare(a.Rule, b.Rule)
	})
}

// termKey is how audits compare terms: NFKC, lower case, so that "MSC",
// "ＭＳＣ" and "msc" are the same abbreviation.
func termKey(s string) string { return strings.ToLower(norm.NFKC.String(strings.TrimSpace(s))) }

type termRef struct {
	id   string
	pos  Position
	text string
}

// where describes the place of a reference for a message.
func (r termRef) where() string {
	if r.pos.File == "" {
		return "new concept " + r.id
	}
	return r.pos.String()
}

func where(p Position, id string) string { return termRef{id: id, pos: p}.where() }

var externalRE = map[string]*regexp.Regexp{
	"mesh":     regexp.MustCompile(`^[CDQ]\d{6,9}$`),
	"icd10":    regexp.MustCompile(`^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?(-[A-Z]\d{2}(\.[0-9A-Z]{1,4})?)?$`),
	"umls":     regexp.MustCompile(`^C\d{7}$`),
	"wikidata": regexp.MustCompile(`^Q[1-9]\d*$`),
}

// audit runs the rules over parsed concepts (in file order; ids may repeat).
func audit(es []entry) []Diagnostic {
	var ds []Diagnostic
	add := func(p Position, sev Severity, rule, id, format string, args ...any) {
		ds = append(ds, Diagnostic{Position: p, Severity: sev, Rule: rule, Concept: id, Message: fmt.Sprintf(format, args...)})
	}
	firstID := map[string]Position{}
	preferred := map[language.Tag]map[string]termRef{} // first concept preferring a text
	forbidden := map[language.Tag]map[string]termRef{}
	abbrevs := map[string][]termRef{} // by key, one per concept
	type pref struct {
		tag  language.Tag
		key  string
		text string
		ref  termRef
	}
	var prefs []pref
	for _, e := range es {
		c, o := e.c, e.o.detailed(e.c) // positions of its parts
		id := c.ID
		if p, dup := firstID[id]; dup {
			add(o.idPos, Error, "duplicate-id", id, "duplicate concept id %q (first at %s)", id, where(p, id))
		} else {
			firstID[id] = o.idPos
		}
		if c.Category == "" {
			add(o.pos, Warning, "missing-category", id, "concept %s has no category", id)
		}
		for _, scheme := range sortedSchemes(c.External) {
			v, p := c.External[scheme], o.extPos[scheme]
			if p.Line == 0 {
				p = o.pos
			}
			re, known := externalRE[scheme]
			switch {
			case !known:
				add(p, Warning, "unknown-scheme", id, "external id scheme %q is not one of mesh, icd10, umls, wikidata", scheme)
			case !re.MatchString(v):
				add(p, Error, "bad-external-id", id, "%s id %q does not have the form %s", scheme, v, re)
			}
		}
		if len(c.Terms) == 0 {
			add(o.pos, Warning, "no-terms", id, "concept %s has no terms", id)
		}
		for _, tag := range sortedTags(c.Terms) {
			ts := c.Terms[tag]
			tp := o.tagPos[tag]
			if tp.Line == 0 {
				tp = o.pos
			}
			if base, script, region := tag.Raw(); base.String() == "zh" && script.String() == "Zzzz" {
				want := "zh-Hans or zh-Hant"
				switch region.String() {
				case "CN", "SG":
					want = "zh-Hans"
				case "TW", "HK", "MO":
					want = "zh-Hant"
				}
				add(tp, Warning, "noncanonical-tag", id, "language %s names no script: use %s", tag, want)
			}
			if raw := o.tagRaw[tag]; raw != "" && raw != tag.String() {
				add(tp, Warning, "noncanonical-tag", id, "language %q is spelled canonically %s", raw, tag)
			}
			nPref := 0
			seen := map[string]bool{}
			for i, t := range ts {
				p := o.term(tag, i)
				k := termKey(t.Text)
				switch {
				case strings.TrimSpace(t.Text) == "":
					add(p, Error, "empty-term", id, "empty %s term in concept %s", tag, id)
					continue
				case strings.TrimSpace(t.Text) != t.Text:
					add(p, Error, "padded-term", id, "%s term %q has leading or trailing white space", tag, t.Text)
				case strings.ContainsAny(t.Text, "\n\r\t"):
					add(p, Error, "padded-term", id, "%s term %q contains a line break or tab", tag, t.Text)
				case strings.IndexFunc(t.Text, unicode.IsControl) >= 0:
					add(p, Error, "padded-term", id, "%s term %q contains a control character", tag, t.Text)
				}
				if strings.ContainsAny(t.Text, "?？") {
					add(p, Error, "doubtful-term", id, "%s term %q contains '?': resolve it, or keep the concept as candidate with a note", tag, t.Text)
				}
				// Case and width variants (P値, p値) are distinct terms here;
				// only the very same text twice is a mistake.
				if seen[t.Text] {
					add(p, Error, "duplicate-term", id, "%s term %q is listed twice in concept %s", tag, t.Text, id)
				}
				seen[t.Text] = true
				if n := norm.NFKC.String(t.Text); n != t.Text {
					add(p, Warning, "not-nfkc", id, "%s term %q is not in NFKC form (write %q)", tag, t.Text, n)
				}
				if t.Plural != "" {
					if tag != English {
						add(p, Warning, "plural-not-english", id, "%s term %q has a plural; plurals are for English terms", tag, t.Text)
					}
					if strings.TrimSpace(t.Plural) != t.Plural {
						add(p, Error, "padded-term", id, "plural %q has leading or trailing white space", t.Plural)
					}
				}
				if msg := scriptProblem(tag, t.Text); msg != "" {
					add(p, Warning, "wrong-script", id, "%s term %q %s", tag, t.Text, msg)
				}
				ref := termRef{id, p, t.Text}
				switch t.Status {
				case Preferred:
					nPref++
					if nPref == 2 {
						add(p, Error, "multiple-preferred", id, "concept %s has more than one preferred %s term (%q); make the others admitted", id, tag, t.Text)
					}
					prefs = append(prefs, pref{tag, k, t.Text, ref})
					if preferred[tag] == nil {
						preferred[tag] = map[string]termRef{}
					}
					if first, ok := preferred[tag][k]; !ok {
						preferred[tag][k] = ref
					} else if first.id != id {
						add(p, Error, "duplicate-preferred", id, "preferred %s term %q is also preferred in concept %s (%s)", tag, t.Text, first.id, first.where())
					}
				case Forbidden:
					if forbidden[tag] == nil {
						forbidden[tag] = map[string]termRef{}
					}
					if _, ok := forbidden[tag][k]; !ok {
						forbidden[tag][k] = ref
					}
				}
				if t.Type == Abbreviation {
					refs := abbrevs[k]
					if !slices.ContainsFunc(refs, func(r termRef) bool { return r.id == id }) {
						abbrevs[k] = append(refs, ref)
					}
				}
			}
			if nPref == 0 {
				add(tp, Warning, "no-preferred", id, "concept %s has %s terms but none preferred", id, tag)
			}
		}
		if c.Status == Approved {
			var missing []string
			for _, tag := range CoreLanguages() {
				if len(c.Terms[tag]) == 0 {
					missing = append(missing, tag.String())
				}
			}
			if len(missing) > 0 {
				add(o.pos, Warning, "missing-language", id, "approved concept %s has no %s term", id, strings.Join(missing, ", "))
			}
		}
	}
	for _, pr := range prefs {
		if f, ok := forbidden[pr.tag][pr.key]; ok {
			in := "concept " + pr.ref.id
			if f.id == pr.ref.id {
				in = "the same concept"
			}
			add(f.pos, Error, "forbidden-preferred", f.id, "forbidden %s term %q is preferred in %s (%s)", pr.tag, pr.text, in, pr.ref.where())
		}
	}
	for _, refs := range abbrevs {
		if len(refs) < 2 {
			continue
		}
		ids := make([]string, len(refs))
		for i, r := range refs {
			ids[i] = r.id
		}
		for _, r := range refs[1:] {
			add(r.pos, Warning, "shared-abbreviation", r.id, "abbreviation %q designates several concepts: %s", r.text, strings.Join(ids, ", "))
		}
	}
	sortDiagnostics(ds)
	return ds
}

// scriptProblem reports a script a language does not write terms in.
func scriptProblem(tag language.Tag, s string) string {
	base, _ := tag.Base()
	has := func(tabs ...*unicode.RangeTable) bool {
		return strings.IndexFunc(s, func(r rune) bool { return unicode.In(r, tabs...) }) >= 0
	}
	first := func(pred ...func(rune) bool) (rune, bool) {
		for _, r := range s {
			for _, p := range pred {
				if p(r) {
					return r, true
				}
			}
		}
		return 0, false
	}
	_, script, _ := tag.Raw()
	switch base.String() {
	case "zh":
		if has(unicode.Hiragana, unicode.Katakana) {
			return "contains kana (Chinese terms are written in Han characters)"
		}
		switch script.String() {
		case "Hans":
			if r, ok := first(han.Traditional); ok {
				return fmt.Sprintf("contains the traditional-only character %c", r)
			}
			if r, ok := first(han.Shinjitai); ok {
				return fmt.Sprintf("contains the Japanese-only character %c", r)
			}
		case "Hant":
			if r, ok := first(han.Simplified); ok {
				return fmt.Sprintf("contains the simplified-only character %c", r)
			}
			if r, ok := first(han.Shinjitai); ok {
				return fmt.Sprintf("contains the Japanese-only character %c", r)
			}
		}
	case "en":
		if has(unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return "contains CJK characters"
		}
	}
	return ""
}
