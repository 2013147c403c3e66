package store

import (
	"context"
	"strconv"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// Kinds of deleted things other instances must forget.
const (
	DeletedStory = "story"
	DeletedPhoto = "photo"
)

// Deletion is a tombstone. Instances sharing a database learn of each
// other's writes by polling updated_at, and a deleted document has none: the
// tombstone is how a story or photo deleted on one instance stops being
// served by the others.
type Deletion struct {
	ID   string    `bson:"_id"` // "<kind>/<key>"
	Kind string    `bson:"kind"`
	Key  string    `bson:"key"` // the story number or the photo ID
	At   time.Time `bson:"at"`
}

// Number is the story number of a story's tombstone (0 for anything else).
func (d Deletion) Number() int {
	if d.Kind != DeletedStory {
		return 0
	}
	n, _ := strconv.Atoi(d.Key)
	return n
}

// recordDeletion writes the tombstone of kind/key. It is written before the
// document goes, so that a deletion is never unknown to other instances; they
// check that the document is really gone before forgetting it. Keys are
// never reused (story numbers, random photo IDs), so a tombstone already
// there is from an earlier attempt and is kept.
func (s *Store) recordDeletion(ctx context.Context, kind, key string) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	d := Deletion{ID: kind + "/" + key, Kind: kind, Key: key, At: time.Now().UTC()}
	_, err := s.db.Collection("deletions").InsertOne(ctx, d)
	if mongo.IsDuplicateKeyError(err) {
		return nil
	}
	return wrap("record deletion of "+d.ID, err)
}

// DeletionsSince returns the tombstones written at or after t, oldest first.
func (s *Store) DeletionsSince(ctx context.Context, t time.Time) ([]Deletion, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	cur, err := s.db.Collection("deletions").Find(ctx, bson.D{{Key: "at", Value: bson.D{{Key: "$gte", Value: t}}}})
	if err != nil {
		return nil, wrap("deletions since", err)
	}
	var out []Deletion
	if err := cur.All(ctx, &out); err != nil {
		return nil, wrap("deletions since", err)
	}
	return out, nil
}

// PurgeDeletions removes tombstones written before t: an instance that was
// away longer than that loads the whole catalogue at its start anyway.
func (s *Store) PurgeDeletions(ctx context.Context, before time.Time) (int64, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	res, err := s.db.Collection("deletions").DeleteMany(ctx, bson.D{{Key: "at", Value: bson.D{{Key: "$lt", Value: before}}}})
	if err != nil {
		return 0, wrap("purge deletions", err)
	}
	return res.DeletedCount, nil
}
