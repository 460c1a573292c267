//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || android || ios)

package terms

// processGone reports whether no process has id pid. Without a reliable
// check here, every process is taken to exist: stale locks are never
// broken on this system, only named in the error.
func processGone(pid int) bool { return false }

// breakLock is unavailable on this system (no flock): stale locks are
// never removed.
func breakLock(path string) (release func(), ok bool) { return nil, false }
