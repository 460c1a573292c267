package terms

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// StaleLock describes a lock file left by a writer that no longer runs,
// which [Glossary.Save] removed before writing.
type StaleLock struct {
	Path  string    // the lock file
	PID   int       // its writer's process id
	Host  string    // its writer's host name (this host)
	Since time.Time // when the writer took it
}

func (l *StaleLock) String() string {
	return fmt.Sprintf("%s (pid %d on %s since %s, no longer running)", l.Path, l.PID, l.Host, l.Since.Format(time.RFC3339))
}

// BrokenLock returns the stale lock file the last [Glossary.Save] or
// [Glossary.Format] removed (a writer on this host had crashed holding
// it), or nil. The lock is reported even when that save then failed.
func (g *Glossary) BrokenLock() *StaleLock { return g.broken }

// lockContent is what a writer puts in the lock file.
func lockContent(pid int, host string, since time.Time) string {
	return fmt.Sprintf("pid %d host %s since %s\n", pid, host, since.UTC().Format(time.RFC3339))
}

// parseLock reads lock file content written by lockContent. Anything else
// (an older format without the host, an empty or half-written file) is not
// ok: such a lock is never broken.
func parseLock(b []byte) (pid int, host string, since time.Time, ok bool) {
	s, found := strings.CutSuffix(string(b), "\n")
	f := strings.Split(s, " ")
	if !found || len(f) != 6 || f[0] != "pid" || f[2] != "host" || f[4] != "since" || f[3] == "" {
		return 0, "", time.Time{}, false
	}
	pid, err := strconv.Atoi(f[1])
	if err != nil || pid <= 0 {
		return 0, "", time.Time{}, false
	}
	since, err = time.Parse(time.RFC3339, f[5])
	if err != nil {
		return 0, "", time.Time{}, false
	}
	return pid, f[3], since, true
}

// lockHost is this machine's name for the lock file ("" when unknown: then
// no lock is ever judged stale). Spaces, which would break the format, are
// replaced.
func lockHost() string {
	h, err := os.Hostname()
	if err != nil {
		return ""
	}
	return strings.Map(func(r rune) rune {
		if r <= ' ' {
			return '_'
		}
		return r
	}, h)
}

// staleLock reports whether lock file content b names a writer on this
// host whose process no longer exists.
func staleLock(path string, b []byte) (*StaleLock, bool) {
	pid, host, since, ok := parseLock(b)
	if !ok || host == "" || host != lockHost() || pid == os.Getpid() || !processGone(pid) {
		return nil, false
	}
	return &StaleLock{Path: path, PID: pid, Host: host, Since: since}, true
}

// lockDir creates dir's lock file exclusively and returns the function
// that removes it. A stale lock (staleLock) is removed first, once, and
// returned.
func lockDir(dir string) (unlock func(), broken *StaleLock, err error) {
	p := filepath.Join(dir, LockFile)
	host := lockHost()
	for attempt := 0; ; attempt++ {
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, werr := f.WriteString(lockContent(os.Getpid(), host, time.Now()))
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				os.Remove(p)
				return nil, broken, fmt.Errorf("terms: writing %s: %w", p, werr)
			}
			return func() { os.Remove(p) }, broken, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, broken, fmt.Errorf("terms: %w", err)
		}
		who, _ := os.ReadFile(p)
		if attempt == 0 {
			if st, ok := staleLock(p, who); ok {
				if removeStale(p, who) {
					broken = st
				}
				continue // one more try: another breaker may have won
			}
		}
		holder := strings.TrimSpace(string(who))
		if holder == "" {
			holder = "just taken by another process" // created, not yet written
		}
		return nil, broken, fmt.Errorf("%w (%s: %s); if no other glossary command is running, delete that file",
			ErrLocked, p, holder)
	}
}

// removeStale removes the lock file p if it still holds exactly stale, and
// reports whether it did. Breakers take turns through a second lock,
// p+".break", held with flock(2), which the system releases if the breaker
// dies: while one holds it, the lock file can change only by its removal
// here (its writer is gone, and a new writer can create it only once it is
// removed), so two breakers cannot both remove it, nor remove a new lock
// taken by a live writer. Where flock is not available, nothing is
// removed.
func removeStale(p string, stale []byte) bool {
	release, ok := breakLock(p + ".break")
	if !ok {
		return false
	}
	defer release()
	cur, err := os.ReadFile(p)
	if err != nil || !bytes.Equal(cur, stale) {
		return false
	}
	return os.Remove(p) == nil
}
