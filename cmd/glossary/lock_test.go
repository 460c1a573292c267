//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly || android || ios

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestStaleLockCLI: an edit over a lock left by a crashed glossary command
// of this host goes on and says so on stderr; a lock held by a running
// process still refuses the edit, naming the file.
func TestStaleLockCLI(t *testing.T) {
	host, err := os.Hostname()
	if err != nil || host == "" || strings.ContainsAny(host, " \t\n") {
		t.Skip("no usable host name")
	}
	child := exec.Command(os.Args[0], "-test.run=^$")
	if err := child.Run(); err != nil {
		t.Fatal(err)
	}
	dead := child.Process.Pid
	if syscall.Kill(dead, 0) != syscall.ESRCH {
		t.Skipf("pid %d reused", dead)
	}
	lockOf := func(pid int) string {
		return fmt.Sprintf("pid %d host %s since 2026-11-22T04:00:00Z\n", pid, host)
	}
	tests := []struct {
		name   string
		lock   string
		code   int
		stderr string
		saved  bool
	}{
		{"dead writer", lockOf(dead), 0, fmt.Sprintf("glossary: removed the stale lock file %%s (pid %d on %s since 2026-11-22T04:00:00Z, no longer running)\n", dead, host), true},
		{"live writer", lockOf(os.Getpid()), 1, "locked by another writer (%s: pid", false},
		{"old format", "pid 42 since 2026-01-01T00:00:00Z\n", 1, "locked by another writer (%s: pid 42", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := glossaryFixture(t, map[string]string{"anatomy.yaml": cliConcept, ".glossary.lock": tt.lock})
			lock := filepath.Join(dir, ".glossary.lock")
			code, _, stderr := runGlossaryCLI(t, "", "set-status", "--glossary", dir, "joint", "candidate")
			if want := fmt.Sprintf(tt.stderr, lock); code != tt.code || !strings.Contains(stderr, want) {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, stderr, tt.code, want)
			}
			got, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml"))
			if saved := string(got) != cliConcept; saved != tt.saved {
				t.Errorf("saved %t; want %t", saved, tt.saved)
			}
			_, err := os.Stat(lock)
			if kept := err == nil; kept == tt.saved {
				t.Errorf("lock file kept %t after exit %d", kept, code)
			}
		})
	}
}
