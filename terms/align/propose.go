package align

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/language"
)

// AbbrevPair is an abbreviation defined in an article: the long form in
// the article's language, the abbreviation, and, when the article gives
// it, the English long form (a tri-anchor: 間葉系幹細胞 (mesenchymal stem
// cell; MSC)). A pair without Short is a bracketed gloss: a term and its
// English rendering (施設認証(accreditation)).
type AbbrevPair struct {
	Short  string
	Long   string
	LongEn string
	Lang   language.Tag // language of Long
}

// Input is what Propose aligns: terms in any of the languages (term lists,
// extraction output) and the abbreviation definitions found in articles.
type Input struct {
	Terms   []Term
	Abbrevs []AbbrevPair
}

// Proposal is a group of terms believed to name one concept.
type Proposal struct {
	Terms         map[language.Tag][]string // full forms by language
	Abbreviations []string                  // Latin abbreviations
	Concepts      []string                  // ids of glossary concepts that already hold one of the terms
	Score         float64                   // the lowest link score in the group
	Links         []Link
}

// Languages in the order proposals list them.
var proposalLangs = []language.Tag{language.Japanese, language.SimplifiedChinese, language.TraditionalChinese, language.English}

// IsAbbreviation reports whether an English term looks like an
// abbreviation: one short token with at least two upper-case letters and
// no lower-case letter outside a plural "s" (MSC, MSCs, TNF-α, DAS28, IL-6).
func IsAbbreviation(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, " ") || len([]rune(s)) > 12 {
		return false
	}
	up := 0
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r >= 'A' && r <= 'Z':
			up++
		case r >= 'a' && r <= 'z':
			if !(i == len(rs)-1 && r == 's') {
				return false
			}
		case r >= 0x2E80:
			return false
		}
	}
	return up >= 2
}

// Propose aligns every pair of languages present in the input one-to-one,
// adds the links given by abbreviation definitions, and groups the linked
// terms into proposals, best first.
func (a *Aligner) Propose(in Input) []Proposal {
	byLang := map[language.Tag][]Term{}
	var abbrs []Term
	seen := map[string]bool{}
	for _, t := range in.Terms {
		t.Text = strings.TrimSpace(t.Text)
		k := t.Lang.String() + "\x00" + t.Text
		if t.Text == "" || seen[k] {
			continue
		}
		seen[k] = true
		if t.Lang == language.English && IsAbbreviation(t.Text) {
			abbrs = append(abbrs, t)
			continue
		}
		byLang[t.Lang] = append(byLang[t.Lang], t)
	}
	var langs []language.Tag
	for _, l := range proposalLangs {
		if len(byLang[l]) > 0 {
			langs = append(langs, l)
		}
	}
	for l := range byLang {
		if !containsTag(langs, l) {
			langs = append(langs, l)
		}
	}
	var links, falseFriends []Link
	// Abbreviation definitions first: they are the article's own word.
	links = append(links, a.abbrevLinks(in.Abbrevs)...)
	for i := range langs {
		for j := i + 1; j < len(langs); j++ {
			ls, ffs, lit := a.alignLists(byLang[langs[i]], byLang[langs[j]])
			links = append(links, ls...)
			links = append(links, lit...)
			falseFriends = append(falseFriends, ffs...)
		}
	}
	if a.on(RouteAbbreviation) {
		links = append(links, a.abbrevListLinks(abbrs, byLang[language.English])...)
	}
	links = mergeLinks(links)
	a.addContext(links, in.Terms)
	ps := a.group(links)
	// False friends are reported on their own, flagged, never merged.
	for _, l := range falseFriends {
		p := Proposal{Terms: map[language.Tag][]string{}, Score: l.Score, Links: []Link{l}}
		p.Terms[l.Source.Lang] = []string{l.Source.Text}
		p.Terms[l.Target.Lang] = append(p.Terms[l.Target.Lang], l.Target.Text)
		ps = append(ps, p)
	}
	return ps
}

