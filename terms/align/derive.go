package align

import (
	"sort"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
	"github.com/medterm/glossary/tokenize/han"
)

// Derived parts: the glossary's compounds teach part translations that no
// dictionary has. A concept whose Japanese and Chinese terms are covered by
// known parts except for one run on each side (尿蛋白/クレアチニン比 and
// 尿蛋白/肌酐比值: 尿蛋白 = 尿蛋白 by folding, 比 = 比值 by the dictionaries)
// says that the two runs translate each other (クレアチニン = 肌酐). The
// pairs are mined once, when the aligner is built with a glossary; a piece
// holding one side of a pair gets the sense kindDerived + "ja=zh" (both
// han-folded), matched by the other side. This is the route that reaches
// katakana loanwords the dictionaries lack on the Chinese side, through
// compounds of the glossary other than the term itself: インターロイキン-6
// → 白细胞介素-6 needs a glossary term with インターロイキン in it, not
// interleukin-6.

// kindDerived is the sense kind of a derived part pair.
const kindDerived = 'd'

// maxDerivedPerPiece drops a run paired with more distinct runs than
// this: the glossary does not say which one it is.
const maxDerivedPerPiece = 3

// derivedQuality is the quality of a matched derived pair: below a
// dictionary part (0.9), since the pair is an inference from one or a few
// compounds.
const derivedQuality = 0.8

// derivedSide files one side of a pair: "j" for Japanese, "z" for Chinese,
// then the folded run.
func derivedSide(lang language.Tag) (byte, bool) {
	switch lang {
	case language.Japanese:
		return 'j', true
	case language.SimplifiedChinese, language.TraditionalChinese:
		return 'z', true
	}
	return 0, false
}

// mineDerived builds a.derived from the glossary of a.index.
func (a *Aligner) mineDerived() {
	if a.index == nil || !a.on(RouteDerived) {
		return
	}
	// Mine with the routes that give known parts; the derived route itself
	// is off, and the mined concept's own id is no part of its terms.
	m := *a
	m.derived = nil
	m.routes[RouteDerived] = false
	m.routes[RouteTransliteration] = false
	pairs := map[string][2]string{}
	for _, c := range a.index.Glossary().Concepts() {
		ja := minedTerms(c, language.Japanese)
		if len(ja) == 0 {
			continue
		}
		var zh []Term
		for _, tag := range []language.Tag{language.SimplifiedChinese, language.TraditionalChinese} {
			for _, t := range minedTerms(c, tag) {
				zh = append(zh, Term{Text: t, Lang: tag})
			}
		}
		own := string(kindConc) + c.ID
		for _, j := range ja {
			sa := m.analyze(j, language.Japanese)
			dropSense(sa, own)
			ssp := sensePieces(sa)
			for _, z := range zh {
				ta := m.analyze(z.Text, z.Lang)
				dropSense(ta, own)
				rj, rz, ok := m.gapPair(sa, ssp, ta, sensePieces(ta))
				if !ok {
					continue
				}
				k := rj + "=" + rz
				pairs[k] = [2]string{rj, rz}
			}
		}
	}
	if len(pairs) == 0 {
		return
	}
	keys := make([]string, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	d := map[string][]string{}
	for _, k := range keys {
		p := pairs[k]
		d["j"+p[0]] = append(d["j"+p[0]], k)
		d["z"+p[1]] = append(d["z"+p[1]], k)
	}
	for s, ks := range d {
		if len(ks) > maxDerivedPerPiece {
			delete(d, s)
		}
	}
	a.derived = d
}

// minedTerms returns the full terms of a concept in one language that may
// teach parts: not abbreviations, not deprecated or forbidden.
func minedTerms(c *terms.Concept, tag language.Tag) []string {
	var out []string
	for _, t := range c.Terms[tag] {
		if t.Type == terms.Abbreviation || t.Status == terms.Deprecated || t.Status == terms.Forbidden {
			continue
		}
		out = append(out, t.Text)
	}
	return out
}

// dropSense removes sense s from every piece of an.
func dropSense(an *analysis, s string) {
	for i := range an.pieces {
		p := &an.pieces[i]
		out := p.senses[:0:0]
		for _, x := range p.senses {
			if x != s {
				out = append(out, x)
			}
		}
		p.senses = out
	}
}

// gapPair covers two CJK terms with known parts and returns the one run
// of each left uncovered, han-folded, when there is exactly one on each
// side, the rest of each term is covered, the Japanese run has at least
// two characters, and the two runs are not the same characters.
func (a *Aligner) gapPair(sa *analysis, ssp []sensePiece, ta *analysis, tsp []sensePiece) (string, string, bool) {
	if sa.latin || ta.latin {
		return "", "", false
	}
	ms := a.matches(sa, ssp, ta, tsp)
	if len(ms) == 0 {
		return "", "", false
	}
	best := a.bestCover(sa, ta, ms)
	var smask, tmask uint64
	for _, x := range best.chosen {
		p, q := sa.pieces[ms[x].sp], ta.pieces[ms[x].tp]
		smask |= spanMask(p.start, p.end)
		tmask |= spanMask(q.start, q.end)
	}
	rj, ok := oneGap(sa, smask, true)
	if !ok || len([]rune(rj)) < 2 {
		return "", "", false
	}
	rz, ok := oneGap(ta, tmask, false)
	if !ok {
		return "", "", false
	}
	rj, rz = han.Fold(rj), han.Fold(rz)
	if rj == rz {
		return "", "", false
	}
	return rj, rz, true
}

// oneGap returns the single run of characters of an that mask leaves
// uncovered (separators do not count), and false when there is none, more
// than one, or the whole term is uncovered. With kata, the run must be a
// whole katakana word (not cut on either side); otherwise it must be all
// Han.
func oneGap(an *analysis, mask uint64, kata bool) (string, bool) {
	runes := []rune(an.norm)
	if len(runes) > maxRunes || mask == 0 {
		return "", false
	}
	start, end := -1, -1
	for i, r := range runes {
		if mask&(1<<uint(i)) != 0 || isSeparator(r) {
			continue
		}
		if start < 0 {
			start = i
		} else if end < i {
			// a second run, unless only separators lie between
			for k := end; k < i; k++ {
				if !isSeparator(runes[k]) {
					return "", false
				}
			}
		}
		end = i + 1
	}
	if start < 0 {
		return "", false
	}
	if kata {
		if !katakanaRun(runes, start, end) {
			return "", false
		}
	} else {
		for _, r := range runes[start:end] {
			if !isHan(r) {
				return "", false
			}
		}
	}
	return string(runes[start:end]), true
}

// isSeparator reports the characters countUnits does not count.
func isSeparator(r rune) bool { return r == ' ' || r == '・' || r == '-' }

// derivedSenses returns the derived-pair senses of a substring of a CJK
// term, given its han-folded form.
func (a *Aligner) derivedSenses(lang language.Tag, folded string) []string {
	if a.derived == nil {
		return nil
	}
	side, ok := derivedSide(lang)
	if !ok {
		return nil
	}
	ks := a.derived[string(side)+folded]
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = string(kindDerived) + k
	}
	return out
}
