package locales

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/medterm/glossary/terms"
	"golang.org/x/text/language"
)

// synthGlossary makes n concepts with terms in ja, zh-Hans, zh-Hant and en
// (en with a plural and an abbreviation; every 10th concept lacks zh-Hant).
func synthGlossary(b *testing.B, n int) *terms.Glossary {
	b.Helper()
	cs := make([]*terms.Concept, n)
	for i := range cs {
		c := &terms.Concept{
			ID:          fmt.Sprintf("concept-%06d", i),
			Category:    "cell",
			Status:      terms.Approved,
			Definitions: map[language.Tag]string{language.English: fmt.Sprintf("Synthetic definition number %d.", i)},
			Terms: map[language.Tag][]terms.Term{
				language.Japanese:           {{Text: fmt.Sprintf("間葉系幹細胞%d", i)}},
				language.SimplifiedChinese:  {{Text: fmt.Sprintf("间充质干细胞%d", i)}, {Text: "间叶系干细胞", Status: terms.Forbidden}},
				language.TraditionalChinese: {{Text: fmt.Sprintf("間質幹細胞%d", i)}},
				language.English: {
					{Text: fmt.Sprintf("stem cell %d", i), Plural: fmt.Sprintf("stem cells %d", i)},
					{Text: fmt.Sprintf("SC%d", i), Status: terms.Admitted, Type: terms.Abbreviation},
				},
			},
		}
		if i%10 == 0 {
			delete(c.Terms, language.TraditionalChinese)
		}
		cs[i] = c
	}
	g, err := terms.New(cs...)
	if err != nil {
		b.Fatal(err)
	}
	return g
}

// BenchmarkBundle100k builds and encodes the go-i18n files of 100,000
// concepts in 4 locales (active and translate files), per format.
func BenchmarkBundle100k(b *testing.B) {
	g := synthGlossary(b, 100_000)
	for _, f := range allFormats {
		b.Run(f.String(), func(b *testing.B) {
			b.ReportAllocs()
			var size int64
			for b.Loop() {
				c, err := Build(g, Options{})
				if err != nil {
					b.Fatal(err)
				}
				size = 0
				for _, file := range c.GoI18nFiles(f) {
					size += int64(len(file.Data))
				}
			}
			b.SetBytes(size)
		})
	}
}

func BenchmarkTBX100k(b *testing.B) {
	g := synthGlossary(b, 100_000)
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteTBX(&buf, g.Concepts()); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

func BenchmarkCSV100k(b *testing.B) {
	g := synthGlossary(b, 100_000)
	m, _ := NewMapping("glossary", CoreLanguages())
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteCSV(&buf, g.Concepts(), m, CSVOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
