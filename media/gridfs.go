package media

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsroom/newsroom/store"
)

// ErrNotFound is returned for a photo file that is not stored (or an ID
// that could not name one).
var ErrNotFound = errors.New("media: photo file not found")

// gridfsTimeout bounds a call whose context has no deadline: a 25 MB
// original is the largest file and takes well under this.
const gridfsTimeout = 30 * time.Second

// Files keeps photo files (originals and renditions) in the GridFS bucket
// "photos" of a database.
type Files struct {
	bucket *mongo.GridFSBucket
}

// NewFiles opens the "photos" bucket of db.
func NewFiles(db *mongo.Database) *Files {
	return &Files{bucket: db.GridFSBucket(options.GridFSBucket().SetName("photos"))}
}

func withDeadline(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, gridfsTimeout)
}

// Put stores data under name with metadata (any BSON-encodable value, or
// nil) and returns the new file's ID as hex.
func (f *Files) Put(ctx context.Context, name string, data []byte, metadata any) (string, error) {
	ctx, cancel := withDeadline(ctx)
	defer cancel()
	opts := options.GridFSUpload()
	if metadata != nil {
		opts.SetMetadata(metadata)
	}
	id, err := f.bucket.UploadFromStream(ctx, name, bytes.NewReader(data), opts)
	if err != nil {
		return "", fmt.Errorf("media: store %s (%d bytes): %w", name, len(data), unavailable(err))
	}
	return id.Hex(), nil
}

// Get returns the bytes of the file id.
func (f *Files) Get(ctx context.Context, id string) ([]byte, error) {
	oid, err := bson.ObjectIDFromHex(id)
	if err != nil {
		return nil, fmt.Errorf("media: file %q: %w", id, ErrNotFound)
	}
	ctx, cancel := withDeadline(ctx)
	defer cancel()
	var buf bytes.Buffer
	if _, err := f.bucket.DownloadToStream(ctx, oid, &buf); err != nil {
		if errors.Is(err, mongo.ErrFileNotFound) {
			return nil, fmt.Errorf("media: file %s: %w", id, ErrNotFound)
		}
		return nil, fmt.Errorf("media: read file %s: %w", id, unavailable(err))
	}
	return buf.Bytes(), nil
}

// unavailable marks err with store.ErrUnavailable when it says the database
// could not be reached, so that callers answer 503 as for any other call.
func unavailable(err error) error {
	if store.IsUnavailable(err) {
		return fmt.Errorf("%w: %w", store.ErrUnavailable, err)
	}
	return err
}

// Delete removes the file id and its chunks.
func (f *Files) Delete(ctx context.Context, id string) error {
	oid, err := bson.ObjectIDFromHex(id)
	if err != nil {
		return fmt.Errorf("media: file %q: %w", id, ErrNotFound)
	}
	ctx, cancel := withDeadline(ctx)
	defer cancel()
	if err := f.bucket.Delete(ctx, oid); err != nil {
		if errors.Is(err, mongo.ErrFileNotFound) {
			return fmt.Errorf("media: file %s: %w", id, ErrNotFound)
		}
		return fmt.Errorf("media: delete file %s: %w", id, err)
	}
	return nil
}
