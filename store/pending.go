package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsroom/newsroom/story"
)

// maxListedPending bounds the dashboard's list of pending changes.
const maxListedPending = 200

// Pending is a change of a live language version saved by someone who may
// not publish: it waits here, one per version, until an editor approves it
// (it is then saved as revision Base+1 through Save) or rejects it (the
// text is dropped; the note stays for its author to read).
type Pending struct {
	ID         string        `bson:"_id"` // "<number>/<lang>"
	Number     int           `bson:"number"`
	Lang       string        `bson:"lang"`
	Base       int           `bson:"base"` // the published revision the change was made from
	Version    story.Version `bson:"version"`
	Body       string        `bson:"body"`
	Wide       *story.Wide   `bson:"wide,omitempty"` // story-wide fields the change sets, if any
	WideBase   int           `bson:"wide_base"`      // the story-wide revision they were changed from
	By         string        `bson:"by"`
	At         time.Time     `bson:"at"`
	Rejected   bool          `bson:"rejected,omitempty"`
	RejectedBy string        `bson:"rejected_by,omitempty"`
	Note       string        `bson:"note,omitempty"`
}

func pendingID(n int, lang string) string { return fmt.Sprintf("%d/%s", n, lang) }

// PendingChange returns the pending (or rejected) change of n/lang, or ErrNotFound.
func (s *Store) PendingChange(ctx context.Context, n int, lang string) (*Pending, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	var p Pending
	id := pendingID(n, lang)
	if err := s.db.Collection("pending").FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&p); err != nil {
		return nil, wrap("pending "+id, err)
	}
	return &p, nil
}

// PendingChanges lists the changes waiting for an editor, oldest first.
// The collection holds only what waits or was just rejected, so reading it
// whole stays small.
func (s *Store) PendingChanges(ctx context.Context) ([]Pending, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	cur, err := s.db.Collection("pending").Find(ctx, bson.D{{Key: "rejected", Value: bson.D{{Key: "$ne", Value: true}}}},
		options.Find().SetSort(bson.D{{Key: "at", Value: 1}}).SetLimit(maxListedPending).SetProjection(bson.D{{Key: "body", Value: 0}}))
	if err != nil {
		return nil, wrap("pending changes", err)
	}
	defer cur.Close(ctx)
	var out []Pending
	if err := cur.All(ctx, &out); err != nil {
		return nil, wrap("pending changes", err)
	}
	return out, nil
}

// SavePending keeps p as the pending change of its version. A change
// another person has waiting there (not yet rejected) is ErrConflict: it is
// never replaced unseen. The author's own earlier change, or a rejected
// one, is replaced only if it is still the one read (its time).
func (s *Store) SavePending(ctx context.Context, p Pending) error {
	p.ID = pendingID(p.Number, p.Lang)
	p.At = p.At.UTC().Truncate(time.Millisecond)
	p.Rejected, p.RejectedBy, p.Note = false, "", ""
	cctx, cancel := s.ctx(ctx)
	defer cancel()
	coll := s.db.Collection("pending")
	_, err := coll.InsertOne(cctx, p)
	if !mongo.IsDuplicateKeyError(err) {
		return wrap("save pending "+p.ID, err)
	}
	old, err := s.PendingChange(ctx, p.Number, p.Lang)
	if err != nil {
		return err
	}
	if old.By != p.By && !old.Rejected {
		return fmt.Errorf("store: pending %s held by another: %w", p.ID, ErrConflict)
	}
	rctx, rcancel := s.ctx(ctx)
	defer rcancel()
	res, err := coll.ReplaceOne(rctx, bson.D{{Key: "_id", Value: p.ID}, {Key: "at", Value: old.At}}, p)
	if err != nil {
		return wrap("save pending "+p.ID, err)
	}
	if res.MatchedCount == 0 {
		return fmt.Errorf("store: pending %s changed meanwhile: %w", p.ID, ErrConflict)
	}
	return nil
}

// DropPending removes the pending change p (once approved), if it is still
// the one read: a newer change saved meanwhile stays, waiting.
func (s *Store) DropPending(ctx context.Context, p *Pending) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("pending").DeleteOne(ctx, bson.D{{Key: "_id", Value: p.ID}, {Key: "at", Value: p.At}})
	return wrap("drop pending "+p.ID, err)
}

// RejectPending sets the pending change p aside with an editor's note: its
// text is dropped, the note stays for the author until their next change.
// A change saved since p was read is ErrConflict.
func (s *Store) RejectPending(ctx context.Context, p *Pending, by, note string) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	res, err := s.db.Collection("pending").UpdateOne(ctx, bson.D{{Key: "_id", Value: p.ID}, {Key: "at", Value: p.At}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "rejected", Value: true}, {Key: "rejected_by", Value: by}, {Key: "note", Value: note}, {Key: "body", Value: ""}}}})
	if err != nil {
		return wrap("reject pending "+p.ID, err)
	}
	if res.MatchedCount == 0 {
		return fmt.Errorf("store: pending %s changed meanwhile: %w", p.ID, ErrConflict)
	}
	return nil
}
