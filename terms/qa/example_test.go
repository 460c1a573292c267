package qa_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
	"github.com/medterm/glossary/terms/qa"
)

func Example() {
	g, _ := terms.New(&terms.Concept{ID: "rheumatoid-arthritis", Status: terms.Approved, Terms: map[language.Tag][]terms.Term{
		language.Japanese: {{Text: "関節リウマチ"}},
		language.English:  {{Text: "rheumatoid arthritis"}, {Text: "RA", Status: terms.Admitted}, {Text: "rheumatism", Status: terms.Forbidden}},
	}})
	c, _ := qa.New(terms.NewIndex(g), language.Japanese, language.English)
	for i, seg := range [][2]string{
		{"関節リウマチの治療", "Treating RA"},
		{"関節リウマチの患者", "Patients with rheumatism"},
		{"関節リウマチの診断", "Diagnosing arthritis"},
	} {
		for _, f := range c.Check(i+1, seg[0], seg[1]) {
			fmt.Println(f.Segment, f.Kind, f.Concept.ID, f.Want)
		}
	}
	// Output:
	// 2 avoid rheumatoid-arthritis [rheumatoid arthritis RA]
	// 3 missing rheumatoid-arthritis [rheumatoid arthritis RA]
}
