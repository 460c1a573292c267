package tokenize

// SetChunkSizes sets the chunk sizes of Analyzer.Chunks and EachRun for a
// test and returns a function restoring them.
func SetChunkSizes(lo, hi int) (restore func()) {
	oldLo, oldHi := chunkMin, chunkMax
	chunkMin, chunkMax = lo, hi
	return func() { chunkMin, chunkMax = oldLo, oldHi }
}
