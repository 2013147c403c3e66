package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// The invitations collection:
//
//	invitations  _id sha256(token)  a one-time link to set a password and
//	                                join; the token itself is never stored.
//	                                Using it claims jobs "invite/<_id>" first,
//	                                so that it serves once even if two
//	                                browsers open it at the same moment.

// Invitation is an account an admin prepared, waiting for its owner to set
// a password through a one-time link.
type Invitation struct {
	ID        string    `bson:"_id"`
	Email     string    `bson:"email"`
	Name      string    `bson:"name"`
	Role      Role      `bson:"role"`
	Lang      string    `bson:"lang,omitempty"`
	Handle    string    `bson:"handle,omitempty"`
	CreatedBy string    `bson:"created_by"`
	CreatedAt time.Time `bson:"created_at"`
	ExpiresAt time.Time `bson:"expires_at"`
	UsedAt    time.Time `bson:"used_at,omitempty"`
}

// CreateInvitation stores inv (its ID already the token's hash).
func (s *Store) CreateInvitation(ctx context.Context, inv Invitation) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("invitations").InsertOne(ctx, inv)
	if mongo.IsDuplicateKeyError(err) {
		return fmt.Errorf("store: create invitation: %w", ErrExists)
	}
	return wrap("create invitation", err)
}

// Invitation returns the invitation with the given ID (a token's hash).
func (s *Store) Invitation(ctx context.Context, id string) (*Invitation, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	var inv Invitation
	if err := s.db.Collection("invitations").FindOne(ctx, idFilter(id)).Decode(&inv); err != nil {
		return nil, wrap("invitation", err)
	}
	return &inv, nil
}

// UseInvitation marks invitation id used at t: true if this call did, false
// if it had been used already (by anyone, earlier or concurrently).
func (s *Store) UseInvitation(ctx context.Context, id string, t time.Time) (bool, error) {
	won, err := s.ClaimJob(ctx, "invite/"+id, "")
	if err != nil || !won {
		return false, err
	}
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err = s.db.Collection("invitations").UpdateOne(ctx, idFilter(id),
		bson.D{{Key: "$set", Value: bson.D{{Key: "used_at", Value: t.UTC().Truncate(time.Millisecond)}}}})
	return true, wrap("use invitation", err)
}
