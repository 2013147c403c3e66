package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// maxListedRevisions bounds one history listing; a version saved more often
// than this shows its latest revisions.
const maxListedRevisions = 1000

// Revisions returns revisions 1..head of one language version, newest
// first, without their bodies. Revisions are read from the copies kept in
// the data dir; only those missing there (saved through another instance)
// come from the database, in one $in lookup by _id whose ids are computed
// (a scan of the revisions on the embedded server, once: they are kept
// afterwards). Revisions missing from the database (never expected) are
// skipped.
func (s *Store) Revisions(ctx context.Context, n int, lang string, head int) ([]Revision, error) {
	if head <= 0 {
		return nil, nil
	}
	first := max(1, head-maxListedRevisions+1)
	var out []Revision
	ids := make([]string, 0, head-first+1)
	for r := first; r <= head; r++ {
		if kept, ok := s.bodies.revision(n, lang, r); ok {
			out = append(out, kept)
			continue
		}
		ids = append(ids, revisionID(n, lang, r))
	}
	if len(ids) > 0 {
		got, err := s.fetchRevisions(ctx, n, lang, ids)
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	slices.SortFunc(out, func(a, b Revision) int { return b.Revision - a.Revision })
	return out, nil
}

// fetchRevisions reads the revisions ids (of n/lang) from the database,
// bodies included so that they are kept locally for the next time.
func (s *Store) fetchRevisions(ctx context.Context, n int, lang string, ids []string) ([]Revision, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*s.timeout)
	defer cancel()
	what := fmt.Sprintf("revisions of %d/%s", n, lang)
	cur, err := s.db.Collection("revisions").Find(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}})
	if err != nil {
		return nil, wrap(what, err)
	}
	defer cur.Close(ctx)
	var out []Revision
	if err := cur.All(ctx, &out); err != nil {
		return nil, wrap(what, err)
	}
	for i := range out {
		s.bodies.putRevision(out[i])
		out[i].Body = ""
	}
	return out, nil
}

// The presence collection:
//
//	presence  _id "<number>/<lang>"  who has the editor of a language version open
//
// One document per language version, read by _id, holding a map of user
// key → last heartbeat. It is a soft notice, not a lock: a heartbeat lost
// to a concurrent update on the embedded server comes back with the next
// one (every ~30 s), and entries simply age out of view.

// Presence is someone seen with a language version's editor open.
type Presence struct {
	User string    `bson:"user"`
	Name string    `bson:"name"`
	At   time.Time `bson:"at"`
}

type presenceDoc struct {
	ID      string              `bson:"_id"`
	Editors map[string]Presence `bson:"editors"`
}

func presenceID(n int, lang string) string { return strconv.Itoa(n) + "/" + lang }

// presenceKey makes a user ID usable as a field name (no '.', no leading '$').
func presenceKey(user string) string {
	return "u" + fmt.Sprintf("%x", user)
}

// Heartbeat records that p has the editor of n/lang open at p.At.
func (s *Store) Heartbeat(ctx context.Context, n int, lang string, p Presence) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	p.At = p.At.UTC().Truncate(time.Millisecond)
	filter := bson.D{{Key: "_id", Value: presenceID(n, lang)}}
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "editors." + presenceKey(p.User), Value: p}}}}
	coll := s.db.Collection("presence")
	_, err := coll.UpdateOne(ctx, filter, update, options.UpdateOne().SetUpsert(true))
	if err != nil && mongo.IsDuplicateKeyError(err) {
		// Two first heartbeats raced to create the document; it exists now.
		_, err = coll.UpdateOne(ctx, filter, update)
	}
	return wrap("heartbeat "+presenceID(n, lang), err)
}

// Leave records that user closed the editor of n/lang, so that nobody is
// told they are still there. It only unsets that user's entry: heartbeats
// of others, concurrent or not, are untouched.
func (s *Store) Leave(ctx context.Context, n int, lang, user string) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	filter := bson.D{{Key: "_id", Value: presenceID(n, lang)}}
	update := bson.D{{Key: "$unset", Value: bson.D{{Key: "editors." + presenceKey(user), Value: ""}}}}
	_, err := s.db.Collection("presence").UpdateOne(ctx, filter, update)
	return wrap("leave "+presenceID(n, lang), err)
}

// Present returns who was seen with the editor of n/lang open at or after
// since, most recent first.
func (s *Store) Present(ctx context.Context, n int, lang string, since time.Time) ([]Presence, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	var d presenceDoc
	err := s.db.Collection("presence").FindOne(ctx, bson.D{{Key: "_id", Value: presenceID(n, lang)}}).Decode(&d)
	if err = wrap("presence "+presenceID(n, lang), err); err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil, nil
		}
		return nil, err
	}
	var out []Presence
	for _, p := range d.Editors {
		if !p.At.Before(since) {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b Presence) int { return b.At.Compare(a.At) })
	return out, nil
}
