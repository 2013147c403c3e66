package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/newsroom/newsroom/story"
)

// TrashStory moves story n to the trash: only trashed_at, trashed_by and
// updated_at are set (the versions stay as they are, so a restore brings
// back exactly what was there), and other instances learn of it through
// the change log. It returns the story as now stored.
func (s *Store) TrashStory(ctx context.Context, n int, by string) (*story.Story, error) {
	now := time.Now().UTC().Truncate(time.Millisecond)
	return s.setTrash(ctx, n, "trash", bson.D{{Key: "$set", Value: bson.D{
		{Key: "trashed_at", Value: now}, {Key: "trashed_by", Value: by}, {Key: "updated_at", Value: now},
	}}, writesUp})
}

// RestoreStory takes story n out of the trash, touching nothing else.
func (s *Store) RestoreStory(ctx context.Context, n int) (*story.Story, error) {
	now := time.Now().UTC().Truncate(time.Millisecond)
	return s.setTrash(ctx, n, "restore", bson.D{
		{Key: "$unset", Value: bson.D{{Key: "trashed_at", Value: ""}, {Key: "trashed_by", Value: ""}}},
		{Key: "$set", Value: bson.D{{Key: "updated_at", Value: now}}},
		writesUp,
	})
}

// writesUp counts an update of the story (story.Story.Writes), so that the
// catalogue takes the copy read after it over one read before.
var writesUp = bson.E{Key: "$inc", Value: bson.D{{Key: "writes", Value: 1}}}

func (s *Store) setTrash(ctx context.Context, n int, what string, update bson.D) (*story.Story, error) {
	unlock := s.lockStory(n)
	cctx, cancel := s.ctx(ctx)
	res, err := s.db.Collection("stories").UpdateOne(cctx, bson.D{{Key: "_id", Value: storyID(n)}}, update)
	cancel()
	unlock()
	if err == nil && res.MatchedCount == 0 {
		err = mongo.ErrNoDocuments
	}
	if err != nil {
		return nil, wrap(fmt.Sprintf("%s story %d", what, n), err)
	}
	s.recordChange(ctx, ChangedStory, storyID(n))
	return s.Story(ctx, n)
}
