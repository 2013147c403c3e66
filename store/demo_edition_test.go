package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"
)

// TestDemoEditionIsClaimedOnce walks the marker through a database's life:
// first claim wins, a fresh load in progress and a finished load both stop
// others, a released claim can be claimed again.
func TestDemoEditionIsClaimedOnce(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	now := time.Now()
	if _, err := s.DemoEdition(ctx); !errors.Is(err, ErrNotFound) {
		t.Fatalf("fresh database: %v, want ErrNotFound", err)
	}
	won, claim, err := s.ClaimDemoEdition(ctx, "a", now, time.Minute)
	if err != nil || !won {
		t.Fatalf("first claim: %v %v", won, err)
	}
	won, cur, err := s.ClaimDemoEdition(ctx, "b", now.Add(time.Second), time.Minute)
	if err != nil || won || cur.State != DemoLoading || cur.By != "a" {
		t.Fatalf("claim during a load: won %v, marker %+v, %v", won, cur, err)
	}
	if err := s.ReleaseDemoEdition(ctx); err != nil {
		t.Fatal(err)
	}
	won, claim, err = s.ClaimDemoEdition(ctx, "b", now.Add(2*time.Second), time.Minute)
	if err != nil || !won {
		t.Fatalf("claim after a release: %v %v", won, err)
	}
	if err := s.DemoEditionLoaded(ctx, claim, now.Add(3*time.Second)); err != nil {
		t.Fatal(err)
	}
	// Long after: a loaded edition is never stale.
	won, cur, err = s.ClaimDemoEdition(ctx, "c", now.Add(24*time.Hour), time.Minute)
	if err != nil || won || cur.State != DemoLoaded || cur.By != "b" || cur.LoadedAt.IsZero() {
		t.Fatalf("claim after the load: won %v, marker %+v, %v", won, cur, err)
	}
}

// TestConcurrentDemoClaimsHaveOneWinner races claimers on a fresh database
// and on a stale "loading" marker (its process died): each time exactly one
// may load the edition.
func TestConcurrentDemoClaimsHaveOneWinner(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	now := time.Now()
	race := func(at time.Time) int {
		var mu sync.Mutex
		var wg sync.WaitGroup
		winners := 0
		for i := range 8 {
			wg.Go(func() {
				won, _, err := s.ClaimDemoEdition(ctx, fmt.Sprint("p", i), at, time.Minute)
				if err != nil {
					t.Error(err)
				}
				if won {
					mu.Lock()
					winners++
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		return winners
	}
	if n := race(now); n != 1 {
		t.Fatalf("fresh database: %d winners", n)
	}
	// Nobody finished; within staleAfter the load counts as running.
	if n := race(now.Add(30 * time.Second)); n != 0 {
		t.Fatalf("load in progress: %d winners", n)
	}
	if n := race(now.Add(2 * time.Minute)); n != 1 {
		t.Fatalf("stale load: %d winners", n)
	}
	cur, err := s.DemoEdition(ctx)
	if err != nil || cur.State != DemoLoading || !cur.StartedAt.Equal(now.Add(2*time.Minute).UTC().Truncate(time.Millisecond)) {
		t.Fatalf("marker after the takeover: %+v %v", cur, err)
	}
}
