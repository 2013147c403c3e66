package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// The sessions collection:
//
//	sessions  _id "<SHA-256 of the cookie token, base64url>"  one logged-in browser
//
// The embedded server refuses TTL indexes, so every session carries its own
// deadlines: Session deletes an expired one when it meets it and
// PurgeSessions sweeps the rest.

// Session is one logged-in browser. The browser holds a random token; only
// its SHA-256 is stored (as ID), so a copy of the database does not hold
// live sessions. Package auth makes the token, the ID and the deadlines.
type Session struct {
	ID     string `bson:"_id"`
	UserID string `bson:"user"`
	// CSRF is the token forms must send back with every state-changing
	// request of this session.
	CSRF      string    `bson:"csrf"`
	IP        string    `bson:"ip,omitempty"` // where it logged in, for the audit trail
	CreatedAt time.Time `bson:"created_at"`
	LastSeen  time.Time `bson:"last_seen"`
	// IdleUntil is LastSeen plus the idle timeout; ExpiresAt is CreatedAt
	// plus the absolute lifetime. The session is dead from whichever comes first.
	IdleUntil time.Time `bson:"idle_until"`
	ExpiresAt time.Time `bson:"expires_at"`
}

// Expired reports whether the session is dead at now.
func (x *Session) Expired(now time.Time) bool {
	return !now.Before(x.IdleUntil) || !now.Before(x.ExpiresAt)
}

func (x *Session) truncate() {
	for _, t := range []*time.Time{&x.CreatedAt, &x.LastSeen, &x.IdleUntil, &x.ExpiresAt} {
		*t = t.UTC().Truncate(time.Millisecond)
	}
}

// CreateSession inserts a new session.
func (s *Store) CreateSession(ctx context.Context, x *Session) error {
	x.truncate()
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("sessions").InsertOne(ctx, x)
	if mongo.IsDuplicateKeyError(err) {
		return fmt.Errorf("store: create session: %w", ErrExists)
	}
	return wrap("create session", err)
}

// RotateSession inserts x and then deletes the session oldID (if not
// empty), so that logging in always yields a fresh ID and a session ID
// planted before login is worthless afterwards.
func (s *Store) RotateSession(ctx context.Context, oldID string, x *Session) error {
	if err := s.CreateSession(ctx, x); err != nil {
		return err
	}
	if oldID == "" || oldID == x.ID {
		return nil
	}
	return s.DeleteSession(ctx, oldID)
}

// Session returns the live session id at now. A session past its idle or
// absolute deadline is deleted and reported as ErrNotFound, like one that
// never existed.
func (s *Store) Session(ctx context.Context, id string, now time.Time) (*Session, error) {
	cctx, cancel := s.ctx(ctx)
	defer cancel()
	var x Session
	if err := s.db.Collection("sessions").FindOne(cctx, idFilter(id)).Decode(&x); err != nil {
		return nil, wrap("session", err)
	}
	if x.Expired(now) {
		if err := s.DeleteSession(ctx, id); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("store: session expired: %w", ErrNotFound)
	}
	return &x, nil
}

// TouchSession records that session id was used at now and pushes its idle
// deadline to idleUntil. Callers limit how often they call it (auth: once a
// minute per session) because each call is a write.
func (s *Store) TouchSession(ctx context.Context, id string, now, idleUntil time.Time) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	set := bson.D{
		{Key: "last_seen", Value: now.UTC().Truncate(time.Millisecond)},
		{Key: "idle_until", Value: idleUntil.UTC().Truncate(time.Millisecond)},
	}
	res, err := s.db.Collection("sessions").UpdateOne(ctx, idFilter(id), bson.D{{Key: "$set", Value: set}})
	if err == nil && res.MatchedCount == 0 {
		err = mongo.ErrNoDocuments
	}
	return wrap("touch session", err)
}

// DeleteSession ends one session. Ending a session that is already gone is
// not an error, so logging out twice is harmless.
func (s *Store) DeleteSession(ctx context.Context, id string) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("sessions").DeleteOne(ctx, idFilter(id))
	return wrap("delete session", err)
}

// DeleteUserSessions ends every session of a user (password change,
// account disabled) and returns how many there were.
func (s *Store) DeleteUserSessions(ctx context.Context, userID string) (int, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	res, err := s.db.Collection("sessions").DeleteMany(ctx, bson.D{{Key: "user", Value: userID}})
	if err != nil {
		return 0, wrap("delete sessions of "+userID, err)
	}
	return int(res.DeletedCount), nil
}

// PurgeSessions deletes every session dead at now and returns how many; run
// it now and then (the embedded server has no TTL indexes).
func (s *Store) PurgeSessions(ctx context.Context, now time.Time) (int, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	now = now.UTC().Truncate(time.Millisecond)
	filter := bson.D{{Key: "$or", Value: bson.A{
		bson.D{{Key: "idle_until", Value: bson.D{{Key: "$lte", Value: now}}}},
		bson.D{{Key: "expires_at", Value: bson.D{{Key: "$lte", Value: now}}}},
	}}}
	res, err := s.db.Collection("sessions").DeleteMany(ctx, filter)
	if err != nil {
		return 0, wrap("purge sessions", err)
	}
	return int(res.DeletedCount), nil
}
