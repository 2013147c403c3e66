package auth

import (
	"sync"
	"time"
)

// Limit is at most Max failures in any Window.
type Limit struct {
	Max    int
	Window time.Duration
}

// Limiter counts failures per key (an account, an address) over a sliding
// window, in memory. With several app instances each counts its own, so
// the effective limit is per instance; that still turns millions of
// guesses into dozens.
type Limiter struct {
	limit Limit
	now   func() time.Time

	mu        sync.Mutex
	fails     map[string][]time.Time // oldest first, at most limit.Max, all within the window when last pruned
	nextSweep int
}

const minSweep = 1024

// NewLimiter makes a limiter; now is the clock (time.Now in production).
func NewLimiter(l Limit, now func() time.Time) *Limiter {
	return &Limiter{limit: l, now: now, fails: map[string][]time.Time{}, nextSweep: minSweep}
}

// Wait returns how long key must wait before its next try: zero when it
// may try now.
func (l *Limiter) Wait(key string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	f := l.prune(key, now)
	if len(f) < l.limit.Max {
		return 0
	}
	return f[0].Add(l.limit.Window).Sub(now)
}

// Fail records a failure for key.
func (l *Limiter) Fail(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	f := append(l.prune(key, now), now)
	if len(f) > l.limit.Max {
		f = f[len(f)-l.limit.Max:]
	}
	l.fails[key] = f
	if len(l.fails) >= l.nextSweep {
		l.sweep(now)
	}
}

// Reset forgets key's failures (after a successful login to the account).
func (l *Limiter) Reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, key)
}

// prune drops key's failures older than the window and returns the rest.
func (l *Limiter) prune(key string, now time.Time) []time.Time {
	f := l.fails[key]
	i := 0
	for i < len(f) && !f[i].After(now.Add(-l.limit.Window)) {
		i++
	}
	if i == len(f) {
		delete(l.fails, key)
		return nil
	}
	f = f[i:]
	l.fails[key] = f
	return f
}

// sweep prunes every key, so that keys seen once (an attacker cycling
// through addresses) do not pile up; it runs when the map has doubled.
func (l *Limiter) sweep(now time.Time) {
	for k := range l.fails {
		l.prune(k, now)
	}
	l.nextSweep = max(minSweep, 2*len(l.fails))
}
