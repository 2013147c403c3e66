package store

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"
)

func TestTrashAndRestoreKeepEverythingElse(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	st := draft("휴지통에 갈 기사")
	n, err := s.CreateStory(ctx, st, map[string]string{"ko": "본문"}, "hong")
	if err != nil {
		t.Fatal(err)
	}
	before := time.Now().Add(-time.Second)
	got, err := s.TrashStory(ctx, n, "editor@x.org")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Trashed() || got.TrashedBy != "editor@x.org" || got.UpdatedAt.Before(before) {
		t.Fatalf("trashed story: at %v by %q, updated %v", got.TrashedAt, got.TrashedBy, got.UpdatedAt)
	}
	// Other instances learn of it through the change log.
	changed, err := s.ChangesSince(ctx, before)
	if err != nil || !loggedStory(changed, n) {
		t.Fatalf("change log since the trash: %v, %v", changed, err)
	}
	got, err = s.RestoreStory(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	if got.Trashed() || got.Versions["ko"].Headline != "휴지통에 갈 기사" {
		t.Fatalf("restored story: trashed %v, versions %v", got.TrashedAt, got.Versions)
	}
	if _, err := s.TrashStory(ctx, n+100, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("trashing a missing story: %v", err)
	}
}

// A save racing a move to the trash: both land, neither undoes the other.
func TestTrashDoesNotUndoAConcurrentSave(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	st := draft("원래 제목")
	n, err := s.CreateStory(ctx, st, map[string]string{"ko": "본문"}, "hong")
	if err != nil {
		t.Fatal(err)
	}
	st, err = s.Story(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	v := *st.Versions["ko"]
	v.Headline = "고친 제목"
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		_, err := s.Save(ctx, st, "ko", v.Revision, v, "새 본문", "hong")
		check(t, err)
	}()
	go func() { defer wg.Done(); _, err := s.TrashStory(ctx, n, "editor"); check(t, err) }()
	wg.Wait()
	got, err := s.Story(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Trashed() || got.Versions["ko"].Headline != "고친 제목" {
		t.Errorf("after both: trashed %v, headline %q", got.Trashed(), got.Versions["ko"].Headline)
	}
}

func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Error(err)
	}
}

// loggedStory reports whether the change log entries name story n.
func loggedStory(entries []Change, n int) bool {
	for _, e := range entries {
		if e.Kind == ChangedStory && slices.Contains(e.Keys, storyID(n)) {
			return true
		}
	}
	return false
}
