package store

import (
	"context"
	"crypto/rand"
	"fmt"
	"hash/fnv"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// The locks collection:
//
//	locks  _id "<collection>/<key>"  held while one writer updates that
//	                                 document; the insert is the point of
//	                                 serialization
//
// The embedded server applies an update by reading the whole document and
// writing it back, so two concurrent updates of one document lose one of
// them even when they $set different fields (a preference save undoing a
// role change). Updates of small, rarely written records (accounts) hold
// the record's lock, which works across instances and on any server.

// lockLease is how long a lock may be held before another writer takes it
// over: a process that died holding one must not block the record for good.
// Every holder finishes well within it (one store call each way).
const lockLease = 30 * time.Second

type lockDoc struct {
	ID    string    `bson:"_id"`
	Owner string    `bson:"owner"`
	At    time.Time `bson:"at"`
}

// withLock runs fn while holding the lock on key, waiting for another
// holder up to the store's timeout (then ErrUnavailable).
func (s *Store) withLock(ctx context.Context, key string, fn func(ctx context.Context) error) error {
	// Writers in this process queue here rather than polling the database.
	h := fnv.New32a()
	h.Write([]byte(key))
	m := &s.recordLocks[h.Sum32()%uint32(len(s.recordLocks))]
	m.Lock()
	defer m.Unlock()

	ctx, cancel := s.ctx(ctx)
	defer cancel()
	coll := s.db.Collection("locks")
	owner := rand.Text()
	for wait := 2 * time.Millisecond; ; wait = min(2*wait, 50*time.Millisecond) {
		_, err := coll.InsertOne(ctx, lockDoc{ID: key, Owner: owner, At: time.Now().UTC()})
		if err == nil {
			break
		}
		if !mongo.IsDuplicateKeyError(err) {
			return wrap("lock "+key, err)
		}
		s.breakStaleLock(ctx, key)
		select {
		case <-ctx.Done():
			return fmt.Errorf("store: lock %s: held by another writer: %w: %w", key, ErrUnavailable, ctx.Err())
		case <-time.After(wait):
		}
	}
	defer func() {
		// Released even when the request is gone, or the record stays
		// locked for a whole lease.
		rctx, rcancel := s.ctx(context.WithoutCancel(ctx))
		defer rcancel()
		_, _ = coll.DeleteOne(rctx, bson.D{{Key: "_id", Value: key}, {Key: "owner", Value: owner}}) // a lost release expires with the lease
	}()
	return fn(ctx)
}

// breakStaleLock removes key's lock if its holder has had it for longer
// than the lease (it died or lost the database).
func (s *Store) breakStaleLock(ctx context.Context, key string) {
	var d lockDoc
	if err := s.db.Collection("locks").FindOne(ctx, bson.D{{Key: "_id", Value: key}}).Decode(&d); err != nil {
		return // released meanwhile, or unreadable: the next try tells
	}
	if time.Since(d.At) > lockLease {
		_, _ = s.db.Collection("locks").DeleteOne(ctx, bson.D{{Key: "_id", Value: key}, {Key: "owner", Value: d.Owner}}) // the next insert tells whether it worked
	}
}
