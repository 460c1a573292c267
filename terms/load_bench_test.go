package terms_test

import (
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"testing"

	"github.com/medterm/glossary/internal/synth"
	"github.com/medterm/glossary/terms"
)

// TestWriteSynth saves a synthetic glossary for measuring the CLI (peak
// RSS of `glossary lookup --glossary DIR X`, see docs/lookup.md):
//
//	GLOSSARY_SYNTH_DIR=/tmp/g100k GLOSSARY_SYNTH_N=100000 go test -run WriteSynth ./terms/
//
// Without GLOSSARY_SYNTH_DIR it is skipped.
func TestWriteSynth(t *testing.T) {
	dir := os.Getenv("GLOSSARY_SYNTH_DIR")
	if dir == "" {
		t.Skip("GLOSSARY_SYNTH_DIR not set")
	}
	n, err := strconv.Atoi(os.Getenv("GLOSSARY_SYNTH_N"))
	if err != nil {
		n = 100_000
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := synth.Glossary(n, 1).Save(dir); err != nil {
		t.Fatal(err)
	}
	g, err := terms.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != n {
		t.Fatalf("saved %d concepts, loaded %d", n, g.Len())
	}
}

// TestLiveHeapProfile writes a heap profile taken while a loaded glossary
// and its index are alive, to see what the live heap is made of:
//
//	GLOSSARY_SYNTH_DIR=/tmp/g100k GLOSSARY_HEAP_PROFILE=/tmp/live.out go test -run LiveHeap ./terms/
//	go tool pprof -sample_index=inuse_space -top /tmp/live.out
func TestLiveHeapProfile(t *testing.T) {
	dir, out := os.Getenv("GLOSSARY_SYNTH_DIR"), os.Getenv("GLOSSARY_HEAP_PROFILE")
	if dir == "" || out == "" {
		t.Skip("GLOSSARY_SYNTH_DIR or GLOSSARY_HEAP_PROFILE not set")
	}
	runtime.MemProfileRate = 4096
	g, err := terms.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	x := terms.NewIndex(g)
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	t.Logf("live heap after Load + NewIndex: %.1f MB (%d concepts)", float64(m.HeapAlloc)/(1<<20), g.Len())
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		t.Fatal(err)
	}
	runtime.KeepAlive(x)
}
