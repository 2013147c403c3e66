package redirect

import (
	"sort"
	"strings"
	"sync"
	"time"
)

// maxMisses bounds the addresses the 404 monitor keeps: past it, only
// those it has already seen are counted, so a scanner trying random paths
// cannot fill memory.
const maxMisses = 2000

// Miss is an address that found no page and no redirect.
type Miss struct {
	Path  string
	Count int
	Last  time.Time
}

// Misses counts old-looking addresses that no rule caught, for the 404
// monitor; safe for concurrent use. Counts are this instance's since it
// started.
type Misses struct {
	mu sync.Mutex
	m  map[string]*Miss
}

// NewMisses makes an empty monitor.
func NewMisses() *Misses { return &Misses{m: map[string]*Miss{}} }

// Note counts a miss of path (with its query, as requested).
func (ms *Misses) Note(path string, at time.Time) {
	if len(path) > 500 || !oldLooking(path) {
		return
	}
	ms.mu.Lock()
	defer ms.mu.Unlock()
	m := ms.m[path]
	if m == nil {
		if len(ms.m) >= maxMisses {
			return
		}
		m = &Miss{Path: path}
		ms.m[path] = m
	}
	m.Count++
	m.Last = at
}

// Forget drops path, once a redirect for it exists.
func (ms *Misses) Forget(path string) {
	ms.mu.Lock()
	delete(ms.m, path)
	ms.mu.Unlock()
}

// Top returns the n most frequent misses.
func (ms *Misses) Top(n int) []Miss {
	ms.mu.Lock()
	out := make([]Miss, 0, len(ms.m))
	for _, m := range ms.m {
		out = append(out, *m)
	}
	ms.mu.Unlock()
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Path < out[j].Path
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// oldLooking tells addresses a previous site could have had from noise
// the monitor should not show: files probed by bots and this site's own
// prefixes.
func oldLooking(p string) bool {
	for _, skip := range []string{"/static/", "/media/", "/admin", "/favicon", "/apple-touch-icon", "/.well-known/", "/wp-login", "/wp-admin", "/xmlrpc.php", "/.env", "/.git"} {
		if strings.HasPrefix(p, skip) {
			return false
		}
	}
	return strings.HasPrefix(p, "/")
}
