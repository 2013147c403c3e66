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

// PutIdentity stores the identity (one document; the last save wins, which
// is right for a settings page only admins use).
func (s *Store) PutIdentity(ctx context.Context, id Identity) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	doc := struct {
		ID       string `bson:"_id"`
		Identity `bson:",inline"`
	}{identityID, id}
	_, err := s.db.Collection("settings").ReplaceOne(ctx, bson.D{{Key: "_id", Value: identityID}}, doc, options.Replace().SetUpsert(true))
	return wrap("put identity", err)
}
