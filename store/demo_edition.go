package store

import (
	"context"
	"errors"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// The demo edition is loaded once per database. Its marker lives in the
// settings collection:
//
//	settings  _id "demo-edition"                  state "loading" while one process loads
//	                                              the edition, "loaded" once it is in
//	settings  _id "demo-edition/takeover/<start>" claims the retry of a load that
//	                                              started at <start> and never finished
//
// The marker is inserted *before* anything is loaded, so that of several
// processes racing on one database exactly one loads (an insert into a
// unique _id is exact on the embedded server too; its updates are not).
// Inserting it only after success would let two runs that start together
// both load. A load that fails returns its claim (ReleaseDemoEdition); one
// whose process died (kill -9, power loss) leaves a "loading" marker, which
// the next run takes over once it is older than any real load takes, so the
// operator is never stuck with an edition that is neither loaded nor loadable.

// Demo edition marker states.
const (
	DemoLoading = "loading"
	DemoLoaded  = "loaded"
)

const demoEditionID = "demo-edition"

// DemoEdition is what the database records about its demo edition.
type DemoEdition struct {
	State     string    `bson:"state"`
	By        string    `bson:"by,omitempty"` // host and process that claimed the load
	StartedAt time.Time `bson:"started_at"`
	LoadedAt  time.Time `bson:"loaded_at,omitempty"`
}

type demoEditionDoc struct {
	ID          string `bson:"_id"`
	DemoEdition `bson:",inline"`
}

// ClaimDemoEdition claims the loading of the demo edition for by. If it
// returns won, the caller loads the edition and then calls DemoEditionLoaded,
// or ReleaseDemoEdition if loading failed. Otherwise the returned marker says
// why not: the edition is loaded, or another process is loading it. A
// "loading" marker older than staleAfter is taken to belong to a process that
// died; exactly one of the callers that find it takes it over.
func (s *Store) ClaimDemoEdition(ctx context.Context, by string, now time.Time, staleAfter time.Duration) (won bool, current DemoEdition, err error) {
	mine := DemoEdition{State: DemoLoading, By: by, StartedAt: now.UTC().Truncate(time.Millisecond)}
	// Three rounds cover a marker released between our insert and our read.
	for range 3 {
		ok, err := s.insertSetting(ctx, demoEditionDoc{demoEditionID, mine})
		if ok || err != nil {
			return ok, mine, err
		}
		current, err = s.DemoEdition(ctx)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil || current.State != DemoLoading || now.Sub(current.StartedAt) < staleAfter {
			return false, current, err
		}
		// A stale load: the insert of a key naming it picks the one process
		// that replaces the marker (an update, safe because only it makes it).
		// Should this process die between the two calls, the stale marker
		// stays taken over: a window of milliseconds after a crash, which
		// deleting the takeover document by hand closes.
		takeoverID := demoEditionID + "/takeover/" + current.StartedAt.Format(time.RFC3339Nano)
		ok, err = s.insertSetting(ctx, bson.D{{Key: "_id", Value: takeoverID}, {Key: "by", Value: by}, {Key: "at", Value: mine.StartedAt}})
		if !ok || err != nil {
			return false, current, err
		}
		if err := s.putDemoEdition(ctx, mine); err != nil {
			return false, current, errors.Join(err, s.deleteSetting(ctx, takeoverID))
		}
		return true, mine, nil
	}
	return false, current, wrap("claim demo edition", ErrConflict)
}

// DemoEdition returns the demo edition's marker, ErrNotFound if this
// database never had the edition loaded.
func (s *Store) DemoEdition(ctx context.Context) (DemoEdition, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	var d demoEditionDoc
	err := s.db.Collection("settings").FindOne(ctx, idFilter(demoEditionID)).Decode(&d)
	if isNotFound(err) {
		return DemoEdition{}, ErrNotFound
	}
	if err != nil {
		return DemoEdition{}, wrap("demo edition", err)
	}
	return d.DemoEdition, nil
}

// DemoEditionLoaded records that the claimed load finished.
func (s *Store) DemoEditionLoaded(ctx context.Context, claim DemoEdition, now time.Time) error {
	claim.State, claim.LoadedAt = DemoLoaded, now.UTC().Truncate(time.Millisecond)
	return s.putDemoEdition(ctx, claim)
}

// ReleaseDemoEdition gives a claimed load back after it failed, so that the
// next run loads the edition again.
func (s *Store) ReleaseDemoEdition(ctx context.Context) error {
	return s.deleteSetting(ctx, demoEditionID)
}

func (s *Store) deleteSetting(ctx context.Context, id string) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("settings").DeleteOne(ctx, idFilter(id))
	return wrap("delete setting "+id, err)
}

func (s *Store) putDemoEdition(ctx context.Context, d DemoEdition) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("settings").ReplaceOne(ctx, idFilter(demoEditionID), demoEditionDoc{demoEditionID, d}, options.Replace().SetUpsert(true))
	return wrap("put demo edition", err)
}

// insertSetting inserts doc: false if its _id exists already.
func (s *Store) insertSetting(ctx context.Context, doc any) (bool, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("settings").InsertOne(ctx, doc)
	if mongo.IsDuplicateKeyError(err) {
		return false, nil
	}
	if err != nil {
		return false, wrap("insert setting", err)
	}
	return true, nil
}
