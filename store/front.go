package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsroom/newsroom/story"
)

// The front pages live in the settings collection:
//
//	settings  _id "front"   {langs: {<lang>: story.Front}}; a save of one
//	                        language claims jobs "front/<lang>/<revision>"
//	                        first, so that of two editors saving from the
//	                        same revision one gets ErrConflict.
const frontID = "front"

// Fronts returns the editors' front pages by language (empty when none was
// ever saved).
func (s *Store) Fronts(ctx context.Context) (map[string]story.Front, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	var d struct {
		Langs map[string]story.Front `bson:"langs"`
	}
	err := s.db.Collection("settings").FindOne(ctx, idFilter(frontID)).Decode(&d)
	if isNotFound(err) {
		return map[string]story.Front{}, nil
	}
	if err != nil {
		return nil, wrap("front pages", err)
	}
	if d.Langs == nil {
		d.Langs = map[string]story.Front{}
	}
	return d.Langs, nil
}

// SaveFront stores lang's front page f, made from revision base, as
// revision base+1 and returns it as stored. If base is not the stored
// revision, or someone else saves from it at the same moment, it returns
// ErrConflict and changes nothing. Only that language's field is written.
func (s *Store) SaveFront(ctx context.Context, lang string, base int, f story.Front, by string) (story.Front, error) {
	cur, err := s.Fronts(ctx)
	if err != nil {
		return story.Front{}, err
	}
	if cur[lang].Revision != base {
		return story.Front{}, fmt.Errorf("store: front page %s from revision %d (now %d): %w", lang, base, cur[lang].Revision, ErrConflict)
	}
	f.Revision = base + 1
	f.UpdatedBy = by
	f.UpdatedAt = time.Now().UTC().Truncate(time.Millisecond)
	won, err := s.ClaimJob(ctx, fmt.Sprintf("front/%s/%d", lang, f.Revision), by)
	if err != nil {
		return story.Front{}, err
	}
	if !won {
		return story.Front{}, fmt.Errorf("store: front page %s from revision %d: %w", lang, base, ErrConflict)
	}
	cctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err = s.db.Collection("settings").UpdateOne(cctx, idFilter(frontID),
		bson.D{{Key: "$set", Value: bson.D{{Key: "langs." + lang, Value: f}}}}, options.UpdateOne().SetUpsert(true))
	if err != nil {
		if rerr := s.ReleaseJob(context.WithoutCancel(ctx), fmt.Sprintf("front/%s/%d", lang, f.Revision)); rerr != nil {
			err = fmt.Errorf("%w (and releasing the claim failed: %v)", err, rerr)
		}
		return story.Front{}, wrap("save front page "+lang, err)
	}
	s.recordChange(ctx, ChangedFronts, lang)
	return f, nil
}
