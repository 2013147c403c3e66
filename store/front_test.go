package store

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsroom/newsroom/story"
)

func TestFrontSaveKeepsLanguagesApartAndRefusesAStaleSave(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	if fs, err := s.Fronts(ctx); err != nil || len(fs) != 0 {
		t.Fatalf("fresh paper: %v, %v", fs, err)
	}
	until := time.Now().Add(time.Hour).UTC().Truncate(time.Millisecond)
	ko := story.Front{Pins: []story.Pin{{Number: 7, Until: until}, {Number: 3}}, Banner: story.Banner{Text: "속보"}}
	if _, err := s.SaveFront(ctx, "ko", 0, ko, "editor"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveFront(ctx, "en", 0, story.Front{Pins: []story.Pin{{Number: 5}}}, "editor2"); err != nil {
		t.Fatal(err)
	}
	// Eight editors save Korean from revision 1 at once: exactly one wins.
	var wins atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.SaveFront(ctx, "ko", 1, story.Front{Pins: []story.Pin{{Number: 9}}}, "racer")
			switch {
			case err == nil:
				wins.Add(1)
			case !errors.Is(err, ErrConflict):
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if wins.Load() != 1 {
		t.Errorf("%d saves from one revision won, want 1", wins.Load())
	}
	// A save naming a revision that is not the stored one is refused too.
	for _, base := range []int{-1, 0, 7} {
		if _, err := s.SaveFront(ctx, "ko", base, story.Front{}, "crafted"); !errors.Is(err, ErrConflict) {
			t.Errorf("save from revision %d: %v", base, err)
		}
	}
	fs, err := s.Fronts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if k := fs["ko"]; k.Revision != 2 || len(k.Pins) != 1 || k.Pins[0].Number != 9 {
		t.Errorf("ko front: %+v", k)
	}
	if e := fs["en"]; e.Revision != 1 || len(e.Pins) != 1 || e.Pins[0].Number != 5 || e.UpdatedBy != "editor2" {
		t.Errorf("en front changed by the Korean saves: %+v", e)
	}
}
