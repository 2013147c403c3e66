package backup

import (
	"archive/zip"
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// ErrNotEmpty is returned by Restore for a database that holds a paper
// already, unless forced.
var ErrNotEmpty = errors.New("the database is not empty")

// ErrSchemaTooNew is returned by Restore for an archive written by a newer
// newsroom than the one restoring it.
var ErrSchemaTooNew = errors.New("the backup's schema is newer than this newsroom")

// markerCollection holds one document while a restore runs: a database
// with it is half restored, and the site refuses to start on it.
const markerCollection = "restoring"

// RestoreOptions say what a restore may do.
type RestoreOptions struct {
	// Force replaces whatever the database holds.
	Force bool
	// MaxSchema is the newest schema this program knows; newer archives are refused.
	MaxSchema int
	// Timeout bounds each database call; zero means a minute.
	Timeout time.Duration
	// Ignore lists collections that do not make a database non-empty
	// (those the program creates at start, such as its schema records).
	Ignore []string
}

func (o RestoreOptions) timeout() time.Duration {
	if o.Timeout > 0 {
		return o.Timeout
	}
	return time.Minute
}

// insertBytes and insertDocs bound one insertMany.
const (
	insertBytes = 8 << 20
	insertDocs  = 1000
)

// Restore verifies the archive at path, then replaces db's collections with
// the archive's. It refuses, before writing anything, an archive that fails
// Verify, one from a newer schema, and a database that is not empty unless
// opts.Force (or a restore into it was cut off: then it starts over). While
// it runs, the database carries a marker (see Unfinished).
func Restore(ctx context.Context, db *mongo.Database, path string, opts RestoreOptions) (*Manifest, error) {
	m, err := Verify(path)
	if err != nil {
		return nil, err
	}
	if m.Schema > opts.MaxSchema {
		return nil, fmt.Errorf("backup %s: schema version %d, this newsroom knows up to %d: %w", path, m.Schema, opts.MaxSchema, ErrSchemaTooNew)
	}
	unfinished, err := Unfinished(ctx, db)
	if err != nil {
		return nil, err
	}
	if !opts.Force && unfinished == "" {
		if name, err := firstNonEmpty(ctx, db, opts); err != nil {
			return nil, err
		} else if name != "" {
			return nil, fmt.Errorf("restore: collection %s has documents: %w (restore --force replaces everything in it)", name, ErrNotEmpty)
		}
	}
	if err := mark(ctx, db, path, opts); err != nil {
		return nil, err
	}
	if err := dropAll(ctx, db, opts); err != nil {
		return nil, err
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("backup %s: %w", path, err)
	}
	defer zr.Close()
	for _, p := range m.Parts {
		if err := restorePart(ctx, db.Collection(p.Collection), &zr.Reader, p, opts); err != nil {
			return nil, fmt.Errorf("restore %s from %s: %w", p.Collection, path, err)
		}
	}
	dctx, cancel := context.WithTimeout(ctx, opts.timeout())
	defer cancel()
	if err := db.Collection(markerCollection).Drop(dctx); err != nil {
		return nil, fmt.Errorf("restore: removing the marker: %w", err)
	}
	return m, nil
}

// Unfinished describes a restore into db that started and did not finish
// ("" when there is none).
func Unfinished(ctx context.Context, db *mongo.Database) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	var doc struct {
		File string    `bson:"file"`
		At   time.Time `bson:"at"`
	}
	err := db.Collection(markerCollection).FindOne(ctx, bson.D{{Key: "_id", Value: "restore"}}).Decode(&doc)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("restore: checking for an unfinished restore: %w", err)
	}
	return fmt.Sprintf("a restore of %s started at %s did not finish", doc.File, doc.At.Format(time.RFC3339)), nil
}

func mark(ctx context.Context, db *mongo.Database, path string, opts RestoreOptions) error {
	ctx, cancel := context.WithTimeout(ctx, opts.timeout())
	defer cancel()
	_, err := db.Collection(markerCollection).ReplaceOne(ctx, bson.D{{Key: "_id", Value: "restore"}},
		bson.D{{Key: "file", Value: path}, {Key: "at", Value: time.Now().UTC()}}, options.Replace().SetUpsert(true))
	if err != nil {
		return fmt.Errorf("restore: marking the database: %w", err)
	}
	return nil
}

func listNames(ctx context.Context, db *mongo.Database, opts RestoreOptions) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, opts.timeout())
	defer cancel()
	names, err := db.ListCollectionNames(ctx, bson.D{})
	if err != nil {
		return nil, fmt.Errorf("restore: listing collections: %w", err)
	}
	return slices.DeleteFunc(names, func(n string) bool {
		return n == markerCollection || strings.HasPrefix(n, "system.")
	}), nil
}

