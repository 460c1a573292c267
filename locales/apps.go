package locales

import (
	"bytes"
	"fmt"
)

// I18nextFiles returns one i18next JSON v4 resource file per language,
// "<tag>/translation.json" (the default namespace, as i18next-http-backend
// loads /locales/{{lng}}/{{ns}}.json). Keys are flat message ids. A message
// with a "one" form gets the v4 plural keys "<id>_one" and "<id>_other" and
// also "<id>" (the singular) for lookups without a count; abbreviation
// messages "<id>_abbr" read as the context "abbr" of the concept's key.
// i18next splits keys on "." and ":", so ids containing them are an error.
// Missing translations are simply absent (i18next falls back to the
// fallbackLng).
func (c *Catalog) I18nextFiles() ([]File, error) {
	var files []File
	for _, lang := range c.Langs {
		var b bytes.Buffer
		b.WriteString("{")
		n := 0
		put := func(k, v string) {
			if n > 0 {
				b.WriteByte(',')
			}
			n++
			b.WriteString("\n  ")
			writeJSONString(&b, k)
			b.WriteString(": ")
			writeJSONString(&b, v)
		}
		for _, m := range c.Active[lang] {
			if hasSeparator(m.ID) {
				return nil, fmt.Errorf("locales: message id %q contains a key separator (. or :) that i18next would split", m.ID)
			}
			if m.One != "" {
				put(m.ID, m.One)
				put(m.ID+"_one", m.One)
				put(m.ID+"_other", m.Other)
				continue
			}
			put(m.ID, m.Other)
		}
		if n > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("}\n")
		files = append(files, File{lang.String() + "/translation.json", b.Bytes()})
	}
	return files, nil
}

// GotextFiles returns one golang.org/x/text catalog file per language in the
// shape gotext reads and writes ("<tag>/messages.gotext.json": language, then
// messages with id, message, translation). The message id is the key an app
// passes to message.Printer; "message" holds the source-language text and
// "translation" the language's term (the singular: x/text selects plurals
// only on a numeric argument, which a bare term has not). Missing
// translations are listed with an empty translation and "fuzzy": true, the
// way gotext marks work left for translators.
func (c *Catalog) GotextFiles() []File {
	src := make(map[string]Message, len(c.Active[c.Source]))
	for _, m := range c.Active[c.Source] {
		src[m.ID] = m
	}
	var files []File
	for _, lang := range c.Langs {
		var b bytes.Buffer
		b.WriteString("{\n    \"language\": ")
		writeJSONString(&b, lang.String())
		b.WriteString(",\n    \"messages\": [")
		active, missing := c.Active[lang], c.Missing[lang]
		n := 0
		for len(active) > 0 || len(missing) > 0 {
			var m Message
			fuzzy := false
			if len(missing) == 0 || len(active) > 0 && active[0].ID < missing[0].ID {
				m, active = active[0], active[1:]
			} else {
				m, missing, fuzzy = missing[0], missing[1:], true
			}
			if n > 0 {
				b.WriteByte(',')
			}
			n++
			srcText := singular(src[m.ID])
			if fuzzy {
				srcText = singular(m)
			}
			b.WriteString("\n        {\n            \"id\": ")
			writeJSONString(&b, m.ID)
			b.WriteString(",\n            \"message\": ")
			writeJSONString(&b, srcText)
			b.WriteString(",\n            \"translation\": ")
			if fuzzy {
				b.WriteString(`""`)
			} else {
				writeJSONString(&b, singular(m))
			}
			if m.Description != "" {
				b.WriteString(",\n            \"comment\": ")
				writeJSONString(&b, m.Description)
			}
			if fuzzy {
				b.WriteString(",\n            \"fuzzy\": true")
			}
			b.WriteString("\n        }")
		}
		if n > 0 {
			b.WriteString("\n    ")
		}
		b.WriteString("]\n}\n")
		files = append(files, File{lang.String() + "/messages.gotext.json", b.Bytes()})
	}
	return files
}

func singular(m Message) string {
	if m.One != "" {
		return m.One
	}
	return m.Other
}
