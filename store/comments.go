package store

import (
	"context"
	"strconv"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// The comments collection:
//
//	comments  _id "<number>/<lang>"  the approved reader comments a language
//	                                 version had on a previous site, all in one
//	                                 document, read by _id when its page is
//	                                 rendered (then cached) and shown read-only

// Comment is a reader comment carried over from a previous site.
type Comment struct {
	ID     string    `bson:"id"` // "<source>/<id there>"
	Parent string    `bson:"parent,omitempty"`
	Author string    `bson:"author"`
	Body   string    `bson:"body"` // plain text
	At     time.Time `bson:"at"`
}

// StoryComments are the comments of one language version.
type StoryComments struct {
	ID     string    `bson:"_id"`
	Number int       `bson:"number"`
	Lang   string    `bson:"lang"`
	Items  []Comment `bson:"items"`
}

func commentsID(n int, lang string) string { return strconv.Itoa(n) + "/" + lang }

// NewStoryComments makes the comments document of n/lang.
func NewStoryComments(n int, lang string, items []Comment) StoryComments {
	return StoryComments{ID: commentsID(n, lang), Number: n, Lang: lang, Items: items}
}

// AddComments stores the comments of language versions that have none
// yet; versions that have them keep theirs (a second import adds nothing).
func (s *Store) AddComments(ctx context.Context, cs []StoryComments) error {
	docs := make([]any, len(cs))
	for i, c := range cs {
		docs[i] = c
	}
	return s.insertManyNew(ctx, "comments", docs)
}

// Comments returns the carried-over comments of story n in lang, in the
// order stored (oldest first); none is ErrNotFound.
func (s *Store) Comments(ctx context.Context, n int, lang string) ([]Comment, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	var d StoryComments
	id := commentsID(n, lang)
	if err := s.db.Collection("comments").FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		return nil, wrap("comments "+id, err)
	}
	return d.Items, nil
}
