package locales

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medterm/glossary/terms"
	"golang.org/x/text/language"
)

func fixtureTBX(t testing.TB) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteTBX(&b, fixture(t).Concepts()); err != nil {
		t.Fatalf("WriteTBX: %v", err)
	}
	return b.Bytes()
}

func TestTBXGolden(t *testing.T) {
	golden(t, "glossary.tbx", fixtureTBX(t))
}

func TestTBXRoundTrip(t *testing.T) {
	want := fixture(t).Concepts()
	got, err := ReadTBX(bytes.NewReader(fixtureTBX(t)), "fixture.tbx")
	if err != nil {
		t.Fatal(err)
	}
	sameConcepts(t, want, got)

	// Fields TBX-Basic has no data category for, and notes that look like them.
	tricky := []*terms.Concept{{
		ID: "x-1", Status: terms.Approved,
		Definitions: map[language.Tag]string{language.Korean: "정의 <&> \"q\"\nline two"},
		Notes:       map[language.Tag]string{language.Korean: "plural: not a plural", language.English: "status: not a status"},
		External:    map[string]string{"mesh": "D000001", "umls": "C0000001"},
		Terms: map[language.Tag][]terms.Term{language.English: {
			{Text: "a\tb", Note: "note: starts like an escape", Plural: "as\tbs"},
			{Text: "old", Status: terms.Deprecated, Type: terms.Variant, Note: "external: x y"},
			{Text: "bad", Status: terms.Forbidden, Type: terms.Abbreviation},
		}},
	}}
	var b bytes.Buffer
	if err := WriteTBX(&b, tricky); err != nil {
		t.Fatal(err)
	}
	got, err = ReadTBX(&b, "tricky.tbx")
	if err != nil {
		t.Fatal(err)
	}
	sameConcepts(t, tricky, got)
}

func TestTBXIDs(t *testing.T) {
	for _, id := range []string{"mesenchymal-stem-cell", "a", "5-asa", "_x", "a.b", "a b", "über", "-x", "_5.2E"} {
		enc := tbxID(id)
		if !isNCName(enc) {
			t.Errorf("tbxID(%q) = %q is not an NCName", id, enc)
		}
		if dec := parseTBXID(enc); dec != id {
			t.Errorf("parseTBXID(tbxID(%q)) = %q", id, dec)
		}
	}
}

// TestTBXSchema validates the export against the TBX core structure
// RELAX NG schema with xmllint.
func TestTBXSchema(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not on PATH (Debian: apt-get install libxml2-utils); the Go structural check still runs")
	}
	dir := t.TempDir()
	docs := map[string][]byte{"fixture.tbx": fixtureTBX(t), "empty.tbx": nil}
	var b bytes.Buffer
	if err := WriteTBX(&b, nil); err != nil {
		t.Fatal(err)
	}
	docs["empty.tbx"] = b.Bytes()
	for name, data := range docs {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(xmllint, "--noout", "--relaxng", "testdata/tbx/TBXcoreStructV03.rng", p).CombinedOutput()
		if err != nil {
			t.Errorf("xmllint --relaxng %s: %v\n%s", name, err, out)
		}
	}
	// The validator must be able to fail: a langSec without termSec is invalid.
	bad := bytes.Replace(fixtureTBX(t), []byte("<termSec>"), []byte("<termSecX>"), 1)
	p := filepath.Join(dir, "bad.tbx")
	os.WriteFile(p, bad, 0o644)
	if err := exec.Command(xmllint, "--noout", "--relaxng", "testdata/tbx/TBXcoreStructV03.rng", p).Run(); err == nil {
		t.Error("xmllint accepted an invalid document")
	}
}

func TestTBXBasicRules(t *testing.T) {
	if err := tbxBasicCheck(fixtureTBX(t)); err != nil {
		t.Error(err)
	}
	bad := bytes.Replace(fixtureTBX(t), []byte("preferredTerm-admn-sts"), []byte("forbiddenTerm-admn-sts"), 1)
	if err := tbxBasicCheck(bad); err == nil {
		t.Error("tbxBasicCheck accepted an administrativeStatus outside TBX-Basic")
	}
}

