package store

import (
	"context"
	"fmt"
	"sort"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsroom/newsroom/glossary"
)

// The glossary collection:
//
//	glossary  _id "<slug of kind and ko/en terms>"  one name or term in every language
//
// The glossary is small (hundreds of entries) and read whole into a
// glossary.Glossary snapshot, so it needs no index beyond _id. Saves hold
// the entry's lock (locks.go) and change what the editor changed.

// glossaryDoc is an entry as stored.
type glossaryDoc struct {
	ID        string              `bson:"_id"`
	Kind      string              `bson:"kind"`
	Terms     map[string]string   `bson:"terms"`
	Variants  map[string][]string `bson:"variants,omitempty"`
	Title     map[string]string   `bson:"title,omitempty"`
	Note      string              `bson:"note,omitempty"`
	UpdatedBy string              `bson:"updated_by,omitempty"`
	UpdatedAt time.Time           `bson:"updated_at"`
}

func (d *glossaryDoc) entry() glossary.Entry {
	return glossary.Entry{ID: d.ID, Kind: glossary.Kind(d.Kind), Terms: d.Terms, Variants: d.Variants,
		Title: d.Title, Note: d.Note, UpdatedBy: d.UpdatedBy, UpdatedAt: d.UpdatedAt}
}

// GlossaryEntries returns the whole glossary, ordered by Korean term (byte
// order, which for Hangul is dictionary order) and then ID.
func (s *Store) GlossaryEntries(ctx context.Context) ([]glossary.Entry, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	cur, err := s.db.Collection("glossary").Find(ctx, bson.D{})
	if err != nil {
		return nil, wrap("glossary", err)
	}
	var docs []glossaryDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, wrap("glossary", err)
	}
	out := make([]glossary.Entry, len(docs))
	for i := range docs {
		out[i] = docs[i].entry()
	}
	sort.Slice(out, func(i, j int) bool {
		if a, b := out[i].Terms["ko"], out[j].Terms["ko"]; a != b {
			return a < b
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// PutGlossaryEntry creates or replaces an entry and returns it as stored.
// A new entry (empty ID) gets its slug as ID; an existing one keeps its ID
// even when its terms change. UpdatedAt defaults to now. An entry without
// a known kind or any term is refused with an error matching
// glossary.ErrInvalid.
func (s *Store) PutGlossaryEntry(ctx context.Context, e glossary.Entry) (glossary.Entry, error) {
	if e.ID == "" {
		c := e.Cleaned()
		e.ID = c.Slug()
	}
	return s.UpdateGlossaryEntry(ctx, e.ID, func(cur *glossary.Entry) { *cur = e })
}

// UpdateGlossaryEntry applies change to entry id (a zero entry with that ID
// if there is none yet) under the entry's lock, and stores and returns the
// result. change sees what is stored now, so a save that changes some
// fields keeps another editor's change of the others. Invalid results are
// refused as by PutGlossaryEntry.
func (s *Store) UpdateGlossaryEntry(ctx context.Context, id string, change func(*glossary.Entry)) (glossary.Entry, error) {
	var e glossary.Entry
	err := s.withLock(ctx, "glossary/"+id, func(ctx context.Context) error {
		coll := s.db.Collection("glossary")
		var d glossaryDoc
		err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d)
		switch {
		case err == nil:
			e = d.entry()
		case isNotFound(err):
			e = glossary.Entry{ID: id}
		default:
			return wrap("glossary entry "+id, err)
		}
		change(&e)
		e.ID = id
		e = e.Cleaned()
		if err := e.Validate(); err != nil {
			return fmt.Errorf("store: put glossary entry: %w", err)
		}
		if e.UpdatedAt.IsZero() {
			e.UpdatedAt = time.Now()
		}
		e.UpdatedAt = e.UpdatedAt.UTC().Truncate(time.Millisecond)
		d = glossaryDoc{ID: e.ID, Kind: string(e.Kind), Terms: e.Terms, Variants: e.Variants, Title: e.Title,
			Note: e.Note, UpdatedBy: e.UpdatedBy, UpdatedAt: e.UpdatedAt}
		_, err = coll.ReplaceOne(ctx, bson.D{{Key: "_id", Value: id}}, d, options.Replace().SetUpsert(true))
		return wrap("put glossary entry "+id, err)
	})
	return e, err
}

// DeleteGlossaryEntry removes an entry; ErrNotFound if there is none.
func (s *Store) DeleteGlossaryEntry(ctx context.Context, id string) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	res, err := s.db.Collection("glossary").DeleteOne(ctx, bson.D{{Key: "_id", Value: id}})
	if err != nil {
		return wrap("delete glossary entry "+id, err)
	}
	if res.DeletedCount == 0 {
		return fmt.Errorf("store: delete glossary entry %s: %w", id, ErrNotFound)
	}
	return nil
}
