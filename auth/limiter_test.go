package auth

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

// fakeClock is a settable clock for tests.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func TestLimiterSlidingWindow(t *testing.T) {
	clock := newFakeClock()
	l := NewLimiter(Limit{Max: 5, Window: 15 * time.Minute}, clock.Now)

	// Five failures a minute apart: the fifth closes the door ...
	for i := range 5 {
		if w := l.Wait("kim"); w != 0 {
			t.Fatalf("before failure %d: wait %v", i+1, w)
		}
		l.Fail("kim")
		clock.Advance(time.Minute)
	}
	// ... until the first falls out of the window, 15 min after it happened.
	if w := l.Wait("kim"); w != 10*time.Minute {
		t.Errorf("after 5 failures: wait %v, want 10m", w)
	}
	if w := l.Wait("park"); w != 0 {
		t.Errorf("another key waits %v", w)
	}
	clock.Advance(10*time.Minute - time.Second)
	if w := l.Wait("kim"); w != time.Second {
		t.Errorf("a second before: wait %v", w)
	}
	clock.Advance(time.Second)
	if w := l.Wait("kim"); w != 0 {
		t.Fatalf("once the oldest failure left the window: wait %v", w)
	}
	// One more failure closes it again, until the second-oldest leaves.
	l.Fail("kim")
	if w := l.Wait("kim"); w != time.Minute {
		t.Errorf("after a sixth failure: wait %v, want 1m", w)
	}
	l.Reset("kim")
	if w := l.Wait("kim"); w != 0 {
		t.Errorf("after Reset: wait %v", w)
	}
}

func TestLimiterForgetsOldKeys(t *testing.T) {
	clock := newFakeClock()
	l := NewLimiter(Limit{Max: 3, Window: time.Minute}, clock.Now)
	for i := range 5000 {
		l.Fail(fmt.Sprintf("attacker-%d", i))
		if i%1000 == 999 {
			clock.Advance(2 * time.Minute)
		}
	}
	l.mu.Lock()
	n := len(l.fails)
	l.mu.Unlock()
	if n > 2*minSweep {
		t.Errorf("%d keys kept; expired ones are not swept", n)
	}
}

func TestLimiterConcurrent(t *testing.T) {
	clock := newFakeClock()
	l := NewLimiter(Limit{Max: 20, Window: time.Minute}, clock.Now)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				l.Fail("ip")
				l.Wait("ip")
			}
		})
	}
	wg.Wait()
	if w := l.Wait("ip"); w != time.Minute {
		t.Errorf("wait %v, want 1m", w)
	}
}
