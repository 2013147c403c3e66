package store

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsroom/newsroom/story"
)

// storyDoc is a story as stored: the number doubles as a string _id so that
// the embedded server can fetch it without a full scan.
type storyDoc struct {
	ID          string `bson:"_id"`
	story.Story `bson:",inline"`
}

// Revision is one saved state of a language version, body included.
type Revision struct {
	ID       string        `bson:"_id"`
	Number   int           `bson:"number"`
	Lang     string        `bson:"lang"`
	Revision int           `bson:"revision"`
	Version  story.Version `bson:"version"`
	Body     string        `bson:"body"`
	Section  string        `bson:"section"`
	Tags     []string      `bson:"tags"`
	Byline   []string      `bson:"byline"`
	By       string        `bson:"by,omitempty"`
	At       time.Time     `bson:"at"`
}

func storyID(n int) string { return strconv.Itoa(n) }

func revisionID(n int, lang string, rev int) string {
	return fmt.Sprintf("%d/%s/%d", n, lang, rev)
}

// Story returns story number n.
func (s *Store) Story(ctx context.Context, n int) (*story.Story, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	var d storyDoc
	err := s.db.Collection("stories").FindOne(ctx, bson.D{{Key: "_id", Value: storyID(n)}}).Decode(&d)
	if err != nil {
		return nil, wrap(fmt.Sprintf("story %d", n), err)
	}
	return &d.Story, nil
}

// Stories returns every story (without bodies), for loading the catalogue at start.
func (s *Store) Stories(ctx context.Context) ([]*story.Story, error) {
	return s.findStories(ctx, "all stories", bson.D{})
}

func (s *Store) findStories(ctx context.Context, what string, filter bson.D) ([]*story.Story, error) {
	// Loading the whole archive may take much longer than one ordinary
	// call: a server busy with other instances' catch-up took over 30 s for
	// 20,000 stories, and an instance that cannot load them cannot start.
	ctx, cancel := context.WithTimeout(ctx, 24*s.timeout)
	defer cancel()
	cur, err := s.db.Collection("stories").Find(ctx, filter)
	if err != nil {
		return nil, wrap(what, err)
	}
	defer cur.Close(ctx)
	var out []*story.Story
	for cur.Next(ctx) {
		var d storyDoc
		if err := cur.Decode(&d); err != nil {
			return nil, wrap(what+": decode", err)
		}
		st := d.Story
		out = append(out, &st)
	}
	return out, wrap(what, cur.Err())
}

// Body returns the Markdown body of a language version at a revision.
func (s *Store) Body(ctx context.Context, n int, lang string, rev int) (string, error) {
	if body, ok := s.bodies.get(n, lang, rev); ok {
		return body, nil
	}
	r, err := s.Revision(ctx, n, lang, rev)
	if err != nil {
		return "", err
	}
	s.bodies.put(n, lang, rev, r.Body)
	return r.Body, nil
}

// Revision returns one saved revision.
func (s *Store) Revision(ctx context.Context, n int, lang string, rev int) (*Revision, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	if r, ok := s.bodies.revision(n, lang, rev); ok {
		if body, ok := s.bodies.get(n, lang, rev); ok {
			r.Body = body
			return &r, nil
		}
	}
	var r Revision
	id := revisionID(n, lang, rev)
	if err := s.db.Collection("revisions").FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&r); err != nil {
		return nil, wrap("revision "+id, err)
	}
	s.bodies.putRevision(r)
	return &r, nil
}

