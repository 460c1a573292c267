package align

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"golang.org/x/text/language"
)

// Route is the kind of evidence behind a link.
type Route uint8

const (
	RouteGlossary        Route = iota // both terms belong to one glossary concept
	RouteCognate                      // the same characters after han folding (or the same Latin token)
	RouteAbbreviation                 // an abbreviation defined on both sides, or an abbreviation and its long form
	RouteAnchor                       // a tri-anchor: CJK long form, English long form and abbreviation given together
	RouteDictionary                   // bilingual dictionaries share an English gloss for the two whole terms
	RouteCompositional                // the parts of the terms translate one another
	RouteContext                      // frequency similarity in comparable articles (weak)
	RouteTransliteration              // a katakana loanword and an English word sound alike (エクソソーム, exosome)
	RouteDerived                      // a part translation mined from the glossary's compounds (クレアチニン = 肌酐 from 尿蛋白/クレアチニン比)
	numRoutes
)

var routeNames = [...]string{"glossary", "cognate", "abbreviation", "anchor", "dictionary", "compositional", "context", "transliteration", "derived"}

func (r Route) String() string {
	if int(r) < len(routeNames) {
		return routeNames[r]
	}
	return fmt.Sprintf("Route(%d)", r)
}

// ParseRoute parses a route name as printed by String.
func ParseRoute(s string) (Route, error) {
	for i, n := range routeNames {
		if strings.EqualFold(s, n) {
			return Route(i), nil
		}
	}
	return 0, fmt.Errorf("align: unknown route %q (want one of %s)", s, strings.Join(routeNames[:], ", "))
}

// MarshalText implements encoding.TextMarshaler.
func (r Route) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Route) UnmarshalText(b []byte) error {
	x, err := ParseRoute(string(b))
	if err != nil {
		return err
	}
	*r = x
	return nil
}

// Term is a term to align: its text and language, and for terms found in
// articles, how often it occurs.
type Term struct {
	Text string
	Lang language.Tag
	Freq int // occurrences in its article(s); 0 when unknown
}

// Part is one matched pair of pieces inside a compositional link.
type Part struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Route  Route  `json:"route"`           // RouteCognate, RouteDictionary, RouteGlossary, RouteTransliteration or RouteDerived
	Via    string `json:"via,omitempty"`   // the shared English gloss or concept id
	Whole  bool   `json:"whole,omitempty"` // the part is the whole of both terms
}

// Evidence is one route's support for a link.
type Evidence struct {
	Route  Route   `json:"route"`
	Score  float64 `json:"score"`
	Detail string  `json:"detail,omitempty"`
	Parts  []Part  `json:"parts,omitempty"`
}

// Link is a proposed equivalence between a source and a target term.
type Link struct {
	Source   Term
	Target   Term
	Score    float64    // the best route's score, raised a little when other routes agree
	Route    Route      // the route of the best evidence
	Evidence []Evidence // every route that supports the link, best first
	// Standard is set on a cognate link when the glossary or a dictionary
	// gives a different standard term in the target language: the cognate
	// is a literal rendering, not the standard term.
	Standard     string
	StandardFrom string // "glossary" or "dictionary"
	// FalseFriend is set when the folded characters agree but the
	// dictionaries give the two terms no common meaning.
	FalseFriend bool
}

// finish sorts the evidence and sets the link's score and route: the best
// route's score, plus 0.02 for each other route that agrees.
func (l *Link) finish() {
	sort.SliceStable(l.Evidence, func(i, j int) bool {
		if l.Evidence[i].Score != l.Evidence[j].Score {
			return l.Evidence[i].Score > l.Evidence[j].Score
		}
		return l.Evidence[i].Route < l.Evidence[j].Route
	})
	if len(l.Evidence) == 0 {
		return
	}
	l.Route = l.Evidence[0].Route
	s := l.Evidence[0].Score
	for _, e := range l.Evidence[1:] {
		if e.Score >= 0.5 {
			s += 0.02
		}
	}
	l.Score = math.Min(1, s)
}
