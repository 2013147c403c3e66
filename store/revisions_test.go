package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestManySaversOfOneRevisionAcrossInstances: sixteen editors on two app
// instances save from the same revision, again and again; each round
// exactly one wins, every other gets ErrConflict, and the history holds
// each winner's text with nobody else's text under their name.
func TestManySaversOfOneRevisionAcrossInstances(t *testing.T) {
	s := newStore(t)
	other := New(s.db, 5*time.Second)
	ctx := context.Background()
	n, err := s.CreateStory(ctx, draft("동시 저장"), map[string]string{"ko": "처음"}, "hong")
	if err != nil {
		t.Fatal(err)
	}
	winners := map[int]string{1: "처음"}
	for round := 0; round < 3; round++ {
		st, err := s.Story(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		base := st.Versions["ko"].Revision
		var wg sync.WaitGroup
		var mu sync.Mutex
		var won []string
		conflicts := 0
		for i := 0; i < 16; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				db := s
				if i%2 == 1 {
					db = other
				}
				body := fmt.Sprintf("라운드 %d 편집자 %d", round, i)
				_, err := db.Save(ctx, st, "ko", base, *st.Versions["ko"], body, fmt.Sprintf("editor%d", i))
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					won = append(won, body)
				case errors.Is(err, ErrConflict):
					conflicts++
				default:
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if len(won) != 1 || conflicts != 15 {
			t.Fatalf("round %d: %d wins, %d conflicts; want 1 and 15", round, len(won), conflicts)
		}
		winners[base+1] = won[0]
	}
	revs, err := s.Revisions(ctx, n, "ko", 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 4 || revs[0].Revision != 4 || revs[3].Revision != 1 {
		t.Fatalf("history: %+v", revs)
	}
	for _, r := range revs {
		if r.Body != "" {
			t.Errorf("history listing carries bodies (revision %d)", r.Revision)
		}
		body, err := other.Body(ctx, n, "ko", r.Revision)
		if err != nil || body != winners[r.Revision] {
			t.Errorf("revision %d body %q, want the winner's %q (%v)", r.Revision, body, winners[r.Revision], err)
		}
		if r.Revision > 1 && !strings.HasSuffix(body, " "+strings.TrimPrefix(r.By, "editor")) {
			t.Errorf("revision %d saved by %s holds %q", r.Revision, r.By, body)
		}
	}
}

func TestRevisionsOfAVersionWithoutHistory(t *testing.T) {
	s := newStore(t)
	revs, err := s.Revisions(context.Background(), 99, "en", 0)
	if err != nil || len(revs) != 0 {
		t.Fatalf("%v %v", revs, err)
	}
}

func TestPresenceShowsRecentEditorsOnly(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	now := time.Now()
	if got, err := s.Present(ctx, 7, "ko", now.Add(-2*time.Minute)); err != nil || len(got) != 0 {
		t.Fatalf("nobody yet: %v %v", got, err)
	}
	var wg sync.WaitGroup
	for i, u := range []string{"kim@example.com", "lee@example.com", "park@example.com"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			at := now.Add(-time.Duration(i) * 90 * time.Second) // park: 3 minutes ago
			if err := s.Heartbeat(ctx, 7, "ko", Presence{User: u, Name: u[:3], At: at}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	// A concurrent first heartbeat may be lost on the embedded server;
	// the next one (every 30 s) brings it back.
	for i, u := range []string{"kim@example.com", "lee@example.com"} {
		if err := s.Heartbeat(ctx, 7, "ko", Presence{User: u, Name: u[:3], At: now.Add(-time.Duration(i) * 90 * time.Second)}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Present(ctx, 7, "ko", now.Add(-2*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].User != "kim@example.com" || got[1].User != "lee@example.com" {
		t.Fatalf("present: %+v", got)
	}
	if other, _ := s.Present(ctx, 7, "en", now.Add(-time.Hour)); len(other) != 0 {
		t.Fatalf("presence leaked to another language: %+v", other)
	}
}