// node is a parsed XML element for the structural check.
type node struct {
	name  string
	attrs map[string]string
	kids  []*node
	text  string
}

func parseTree(data []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []*node
	var root *node
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if tk.Name.Space != tbxNS {
				return nil, fmt.Errorf("element %s outside the TBX namespace (DCT style is not allowed)", tk.Name.Local)
			}
			n := &node{name: tk.Name.Local, attrs: map[string]string{}}
			for _, a := range tk.Attr {
				k := a.Name.Local
				if a.Name.Space == "http://www.w3.org/XML/1998/namespace" {
					k = "xml:" + k
				}
				n.attrs[k] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(tk)
			}
		}
	}
	return root, nil
}

// tbxBasicCheck checks, in Go, the structure of the core schema and the
// TBX-Basic DCA rules (TBX-Basic_DCA.sch) this package's export relies on.
func tbxBasicCheck(data []byte) error {
	root, err := parseTree(data)
	if err != nil {
		return err
	}
	if root.name != "tbx" || root.attrs["type"] != "TBX-Basic" || root.attrs["style"] != "dca" || root.attrs["xml:lang"] == "" {
		return fmt.Errorf("root %s type=%q style=%q: want tbx, TBX-Basic, dca, xml:lang", root.name, root.attrs["type"], root.attrs["style"])
	}
	if len(root.kids) != 2 || root.kids[0].name != "tbxHeader" || root.kids[1].name != "text" {
		return errors.New("tbx must hold tbxHeader then text")
	}
	ids := map[string]bool{}
	allowedStatus := map[string]bool{"preferredTerm-admn-sts": true, "admittedTerm-admn-sts": true, "deprecatedTerm-admn-sts": true, "supersededTerm-admn-sts": true}
	allowedType := map[string]bool{"fullForm": true, "acronym": true, "abbreviation": true, "shortForm": true, "variant": true, "phrase": true}
	checkLang := func(s string) error {
		if strings.Contains(s, "_") {
			return fmt.Errorf("xml:lang %q uses an underscore", s)
		}
		if _, err := language.Parse(s); err != nil {
			return fmt.Errorf("xml:lang %q: %v", s, err)
		}
		return nil
	}
	for _, body := range root.kids[1].kids {
		if body.name != "body" || len(body.kids) == 0 {
			return errors.New("text must hold a non-empty body")
		}
		for _, ce := range body.kids {
			id := ce.attrs["id"]
			if ce.name != "conceptEntry" || !isNCName(id) || ids[id] {
				return fmt.Errorf("conceptEntry id %q: missing, not an NCName or duplicate", id)
			}
			ids[id] = true
			nLang := 0
			for _, k := range ce.kids {
				switch k.name {
				case "langSec":
					nLang++
					if err := checkLang(k.attrs["xml:lang"]); err != nil {
						return err
					}
					nTerm := 0
					for _, ls := range k.kids {
						switch ls.name {
						case "termSec":
							nTerm++
							if len(ls.kids) == 0 || ls.kids[0].name != "term" || ls.kids[0].text == "" {
								return fmt.Errorf("%s: termSec must start with a non-empty term", id)
							}
							afterNotes := false
							for _, ts := range ls.kids[1:] {
								switch ts.name {
								case "termNote":
									if afterNotes {
										return fmt.Errorf("%s: termNote after auxiliary info", id)
									}
									switch ts.attrs["type"] {
									case "administrativeStatus":
										if !allowedStatus[ts.text] {
											return fmt.Errorf("%s: administrativeStatus %q not in TBX-Basic", id, ts.text)
										}
									case "termType":
										if !allowedType[ts.text] {
											return fmt.Errorf("%s: termType %q not in TBX-Basic", id, ts.text)
										}
									default:
										return fmt.Errorf("%s: termNote type %q", id, ts.attrs["type"])
									}
								case "note":
									afterNotes = true
								default:
									return fmt.Errorf("%s: unexpected %s in termSec", id, ts.name)
								}
							}
						case "descrip":
							if ls.attrs["type"] != "definition" {
								return fmt.Errorf("%s: descrip %q at langSec level", id, ls.attrs["type"])
							}
						case "note":
						default:
							return fmt.Errorf("%s: unexpected %s in langSec", id, ls.name)
						}
					}
					if nTerm == 0 {
						return fmt.Errorf("%s: langSec without termSec", id)
					}
				case "descrip":
					if t := k.attrs["type"]; t != "subjectField" && t != "definition" {
						return fmt.Errorf("%s: descrip %q at concept level", id, t)
					}
					if k.attrs["type"] == "definition" {
						if err := checkLang(k.attrs["xml:lang"]); err != nil {
							return err
						}
					}
				case "admin":
					if k.attrs["type"] != "source" {
						return fmt.Errorf("%s: admin %q", id, k.attrs["type"])
					}
				case "note":
				default:
					return fmt.Errorf("%s: unexpected %s in conceptEntry", id, k.name)
				}
				if nLang > 0 && k.name != "langSec" {
					return fmt.Errorf("%s: %s after a langSec", id, k.name)
				}
			}
			if nLang == 0 {
				return fmt.Errorf("%s: conceptEntry without langSec", id)
			}
		}
	}
	return nil
}

