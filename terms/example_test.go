package terms_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/medterm/glossary/terms"
)

func Example() {
	dir, _ := os.MkdirTemp("", "glossary")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "cell.yaml"), []byte(`- id: mesenchymal-stem-cell
  category: cell
  status: approved
  terms:
    ja:
      - 間葉系幹細胞
    zh-Hans:
      - 间充质干细胞
      - {text: 间叶系干细胞, status: admitted, type: variant}
    zh-Hant:
      - 間質幹細胞
    en:
      - {text: mesenchymal stem cell, plural: mesenchymal stem cells}
      - {text: MSC, status: admitted, type: abbreviation, plural: MSCs}
`), 0o644)

	g, err := terms.Load(dir)
	if err != nil {
		log.Fatal(err)
	}
	c, _ := g.Concept("mesenchymal-stem-cell")
	for _, tag := range c.Languages() {
		t, _ := c.Preferred(tag)
		fmt.Printf("%-7s %s\n", tag, t.Text)
	}
	for _, t := range c.Terms[terms.English] {
		fmt.Printf("en: %s (%s, %s)\n", t.Text, t.Status, t.Type)
	}
	pos, _ := g.Position(c.ID)
	fmt.Println("line", pos.Line)
	// Output:
	// ja      間葉系幹細胞
	// zh-Hans 间充质干细胞
	// zh-Hant 間質幹細胞
	// en      mesenchymal stem cell
	// en: mesenchymal stem cell (preferred, full)
	// en: MSC (admitted, abbreviation)
	// line 1
}

func ExampleLoad_error() {
	dir, _ := os.MkdirTemp("", "glossary")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "drug.yaml"), []byte("- id: methotrexate\n  status: aproved\n"), 0o644)

	_, err := terms.Load(dir)
	if pe, ok := err.(*terms.ParseError); ok {
		fmt.Println(filepath.Base(pe.File), pe.Line, pe.Col)
		fmt.Println(pe.Err)
	}
	// Output:
	// drug.yaml 2 11
	// terms: bad concept status "aproved" (want candidate or approved)
}

func ExampleDefault() {
	g, err := terms.Default()
	if err != nil {
		log.Fatal(err)
	}
	c, ok := g.Concept("cell")
	if !ok {
		log.Fatal("no concept cell")
	}
	t, _ := c.Preferred(terms.SimplifiedChinese)
	fmt.Println(t.Text)
	// Output: 细胞
}

func ExampleParseTag() {
	for _, s := range []string{"zh-hant", "ja", "english"} {
		t, err := terms.ParseTag(s)
		fmt.Println(t, err)
	}
	// Output:
	// zh-Hant <nil>
	// ja <nil>
	// und terms: bad language tag "english": language: tag is not well-formed
}
