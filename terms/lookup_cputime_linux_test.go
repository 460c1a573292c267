package terms_test

import (
	"runtime"
	"syscall"
	"time"
	"unsafe"
)

// cpuClock returns the CPU time of the calling thread (the caller locks
// itself to its thread), so that latency percentiles measured on a busy
// shared machine count the work, not the waits for a core.
func cpuClock() func() time.Duration {
	runtime.LockOSThread()
	return func() time.Duration {
		var ts syscall.Timespec
		const clockThreadCPUTimeID = 3
		syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTimeID, uintptr(unsafe.Pointer(&ts)), 0)
		return time.Duration(ts.Nano())
	}
}

// processCPU returns the CPU time of the whole process (all threads, GC
// included).
func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
