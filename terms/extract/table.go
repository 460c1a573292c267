package extract

// indexTable is an open-addressing hash table of indices into a slice
// kept by its user, at most half full. A slot holds the index +1 in its low
// 32 bits (0 marks an empty slot) and the high 32 bits of the index's hash
// in its high bits, so that a probe compares keys (eq) only where the
// hashes agree: eight bytes a slot where a map would store the key too.
type indexTable struct {
	slots []uint64
	n     int
}

// newIndexTable returns a table for about n indices.
func newIndexTable(n int) indexTable {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return indexTable{slots: make([]uint64, size)}
}

// find returns the slot holding the index i with hash h for which eq(i)
// holds, or the empty slot where such an index goes, and whether it was
// found.
func (t *indexTable) find(h uint64, eq func(i int) bool) (slot int, found bool) {
	mask := uint64(len(t.slots) - 1)
	tag := h &^ 0xFFFFFFFF
	for p := h & mask; ; p = (p + 1) & mask {
		v := t.slots[p]
		if v == 0 {
			return int(p), false
		}
		if v&^0xFFFFFFFF == tag && eq(int(uint32(v)-1)) {
			return int(p), true
		}
	}
}

// get returns the index in slot.
func (t *indexTable) get(slot int) int { return int(uint32(t.slots[slot])) - 1 }

// set stores index i, of hash h, in slot, which find returned for h.
func (t *indexTable) set(slot, i int, h uint64) {
	if t.slots[slot] == 0 {
		t.n++
	}
	t.slots[slot] = h&^0xFFFFFFFF | uint64(uint32(i+1))
}

// insert stores index i, of hash h, in slot, which find returned for h
// without finding it; it grows the table first when full (hash gives the
// hash of a stored index).
func (t *indexTable) insert(slot, i int, h uint64, hash func(i int) uint64) {
	if t.full() {
		t.grow(hash)
		slot, _ = t.find(h, func(int) bool { return false })
	}
	t.set(slot, i, h)
}

// full reports whether the table must grow before the next insertion.
func (t *indexTable) full() bool { return 2*(t.n+1) > len(t.slots) }

// grow doubles the table; hash gives the hash of a stored index.
func (t *indexTable) grow(hash func(i int) uint64) {
	old := t.slots
	t.slots = make([]uint64, 2*len(old))
	mask := uint64(len(t.slots) - 1)
	for _, v := range old {
		if v == 0 {
			continue
		}
		p := hash(int(uint32(v)-1)) & mask
		for t.slots[p] != 0 {
			p = (p + 1) & mask
		}
		t.slots[p] = v
	}
}

// unitsHash hashes a unit sequence of a language.
func unitsHash(lid langID, units []int32) uint64 {
	h := uint64(uint32(lid))*0x9E3779B97F4A7C15 ^ uint64(len(units))
	for _, u := range units {
		h = (h ^ uint64(uint32(u))) * 0x100000001B3
		h ^= h >> 29
	}
	return mix(h)
}

// mix spreads the bits of h over the low bits the table uses.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xFF51AFD7ED558CCD
	h ^= h >> 33
	return h
}

// strSet is a fixed set of short strings: an open-addressing table probed
// by a hash of the length and the last eight bytes, at most half full, of
// four-byte slots (16 bits of hash, 16 of index), so that the tables of
// the word lists looked up for every token stay in the L1 cache. A lookup
// costs a multiplication and, for most strings outside the set, no string
// comparison: cheaper than a map.
type strSet struct {
	slots  []uint32 // hash tag<<16 | index+1 in words; 0 marks an empty slot
	words  []string
	shift  uint // 64 − log2(len(slots))
	maxLen int  // longest member
}

func setOf(s ...string) strSet {
	size, bits := 16, uint(4)
	for size < 2*len(s) {
		size, bits = size<<1, bits+1
	}
	t := strSet{slots: make([]uint32, size), shift: 64 - bits}
	mask := uint64(size - 1)
	for _, x := range s {
		if x == "" || len(t.words) >= 1<<16-1 {
			panic("extract: empty string or too many strings in a word list")
		}
		if !strSetHas(t, x) {
			h := strHash(x)
			p := h >> t.shift
			for t.slots[p] != 0 {
				p = (p + 1) & mask
			}
			t.words = append(t.words, x)
			t.slots[p] = t.tag(h)<<16 | uint32(len(t.words))
			t.maxLen = max(t.maxLen, len(x))
		}
	}
	return t
}

// tag returns the 16 bits of h below those that pick the slot.
func (t strSet) tag(h uint64) uint32 { return uint32(h>>(t.shift-16)) & 0xFFFF }

// has reports whether s is in the set.
func (t strSet) has(s string) bool { return strSetHas(t, s) }

func strSetHas[T string | []byte](t strSet, s T) bool {
	if len(s) == 0 || len(s) > t.maxLen {
		return false
	}
	h := strHash(s)
	tag := t.tag(h)
	mask := uint64(len(t.slots) - 1)
	for p := h >> t.shift; ; p = (p + 1) & mask {
		v := t.slots[p]
		if v == 0 {
			return false
		}
		if v>>16 == tag && t.words[v&0xFFFF-1] == string(s) {
			return true
		}
	}
}

// strHash hashes the length and the last eight bytes of s.
func strHash[T string | []byte](s T) uint64 {
	var x uint64
	if n := len(s); n >= 8 {
		x = uint64(s[n-8]) | uint64(s[n-7])<<8 | uint64(s[n-6])<<16 | uint64(s[n-5])<<24 |
			uint64(s[n-4])<<32 | uint64(s[n-3])<<40 | uint64(s[n-2])<<48 | uint64(s[n-1])<<56
		x ^= uint64(n) * 0x9E3779B97F4A7C15
	} else {
		x = uint64(n)
		for i := 0; i < n; i++ {
			x = x<<8 | uint64(s[i])
		}
	}
	return x * 0x9E3779B97F4A7C15
}
