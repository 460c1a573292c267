package terms

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLookupLoadsNoDictionary checks that the terms package (lookup and
// scan included) links neither tokenizer engine nor their dictionaries, so
// that `glossary lookup` starts fast.
func TestLookupLoadsNoDictionary(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, banned := range []string{"/tokenize/ja", "/tokenize/zh", "kagome", "go-ego/gse"} {
			if strings.Contains(dep, banned) {
				t.Errorf("terms depends on %s", dep)
			}
		}
	}
}
