package store

import (
	"context"
	"log/slog"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// step is one idempotent piece of schema setup. Steps run in order at every
// start; each index is created on its own because the embedded server drops
// the connection when CreateMany meets an index that already exists.
type step struct {
	desc       string
	collection string
	keys       bson.D
	unique     bool
	name       string
}

// schema is the whole schema of the paper, in one place. Documents read by a
// natural key use it as a string _id instead of an index (the embedded
// server answers only a lone _id filter without a full scan).
//
//	stories    _id "<number>"              story with its language versions, no bodies;
//	                                       trashed_at set while it is in the trash
//	numbers    _id "<number>"              a story number once given, never deleted:
//	                                       inserting it allocates the number (numbers.go)
//	revisions  _id "<number>/<lang>/<rev>" every saved language version with its body;
//	                                       inserting rev base+1 is what serializes saves
//	wide_revisions _id "<number>/<rev>"    a story's section, tags, byline and photo as of each change
//	                                       (story.Wide); inserting rev head+1 serializes their changes
//	sections   _id "<slug>"
//	authors    _id "<handle>"
//	users      _id "<normalized email>"
//	invitations _id sha256(token)          one-time links to join; used once (claims jobs
//	                                       "invite/<id>"), expired in code after 7 days
//	sessions   _id sha256(token)           expired in code (no TTL indexes on the embedded server)
//	audit      _id "<UTC time>-<ObjectID>" insert only, time-ordered by _id
//	slugs      _id "<lang>/<slug>"         claimed by insert: a slug is unique per language
//	jobs       _id "publish/<n>/<lang>/<rev>" or "setup/first-admin": claimed by insert, done once
//	pending    _id "<n>/<lang>"             a non-editor's change of a live version, waiting for an editor
//	                                       (pending.go); approving saves it as a revision
//	presence   _id "<n>/<lang>"             who has a version open, per user (a soft notice, never a lock)
//	glossary   _id "<slug of the terms>"    the paper's names and terms
//	photos     _id "<photo id>"             metadata; originals and renditions in GridFS bucket "photos"
//	photo_hashes _id sha256(bytes uploaded) claimed by insert: the same bytes uploaded twice make one photo
//	locks      _id "<collection>/<key>"    held by the one writer updating that record (locks.go):
//	                                       the embedded server loses concurrent updates of one document
//	changes    _id "<unix ms>-<origin>-<seq>"  the change log other instances follow, kept an hour (changes.go)
//	login_failures _id "<throttling key>"  times of the key's recent failed logins; pruned in code (logins.go)
//	devices    _id sha256(device cookie)   browsers that logged in before; expired in code (logins.go)
//	imports    _id "wordpress/post/<id>"    what an imported item became (see imports.go)
//	redirects  _id "<old path or ?p=…>"     old addresses of an imported site, held in memory by the site
//	comments   _id "wordpress/<id>"         approved comments from a previous site, shown read-only
//	settings   _id "identity"               the paper's identity (settings page)
//	           _id "front"                  the editors' front pages by language (pins, banner);
//	                                        a save claims jobs "front/<lang>/<revision>"
//	           _id "demo-edition"           the demo edition is loaded (or loading): inserting it
//	                                        claims the load, so it happens once per database
//	           _id "demo-edition/takeover/<start>" claims the retry of a load that never finished
//	schema     _id "<version, 4 digits>"    the steps below that are done (schema.go); a step's
//	                                        version is its place in this list: append only
var schema = []step{
	// The first three are no longer read (the change log replaced polling
	// updated_at) but stay: a step's version is its place in this list.
	{"stories by change time, for catching up with other instances", "stories", bson.D{{Key: "updated_at", Value: 1}}, false, "updated_at"},
	{"photos by change time, for catching up with other instances", "photos", bson.D{{Key: "updated_at", Value: 1}}, false, "updated_at"},
	{"tombstones by time, for catching up with other instances", "deletions", bson.D{{Key: "at", Value: 1}}, false, "at"},
	{"stories by number, for the highest number at start", "stories", bson.D{{Key: "number", Value: -1}}, true, "number"},
	{"one revision per story, language and number", "revisions", bson.D{{Key: "number", Value: 1}, {Key: "lang", Value: 1}, {Key: "revision", Value: 1}}, true, "number_lang_revision"},
	{"sessions by user, for ending all of a user's sessions", "sessions", bson.D{{Key: "user", Value: 1}}, false, "user"},
	{"sessions by absolute deadline, for the periodic sweep", "sessions", bson.D{{Key: "expires_at", Value: 1}}, false, "expires_at"},
	{"sessions by idle deadline, for the periodic sweep", "sessions", bson.D{{Key: "idle_until", Value: 1}}, false, "idle_until"},
	// Issue 11: numbers never reused, and a change log instead of scans.
	{"story numbers given, by number, for the highest at start", "numbers", bson.D{{Key: "number", Value: -1}}, true, "number"},
}

// Migrate brings the database to this binary's schema: it runs the steps not
// yet recorded as done, records each, and refuses a database whose schema is
// newer than this binary's (ErrSchemaTooNew). Safe to run at every start.
func (s *Store) Migrate(ctx context.Context, log *slog.Logger) error {
	return s.migrate(ctx, log, schema)
}

// applyStep creates a step's index (idempotent: the same keys and name).
func (s *Store) applyStep(ctx context.Context, st step) error {
	cctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection(st.collection).Indexes().CreateOne(cctx, mongo.IndexModel{
		Keys:    st.keys,
		Options: options.Index().SetName(st.name).SetUnique(st.unique),
	})
	return err
}
