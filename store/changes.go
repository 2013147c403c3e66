package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sort"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// The changes collection:
//
//	changes  _id "<UTC unix ms, 13 digits>-<origin>-<seq>"  one write other
//	         instances must learn about; pruned after ChangeRetention
//
// Every write that instances sharing the database keep in memory (stories
// and their versions, photos, sections, reporters, the paper's settings,
// deletions) appends an entry here after the write itself. Instances read
// only the entries newer than the last they applied, so a poll reads a
// collection of about an hour's writes on any server (the embedded server
// answers no range query from an index, so polling a large collection by an
// indexed time would scan all of it). An entry names what changed, never
// its content: the reader fetches the current state by key, so entries
// applied out of order still leave the latest state.

// Kinds of change; Keys says which ones changed.
const (
	ChangedStory     = "story"     // Keys: story numbers; a story not found was deleted
	ChangedPhoto     = "photo"     // Keys: photo IDs; a photo not found was deleted
	ChangedSections  = "sections"  // the sections (Keys: their slugs)
	ChangedAuthors   = "authors"   // the reporters (Keys: their handles)
	ChangedSettings  = "settings"  // the paper's identity
	ChangedFronts    = "fronts"    // the editors' front pages (Keys: their languages)
	ChangedRedirects = "redirects" // old addresses added (Keys: some of them)
)

// ChangeRetention is how long change entries are kept. An instance that
// could not read them for longer reloads everything instead.
const ChangeRetention = time.Hour

// maxPendingChanges bounds the entries kept in memory while the database
// does not take them; past it, one entry asking for a full reload stands for
// all of them.
const maxPendingChanges = 10000

// ChangedEverything asks every instance to reload all it keeps in memory
// (written when this instance lost track of what it changed).
const ChangedEverything = "everything"

// Change is one entry of the change log.
type Change struct {
	ID     string    `bson:"_id"`
	At     time.Time `bson:"at"`
	Kind   string    `bson:"kind"`
	Keys   []string  `bson:"keys,omitempty"`
	Origin string    `bson:"origin"` // the Store (instance) that wrote it
}

// changeLog is a Store's side of the change log.
type changeLog struct {
	origin string

	mu      sync.Mutex
	seq     uint64
	pending []Change // recorded while the database did not answer
	lost    bool     // more than maxPendingChanges were pending
}

func newChangeLog() *changeLog {
	b := make([]byte, 4)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return &changeLog{origin: hex.EncodeToString(b)}
}

// changeKey is the _id prefix of entries written at t: fixed-width
// milliseconds, so that _id order is time order across instances.
func changeKey(t time.Time) string { return fmt.Sprintf("%013d", t.UnixMilli()) }

// Origin names this Store in the change entries it writes, so that an
// instance can skip its own.
func (s *Store) Origin() string { return s.changes.origin }

// RecordChange appends an entry to the change log: kind of thing, and
// which ones. Every write that other instances must learn about calls it
// after the write succeeded (the store's own writes do; an importer or API
// writing through its own path must too). When the database does not take
// the entry, it is kept and written with the next call or FlushChanges, so
// the write it announces does not fail for it.
func (s *Store) RecordChange(ctx context.Context, kind string, keys ...string) error {
	c := s.changes
	c.mu.Lock()
	if len(c.pending) >= maxPendingChanges {
		c.pending, c.lost = nil, true
	} else {
		c.pending = append(c.pending, Change{Kind: kind, Keys: keys})
	}
	c.mu.Unlock()
	return s.FlushChanges(ctx)
}

// FlushChanges writes the entries that could not be written when they were
// recorded; the follow loop calls it every round.
func (s *Store) FlushChanges(ctx context.Context) error {
	c := s.changes
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lost {
		c.pending = []Change{{Kind: ChangedEverything}}
		c.lost = false
	}
	for len(c.pending) > 0 {
		ch := c.pending[0]
		c.seq++
		ch.At = time.Now().UTC().Truncate(time.Millisecond)
		ch.ID = fmt.Sprintf("%s-%s-%d", changeKey(ch.At), c.origin, c.seq)
		ch.Origin = c.origin
		cctx, cancel := s.ctx(context.WithoutCancel(ctx))
		_, err := s.db.Collection("changes").InsertOne(cctx, ch)
		cancel()
		if err != nil {
			return wrap("record change "+ch.Kind, err)
		}
		c.pending = c.pending[1:]
	}
	return nil
}

// recordChange is RecordChange for the store's own writes: the write has
// happened, and an entry the database did not take is retried later, so
// the error is not the caller's.
func (s *Store) recordChange(ctx context.Context, kind string, keys ...string) {
	_ = s.RecordChange(ctx, kind, keys...) // kept pending; FlushChanges retries
}

// ChangesSince returns the change entries written at or after t, in _id
// (time) order.
func (s *Store) ChangesSince(ctx context.Context, t time.Time) ([]Change, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	cur, err := s.db.Collection("changes").Find(ctx,
		bson.D{{Key: "_id", Value: bson.D{{Key: "$gte", Value: changeKey(t)}}}},
		options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return nil, wrap("changes since", err)
	}
	var out []Change
	if err := cur.All(ctx, &out); err != nil {
		return nil, wrap("changes since", err)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// PruneChanges removes the entries written before t.
func (s *Store) PruneChanges(ctx context.Context, before time.Time) (int64, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	res, err := s.db.Collection("changes").DeleteMany(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$lt", Value: changeKey(before)}}}})
	if err != nil {
		return 0, wrap("prune changes", err)
	}
	return res.DeletedCount, nil
}