// CreateStory stores a new story with the given language versions and
// bodies, assigning the next story number. Each version starts at revision 1.
func (s *Store) CreateStory(ctx context.Context, st *story.Story, bodies map[string]string, by string) (int, error) {
	now := time.Now().UTC().Truncate(time.Millisecond)
	if st.CreatedAt.IsZero() {
		st.CreatedAt = now
	}
	if st.UpdatedAt.IsZero() {
		st.UpdatedAt = now
	}
	for lang, v := range st.Versions {
		v.Lang = lang
		v.Revision = 1
	}
	// The number first (allocateNumber: never given twice), then the
	// revisions, then the story: whoever reads the story (another
	// instance, a backup reading stories before revisions) finds its
	// revisions already there.
	n, err := s.allocateNumber(ctx, st)
	if err != nil {
		return 0, err
	}
	st.Number = n
	for lang, v := range st.Versions {
		if err := s.insertRevision(ctx, st, lang, *v, bodies[lang], by, now); err != nil {
			return 0, err
		}
	}
	if err := s.insertStory(ctx, st); err != nil {
		return 0, err
	}
	s.recordChange(ctx, ChangedStory, storyID(n))
	return n, nil
}

// insertStory inserts the document of st, whose number is allocated.
func (s *Store) insertStory(ctx context.Context, st *story.Story) error {
	n := st.Number
	cctx, cancel := s.ctx(ctx)
	defer cancel()
	if _, err := s.db.Collection("stories").InsertOne(cctx, storyDoc{ID: storyID(n), Story: *st}); err != nil {
		return wrap(fmt.Sprintf("insert story %d", n), err)
	}
	return nil
}

// highestNumber is the highest story number given so far: of the numbers
// collection, and of the stories (a database from before it).
func (s *Store) highestNumber(ctx context.Context) (int, error) {
	hi := 0
	for _, coll := range []string{"numbers", "stories"} {
		n, err := s.highestIn(ctx, coll)
		if err != nil {
			return 0, err
		}
		hi = max(hi, n)
	}
	return hi, nil
}

func (s *Store) highestIn(ctx context.Context, coll string) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, 6*s.timeout)
	defer cancel()
	var d struct {
		Number int `bson:"number"`
	}
	err := s.db.Collection(coll).FindOne(ctx, bson.D{},
		options.FindOne().SetSort(bson.D{{Key: "number", Value: -1}}).SetProjection(bson.D{{Key: "number", Value: 1}})).Decode(&d)
	if err == mongo.ErrNoDocuments {
		return 0, nil
	}
	if err != nil {
		return 0, wrap("highest story number in "+coll, err)
	}
	return d.Number, nil
}

func (s *Store) insertRevision(ctx context.Context, st *story.Story, lang string, v story.Version, body, by string, at time.Time) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	r := Revision{
		ID: revisionID(st.Number, lang, v.Revision), Number: st.Number, Lang: lang, Revision: v.Revision,
		Version: v, Body: body, Section: st.Section, Tags: st.Tags, Byline: st.Byline, By: by, At: at,
	}
	_, err := s.db.Collection("revisions").InsertOne(ctx, r)
	if mongo.IsDuplicateKeyError(err) {
		return fmt.Errorf("store: revision %s: %w", r.ID, ErrConflict)
	}
	if err != nil {
		return wrap("insert revision "+r.ID, err)
	}
	s.bodies.putRevision(r)
	return nil
}

// Save records a new revision of one language version and makes it the head.
// base is the revision the editor started from (0 for a new language
// version); when someone else saved since, Save returns ErrConflict and
// changes nothing. Save does not touch the story-wide fields (section,
// tags, byline, photo): a save that did not change them must not write
// back what its caller read (SaveWide changes them). It returns the story
// as now stored.
func (s *Store) Save(ctx context.Context, st *story.Story, lang string, base int, v story.Version, body, by string) (*story.Story, error) {
	return s.save(ctx, st, lang, base, v, body, by, nil)
}

