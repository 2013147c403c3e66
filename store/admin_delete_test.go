package store

import (
	"context"
	"errors"
	"slices"
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
	// Other instances learn of it from the change log.
	changes, err := s.ChangesSince(ctx, time.Now().Add(-time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if last := changes[len(changes)-1]; last.Kind != ChangedStory || !slices.Equal(last.Keys, []string{storyID(n)}) {
		t.Errorf("last change after deleting story %d: %+v", n, last)
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
