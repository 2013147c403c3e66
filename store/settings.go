package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsroom/newsroom/story"
)

// Identity is the paper's identity as admins set it: what feeds, sitemaps,
// share metadata and every page's masthead say about the paper. Empty fields
// fall back to the configuration and the locale files.
type Identity struct {
	Name            story.Text `bson:"name,omitempty"` // per language
	BaseURL         string     `bson:"base_url,omitempty"`
	LogoURL         string     `bson:"logo_url,omitempty"`
	TimeZone        string     `bson:"time_zone,omitempty"`
	DefaultLanguage string     `bson:"default_language,omitempty"`
	Contact         string     `bson:"contact,omitempty"`
	// HideOldComments hides the comments carried over from a previous site.
	HideOldComments bool      `bson:"hide_old_comments,omitempty"`
	UpdatedBy       string    `bson:"updated_by,omitempty"`
	UpdatedAt       time.Time `bson:"updated_at,omitempty"`
}

const identityID = "identity"

// Identity returns the stored identity; a paper that never saved one gets
// the zero value (everything from the configuration).
func (s *Store) Identity(ctx context.Context) (Identity, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	var d struct {
		Identity `bson:",inline"`
	}
	err := s.db.Collection("settings").FindOne(ctx, bson.D{{Key: "_id", Value: identityID}}).Decode(&d)
	if isNotFound(err) {
		return Identity{}, nil
	}
	if err != nil {
		return Identity{}, wrap("identity", err)
	}
	return d.Identity, nil
}

// PutIdentity stores the whole identity (for tools and tests; the
// settings page uses UpdateIdentity, which keeps what it did not change).
func (s *Store) PutIdentity(ctx context.Context, id Identity) error {
	_, err := s.UpdateIdentity(ctx, func(cur *Identity) { *cur = id })
	return err
}

// UpdateIdentity applies change to the stored identity, under its lock, and
// returns the identity as saved. change sees what is stored now, so a save
// that changes only some fields keeps another admin's change of the others.
func (s *Store) UpdateIdentity(ctx context.Context, change func(*Identity)) (Identity, error) {
	var saved Identity
	err := s.withLock(ctx, "settings/"+identityID, func(ctx context.Context) error {
		cur, err := s.Identity(ctx)
		if err != nil {
			return err
		}
		change(&cur)
		doc := struct {
			ID       string `bson:"_id"`
			Identity `bson:",inline"`
		}{identityID, cur}
		_, err = s.db.Collection("settings").ReplaceOne(ctx, bson.D{{Key: "_id", Value: identityID}}, doc, options.Replace().SetUpsert(true))
		if err != nil {
			return wrap("put identity", err)
		}
		saved = cur
		s.recordChange(ctx, ChangedSettings, identityID)
		return nil
	})
	return saved, err
}