func (s *Store) save(ctx context.Context, st *story.Story, lang string, base int, v story.Version, body, by string, wide *story.Wide) (*story.Story, error) {
	now := time.Now().UTC().Truncate(time.Millisecond)
	v.Lang = lang
	v.Revision = base + 1
	rec := st
	if wide != nil {
		if err := s.insertWide(ctx, st, *wide, by, now); err != nil {
			return nil, err
		}
		rec = &story.Story{Number: st.Number}
		rec.SetWide(*wide)
	}
	err := s.insertRevision(ctx, rec, lang, v, body, by, now)
	if err != nil {
		return nil, s.takeBack(ctx, st, lang, 0, wide, err)
	}
	saved, err := s.updateHead(ctx, st, lang, v, wide, now)
	if err != nil {
		return nil, s.takeBack(ctx, st, lang, v.Revision, wide, wrap(fmt.Sprintf("save story %d/%s", st.Number, lang), err))
	}
	return saved, nil
}

// updateHead sets the new head of one language version (and, with wide,
// the story-wide fields and their revision) and returns the story as now
// stored. Only the fields the save owns are set: another language's
// concurrent save, or another's change of the story-wide fields, stays.
func (s *Store) updateHead(ctx context.Context, st *story.Story, lang string, v story.Version, wide *story.Wide, now time.Time) (*story.Story, error) {
	set := bson.D{{Key: "versions." + lang, Value: v}, {Key: "updated_at", Value: now}}
	if wide != nil {
		set = append(set, wideSet(*wide, st.WideRevision+1)...)
	}
	unlock := s.lockStory(st.Number)
	defer unlock()
	cctx, cancel := s.ctx(ctx)
	defer cancel()
	var d storyDoc
	err := s.db.Collection("stories").FindOneAndUpdate(cctx, bson.D{{Key: "_id", Value: storyID(st.Number)}},
		bson.D{{Key: "$set", Value: set}, {Key: "$inc", Value: bson.D{{Key: "writes", Value: 1}}}}, options.FindOneAndUpdate().SetReturnDocument(options.After)).Decode(&d)
	if err != nil {
		return nil, err
	}
	s.recordChange(ctx, ChangedStory, storyID(st.Number))
	return &d.Story, nil
}

// takeBack removes what a failed save inserted (the version's revision rev,
// when not 0, and the story-wide revision), so that the editor can retry
// from the same base instead of meeting a conflict with a save that never
// became the head. It returns err, with the failure to take back added.
func (s *Store) takeBack(ctx context.Context, st *story.Story, lang string, rev int, wide *story.Wide, err error) error {
	dctx, cancel := s.ctx(context.WithoutCancel(ctx))
	defer cancel()
	if rev != 0 {
		if _, derr := s.db.Collection("revisions").DeleteOne(dctx, bson.D{{Key: "_id", Value: revisionID(st.Number, lang, rev)}}); derr != nil {
			err = fmt.Errorf("%w (and taking back the revision failed: %v)", err, derr)
		}
	}
	if wide != nil {
		if _, derr := s.db.Collection("wide_revisions").DeleteOne(dctx, bson.D{{Key: "_id", Value: wideID(st.Number, st.WideRevision+1)}}); derr != nil {
			err = fmt.Errorf("%w (and taking back the story-wide revision failed: %v)", err, derr)
		}
	}
	return err
}

