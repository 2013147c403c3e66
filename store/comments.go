package store

import (
	"context"
	"errors"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// The comments collection:
//
//	comments  _id "<source>/<comment id>"  an approved reader comment from a
//	                                        previous site, shown read-only

// Comment is a reader comment carried over from a previous site.
type Comment struct {
	ID     string    `bson:"_id"`
	Number int       `bson:"number"`
	Lang   string    `bson:"lang"`
	Parent string    `bson:"parent,omitempty"`
	Author string    `bson:"author"`
	Body   string    `bson:"body"` // plain text
	At     time.Time `bson:"at"`
}

// AddComments inserts comments not recorded yet; those already there (a
// second import) are left as they are.
func (s *Store) AddComments(ctx context.Context, cs []Comment) error {
	const batch = 1000
	for start := 0; start < len(cs); start += batch {
		docs := make([]any, 0, batch)
		for _, c := range cs[start:min(start+batch, len(cs))] {
			docs = append(docs, c)
		}
		cctx, cancel := context.WithTimeout(ctx, 6*s.timeout)
		_, err := s.db.Collection("comments").InsertMany(cctx, docs, options.InsertMany().SetOrdered(false))
		cancel()
		var bwe mongo.BulkWriteException
		if err != nil && errors.As(err, &bwe) && onlyDuplicates(bwe) {
			continue
		}
		if err != nil {
			return wrap("add comments", err)
		}
	}
	return nil
}

// Comments returns the carried-over comments of story n in lang, oldest first.
func (s *Store) Comments(ctx context.Context, n int, lang string) ([]Comment, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	cur, err := s.db.Collection("comments").Find(ctx, bson.D{{Key: "number", Value: n}, {Key: "lang", Value: lang}},
		options.Find().SetSort(bson.D{{Key: "at", Value: 1}}).SetLimit(2000))
	if err != nil {
		return nil, wrap("comments", err)
	}
	var out []Comment
	if err := cur.All(ctx, &out); err != nil {
		return nil, wrap("comments", err)
	}
	return out, nil
}
