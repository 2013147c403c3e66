package store

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/newsroom/newsroom/dbtest"
)

func stepTimes(t *testing.T, s *Store) map[string]time.Time {
	t.Helper()
	cur, err := s.db.Collection(SchemaCollection).Find(context.Background(), bson.D{})
	if err != nil {
		t.Fatal(err)
	}
	var recs []stepRecord
	if err := cur.All(context.Background(), &recs); err != nil {
		t.Fatal(err)
	}
	at := map[string]time.Time{}
	for _, r := range recs {
		at[r.ID] = r.At
	}
	return at
}

// A step that fails half-way (here: a unique index over duplicate data, as a
// kill -9 would leave it unrecorded) is run again at the next start, after
// the steps before it, which are not redone.
func TestInterruptedSchemaStepResumesAtTheNextStart(t *testing.T) {
	ctx := context.Background()
	s := New(dbtest.Database(t), 5*time.Second)
	log := slog.New(slog.DiscardHandler)
	steps := []step{
		{"first", "things", bson.D{{Key: "a", Value: 1}}, false, "a"},
		{"second", "things", bson.D{{Key: "b", Value: 1}}, true, "b"},
		{"third", "things", bson.D{{Key: "c", Value: 1}}, false, "c"},
	}
	if _, err := s.db.Collection("things").InsertMany(ctx, []any{bson.D{{Key: "b", Value: 1}}, bson.D{{Key: "b", Value: 1}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.migrate(ctx, log, steps); err == nil {
		t.Fatal("a unique index over duplicates succeeded")
	}
	first := stepTimes(t, s)
	if len(first) != 1 || first["0001"].IsZero() {
		t.Fatalf("after the failure, recorded %v; want only step 1", first)
	}
	if v, err := s.DatabaseSchema(ctx); err != nil || v != 1 {
		t.Fatalf("DatabaseSchema = %d, %v; want 1", v, err)
	}
	if _, err := s.db.Collection("things").DeleteOne(ctx, bson.D{{Key: "b", Value: 1}}); err != nil {
		t.Fatal(err)
	}
	if err := s.migrate(ctx, log, steps); err != nil {
		t.Fatal(err)
	}
	second := stepTimes(t, s)
	if len(second) != 3 || !second["0001"].Equal(first["0001"]) {
		t.Fatalf("after resuming, recorded %v; want steps 1–3 with step 1 untouched (%v)", second, first["0001"])
	}
	// The step really ran: the unique index now refuses a duplicate.
	if _, err := s.db.Collection("things").InsertOne(ctx, bson.D{{Key: "b", Value: 1}}); err == nil {
		t.Fatal("the resumed unique index does not hold")
	}
}

func TestOlderBinaryRefusesANewerSchema(t *testing.T) {
	ctx := context.Background()
	s := New(dbtest.Database(t), 5*time.Second)
	log := slog.New(slog.DiscardHandler)
	if err := s.Migrate(ctx, log); err != nil {
		t.Fatal(err)
	}
	if v, err := s.DatabaseSchema(ctx); err != nil || v != SchemaVersion() {
		t.Fatalf("DatabaseSchema = %d, %v; want %d", v, err, SchemaVersion())
	}
	// A newer newsroom added a step this one does not know.
	if err := s.recordStep(ctx, SchemaVersion()+1, "from the future"); err != nil {
		t.Fatal(err)
	}
	err := s.Migrate(ctx, log)
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Fatalf("Migrate = %v; want ErrSchemaTooNew", err)
	}
	t.Log(err)
}
