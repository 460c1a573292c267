//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly || android || ios

package terms

import (
	"errors"
	"os"
	"syscall"
)

// processGone reports whether no process has id pid on this machine.
// Signal 0 checks without sending: ESRCH means no such process; EPERM
// means one exists that we may not signal.
func processGone(pid int) bool {
	if pid <= 0 {
		return false
	}
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}

// breakLock takes the breakers' lock file path with flock(2), without
// waiting, and returns the function that removes and releases it. It fails
// when another breaker holds it, or when the file it locked is no longer
// the one at path (another breaker removed it meanwhile).
func breakLock(path string) (release func(), ok bool) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, false
	}
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		f.Close()
		return nil, false
	}
	held, err1 := f.Stat()
	now, err2 := os.Stat(path)
	if err1 != nil || err2 != nil || !os.SameFile(held, now) {
		f.Close()
		return nil, false
	}
	return func() {
		os.Remove(path) // while still locked
		f.Close()
	}, true
}
