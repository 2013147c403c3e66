package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestDeleteStoryKeepsRevisionsAndFreesSlugs(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	st := draft("삭제할 기사")
	n, err := s.CreateStory(ctx, st, map[string]string{"ko": "본문"}, "hong")
	if err != nil {
		t.Fatal(err)
	}
	slug := st.Versions["ko"].Slug
	if err := s.ClaimSlug(ctx, "ko", slug, n); err != nil {
		t.Fatal(err)
	}
	keep, err := s.CreateStory(ctx, draft("남길 기사"), map[string]string{"ko": "본문"}, "hong")
	if err != nil {
		t.Fatal(err)
	}

	if err := s.DeleteStory(ctx, n); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Story(ctx, n); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted story still found: %v", err)
	}
	if _, err := s.Story(ctx, keep); err != nil {
		t.Errorf("the other story went too: %v", err)
	}
	// Other instances learn of it from its tombstone.
	dels, err := s.DeletionsSince(ctx, time.Now().Add(-time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if len(dels) != 1 || dels[0].Number() != n || dels[0].Kind != DeletedStory {
		t.Errorf("tombstones after deleting story %d: %+v", n, dels)
	}
	// Old tombstones are purged, recent ones kept.
	if purged, err := s.PurgeDeletions(ctx, time.Now().Add(-time.Hour)); err != nil || purged != 0 {
		t.Errorf("purging before an hour ago removed %d (%v), want 0", purged, err)
	}
	if purged, err := s.PurgeDeletions(ctx, time.Now().Add(time.Minute)); err != nil || purged != 1 {
		t.Errorf("purging up to now removed %d (%v), want 1", purged, err)
	}
	all, err := s.Stories(ctx)
	if err != nil || len(all) != 1 {
		t.Errorf("stories after delete: %d (%v)", len(all), err)
	}
	if r, err := s.Revision(ctx, n, "ko", 1); err != nil || r.Body != "본문" {
		t.Errorf("revision of the deleted story: %v, %v", r, err)
	}
	// The slug is free: another story may take it.
	if err := s.ClaimSlug(ctx, "ko", slug, keep); err != nil {
		t.Errorf("slug of the deleted story still held: %v", err)
	}
	if err := s.DeleteStory(ctx, n); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v, want ErrNotFound", err)
	}
}
