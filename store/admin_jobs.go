package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// The jobs collection:
//
//	jobs  _id "<kind>/<key>"  one claimed piece of work ("publish/12/ko/3",
//	                          "setup/first-admin"); the insert into the _id
//	                          is the claim, so of several instances racing
//	                          for one job exactly one wins.

type jobDoc struct {
	ID string    `bson:"_id"`
	By string    `bson:"by,omitempty"`
	At time.Time `bson:"at"`
}

// ClaimJob claims job id for by: true if this call won it, false if it was
// already claimed (by anyone, earlier or concurrently).
func (s *Store) ClaimJob(ctx context.Context, id, by string) (bool, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("jobs").InsertOne(ctx, jobDoc{ID: id, By: by, At: time.Now().UTC().Truncate(time.Millisecond)})
	if mongo.IsDuplicateKeyError(err) {
		return false, nil
	}
	if err != nil {
		return false, wrap("claim job "+id, err)
	}
	return true, nil
}

// ReleaseJob gives a claimed job back (its work failed and may be retried).
func (s *Store) ReleaseJob(ctx context.Context, id string) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("jobs").DeleteOne(ctx, idFilter(id))
	return wrap("release job "+id, err)
}

// HasUsers reports whether any newsroom account exists (the setup page
// for the first admin is offered only while none does).
func (s *Store) HasUsers(ctx context.Context) (bool, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	err := s.db.Collection("users").FindOne(ctx, bson.D{}).Err()
	if isNotFound(err) {
		return false, nil
	}
	return err == nil, wrap("any user", err)
}
