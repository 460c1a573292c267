package terms

import (
	"slices"
	"sync"
	"unicode/utf8"
)

// fuzzyIndex finds the folded keys within a few edits of a query. It is an
// inverted index of character trigrams (of the key padded with two start
// and two end marks) over the distinct kana-rung keys. An edit changes at
// most three trigrams (four for a transposition), so a key within k edits
// of the query keeps one of any 4k+1 of the query's trigrams and shares at
// least (trigrams − 4k) of them. So the lists of the query's rarest
// trigrams are scanned (4k+1 at least, m in all), and only the keys of
// about the query's length found in m − 4k of them are compared with the
// query by edit distance.
type fuzzyIndex struct {
	keys  []string  // distinct folded keys
	lens  []uint8   // their length in characters (capped at 255)
	ents  [][]int32 // entries of each key
	grams map[uint64][]int32
	pool  sync.Pool // *fuzzyScratch
}

// fuzzyScanBudget is the number of posting-list entries a fuzzy lookup
// scans without hesitation to tighten its count filter.
const fuzzyScanBudget = 4096

type fuzzyScratch struct {
	count []uint8
	stamp []uint32
	gen   uint32
	cands []int32
	grams []uint64
	spans [][]int32
	a, b  []rune
	peq   peq
	rows  [3][]int
}

// Padding marks around a key for its trigrams.
const (
	padStart rune = 0x1FFFFE
	padEnd   rune = 0x1FFFFF
)

func trigram(a, b, c rune) uint64 {
	return uint64(a&0x1FFFFF)<<42 | uint64(b&0x1FFFFF)<<21 | uint64(c&0x1FFFFF)
}

// trigrams calls f for each trigram of the padded rs.
func trigrams(rs []rune, f func(uint64)) {
	p := func(i int) rune {
		switch {
		case i < 2:
			return padStart
		case i-2 >= len(rs):
			return padEnd
		}
		return rs[i-2]
	}
	for i := 0; i < len(rs)+2; i++ {
		f(trigram(p(i), p(i+1), p(i+2)))
	}
}

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
			seen := map[uint64]bool{}
			trigrams([]rune(k), func(g uint64) {
				if !seen[g] {
					seen[g] = true
					f.grams[g] = append(f.grams[g], id)
				}
			})
		}
		if es := f.ents[id]; len(es) == 0 || es[len(es)-1] != int32(e) {
			f.ents[id] = append(es, int32(e))
		}
	}
	for i := range x.entries {
		addKey(x.entries[i].key, i)
		addKey(x.rkey(i), i)
	}
	// Sort each list by key length, so a lookup scans only the keys of
	// about the query's length.
	for _, l := range f.grams {
		slices.SortFunc(l, func(a, b int32) int {
			if f.lens[a] != f.lens[b] {
				return int(f.lens[a]) - int(f.lens[b])
			}
			return int(a - b)
		})
	}
	f.pool.New = func() any {
		return &fuzzyScratch{count: make([]uint8, len(f.keys)), stamp: make([]uint32, len(f.keys))}
	}
	x.fuzzy = f
}

// maxEdits is the default tolerance for a folded query of n characters,
// wide when the query is mostly Han or kana (one such character carries
// about as much as a Latin syllable).
func maxEdits(n int, wide bool) int {
	if wide {
		switch {
		case n < 3:
			return 0
		case n <= 12:
			return 1
		}
		return 2
	}
	switch {
	case n < 4:
		return 0
	case n <= 9:
		return 1
	case n <= 20:
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
		w := 0
		for _, r := range s.a {
			if r >= 0x2E80 {
				w++
			}
		}
		tol = maxEdits(n, 2*w > n)
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
	if n <= 64 {
		s.peq.init(s.a)
	}
	// The query's distinct trigrams.
	s.grams = s.grams[:0]
	trigrams(s.a, func(g uint64) {
		if !slices.Contains(s.grams, g) {
			s.grams = append(s.grams, g)
		}
	})
	ng := len(s.grams)
	// The part of each trigram's list with keys of length n±tol.
	if cap(s.spans) < ng {
		s.spans = make([][]int32, ng)
	}
	s.spans = s.spans[:ng]
	for i, g := range s.grams {
		s.spans[i] = f.lenRange(f.grams[g], n-tol, n+tol)
	}
	// Scan the rarest lists: at least 4·tol+1 of them, more while they
	// stay short, since each list scanned raises the count a candidate
	// must reach (m scanned lists: m − 4·tol).
	slices.SortFunc(s.spans, func(a, b []int32) int { return len(a) - len(b) })
	m, total := min(4*tol+1, ng), 0
	for _, l := range s.spans[:m] {
		total += len(l)
	}
	limit := max(2*total, fuzzyScanBudget)
	for m < ng && total+len(s.spans[m]) <= limit {
		total += len(s.spans[m])
		m++
	}
	need := uint8(max(m-4*tol, 1))
	for _, l := range s.spans[:m] {
		for _, id := range l {
			if s.stamp[id] != s.gen {
				s.stamp[id] = s.gen
				s.count[id] = 0
			}
			s.count[id]++
			if s.count[id] == need {
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
		var d int
		if len(s.a) <= 64 {
			d = s.peq.distance(s.b)
		} else {
			d = osa(s.a, s.b, tol, &s.rows)
		}
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

// lenRange returns the part of a list (sorted by key length) whose keys
// are lo to hi characters long.
func (f *fuzzyIndex) lenRange(l []int32, lo, hi int) []int32 {
	i, _ := slices.BinarySearchFunc(l, lo, func(id int32, lo int) int { return int(f.lens[id]) - lo })
	j, _ := slices.BinarySearchFunc(l[i:], hi+1, func(id int32, h int) int { return int(f.lens[id]) - h })
	return l[i : i+j]
}

// peq is a query prepared for the bit-parallel edit distance of Hyyrö
// ("A bit-vector algorithm for computing Levenshtein and Damerau edit
// distances", 2003): one bit per query character (at most 64).
type peq struct {
	runes []rune
	masks []uint64
	m     int
}

func (p *peq) init(q []rune) {
	p.runes, p.masks, p.m = p.runes[:0], p.masks[:0], len(q)
	for i, r := range q {
		j := slices.Index(p.runes, r)
		if j < 0 {
			p.runes = append(p.runes, r)
			p.masks = append(p.masks, 0)
			j = len(p.runes) - 1
		}
		p.masks[j] |= 1 << i
	}
}

func (p *peq) mask(r rune) uint64 {
	for i, x := range p.runes {
		if x == r {
			return p.masks[i]
		}
	}
	return 0
}

// distance returns the optimal-string-alignment distance between the
// query and t (as osa does).
func (p *peq) distance(t []rune) int {
	m := p.m
	if m == 0 {
		return len(t)
	}
	var vp uint64 = ^uint64(0)
	if m < 64 {
		vp = 1<<m - 1
	}
	var vn, d0, pmPrev uint64
	last := uint64(1) << (m - 1)
	d := m
	for _, r := range t {
		pm := p.mask(r)
		tr := ((^d0 & pm) << 1) & pmPrev
		d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr
		hp := vn | ^(d0 | vp)
		hn := d0 & vp
		if hp&last != 0 {
			d++
		} else if hn&last != 0 {
			d--
		}
		x := hp<<1 | 1
		vn = x & d0
		vp = hn<<1 | ^(x | d0)
		pmPrev = pm
	}
	return d
}