func containsTag(ts []language.Tag, t language.Tag) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// abbrevLinks turns abbreviation definitions into links: long form ↔
// abbreviation, long form ↔ English long form (tri-anchor), and long forms
// of different languages that share an abbreviation.
func (a *Aligner) abbrevLinks(ps []AbbrevPair) []Link {
	if !a.on(RouteAbbreviation) && !a.on(RouteAnchor) {
		return nil
	}
	var out []Link
	short := func(s string) Term { return Term{Text: s, Lang: language.English} }
	byShort := map[string][]AbbrevPair{}
	for _, p := range ps {
		if p.Long == "" || p.Short == "" && p.LongEn == "" {
			continue
		}
		long := Term{Text: p.Long, Lang: p.Lang}
		if p.Short == "" { // a bracketed gloss: 施設認証(accreditation)
			if a.on(RouteAnchor) {
				out = append(out, evidenceLink(long, Term{Text: p.LongEn, Lang: language.English}, RouteAnchor, 0.85,
					"bracketed gloss "+p.Long+" ("+p.LongEn+")"))
			}
			continue
		}
		if a.on(RouteAbbreviation) {
			out = append(out, evidenceLink(long, short(p.Short), RouteAbbreviation, 0.9, "defined in the article as "+p.Long+" ("+p.Short+")"))
		}
		if p.LongEn != "" && a.on(RouteAnchor) {
			out = append(out, evidenceLink(long, Term{Text: p.LongEn, Lang: language.English}, RouteAnchor, 0.9,
				"tri-anchor "+p.Long+" ("+p.LongEn+", "+p.Short+")"))
		}
		k := abbrKey(p.Short)
		byShort[k] = append(byShort[k], p)
	}
	if !a.on(RouteAbbreviation) {
		return out
	}
	keys := make([]string, 0, len(byShort))
	for k := range byShort {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		g := byShort[k]
		for i := range g {
			for j := i + 1; j < len(g); j++ {
				if g[i].Lang == g[j].Lang {
					continue
				}
				out = append(out, evidenceLink(Term{Text: g[i].Long, Lang: g[i].Lang}, Term{Text: g[j].Long, Lang: g[j].Lang},
					RouteAbbreviation, 0.85, "shared abbreviation "+g[i].Short))
			}
		}
	}
	return out
}

// abbrKey folds plural and case: MSCs and MSC share one key.
func abbrKey(s string) string {
	s = normalize(s)
	if len(s) > 2 && strings.HasSuffix(s, "s") {
		s = s[:len(s)-1]
	}
	return s
}

func evidenceLink(s, t Term, r Route, score float64, detail string) Link {
	l := Link{Source: s, Target: t, Evidence: []Evidence{{Route: r, Score: score, Detail: detail}}}
	l.finish()
	return l
}

// abbrevListLinks links English abbreviations to English long forms whose
// words supply its letters in order (Schwartz and Hearst 2003).
func (a *Aligner) abbrevListLinks(abbrs, longs []Term) []Link {
	var all []Link
	for _, s := range abbrs {
		for _, l := range longs {
			if MatchesAbbreviation(s.Text, l.Text) {
				all = append(all, evidenceLink(l, s, RouteAbbreviation, 0.7, "letters of "+s.Text+" start words of "+l.Text))
			}
		}
	}
	return oneToOne(all)
}

// MatchesAbbreviation reports whether short abbreviates long when the two
// are not seen side by side (term lists): every content word of long
// gives short its next letters, the first from the word's start and any
// further ones from inside the word (MSC ↔ mesenchymal stem cell, DMARD ↔
// disease-modifying antirheumatic drug, DAS28 ↔ disease activity score
// 28); "of", "and", "the", "in", "for", "to" and "with" may be skipped. A
// plural "s" on short is ignored.
func MatchesAbbreviation(short, long string) bool {
	orig := []rune(strings.TrimSpace(short))
	if n := len(orig); n > 2 && orig[n-1] == 's' && unicode.IsUpper(orig[n-2]) {
		orig = orig[:n-1]
	}
	var s []rune
	for _, r := range strings.ToLower(string(orig)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			s = append(s, r)
		}
	}
	words := strings.FieldsFunc(strings.ToLower(long), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(s) < 2 || len(words) < 2 { // one-word long forms (RA, rheumatoid) are too loose out of context
		return false
	}
	return abbrMatch(s, words)
}

var abbrStop = map[string]bool{"of": true, "and": true, "the": true, "in": true, "for": true, "to": true, "with": true}

func abbrMatch(s []rune, words []string) bool {
	if len(words) == 0 {
		return len(s) == 0
	}
	if len(s) == 0 {
		return false // a content word left without a letter
	}
	w := []rune(words[0])
	if abbrStop[words[0]] && abbrMatch(s, words[1:]) {
		return true
	}
	if w[0] != s[0] {
		return false
	}
	// Take s[0] from the word's start, then s[1:k] from inside it.
	j := 1
	for k := 1; ; k++ {
		if abbrMatch(s[k:], words[1:]) {
			return true
		}
		if k == len(s) {
			return false
		}
		for j < len(w) && w[j] != s[k] {
			j++
		}
		if j == len(w) {
			return false
		}
		j++
	}
}