func TestReadForeignTBX(t *testing.T) {
	f, err := os.Open("testdata/tbx/foreign.tbx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cs, err := ReadTBX(f, "foreign.tbx")
	if err != nil {
		t.Fatal(err)
	}
	want := []*terms.Concept{{
		ID: "c1", Category: "Immunology", Status: terms.Candidate,
		Definitions: map[language.Tag]string{language.English: "Protein made by B cells that binds an antigen."},
		Notes:       map[language.Tag]string{language.English: "G-Source: hand-written\nfirst note\nsecond note"},
		Terms: map[language.Tag][]terms.Term{
			language.English:            {{Text: "antibody"}, {Text: "Ab", Status: terms.Admitted, Type: terms.Abbreviation}},
			language.TraditionalChinese: {{Text: "抗體"}},
		},
	}}
	sameConcepts(t, want, cs)
}

func TestReadTBXErrors(t *testing.T) {
	ok := string(fixtureTBX(t))
	tests := []struct{ name, doc, want string }{
		{"syntax", "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\"><text>", "bad.tbx:1"},
		{"namespace", "<tbx><text/></tbx>", "namespace"},
		{"status", strings.Replace(ok, "admittedTerm-admn-sts", "oddTerm-admn-sts", 1), "administrativeStatus"},
		{"lang", strings.Replace(ok, `xml:lang="ja"`, `xml:lang="not a tag"`, 1), "xml:lang"},
		{"duplicate", strings.Replace(ok, `id="rheumatoid-arthritis"`, `id="mesenchymal-stem-cell"`, 1), "duplicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadTBX(strings.NewReader(tt.doc), "bad.tbx")
			var te *TBXError
			if err == nil || !errors.As(err, &te) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ReadTBX = %v; want a *TBXError mentioning %q", err, tt.want)
			}
		})
	}
}

func TestWriteTBXNoTerms(t *testing.T) {
	err := WriteTBX(io.Discard, []*terms.Concept{{ID: "empty"}})
	if err == nil {
		t.Error("WriteTBX of a concept without terms succeeded")
	}
}

func FuzzReadTBX(f *testing.F) {
	f.Add(string(fixtureTBX(f)))
	f.Add(`<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="_a.2"><langSec xml:lang="zh-Hant"><termSec><term>間質</term></termSec></langSec></conceptEntry></body></text></tbx>`)
	f.Fuzz(func(t *testing.T, doc string) {
		cs, err := ReadTBX(strings.NewReader(doc), "fuzz.tbx")
		if err != nil {
			return
		}
		// Whatever was read writes out and reads back the same.
		var b bytes.Buffer
		for _, c := range cs {
			if len(c.Terms) == 0 {
				return
			}
			for lang, ts := range c.Terms {
				for _, tm := range ts {
					if !validXMLText(tm.Text) || !validXMLText(tm.Note) || lang == language.Und {
						return
					}
				}
			}
		}
		if err := WriteTBX(&b, cs); err != nil {
			return
		}
		if _, err := ReadTBX(&b, "again.tbx"); err != nil {
			t.Fatalf("re-reading written TBX: %v", err)
		}
	})
}

func validXMLText(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' && r != '\r' })
}
