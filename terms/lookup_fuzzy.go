package terms

import (
	"sync"
	"unicode/utf8"
)

// fuzzyIndex finds the folded keys within a few edits of a query. It is a
// character-bigram inverted index over the distinct kana-rung keys: a key
// within k edits of a query of n characters shares at least n-1-2k of the
// query's bigrams (each edit destroys at most two), so only the keys that
// reach that count, and whose length is within k, are compared with the
// query by edit distance.
type fuzzyIndex struct {
	keys  []string  // distinct folded keys
	lens  []uint8   // their length in characters (capped at 255)
	ents  [][]int32 // entries of each key
	grams map[uint64][]int32
	pool  sync.Pool // *fuzzyScratch
}

type fuzzyScratch struct {
	count []uint16
	stamp []uint32
	gen   uint32
	cands []int32
	a, b  []rune
	rows  [3][]int
}

func bigram(a, b rune) uint64 { return uint64(a)<<32 | uint64(uint32(b)) }

func (x *Index) buildFuzzy() {
	f := &fuzzyIndex{grams: map[uint64][]int32{}}
	ids := map[string]int32{}
	addKey := func(k string, e int) {
		if k == "" {
			return
		}
		id, ok := ids[k]
		if !ok {
			id = int32(len(f.keys))
			ids[k] = id
			f.keys = append(f.keys, k)
			f.lens = append(f.lens, uint8(min(utf8.RuneCountInString(k), 255)))
			f.ents = append(f.ents, nil)
			var prev rune = -1
			seen := map[uint64]bool{}
			for _, r := range k {
				if prev >= 0 {
					g := bigram(prev, r)
					if !seen[g] {
						seen[g] = true
						f.grams[g] = append(f.grams[g], id)
					}
				}
				prev = r
			}
		}
		if es := f.ents[id]; len(es) == 0 || es[len(es)-1] != int32(e) {
			f.ents[id] = append(es, int32(e))
		}
	}
	for i := range x.entries {
		addKey(x.entries[i].key, i)
		addKey(x.entries[i].rkey, i)
	}
	f.pool.New = func() any {
		return &fuzzyScratch{count: make([]uint16, len(f.keys)), stamp: make([]uint32, len(f.keys))}
	}
	x.fuzzy = f
}

// maxEdits is the default tolerance for a folded query of n characters.
func maxEdits(n int) int {
	switch {
	case n < 4:
		return 0
	case n <= 7:
		return 1
	case n <= 13:
		return 2
	}
	return 3
}

// lookupFuzzy adds the entries whose folded key is within the tolerance of
// the folded query k, scored by edit distance relative to length.
func (x *Index) lookupFuzzy(k string, col *collector) {
	x.fuzzyOnce.Do(x.buildFuzzy)
	f := x.fuzzy
	s := f.pool.Get().(*fuzzyScratch)
	defer f.pool.Put(s)
	s.a = append(s.a[:0], []rune(k)...)
	n := len(s.a)
	tol := col.cfg.tolerance
	if tol < 0 {
		tol = maxEdits(n)
	}
	if tol <= 0 || n < 2 {
		return
	}
	s.gen++
	if s.gen == 0 { // wrapped: clear the stamps
		clear(s.stamp)
		s.gen = 1
	}
	s.cands = s.cands[:0]
	var grams [64]uint64
	ng := 0
	for i := 0; i+1 < n && ng < len(grams); i++ {
		g := bigram(s.a[i], s.a[i+1])
		dup := false
		for _, x := range grams[:ng] {
			if x == g {
				dup = true
				break
			}
		}
		if !dup {
			grams[ng] = g
			ng++
		}
	}
	need := max(ng-2*tol, 1)
	for _, g := range grams[:ng] {
		for _, id := range f.grams[g] {
			l := int(f.lens[id])
			if l < n-tol || l > n+tol {
				continue
			}
			if s.stamp[id] != s.gen {
				s.stamp[id] = s.gen
				s.count[id] = 0
			}
			s.count[id]++
			if int(s.count[id]) == need {
				s.cands = append(s.cands, id)
			}
		}
	}
	for _, id := range s.cands {
		key := f.keys[id]
		if key == k {
			continue // found by the folded rungs
		}
		s.b = s.b[:0]
		for _, r := range key {
			s.b = append(s.b, r)
		}
		d := osa(s.a, s.b, tol, &s.rows)
		if d > tol {
			continue
		}
		score := 0.7 * (1 - float64(d)/float64(max(len(s.a), len(s.b))))
		for _, e := range f.ents[id] {
			col.add(int(e), Fuzzy, score)
		}
	}
}

// osa returns the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions and transpositions of adjacent
// characters each cost 1), or a value above max as soon as it must exceed
// max.
func osa(a, b []rune, maxd int, rows *[3][]int) int {
	if d := len(a) - len(b); d > maxd || -d > maxd {
		return maxd + 1
	}
	for i := range rows {
		if cap(rows[i]) < len(b)+1 {
			rows[i] = make([]int, len(b)+1)
		}
		rows[i] = rows[i][:len(b)+1]
	}
	prev2, prev, cur := rows[0], rows[1], rows[2]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > maxd {
			return maxd + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
