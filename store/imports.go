package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// The imports collection:
//
//	imports  _id "<source>/<kind>/<id>"  what an imported item became, e.g.
//	                                      "wordpress/post/12" → story 7 in ko at
//	                                      revision 1; "wordpress/attachment/40" →
//	                                      photo p3x…; inserted once an item is
//	                                      written, so that a second run updates
//	                                      instead of duplicating

// ImportRef is what one item of an import became.
type ImportRef struct {
	ID       string    `bson:"_id"`
	Number   int       `bson:"number,omitempty"`
	Lang     string    `bson:"lang,omitempty"`
	Revision int       `bson:"revision,omitempty"`
	Photo    string    `bson:"photo,omitempty"`
	Handle   string    `bson:"handle,omitempty"`
	Hash     string    `bson:"hash,omitempty"` // of the source item, to tell a changed one
	At       time.Time `bson:"at"`
}

// ImportRefs returns every reference of one source ("wordpress"), read once
// at the start of an import.
func (s *Store) ImportRefs(ctx context.Context, source string) (map[string]ImportRef, error) {
	ctx, cancel := context.WithTimeout(ctx, 6*s.timeout)
	defer cancel()
	cur, err := s.db.Collection("imports").Find(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$regex", Value: "^" + source + "/"}}}})
	if err != nil {
		return nil, wrap("import refs", err)
	}
	defer cur.Close(ctx)
	out := map[string]ImportRef{}
	for cur.Next(ctx) {
		var r ImportRef
		if err := cur.Decode(&r); err != nil {
			return nil, wrap("import refs: decode", err)
		}
		out[r.ID] = r
	}
	return out, wrap("import refs", cur.Err())
}

// AddImportRef records what an item became; a reference already recorded
// fails with ErrExists (another run wrote the item).
func (s *Store) AddImportRef(ctx context.Context, r ImportRef) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("imports").InsertOne(ctx, r)
	if mongo.IsDuplicateKeyError(err) {
		return fmt.Errorf("store: import ref %s: %w", r.ID, ErrExists)
	}
	return wrap("add import ref "+r.ID, err)
}

// UpdateImportRef moves a reference to the revision and hash a second run
// wrote, only if it still names the revision that run started from.
func (s *Store) UpdateImportRef(ctx context.Context, id string, fromRevision int, r ImportRef) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	res, err := s.db.Collection("imports").UpdateOne(ctx,
		bson.D{{Key: "_id", Value: id}, {Key: "revision", Value: fromRevision}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "revision", Value: r.Revision}, {Key: "hash", Value: r.Hash}, {Key: "at", Value: r.At}}}})
	if err == nil && res.MatchedCount == 0 {
		return fmt.Errorf("store: import ref %s: %w", id, ErrConflict)
	}
	return wrap("update import ref "+id, err)
}

// The redirects collection:
//
//	redirects  _id "<old path or ?p=…>"  an old address of an imported site and
//	                                     where it lives now; all of them are held
//	                                     in memory by the site and consulted only
//	                                     when no route matches

// Redirect sends an old address to its new one with a 301.
type Redirect struct {
	From   string    `bson:"_id"`
	To     string    `bson:"to"`
	Source string    `bson:"source,omitempty"` // "wordpress", "admin"
	At     time.Time `bson:"at"`
}

// Redirects returns every redirect, for the site's table.
func (s *Store) Redirects(ctx context.Context) ([]Redirect, error) {
	ctx, cancel := context.WithTimeout(ctx, 6*s.timeout)
	defer cancel()
	cur, err := s.db.Collection("redirects").Find(ctx, bson.D{})
	if err != nil {
		return nil, wrap("redirects", err)
	}
	var out []Redirect
	if err := cur.All(ctx, &out); err != nil {
		return nil, wrap("redirects", err)
	}
	return out, nil
}

// AddRedirects inserts redirects whose old address has none yet; those
// that have one keep it (an admin's choice is not overwritten by a
// re-import). It returns how many were added.
func (s *Store) AddRedirects(ctx context.Context, rs []Redirect) (int, error) {
	added := 0
	const batch = 1000
	for start := 0; start < len(rs); start += batch {
		docs := make([]any, 0, batch)
		for _, r := range rs[start:min(start+batch, len(rs))] {
			docs = append(docs, r)
		}
		cctx, cancel := context.WithTimeout(ctx, 6*s.timeout)
		_, err := s.db.Collection("redirects").InsertMany(cctx, docs, options.InsertMany().SetOrdered(false))
		cancel()
		n := len(docs)
		var bwe mongo.BulkWriteException
		if err != nil && errors.As(err, &bwe) && onlyDuplicates(bwe) {
			n, err = n-len(bwe.WriteErrors), nil
		}
		if err != nil {
			return added, wrap("add redirects", err)
		}
		added += n
	}
	if added > 0 {
		s.recordChange(ctx, ChangedRedirects)
	}
	return added, nil
}

func onlyDuplicates(e mongo.BulkWriteException) bool {
	for _, we := range e.WriteErrors {
		if we.Code != 11000 {
			return false
		}
	}
	return e.WriteConcernError == nil
}

// PutRedirect creates or replaces one redirect (the 404 monitor's "add").
func (s *Store) PutRedirect(ctx context.Context, r Redirect) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("redirects").ReplaceOne(ctx, bson.D{{Key: "_id", Value: r.From}}, r, options.Replace().SetUpsert(true))
	if err != nil {
		return wrap("put redirect "+r.From, err)
	}
	s.recordChange(ctx, ChangedRedirects, r.From)
	return nil
}

// AddImportRefs records many references at once (one write for a batch of
// an import); references already recorded are left as they are.
func (s *Store) AddImportRefs(ctx context.Context, rs []ImportRef) error {
	docs := make([]any, len(rs))
	for i, r := range rs {
		docs[i] = r
	}
	return s.insertManyNew(ctx, "imports", docs)
}

// insertManyNew inserts docs in batches, unordered, counting a document
// whose _id exists as done.
func (s *Store) insertManyNew(ctx context.Context, coll string, docs []any) error {
	const batch = 1000
	for start := 0; start < len(docs); start += batch {
		cctx, cancel := context.WithTimeout(ctx, 6*s.timeout)
		_, err := s.db.Collection(coll).InsertMany(cctx, docs[start:min(start+batch, len(docs))], options.InsertMany().SetOrdered(false))
		cancel()
		var bwe mongo.BulkWriteException
		if err != nil && errors.As(err, &bwe) && onlyDuplicates(bwe) {
			continue
		}
		if err != nil {
			return wrap("insert into "+coll, err)
		}
	}
	return nil
}
