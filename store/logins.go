package store

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// The login throttling collections, shared by every instance on the
// database (so the limits do not multiply with the instances):
//
//	login_failures  _id "<key>" ("acct:…", "pair:…", "ip:…", "dev:…")  the
//	                times of the key's recent failed logins (at most
//	                maxFailureTimes); read by a lone _id lookup, which the
//	                embedded server answers without decoding the collection,
//	                and changed under the key's lock (its updates are not
//	                atomic); keys idle for a window are pruned in code
//	devices         _id "<SHA-256 of the device cookie>"  a browser that
//	                logged in to an account before; expired in code

// maxFailureTimes is how many failures a key remembers: more than any
// limit counts (the delays reach their ceiling after a dozen).
const maxFailureTimes = 32

type failureDoc struct {
	Key   string      `bson:"_id"`
	Times []time.Time `bson:"times"`
	Last  time.Time   `bson:"last"`
}

// AddLoginFailures records one failed login, at at, under each key.
func (s *Store) AddLoginFailures(ctx context.Context, at time.Time, keys ...string) error {
	at = at.UTC().Truncate(time.Millisecond)
	for _, k := range keys {
		err := s.withLock(ctx, "login_failures/"+k, func(ctx context.Context) error {
			coll := s.db.Collection("login_failures")
			var d failureDoc
			if err := coll.FindOne(ctx, idFilter(k)).Decode(&d); err != nil && !isNotFound(err) {
				return wrap("login failures of "+k, err)
			}
			d.Key, d.Last = k, at
			d.Times = append(d.Times, at)
			if len(d.Times) > maxFailureTimes {
				d.Times = d.Times[len(d.Times)-maxFailureTimes:]
			}
			_, err := coll.ReplaceOne(ctx, idFilter(k), d, options.Replace().SetUpsert(true))
			return wrap("add login failure of "+k, err)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// LoginFailures returns, per key, the times of the failures after since,
// oldest first.
func (s *Store) LoginFailures(ctx context.Context, since time.Time, keys ...string) (map[string][]time.Time, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	out := map[string][]time.Time{}
	for _, k := range keys {
		if _, seen := out[k]; seen {
			continue
		}
		var d failureDoc
		err := s.db.Collection("login_failures").FindOne(ctx, idFilter(k)).Decode(&d)
		if isNotFound(err) {
			continue
		}
		if err != nil {
			return nil, wrap("login failures of "+k, err)
		}
		out[k] = []time.Time{}
		for _, t := range d.Times {
			if t.After(since) {
				out[k] = append(out[k], t)
			}
		}
		slices.SortFunc(out[k], func(a, b time.Time) int { return a.Compare(b) })
	}
	return out, nil
}

// ClearLoginFailures forgets every failure counted under the keys (a
// successful login, an admin lifting a lockout) and says how many there were.
func (s *Store) ClearLoginFailures(ctx context.Context, keys ...string) (int, error) {
	n := 0
	for _, k := range keys {
		err := s.withLock(ctx, "login_failures/"+k, func(ctx context.Context) error {
			var d failureDoc
			coll := s.db.Collection("login_failures")
			err := coll.FindOne(ctx, idFilter(k)).Decode(&d)
			if isNotFound(err) {
				return nil
			}
			if err != nil {
				return wrap("login failures of "+k, err)
			}
			n += len(d.Times)
			_, err = coll.DeleteOne(ctx, idFilter(k))
			return wrap("clear login failures of "+k, err)
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// ClearLoginFailuresPrefix forgets every failure counted under a key that
// starts with prefix (all addresses' counts of one account). It reads the
// whole collection: for an admin's action, not for every login.
func (s *Store) ClearLoginFailuresPrefix(ctx context.Context, prefix string) (int, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	filter := bson.D{{Key: "_id", Value: bson.D{{Key: "$regex", Value: "^" + regexp.QuoteMeta(prefix)}}}}
	res, err := s.db.Collection("login_failures").DeleteMany(ctx, filter)
	if err != nil {
		return 0, wrap("clear login failures", err)
	}
	return int(res.DeletedCount), nil
}

// PruneLoginFailures deletes the keys whose last failure is at or before
// before, which no limit counts any more.
func (s *Store) PruneLoginFailures(ctx context.Context, before time.Time) (int, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	res, err := s.db.Collection("login_failures").DeleteMany(ctx,
		bson.D{{Key: "last", Value: bson.D{{Key: "$lte", Value: before.UTC().Truncate(time.Millisecond)}}}})
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