// ImportStories bulk-inserts stories (numbered from the next free number in
// the order given) with their bodies, for the demo edition and generated
// archives. Each batch reserves its numbers at once (see reserveNumbers), so
// an import may run while other instances create stories.
func (s *Store) ImportStories(ctx context.Context, stories []*story.Story, bodies []map[string]string, by string) error {
	s.numMu.Lock()
	defer s.numMu.Unlock()
	now := time.Now().UTC().Truncate(time.Millisecond)
	const batch = 500
	for start := 0; start < len(stories); start += batch {
		end := min(start+batch, len(stories))
		first, err := s.reserveNumbers(ctx, end-start)
		if err != nil {
			return err
		}
		docs := make([]any, 0, end-start)
		var revs []any
		for i := start; i < end; i++ {
			st := stories[i]
			st.Number = first + i - start
			if st.CreatedAt.IsZero() {
				st.CreatedAt = now
			}
			if st.UpdatedAt.IsZero() {
				st.UpdatedAt = now
			}
			for lang, v := range st.Versions {
				v.Lang, v.Revision = lang, 1
				revs = append(revs, Revision{
					ID: revisionID(st.Number, lang, 1), Number: st.Number, Lang: lang, Revision: 1, Version: *v,
					Body: bodies[i][lang], Section: st.Section, Tags: st.Tags, Byline: st.Byline, By: by, At: st.UpdatedAt,
				})
			}
			docs = append(docs, storyDoc{ID: storyID(st.Number), Story: *st})
		}
		cctx, cancel := context.WithTimeout(ctx, 6*s.timeout)
		_, err = s.db.Collection("revisions").InsertMany(cctx, revs)
		if err == nil {
			_, err = s.db.Collection("stories").InsertMany(cctx, docs)
		}
		cancel()
		if err != nil {
			return wrap(fmt.Sprintf("import stories %d-%d", start, end), err)
		}
		for _, r := range revs {
			s.bodies.putRevision(r.(Revision))
		}
		keys := make([]string, 0, end-start)
		for _, st := range stories[start:end] {
			keys = append(keys, storyID(st.Number))
		}
		s.recordChange(ctx, ChangedStory, keys...)
	}
	return nil
}

// RevisionRef names one revision of a language version.
type RevisionRef struct {
	Number   int
	Lang     string
	Revision int
}

// Bodies returns the bodies of many revisions, keyed by ref, for rebuilding
// the search index. Locally cached bodies are read from disk; the rest come
// from the database in one pass over the revisions.
func (s *Store) Bodies(ctx context.Context, refs []RevisionRef) (map[RevisionRef]string, error) {
	out := make(map[RevisionRef]string, len(refs))
	var missing []any
	byID := map[string]RevisionRef{}
	for _, r := range refs {
		if body, ok := s.bodies.get(r.Number, r.Lang, r.Revision); ok {
			out[r] = body
			continue
		}
		id := revisionID(r.Number, r.Lang, r.Revision)
		byID[id] = r
		missing = append(missing, id)
	}
	if len(missing) == 0 {
		return out, nil
	}
	// One pass over the whole collection, keeping the bodies asked for: on
	// the embedded server every query reads every revision anyway, and an
	// $in over thousands of ids costs a comparison per id on top, which at
	// archive scale outlasted any deadline. Streamed, so memory holds only
	// what is kept.
	cctx, cancel := context.WithTimeout(ctx, 60*s.timeout)
	defer cancel()
	filter := bson.D{}
	if len(missing) <= 100 {
		filter = bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: missing}}}}
	}
	cur, err := s.db.Collection("revisions").Find(cctx, filter,
		options.Find().SetProjection(bson.D{{Key: "body", Value: 1}}).SetBatchSize(500))
	if err != nil {
		return nil, wrap("revision bodies", err)
	}
	defer cur.Close(cctx)
	for cur.Next(cctx) {
		var d struct {
			ID   string `bson:"_id"`
			Body string `bson:"body"`
		}
		if err := cur.Decode(&d); err != nil {
			return nil, wrap("revision bodies: decode", err)
		}
		r, ok := byID[d.ID]
		if !ok {
			continue
		}
		out[r] = d.Body
		s.bodies.put(r.Number, r.Lang, r.Revision, d.Body)
	}
	if err := cur.Err(); err != nil {
		return nil, wrap("revision bodies", err)
	}
	return out, nil
}

// StoriesNumbered returns the stories of the given numbers that exist, in
// one query (for taking in many changed stories at once).
func (s *Store) StoriesNumbered(ctx context.Context, numbers []int) ([]*story.Story, error) {
	ids := make([]string, len(numbers))
	for i, n := range numbers {
		ids[i] = storyID(n)
	}
	return s.findStories(ctx, "stories by number", bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}})
}
