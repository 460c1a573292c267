package locales

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// FuzzEncodeMessages checks that any text written to a go-i18n file in any
// format is read back by go-i18n's own parser unchanged.
func FuzzEncodeMessages(f *testing.F) {
	for _, s := range []string{"間葉系幹細胞", `"quoted" \ back`, "line\nbreak\ttab\r", "\u2028\u0085\ufeff", "'''", "key = \"x\"", "- item", "{{.Name}}", "\x00\x7f"} {
		f.Add("concept-id", s)
	}
	f.Add("term.das28", "DAS28")
	f.Add("a b", "x")
	f.Fuzz(func(t *testing.T, id, text string) {
		if id == "" || IsReserved(id) || !utf8.ValidString(id) || !utf8.ValidString(text) || strings.ContainsAny(id, ".") && strings.HasPrefix(id, ".") {
			return
		}
		ms := []Message{{ID: id, Description: text, Hash: "sha1-0", Other: text, One: text}}
		for _, f := range allFormats {
			data := EncodeMessages(ms, f, true)
			mf, err := i18n.ParseMessageFileBytes(data, "active.ja."+f.String(), unmarshalers)
			if err != nil {
				t.Fatalf("%s: go-i18n cannot parse %q: %v", f, data, err)
			}
			if len(mf.Messages) != 1 {
				// go-i18n splits ids on "." into nested keys only for nested maps;
				// a flat key is one message.
				t.Fatalf("%s: %d messages from %q", f, len(mf.Messages), data)
			}
			m := mf.Messages[0]
			if m.ID != id || m.Other != text || m.One != text || m.Description != text {
				t.Fatalf("%s: read back %q/%q/%q; want %q/%q\n%s", f, m.ID, m.Other, m.Description, id, text, data)
			}
		}
	})
}
