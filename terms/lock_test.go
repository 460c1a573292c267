//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly || android || ios

package terms

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// deadPID returns the id of a process that has exited: this test binary,
// run again with no test.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatalf("running a child: %v", err)
	}
	pid := cmd.Process.Pid
	if !processGone(pid) {
		t.Skipf("pid %d was reused already", pid)
	}
	return pid
}

func TestParseLock(t *testing.T) {
	since := time.Date(2026, 11, 22, 4, 0, 0, 0, time.UTC)
	tests := []struct {
		content string
		pid     int
		host    string
		ok      bool
	}{
		{lockContent(1234, "lab-1", since), 1234, "lab-1", true},
		{"pid 1234 host lab-1 since 2026-11-22T04:00:00Z\n", 1234, "lab-1", true},
		{"pid 1234 since 2026-11-22T04:00:00Z\n", 0, "", false}, // the format before hosts
		{"", 0, "", false},
		{"pid 1234 host lab-1 since 2026-11-22T04:00:00Z", 0, "", false}, // half-written
		{"pid -3 host lab-1 since 2026-11-22T04:00:00Z\n", 0, "", false},
		{"pid 0 host lab-1 since 2026-11-22T04:00:00Z\n", 0, "", false},
		{"pid x host lab-1 since 2026-11-22T04:00:00Z\n", 0, "", false},
		{"pid 12 host  since 2026-11-22T04:00:00Z\n", 0, "", false},
		{"pid 12 host lab-1 since yesterday\n", 0, "", false},
		{"\x00\x00\x00\n", 0, "", false},
	}
	for _, tt := range tests {
		pid, host, at, ok := parseLock([]byte(tt.content))
		if ok != tt.ok || pid != tt.pid || host != tt.host || ok && !at.Equal(since) {
			t.Errorf("parseLock(%q) = %d, %q, %v, %t; want %d, %q, %t", tt.content, pid, host, at, ok, tt.pid, tt.host, tt.ok)
		}
	}
}

func TestProcessGone(t *testing.T) {
	if processGone(os.Getpid()) {
		t.Error("this process is gone")
	}
	if processGone(1) { // init: exists, and we may not signal it unless root (EPERM)
		t.Error("pid 1 is gone")
	}
	if processGone(0) || processGone(-1) {
		t.Error("pid 0 or -1 judged gone (kill(0) and kill(-1) signal groups)")
	}
	if pid := deadPID(t); !processGone(pid) {
		t.Errorf("exited child %d not gone", pid)
	}
}

// TestStaleLock: a lock left by a process of this host that no longer
// runs is removed and the save goes on; any other lock (live pid, another
// host, an older format, empty, garbage) is kept and named in the error.
func TestStaleLock(t *testing.T) {
	host := lockHost()
	if host == "" {
		t.Skip("no host name")
	}
	dead := deadPID(t)
	since := time.Now().Add(-time.Hour)
	tests := []struct {
		name  string
		lock  string
		broke bool
	}{
		{"dead pid, this host", lockContent(dead, host, since), true},
		{"own pid (live)", lockContent(os.Getpid(), host, since), false},
		{"live pid 1", lockContent(1, host, since), false},
		{"dead pid, another host", lockContent(dead, host+"-elsewhere", since), false},
		{"older format", fmt.Sprintf("pid %d since 2026-01-01T00:00:00Z\n", dead), false},
		{"empty", "", false},
		{"garbage", "\x00\xffnot a lock", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "anatomy.yaml", oldFile)
			lock := filepath.Join(dir, LockFile)
			write(t, dir, LockFile, tt.lock)
			g, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			g.Add(newConcept("synovium"))
			err = g.Save(dir)
			after, _ := os.ReadFile(filepath.Join(dir, "anatomy.yaml"))
			if !tt.broke {
				if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), lock) {
					t.Fatalf("Save = %v; want ErrLocked naming %s", err, lock)
				}
				if got, _ := os.ReadFile(lock); string(got) != tt.lock {
					t.Errorf("lock file now %q; want it kept", got)
				}
				if string(after) != oldFile || g.BrokenLock() != nil {
					t.Errorf("locked save changed the file or reports a broken lock %v", g.BrokenLock())
				}
				return
			}
			if err != nil {
				t.Fatalf("Save over a stale lock = %v", err)
			}
			b := g.BrokenLock()
			if b == nil || b.PID != dead || b.Host != host || b.Path != lock || !b.Since.Equal(since.Truncate(time.Second)) {
				t.Errorf("BrokenLock = %+v; want pid %d on %s", b, dead, host)
			}
			if !strings.Contains(string(after), "synovium") {
				t.Error("the save after breaking the lock did not write")
			}
			ents, _ := os.ReadDir(dir)
			for _, e := range ents {
				if strings.HasPrefix(e.Name(), ".") {
					t.Errorf("%s left in the directory", e.Name())
				}
			}
			// The next save finds no lock and reports none.
			g.Add(newConcept("cartilage"))
			if err := g.Save(dir); err != nil || g.BrokenLock() != nil {
				t.Errorf("next Save = %v, broken %v", err, g.BrokenLock())
			}
		})
	}
}

// TestStaleLockRace: writers that all find the same stale lock: exactly
// one removes it, exactly one saves, the others are refused.
func TestStaleLockRace(t *testing.T) {
	host := lockHost()
	if host == "" {
		t.Skip("no host name")
	}
	dir := t.TempDir()
	write(t, dir, "anatomy.yaml", oldFile)
	write(t, dir, LockFile, lockContent(deadPID(t), host, time.Now()))
	gs, errs := saveConcurrently(t, dir, 8)
	saved, broke := 0, 0
	for i, err := range errs {
		switch {
		case err == nil:
			saved++
		case !errors.Is(err, ErrConflict) && !errors.Is(err, ErrLocked):
			t.Errorf("writer %d: %v; want ErrConflict or ErrLocked", i, err)
		}
		if gs[i].BrokenLock() != nil {
			broke++
		}
	}
	if saved != 1 || broke != 1 {
		t.Errorf("%d saves, %d broken locks; want 1 and 1 (errors %v)", saved, broke, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, LockFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file left: %v", err)
	}
}
