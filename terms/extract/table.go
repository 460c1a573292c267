package extract

// indexTable is an open-addressing hash table of indices into a slice
// kept by its user (stored +1, 0 marks an empty slot), at most half full:
// four bytes a slot where a map would store the key too.
type indexTable struct {
	slots []int32
	n     int
}

// newIndexTable returns a table for about n indices.
func newIndexTable(n int) indexTable {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return indexTable{slots: make([]int32, size)}
}

// find returns the slot holding the index i with hash h for which eq(i)
// holds, or the empty slot where such an index goes, and whether it was
// found.
func (t *indexTable) find(h uint64, eq func(i int) bool) (slot int, found bool) {
	mask := uint64(len(t.slots) - 1)
	for p := h & mask; ; p = (p + 1) & mask {
		v := t.slots[p]
		if v == 0 {
			return int(p), false
		}
		if eq(int(v - 1)) {
			return int(p), true
		}
	}
}

// get returns the index in slot.
func (t *indexTable) get(slot int) int { return int(t.slots[slot] - 1) }

// set stores index i in slot, which find returned.
func (t *indexTable) set(slot, i int) {
	if t.slots[slot] == 0 {
		t.n++
	}
	t.slots[slot] = int32(i + 1)
}

// full reports whether the table must grow before the next insertion.
func (t *indexTable) full() bool { return 2*(t.n+1) > len(t.slots) }

// grow doubles the table; hash gives the hash of a stored index.
func (t *indexTable) grow(hash func(i int) uint64) {
	old := t.slots
	t.slots = make([]int32, 2*len(old))
	mask := uint64(len(t.slots) - 1)
	for _, v := range old {
		if v == 0 {
			continue
		}
		p := hash(int(v-1)) & mask
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