func firstNonEmpty(ctx context.Context, db *mongo.Database, opts RestoreOptions) (string, error) {
	names, err := listNames(ctx, db, opts)
	if err != nil {
		return "", err
	}
	for _, n := range names {
		if slices.Contains(opts.Ignore, n) {
			continue
		}
		fctx, cancel := context.WithTimeout(ctx, opts.timeout())
		err := db.Collection(n).FindOne(fctx, bson.D{}).Err()
		cancel()
		switch {
		case err == nil:
			return n, nil
		case !errors.Is(err, mongo.ErrNoDocuments):
			return "", fmt.Errorf("restore: reading %s: %w", n, err)
		}
	}
	return "", nil
}

func dropAll(ctx context.Context, db *mongo.Database, opts RestoreOptions) error {
	names, err := listNames(ctx, db, opts)
	if err != nil {
		return err
	}
	for _, n := range names {
		dctx, cancel := context.WithTimeout(ctx, opts.timeout())
		err := db.Collection(n).Drop(dctx)
		cancel()
		if err != nil {
			return fmt.Errorf("restore: emptying %s: %w", n, err)
		}
	}
	return nil
}

// inserter sends documents in bounded batches.
type inserter struct {
	coll    *mongo.Collection
	timeout time.Duration
	docs    []any
	size    int
}

func (in *inserter) add(ctx context.Context, doc any, size int) error {
	in.docs = append(in.docs, doc)
	in.size += size
	if len(in.docs) >= insertDocs || in.size >= insertBytes {
		return in.flush(ctx)
	}
	return nil
}

func (in *inserter) flush(ctx context.Context) error {
	if len(in.docs) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, in.timeout)
	defer cancel()
	if _, err := in.coll.InsertMany(ctx, in.docs); err != nil {
		return err
	}
	in.docs, in.size = in.docs[:0], 0
	return nil
}

func restorePart(ctx context.Context, coll *mongo.Collection, zr *zip.Reader, p Part, opts RestoreOptions) error {
	in := &inserter{coll: coll, timeout: opts.timeout()}
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, p.Entry) {
			continue
		}
		var err error
		if p.Kind == KindChunks {
			err = restoreChunk(ctx, in, f, p.Entry)
		} else {
			err = restoreDocuments(ctx, in, f)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	if err := in.flush(ctx); err != nil {
		return err
	}
	return restoreIndexes(ctx, coll, p.Indexes, opts)
}

// restoreIndexes creates the indexes one at a time (the embedded server
// drops the connection when CreateMany meets one that exists).
func restoreIndexes(ctx context.Context, coll *mongo.Collection, idx []Index, opts RestoreOptions) error {
	for _, ix := range idx {
		var keys bson.D
		if err := bson.UnmarshalExtJSON(ix.Keys, true, &keys); err != nil {
			return fmt.Errorf("index %s: %w", ix.Name, err)
		}
		ictx, cancel := context.WithTimeout(ctx, opts.timeout())
		_, err := coll.Indexes().CreateOne(ictx, mongo.IndexModel{Keys: keys, Options: options.Index().SetName(ix.Name).SetUnique(ix.Unique)})
		cancel()
		if err != nil {
			return fmt.Errorf("index %s: %w", ix.Name, err)
		}
	}
	return nil
}

func restoreDocuments(ctx context.Context, in *inserter, f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 1<<20)
	for {
		line, err := readLine(br)
		if len(line) > 0 {
			var doc bson.Raw
			if uerr := bson.UnmarshalExtJSON(line, true, &doc); uerr != nil {
				return uerr
			}
			if aerr := in.add(ctx, doc, len(doc)); aerr != nil {
				return aerr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func restoreChunk(ctx context.Context, in *inserter, f *zip.File, prefix string) error {
	idHex, nStr, ok := strings.Cut(strings.TrimPrefix(f.Name, prefix), "/")
	id, err := bson.ObjectIDFromHex(idHex)
	if !ok || err != nil {
		return errors.New("not a chunk's name")
	}
	n, err := strconv.ParseInt(nStr, 10, 32)
	if err != nil {
		return errors.New("not a chunk's name")
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxDocument+1))
	if err != nil {
		return err
	}
	if len(data) > maxDocument {
		return errors.New("a chunk larger than a document may be")
	}
	doc := bson.D{{Key: "_id", Value: bson.NewObjectID()}, {Key: "files_id", Value: id}, {Key: "n", Value: int32(n)},
		{Key: "data", Value: bson.Binary{Data: data}}}
	return in.add(ctx, doc, len(data))
}

// maxDocument bounds what one line or chunk may hold: MongoDB's 16 MiB
// documents, as Extended JSON (which can take about three times as much).
const maxDocument = 48 << 20

// readLine reads one line, refusing one longer than any document can be.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		part, err := br.ReadSlice('\n')
		line = append(line, part...)
		if len(line) > maxDocument {
			return nil, errors.New("a line longer than any document")
		}
		if err != bufio.ErrBufferFull {
			return line, err
		}
	}
}
