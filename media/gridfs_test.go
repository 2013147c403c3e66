package media

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/newsroom/newsroom/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

func TestFilesRoundTrip(t *testing.T) {
	db := dbtest.Database(t)
	files := NewFiles(db)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	// Bigger than GridFS's 255 KiB chunk, so it spans chunks.
	data := bytes.Repeat([]byte("photo bytes "), 100_000)
	id, err := files.Put(ctx, "lead.jpg", data, bson.D{{Key: "width", Value: 1600}, {Key: "format", Value: "jpeg"}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := files.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Fatalf("got %d bytes back, stored %d", len(got), len(data))
	}
	var meta struct {
		Metadata struct {
			Width  int    `bson:"width"`
			Format string `bson:"format"`
		} `bson:"metadata"`
	}
	if err := db.Collection("photos.files").FindOne(ctx, bson.D{{Key: "_id", Value: mustOID(t, id)}}).Decode(&meta); err != nil {
		t.Fatal(err)
	}
	if meta.Metadata.Width != 1600 || meta.Metadata.Format != "jpeg" {
		t.Errorf("metadata %+v", meta.Metadata)
	}

	if err := files.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := files.Get(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get after Delete: %v, want ErrNotFound", err)
	}
	if n, err := db.Collection("photos.chunks").CountDocuments(ctx, bson.D{}); err != nil || n != 0 {
		t.Errorf("%d chunks left after Delete (%v)", n, err)
	}
	if err := files.Delete(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete: %v, want ErrNotFound", err)
	}
	if _, err := files.Get(ctx, "not-an-id"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get of a malformed id: %v, want ErrNotFound", err)
	}
}

func mustOID(t *testing.T, hex string) bson.ObjectID {
	t.Helper()
	oid, err := bson.ObjectIDFromHex(hex)
	if err != nil {
		t.Fatal(err)
	}
	return oid
}
