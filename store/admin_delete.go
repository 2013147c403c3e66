package store

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// ErrSlugsKept is wrapped by DeleteStory's error when the story is gone but
// some of its slugs could not be released: the deletion happened, and the
// slugs stay taken until someone releases them.
var ErrSlugsKept = errors.New("story deleted, slugs kept")

// DeleteStory removes story n for good: its document goes, so no page,
// listing or editor finds it any more, and the slugs of its versions are
// released for other stories. Its revisions stay: they are the record of
// what was written and published. A story that does not exist is
// ErrNotFound.
func (s *Store) DeleteStory(ctx context.Context, n int) error {
	st, err := s.Story(ctx, n)
	if err != nil {
		return err
	}
	unlock := s.lockStory(n)
	cctx, cancel := s.ctx(ctx)
	res, err := s.db.Collection("stories").DeleteOne(cctx, bson.D{{Key: "_id", Value: storyID(n)}})
	cancel()
	unlock()
	if err != nil {
		return wrap(fmt.Sprintf("delete story %d", n), err)
	}
	if res.DeletedCount == 0 {
		return fmt.Errorf("store: delete story %d: %w", n, ErrNotFound)
	}
	s.recordChange(ctx, ChangedStory, storyID(n))
	// The slugs go after the document: released first, another story
	// could claim one while this one still answered at that address.
	var errs []error
	for lang, v := range st.Versions {
		if v == nil || v.Slug == "" {
			continue
		}
		if err := s.ReleaseSlug(context.WithoutCancel(ctx), lang, v.Slug, n); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("store: delete story %d: %w: %w", n, ErrSlugsKept, errors.Join(errs...))
	}
	return nil
}
