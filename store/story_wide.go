package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/newsroom/newsroom/story"
)

// The wide_revisions collection:
//
//	wide_revisions  _id "<number>/<rev>"  the story-wide fields (section, tags, byline,
//	                                      photo, priority) as of each change; inserting
//	                                      rev head+1 is what serializes changes of them
//
// Revision 0 (the fields as they were before their first change through
// SaveWide) is recorded along with revision 1, so that an editor who
// started from 0 can still be told what they changed.

type wideRevision struct {
	ID       string     `bson:"_id"`
	Number   int        `bson:"number"`
	Revision int        `bson:"revision"`
	Wide     story.Wide `bson:"wide"`
	By       string     `bson:"by,omitempty"`
	At       time.Time  `bson:"at"`
}

func wideID(n, rev int) string { return fmt.Sprintf("%d/%d", n, rev) }

// WideRevision returns the story-wide fields of story n as they were at
// their revision rev: what an editor who loaded the form then started
// from. ErrNotFound when that revision was not recorded.
func (s *Store) WideRevision(ctx context.Context, n, rev int) (story.Wide, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	var r wideRevision
	id := wideID(n, rev)
	if err := s.db.Collection("wide_revisions").FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&r); err != nil {
		return story.Wide{}, wrap("story-wide revision "+id, err)
	}
	return r.Wide, nil
}

// SaveWide is Save that also replaces the story-wide fields with wide, as
// their revision st.WideRevision+1: st must be the stored story the caller
// merged wide against (story.MergeWide). Of several saves changing them
// from the same revision one wins; the others get ErrConflict and change
// nothing, their language version included.
func (s *Store) SaveWide(ctx context.Context, st *story.Story, lang string, base int, v story.Version, body, by string, wide story.Wide) (*story.Story, error) {
	return s.save(ctx, st, lang, base, v, body, by, &wide)
}

// insertWide records wide as revision st.WideRevision+1 of st's
// story-wide fields; the unique _id makes it the point of serialization.
func (s *Store) insertWide(ctx context.Context, st *story.Story, wide story.Wide, by string, at time.Time) error {
	coll := s.db.Collection("wide_revisions")
	if st.WideRevision == 0 {
		// What the first change started from; a racing first change
		// records the same, so a duplicate is fine.
		cctx, cancel := s.ctx(ctx)
		_, err := coll.InsertOne(cctx, wideRevision{ID: wideID(st.Number, 0), Number: st.Number, Wide: st.Wide(), At: st.CreatedAt})
		cancel()
		if err != nil && !mongo.IsDuplicateKeyError(err) {
			return wrap("insert story-wide revision "+wideID(st.Number, 0), err)
		}
	}
	rev := st.WideRevision + 1
	r := wideRevision{ID: wideID(st.Number, rev), Number: st.Number, Revision: rev, Wide: wide, By: by, At: at}
	cctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := coll.InsertOne(cctx, r)
	if mongo.IsDuplicateKeyError(err) {
		return fmt.Errorf("store: story-wide revision %s: %w", r.ID, ErrConflict)
	}
	return wrap("insert story-wide revision "+r.ID, err)
}

// wideSet is the $set of the story-wide fields at revision rev.
func wideSet(w story.Wide, rev int) bson.D {
	var st story.Story
	st.SetWide(w)
	return bson.D{
		{Key: "section", Value: st.Section},
		{Key: "tags", Value: st.Tags},
		{Key: "byline", Value: st.Byline},
		{Key: "photo", Value: st.Photo},
		{Key: "priority", Value: st.Priority},
		{Key: "wide_revision", Value: rev},
	}
}
