package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// ErrSchemaTooNew is returned by Migrate when the database was upgraded by a
// newer newsroom than this one: running on would write records the newer
// schema does not expect.
var ErrSchemaTooNew = errors.New("the database's schema is newer than this newsroom")

// SchemaCollection records the schema steps done, one document per step
// ({_id: "0007", version: 7, desc, at}), so that an upgrade runs only what is
// new and an older binary can tell it is older.
const SchemaCollection = "schema"

// SchemaVersion is the schema this binary brings a database to: the number
// of its steps. Steps are only ever appended, so a step's version is its
// place in the list.
func SchemaVersion() int { return len(schema) }

type stepRecord struct {
	ID      string    `bson:"_id"`
	Version int       `bson:"version"`
	Desc    string    `bson:"desc"`
	At      time.Time `bson:"at"`
}

func stepID(version int) string { return fmt.Sprintf("%04d", version) }

// DatabaseSchema returns the highest schema step recorded in the database
// (0 for a database no newsroom has set up yet).
func (s *Store) DatabaseSchema(ctx context.Context) (int, error) {
	done, err := s.stepsDone(ctx)
	if err != nil {
		return 0, err
	}
	top := 0
	for v := range done {
		top = max(top, v)
	}
	return top, nil
}

func (s *Store) stepsDone(ctx context.Context) (map[int]bool, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	// A few dozen small documents: one read of the whole collection.
	cur, err := s.db.Collection(SchemaCollection).Find(ctx, bson.D{}, options.Find().SetProjection(bson.D{{Key: "version", Value: 1}}))
	if err != nil {
		return nil, wrap("schema steps", err)
	}
	var recs []stepRecord
	if err := cur.All(ctx, &recs); err != nil {
		return nil, wrap("schema steps", err)
	}
	done := make(map[int]bool, len(recs))
	for _, r := range recs {
		if r.Version > 0 {
			done[r.Version] = true
		}
	}
	return done, nil
}

// migrate runs the steps not yet recorded, in order, recording each once it
// is complete. A step cut off half-way (a crash, a kill) is not recorded, so
// the next start runs it again: every step is idempotent.
func (s *Store) migrate(ctx context.Context, log *slog.Logger, steps []step) error {
	done, err := s.stepsDone(ctx)
	if err != nil {
		return err
	}
	for v := range done {
		if v > len(steps) {
			return fmt.Errorf("store: database schema version %d, this newsroom knows up to %d: %w; run the newer newsroom (or restore a backup taken with this one)",
				v, len(steps), ErrSchemaTooNew)
		}
	}
	ran := 0
	for i, st := range steps {
		v := i + 1
		if done[v] {
			continue
		}
		ran++
		if err := s.applyStep(ctx, st); err != nil {
			return wrap(fmt.Sprintf("schema step %d (%s)", v, st.desc), err)
		}
		if err := s.recordStep(ctx, v, st.desc); err != nil {
			return err
		}
		log.Debug("schema step done", "version", v, "desc", st.desc)
	}
	if ran > 0 {
		log.Info("database schema brought up to date", "version", len(steps), "steps_run", ran)
	}
	return nil
}

func (s *Store) recordStep(ctx context.Context, v int, desc string) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection(SchemaCollection).InsertOne(ctx, stepRecord{ID: stepID(v), Version: v, Desc: desc, At: time.Now().UTC()})
	if err != nil && !mongo.IsDuplicateKeyError(err) { // another instance finished it too
		return wrap(fmt.Sprintf("recording schema step %d", v), err)
	}
	return nil
}
