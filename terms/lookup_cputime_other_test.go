//go:build !linux

package terms_test

import "time"

func cpuClock() func() time.Duration {
	start := time.Now()
	return func() time.Duration { return time.Since(start) }
}

var processStart = time.Now()

func processCPU() time.Duration { return time.Since(processStart) }
