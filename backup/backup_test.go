package backup

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/sitetest"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// dump returns every document of every collection of db as canonical
// Extended JSON, sorted, by collection; GridFS chunks as file id, n, bytes.
func dump(t *testing.T, db *mongo.Database) map[string][]string {
	t.Helper()
	ctx := context.Background()
	names, err := db.ListCollectionNames(ctx, bson.D{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, n := range names {
		cur, err := db.Collection(n).Find(ctx, bson.D{})
		if err != nil {
			t.Fatal(err)
		}
		var docs []string
		for cur.Next(ctx) {
			if strings.HasSuffix(n, ".chunks") {
				var c chunk
				if err := cur.Decode(&c); err != nil {
					t.Fatal(err)
				}
				docs = append(docs, fmt.Sprintf("%s/%d/%x", c.FilesID.ObjectID().Hex(), c.N, c.Data))
				continue
			}
			b, err := bson.MarshalExtJSON(cur.Current, true, false)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, string(b))
		}
		if err := cur.Err(); err != nil {
			t.Fatal(err)
		}
		slices.Sort(docs)
		if len(docs) > 0 {
			out[n] = docs
		}
	}
	return out
}

// paper is the demo edition with a photo file in GridFS and a session.
func paper(t *testing.T) *store.Store {
	t.Helper()
	st := sitetest.Store(t)
	ctx := context.Background()
	files := media.NewFiles(st.DB())
	big := bytes.Repeat([]byte("사진 바이트 "), 100_000) // several chunks
	if _, err := files.Put(ctx, "big.jpg", big, bson.D{{Key: "kind", Value: "original"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Collection("sessions").InsertOne(ctx, bson.D{{Key: "_id", Value: "secret"}, {Key: "user", Value: "a@b.c"}}); err != nil {
		t.Fatal(err)
	}
	return st
}

func backupTo(t *testing.T, db *mongo.Database) (string, *Manifest) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "paper.zip")
	m, err := WriteFile(context.Background(), db, path, Options{Newsroom: "test", Schema: store.SchemaVersion()})
	if err != nil {
		t.Fatal(err)
	}
	return path, m
}

func restoreOpts() RestoreOptions {
	return RestoreOptions{MaxSchema: store.SchemaVersion(), Ignore: []string{store.SchemaCollection}}
}

func TestRestoredDatabaseHoldsWhatWasBackedUpButSessions(t *testing.T) {
	src := paper(t)
	path, m := backupTo(t, src.DB())
	dst := dbtest.Database(t)
	got, err := Restore(context.Background(), dst, path, restoreOpts())
	if err != nil {
		t.Fatal(err)
	}
	if got.Documents() != m.Documents() || m.Documents() == 0 {
		t.Fatalf("restored %d documents, backed up %d", got.Documents(), m.Documents())
	}
	want, have := dump(t, src.DB()), dump(t, dst)
	if _, ok := have["sessions"]; ok {
		t.Error("sessions were restored: a restored site must log everyone out")
	}
	if _, ok := have["changes"]; ok {
		t.Error("the change log was restored: it names writes of the old site's instances")
	}
	for _, coll := range skipped {
		delete(want, coll) // sessions, locks, the change log...: not the paper's
	}
	if len(want["photos.chunks"]) < 2 {
		t.Fatalf("the test photo should span several chunks: %d", len(want["photos.chunks"]))
	}
	for coll, docs := range want {
		if !slices.Equal(docs, have[coll]) {
			t.Errorf("collection %s: %d documents before, %d after restore, or they differ", coll, len(docs), len(have[coll]))
		}
	}
	for coll := range have {
		if _, ok := want[coll]; !ok {
			t.Errorf("collection %s appeared from nowhere", coll)
		}
	}
	// The same indexes, so the restored paper enforces the same unique keys.
	for coll := range want {
		a, err := indexes(context.Background(), src.DB().Collection(coll))
		if err != nil {
			t.Fatal(err)
		}
		b, err := indexes(context.Background(), dst.Collection(coll))
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("collection %s: indexes %v before, %v after the restore", coll, a, b)
		}
	}
	if u, err := Unfinished(context.Background(), dst); err != nil || u != "" {
		t.Errorf("after a finished restore, Unfinished = %q, %v", u, err)
	}
}

func TestRestoreRefusesANonEmptyDatabaseWithoutForce(t *testing.T) {
	ctx := context.Background()
	path, _ := backupTo(t, paper(t).DB())
	dst := dbtest.Database(t)
	if _, err := dst.Collection("glossary").InsertOne(ctx, bson.D{{Key: "_id", Value: "mine"}}); err != nil {
		t.Fatal(err)
	}
	_, err := Restore(ctx, dst, path, restoreOpts())
	if !errors.Is(err, ErrNotEmpty) || !strings.Contains(err.Error(), "glossary") {
		t.Fatalf("Restore into a used database = %v; want ErrNotEmpty naming glossary", err)
	}
	if n, _ := dst.Collection("stories").CountDocuments(ctx, bson.D{}); n != 0 {
		t.Fatalf("the refused restore wrote %d stories", n)
	}
	opts := restoreOpts()
	opts.Force = true
	if _, err := Restore(ctx, dst, path, opts); err != nil {
		t.Fatal(err)
	}
	if err := dst.Collection("glossary").FindOne(ctx, bson.D{{Key: "_id", Value: "mine"}}).Err(); !errors.Is(err, mongo.ErrNoDocuments) {
		t.Fatalf("--force kept what was there: %v", err)
	}
}

// rewrite copies the archive at src to a new file, letting edit change or
// drop (nil) each entry's bytes.
func rewrite(t *testing.T, src string, edit func(name string, data []byte) []byte) string {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	dst := filepath.Join(t.TempDir(), "edited.zip")
	f, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, e := range zr.File {
		rc, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if data = edit(e.Name, data); data == nil {
			continue
		}
		w, err := zw.Create(e.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestTamperedOrTruncatedArchiveIsRefusedBeforeAnythingIsWritten(t *testing.T) {
	ctx := context.Background()
	path, _ := backupTo(t, paper(t).DB())
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(t.TempDir(), "cut.zip")
	if err := os.WriteFile(truncated, raw[:len(raw)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path string
		want       []string
	}{
		{"truncated", truncated, []string{truncated, "truncated"}},
		{"story edited", rewrite(t, path, func(name string, b []byte) []byte {
			if name == "collections/stories.jsonl" {
				return bytes.Replace(b, []byte("e"), []byte("E"), 1)
			}
			return b
		}), []string{"collections/stories.jsonl", "SHA-256"}},
		{"revision removed", rewrite(t, path, func(name string, b []byte) []byte {
			if name == "collections/revisions.jsonl" {
				_, rest, _ := bytes.Cut(b, []byte("\n"))
				return rest
			}
			return b
		}), []string{"collections/revisions.jsonl", "documents, the manifest says"}},
		{"photo chunk dropped", rewrite(t, path, func(name string, b []byte) []byte {
			if strings.HasPrefix(name, "gridfs/photos/") && strings.HasSuffix(name, "/1") {
				return nil
			}
			return b
		}), []string{"gridfs/photos/", "chunks, the manifest says"}},
		// The control: rewriting alone does not make an archive fail.
		{"untouched copy", rewrite(t, path, func(_ string, b []byte) []byte { return b }), nil},
		{"no manifest", rewrite(t, path, func(name string, b []byte) []byte {
			if name == manifestName {
				return nil
			}
			return b
		}), []string{"no manifest.json"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dst := dbtest.Database(t)
			_, err := Restore(ctx, dst, c.path, restoreOpts())
			if c.want == nil { // an untouched copy restores
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Restore = %v; want ErrInvalid", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("refusal %q does not say %q", err, w)
				}
			}
			if names, _ := dst.ListCollectionNames(ctx, bson.D{}); len(names) != 0 {
				t.Errorf("a refused archive created %v", names)
			}
		})
	}
}

// Saves and new stories go on while the backup runs; every story in the
// restored paper has the revisions its head points to, and no partial
// archive is ever at the backup's path.
func TestBackupDuringConcurrentSavesRestoresConsistentStories(t *testing.T) {
	ctx := context.Background()
	st := paper(t)
	stories, err := st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var saves atomic.Int64
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				if w == 0 {
					headline := fmt.Sprintf("백업 중 새 기사 %d", i)
					_, err := st.CreateStory(ctx, &story.Story{Section: "business", Versions: map[string]*story.Version{
						"ko": {Headline: headline, Slug: story.Slugify(headline), Status: story.Draft}}}, map[string]string{"ko": "본문"}, "test")
					if err != nil {
						t.Error(err)
						return
					}
				} else {
					s := stories[(i*2+w)%len(stories)]
					cur, err := st.Story(ctx, s.Number)
					if err != nil {
						t.Error(err)
						return
					}
					for l, v := range cur.Versions {
						nv := *v
						nv.Summary = fmt.Sprintf("요약 %d", i)
						if _, err := st.Save(ctx, cur, l, v.Revision, nv, "본문 "+nv.Summary, "test"); err != nil && !errors.Is(err, store.ErrConflict) {
							t.Error(err)
							return
						}
						break
					}
				}
				saves.Add(1)
			}
		}()
	}
	time.Sleep(100 * time.Millisecond)
	path, _ := backupTo(t, st.DB())
	close(stop)
	wg.Wait()
	if saves.Load() < 3 {
		t.Fatalf("only %d saves ran during the backup", saves.Load())
	}
	dst := dbtest.Database(t)
	if _, err := Restore(ctx, dst, path, restoreOpts()); err != nil {
		t.Fatal(err)
	}
	restored := store.New(dst, 5*time.Second)
	got, err := restored.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < len(stories) {
		t.Fatalf("restored %d stories of at least %d", len(got), len(stories))
	}
	for _, s := range got {
		for l, v := range s.Versions {
			if _, err := restored.Revision(ctx, s.Number, l, v.Revision); err != nil {
				t.Errorf("story %d/%s: head revision %d missing from the restored paper: %v", s.Number, l, v.Revision, err)
			}
		}
	}
	t.Logf("%d saves during the backup; %d stories restored", saves.Load(), len(got))
}

func TestArchiveFromANewerSchemaIsRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "newer.zip")
	if _, err := WriteFile(ctx, paper(t).DB(), path, Options{Schema: store.SchemaVersion() + 1}); err != nil {
		t.Fatal(err)
	}
	dst := dbtest.Database(t)
	if _, err := Restore(ctx, dst, path, restoreOpts()); !errors.Is(err, ErrSchemaTooNew) {
		t.Fatalf("Restore of a newer archive = %v; want ErrSchemaTooNew", err)
	}
	if names, _ := dst.ListCollectionNames(ctx, bson.D{}); len(names) != 0 {
		t.Fatalf("the refused restore created %v", names)
	}
}
