package terms

import "testing"

// TestCheckControlCharacters: a term holding a control character (NUL,
// BEL, ESC ...) reaches the files through add --json or an import
// (JSON and TOML escapes allow them); check must report it.
func TestCheckControlCharacters(t *testing.T) {
	for _, text := range []string{`"ab\x00c"`, `"ab\x07c"`, `"ab\ec"`, `"ab\u0085c"`} {
		src := "- id: a\n  category: c\n  terms:\n    en:\n      - " + text + "\n"
		ds := checkSrc(t, src)
		found := false
		for _, d := range ds {
			if d.Rule == "padded-term" && d.Severity == Error && d.Line == 5 {
				found = true
			}
		}
		if !found {
			t.Errorf("check(%s) = %v; want an error for the control character at line 5", text, ds)
		}
	}
}
