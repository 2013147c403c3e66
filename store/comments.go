package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
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
	docs := make([]any, len(cs))
	for i, c := range cs {
		docs[i] = c
	}
	return s.insertManyNew(ctx, "comments", docs)
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
