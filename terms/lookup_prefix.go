package terms

import (
	"slices"
	"strings"
)

// prefixEntry is a folded key (of a term or of its reading) and its entry,
// in the table the prefix rung searches.
type prefixEntry struct {
	key string
	e   int32
}

// maxPrefixScan bounds the keys one prefix lookup examines: a one-word
// prefix of a large glossary may begin thousands of terms, of which the
// shortest are the useful answers.
const maxPrefixScan = 4096

func (x *Index) buildPrefix() {
	ps := make([]prefixEntry, 0, len(x.entries))
	for i := range x.entries {
		e := &x.entries[i]
		ps = append(ps, prefixEntry{e.key, int32(i)})
		if rk := x.rkey(i); rk != "" {
			ps = append(ps, prefixEntry{rk, int32(i)})
		}
	}
	slices.SortFunc(ps, func(a, b prefixEntry) int { return strings.Compare(a.key, b.key) })
	x.prefix = ps
}

// lookupPrefix adds the entries whose folded key begins with the folded
// query k (at least 2 characters). The score grows with the share of the
// term the query covers.
func (x *Index) lookupPrefix(k string, col *collector) {
	n := runeLen(k)
	if n < 2 {
		return
	}
	x.prefixOnce.Do(x.buildPrefix)
	ps := x.prefix
	i, _ := slices.BinarySearchFunc(ps, k, func(p prefixEntry, k string) int { return strings.Compare(p.key, k) })
	for j := i; j < len(ps) && j-i < maxPrefixScan && strings.HasPrefix(ps[j].key, k); j++ {
		if len(ps[j].key) == len(k) {
			continue // equal keys were found by the folded rungs
		}
		cover := float64(n) / float64(runeLen(ps[j].key))
		col.add(int(ps[j].e), Prefix, 0.5+0.3*cover)
	}
}
