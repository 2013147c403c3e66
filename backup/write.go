package backup

import (
	"archive/zip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Options are what a backup records and how long it may take.
type Options struct {
	Newsroom string // version of the program writing it
	Schema   int    // the database's schema version
	// CollectionTimeout bounds the reading of one collection (one cursor);
	// zero means 30 minutes.
	CollectionTimeout time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

func (o Options) timeout() time.Duration {
	if o.CollectionTimeout > 0 {
		return o.CollectionTimeout
	}
	return 30 * time.Minute
}

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now().UTC()
	}
	return time.Now().UTC()
}

// WriteFile writes the archive of db to path. It writes a temporary file in
// the same folder and renames it at the end, so a backup that fails or is
// killed leaves no file at path (a half archive also lacks its manifest).
func WriteFile(ctx context.Context, db *mongo.Database, path string, opts Options) (*Manifest, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.partial")
	if err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	m, err := Write(ctx, db, f, opts)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		_ = os.Remove(f.Name()) // the error that made us give up is the one to report
		return nil, fmt.Errorf("backup %s: %w", path, err)
	}
	syncDir(dir)
	return m, nil
}

// syncDir makes the rename durable; a folder that cannot be synced (some
// platforms) still has the file.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// Write writes the archive of db to w while the site runs: each collection
// is read with one cursor in bounded batches (the embedded server scans a
// whole collection for every query), and nothing is locked.
//
// Collections that point to others are read before those they point to
// (stories before revisions and photos, photos before their GridFS files,
// a bucket's files before its chunks), so a save or upload made during the
// backup can add to what a document refers to, never take it away.
func Write(ctx context.Context, db *mongo.Database, w io.Writer, opts Options) (*Manifest, error) {
	names, err := collections(ctx, db)
	if err != nil {
		return nil, err
	}
	m := &Manifest{Format: Format, CreatedAt: opts.now(), Newsroom: opts.Newsroom, Schema: opts.Schema}
	zw := zip.NewWriter(w)
	for _, name := range names {
		p := Part{Collection: name, Kind: kindOf(name, names)}
		p.Entry = entryOf(name, p.Kind)
		c := newCounter()
		if err := writeCollection(ctx, db.Collection(name), zw, p, c, opts); err != nil {
			return nil, err
		}
		p.Count, p.Bytes, p.SHA256 = c.count, c.bytes, c.sum()
		if p.Indexes, err = indexes(ctx, db.Collection(name)); err != nil {
			return nil, err
		}
		m.Parts = append(m.Parts, p)
	}
	mw, err := zw.CreateHeader(&zip.FileHeader{Name: manifestName, Method: zip.Deflate, Modified: m.CreatedAt})
	if err != nil {
		return nil, fmt.Errorf("backup: manifest: %w", err)
	}
	enc := json.NewEncoder(mw)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, fmt.Errorf("backup: manifest: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	return m, nil
}

// collections lists what to back up, in reading order (see Write).
func collections(ctx context.Context, db *mongo.Database) ([]string, error) {
	lctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	all, err := db.ListCollectionNames(lctx, bson.D{})
	if err != nil {
		return nil, fmt.Errorf("backup: listing collections: %w", err)
	}
	var names []string
	for _, n := range all {
		if !strings.HasPrefix(n, "system.") && !slices.Contains(skipped, n) {
			names = append(names, n)
		}
	}
	slices.SortFunc(names, func(a, b string) int {
		if d := readOrder(a) - readOrder(b); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return names, nil
}

func readOrder(name string) int {
	switch {
	case name == "stories":
		return 0
	case name == "photos":
		return 1
	case name == "revisions":
		return 3
	case strings.HasSuffix(name, ".files"):
		return 4
	case strings.HasSuffix(name, ".chunks"):
		return 5
	}
	return 2
}

func writeCollection(ctx context.Context, coll *mongo.Collection, zw *zip.Writer, p Part, c *counter, opts Options) error {
	ctx, cancel := context.WithTimeout(ctx, opts.timeout())
	defer cancel()
	batch := int32(200)
	if p.Kind == KindChunks {
		batch = 16 // up to 255 KiB each
	}
	cur, err := coll.Find(ctx, bson.D{}, options.Find().SetBatchSize(batch))
	if err != nil {
		return fmt.Errorf("backup: reading %s: %w", p.Collection, err)
	}
	defer cur.Close(context.WithoutCancel(ctx))
	if p.Kind == KindChunks {
		err = writeChunks(ctx, cur, zw, p, c, opts.now())
	} else {
		err = writeDocuments(ctx, cur, zw, p, c, opts.now())
	}
	if err == nil {
		err = cur.Err()
	}
	if err != nil {
		return fmt.Errorf("backup: reading %s: %w", p.Collection, err)
	}
	return nil
}

func writeDocuments(ctx context.Context, cur *mongo.Cursor, zw *zip.Writer, p Part, c *counter, at time.Time) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: p.Entry, Method: zip.Deflate, Modified: at})
	if err != nil {
		return err
	}
	out := io.MultiWriter(w, c)
	for cur.Next(ctx) {
		line, err := bson.MarshalExtJSON(cur.Current, true, false)
		if err != nil {
			return err
		}
		if _, err := out.Write(append(line, '\n')); err != nil {
			return err
		}
		c.count++
	}
	return nil
}

// chunk is a GridFS chunk as stored.
type chunk struct {
	FilesID bson.RawValue `bson:"files_id"`
	N       int64         `bson:"n"`
	Data    []byte        `bson:"data"`
}

func writeChunks(ctx context.Context, cur *mongo.Cursor, zw *zip.Writer, p Part, c *counter, at time.Time) error {
	for cur.Next(ctx) {
		var ch chunk
		if err := cur.Decode(&ch); err != nil {
			return err
		}
		id, ok := ch.FilesID.ObjectIDOK()
		if !ok {
			return errors.New("a chunk's files_id is not an ObjectID")
		}
		// Photos are already compressed: stored as they are.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.Entry + id.Hex() + "/" + strconv.FormatInt(ch.N, 10), Method: zip.Store, Modified: at})
		if err != nil {
			return err
		}
		if _, err := io.MultiWriter(w, c).Write(ch.Data); err != nil {
			return err
		}
		c.count++
	}
	return nil
}

// indexes lists coll's indexes but the one on _id.
func indexes(ctx context.Context, coll *mongo.Collection) ([]Index, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	specs, err := coll.Indexes().ListSpecifications(ctx)
	if err != nil {
		return nil, fmt.Errorf("backup: indexes of %s: %w", coll.Name(), err)
	}
	var out []Index
	for _, sp := range specs {
		if sp.Name == "_id_" {
			continue
		}
		keys, err := bson.MarshalExtJSON(sp.KeysDocument, true, false)
		if err != nil {
			return nil, fmt.Errorf("backup: index %s of %s: %w", sp.Name, coll.Name(), err)
		}
		out = append(out, Index{Name: sp.Name, Keys: keys, Unique: sp.Unique != nil && *sp.Unique})
	}
	return out, nil
}
