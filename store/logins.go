package store

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// The login throttling collections, shared by every instance on the
// database (so the limits do not multiply with the instances):
//
//	login_failures  _id "<UTC time>-<ObjectID>"  one failed login under one
//	                key ("acct:…", "pair:…", "ip:…", "dev:…"); inserted,
//	                never updated (the embedded server's updates are not
//	                atomic, inserts are exact), pruned in code after the
//	                throttling window, so the collection holds only the
//	                last window's failures and a scan of it stays small
//	devices         _id "<SHA-256 of the device cookie>"  a browser that
//	                logged in to an account before; expired in code

// LoginFailure is one failed login counted under one throttling key.
type LoginFailure struct {
	ID  string    `bson:"_id"`
	Key string    `bson:"key"`
	At  time.Time `bson:"at"`
}

// AddLoginFailures records one failed login, at at, under each key.
func (s *Store) AddLoginFailures(ctx context.Context, at time.Time, keys ...string) error {
	docs := make([]any, len(keys))
	for i, k := range keys {
		docs[i] = LoginFailure{ID: auditID(at), Key: k, At: at.UTC().Truncate(time.Millisecond)}
	}
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("login_failures").InsertMany(ctx, docs)
	return wrap("add login failures", err)
}

// LoginFailures returns, per key, the times of the failures after since,
// oldest first.
func (s *Store) LoginFailures(ctx context.Context, since time.Time, keys ...string) (map[string][]time.Time, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	filter := bson.D{
		{Key: "key", Value: bson.D{{Key: "$in", Value: keys}}},
		{Key: "at", Value: bson.D{{Key: "$gt", Value: since.UTC().Truncate(time.Millisecond)}}},
	}
	cur, err := s.db.Collection("login_failures").Find(ctx, filter)
	if err != nil {
		return nil, wrap("login failures", err)
	}
	var docs []LoginFailure
	if err := cur.All(ctx, &docs); err != nil {
		return nil, wrap("login failures", err)
	}
	out := map[string][]time.Time{}
	for _, d := range docs {
		out[d.Key] = append(out[d.Key], d.At)
	}
	for _, ts := range out {
		slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
	}
	return out, nil
}

// ClearLoginFailures forgets every failure counted under the keys (a
// successful login, an admin lifting a lockout) and says how many there were.
func (s *Store) ClearLoginFailures(ctx context.Context, keys ...string) (int, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	res, err := s.db.Collection("login_failures").DeleteMany(ctx, bson.D{{Key: "key", Value: bson.D{{Key: "$in", Value: keys}}}})
	if err != nil {
		return 0, wrap("clear login failures", err)
	}
	return int(res.DeletedCount), nil
}

// ClearLoginFailuresPrefix forgets every failure counted under a key that
// starts with prefix (all addresses' counts of one account).
func (s *Store) ClearLoginFailuresPrefix(ctx context.Context, prefix string) (int, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	filter := bson.D{{Key: "key", Value: bson.D{{Key: "$regex", Value: "^" + regexp.QuoteMeta(prefix)}}}}
	res, err := s.db.Collection("login_failures").DeleteMany(ctx, filter)
	if err != nil {
		return 0, wrap("clear login failures", err)
	}
	return int(res.DeletedCount), nil
}

// PruneLoginFailures deletes the failures at or before before, which no
// limit counts any more.
func (s *Store) PruneLoginFailures(ctx context.Context, before time.Time) (int, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	res, err := s.db.Collection("login_failures").DeleteMany(ctx,
		bson.D{{Key: "at", Value: bson.D{{Key: "$lte", Value: before.UTC().Truncate(time.Millisecond)}}}})
	if err != nil {
		return 0, wrap("prune login failures", err)
	}
	return int(res.DeletedCount), nil
}

// Device is a browser that logged in to an account: the browser keeps a
// random token in a cookie, the database its SHA-256 (package auth makes
// both). A login from a known device is not held back by the throttling
// of an account that strangers are guessing at.
type Device struct {
	ID        string    `bson:"_id"`
	UserID    string    `bson:"user"`
	CreatedAt time.Time `bson:"created_at"`
	ExpiresAt time.Time `bson:"expires_at"`
}

// AddDevice stores a newly known device.
func (s *Store) AddDevice(ctx context.Context, d Device) error {
	d.CreatedAt, d.ExpiresAt = d.CreatedAt.UTC().Truncate(time.Millisecond), d.ExpiresAt.UTC().Truncate(time.Millisecond)
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("devices").InsertOne(ctx, d)
	if mongo.IsDuplicateKeyError(err) {
		return fmt.Errorf("store: add device: %w", ErrExists)
	}
	return wrap("add device", err)
}

// Device returns the device with the given ID, unless it expired by now
// (ErrNotFound).
func (s *Store) Device(ctx context.Context, id string, now time.Time) (*Device, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	var d Device
	if err := s.db.Collection("devices").FindOne(ctx, idFilter(id)).Decode(&d); err != nil {
		return nil, wrap("device", err)
	}
	if !now.Before(d.ExpiresAt) {
		return nil, fmt.Errorf("store: device: expired: %w", ErrNotFound)
	}
	return &d, nil
}

// PurgeDevices deletes the devices expired by now.
func (s *Store) PurgeDevices(ctx context.Context, now time.Time) (int, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	res, err := s.db.Collection("devices").DeleteMany(ctx,
		bson.D{{Key: "expires_at", Value: bson.D{{Key: "$lte", Value: now.UTC().Truncate(time.Millisecond)}}}})
	if err != nil {
		return 0, wrap("purge devices", err)
	}
	return int(res.DeletedCount), nil
}
