package textdiff

// The diff itself: Myers' O(ND) algorithm over interned tokens, keeping the
// frontier of every round so the path can be walked back. Memory grows with
// the square of the number of edits and time with edits times length, so
// every run is bounded by maxEdits and by a shared work budget; a caller
// that runs out replaces the region wholesale instead.

// maxEdits caps the edits one Myers run may find: (maxEdits+1)² int32s of
// trace is 4 MB at 1000.
const maxEdits = 1000

// defaultBudget is the work (frontier cells plus snake steps) one Diff call
// may spend, a few tens of milliseconds on a slow core.
const defaultBudget = 20_000_000

// budget is the work left to one top-level call.
type budget struct{ left int }

func (b *budget) spend(n int) bool {
	b.left -= n
	return b.left >= 0
}

// edit is one step of an edit script: keep a[i] (and b[j]), delete a[i] or
// insert b[j].
type edit struct {
	op   Op
	i, j int
}

// myers returns the shortest edit script turning a into b, or ok=false when
// it needs more than maxD edits or more work than bud allows.
func myers(a, b []int, maxD int, bud *budget) (script []edit, ok bool) {
	n, m := len(a), len(b)
	if lim := n + m; maxD > lim {
		maxD = lim
	}
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	// trace holds v[-d..d] after round d, at index d*d + k + d. At least
	// |n-m| edits are needed, so that much is known to be used.
	lower := min(maxD, max(n-m, m-n)) + 16
	trace := make([]int32, 0, min((maxD+1)*(maxD+1), lower*lower))
	for d := 0; d <= maxD; d++ {
		if !bud.spend(d + 1) {
			return nil, false
		}
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			start := x
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			if x > start && !bud.spend(x-start) {
				return nil, false
			}
			v[off+k] = x
			if x >= n && y >= m {
				trace = appendRound(trace, v, off, d)
				return backtrack(trace, d, n, m), true
			}
		}
		trace = appendRound(trace, v, off, d)
	}
	return nil, false
}

// appendRound saves v[-d..d]. In the last round, cut short when the path
// reached the end, the entries after that diagonal are stale but never read.
func appendRound(trace []int32, v []int, off, d int) []int32 {
	for k := -d; k <= d; k++ {
		trace = append(trace, int32(v[off+k]))
	}
	return trace
}

func backtrack(trace []int32, d, x, y int) []edit {
	at := func(d, k int) int { return int(trace[d*d+k+d]) }
	var rev []edit
	for ; d > 0; d-- {
		k := x - y
		down := k == -d || (k != d && at(d-1, k-1) < at(d-1, k+1))
		var px int
		if down {
			px = at(d-1, k+1)
		} else {
			px = at(d-1, k-1)
		}
		mid := px // x where the snake of round d starts
		if !down {
			mid++
		}
		for x > mid {
			x--
			y--
			rev = append(rev, edit{Equal, x, y})
		}
		if down {
			y--
			rev = append(rev, edit{Insert, x, y})
		} else {
			x--
			rev = append(rev, edit{Delete, x, y})
		}
	}
	for x > 0 {
		x--
		y--
		rev = append(rev, edit{Equal, x, y})
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}