// addContext adds frequency similarity, a weak signal for terms of
// comparable articles: terms of one concept tend to have similar relative
// frequencies. It only supports links other routes found.
func (a *Aligner) addContext(links []Link, all []Term) {
	if !a.on(RouteContext) {
		return
	}
	total := map[language.Tag]int{}
	for _, t := range all {
		total[t.Lang] += t.Freq
	}
	for i := range links {
		s, t := links[i].Source, links[i].Target
		if s.Freq <= 0 || t.Freq <= 0 || total[s.Lang] == 0 || total[t.Lang] == 0 {
			continue
		}
		rs := float64(s.Freq) / float64(total[s.Lang])
		rt := float64(t.Freq) / float64(total[t.Lang])
		sim := 1 - math.Abs(math.Log(rs/rt))/3
		if sim < 0.2 {
			continue
		}
		links[i].Evidence = append(links[i].Evidence, Evidence{Route: RouteContext, Score: 0.3 * sim, Detail: "similar relative frequency"})
		links[i].finish()
	}
}

// mergeLinks joins the links found for one pair of terms by different
// means (an abbreviation definition and the list alignment, say) into one
// link carrying all the evidence, each route once with its best score.
func mergeLinks(links []Link) []Link {
	key := func(t Term) string { return t.Lang.String() + "\x00" + t.Text }
	idx := map[string]int{}
	var out []Link
	for _, l := range links {
		ks, kt := key(l.Source), key(l.Target)
		k := ks + "\x01" + kt
		if kt < ks {
			k = kt + "\x01" + ks
		}
		i, ok := idx[k]
		if !ok {
			idx[k] = len(out)
			out = append(out, l)
			continue
		}
		m := &out[i]
		for _, t := range []Term{l.Source, l.Target} {
			if key(t) == key(m.Source) {
				m.Source.Freq = max(m.Source.Freq, t.Freq)
			} else {
				m.Target.Freq = max(m.Target.Freq, t.Freq)
			}
		}
		for _, e := range l.Evidence {
			j := -1
			for x := range m.Evidence {
				if m.Evidence[x].Route == e.Route {
					j = x
				}
			}
			switch {
			case j < 0:
				m.Evidence = append(m.Evidence, e)
			case e.Score > m.Evidence[j].Score:
				m.Evidence[j] = e
			}
		}
		if m.Standard == "" {
			m.Standard, m.StandardFrom = l.Standard, l.StandardFrom
		}
		m.FalseFriend = m.FalseFriend || l.FalseFriend
		m.finish()
	}
	return out
}

// group joins linked terms into proposals (connected components).
func (a *Aligner) group(links []Link) []Proposal {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if p, ok := parent[x]; ok && p != x {
			r := find(p)
			parent[x] = r
			return r
		}
		parent[x] = x
		return x
	}
	key := func(t Term) string { return t.Lang.String() + "\x00" + t.Text }
	for _, l := range links {
		parent[find(key(l.Source))] = find(key(l.Target))
	}
	byRoot := map[string]*Proposal{}
	var order []string
	for _, l := range links {
		r := find(key(l.Source))
		p := byRoot[r]
		if p == nil {
			p = &Proposal{Terms: map[language.Tag][]string{}, Score: 1}
			byRoot[r] = p
			order = append(order, r)
		}
		p.Links = append(p.Links, l)
		p.Score = math.Min(p.Score, l.Score)
		for _, t := range []Term{l.Source, l.Target} {
			if t.Lang == language.English && IsAbbreviation(t.Text) {
				if !containsStr(p.Abbreviations, t.Text) {
					p.Abbreviations = append(p.Abbreviations, t.Text)
				}
			} else if !containsStr(p.Terms[t.Lang], t.Text) {
				p.Terms[t.Lang] = append(p.Terms[t.Lang], t.Text)
			}
			for _, c := range a.glossConcepts(t.Lang, t.Text) {
				if !containsStr(p.Concepts, c.ID) {
					p.Concepts = append(p.Concepts, c.ID)
				}
			}
		}
	}
	out := make([]Proposal, 0, len(order))
	for _, r := range order {
		p := byRoot[r]
		sortLinks(p.Links)
		out = append(out, *p)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}
