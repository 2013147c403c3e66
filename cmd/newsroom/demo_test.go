package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/demo"
)

const skipped = "demo edition already loaded; skipped"

// editionSize is how many stories one demo edition has.
func editionSize() int64 { return int64(len(demo.Load(time.Now()).Stories)) }

// demoRun runs `newsroom demo args…` and returns what it printed.
func demoRun(t *testing.T, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	if err := run(context.Background(), append([]string{"demo"}, args...), &out, io.Discard); err != nil {
		t.Fatalf("newsroom demo %s: %v", strings.Join(args, " "), err)
	}
	return out.String()
}

// counts returns how many stories and photos db holds.
func counts(t *testing.T, db *mongo.Database) (stories, photos int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	stories, err := db.Collection("stories").CountDocuments(ctx, bson.D{})
	if err != nil {
		t.Fatal(err)
	}
	photos, err = db.Collection("photos").CountDocuments(ctx, bson.D{})
	if err != nil {
		t.Fatal(err)
	}
	return stories, photos
}

// embeddedCounts opens the embedded database in dir, as the next command would.
func embeddedCounts(t *testing.T, dir string) (stories, photos int64) {
	t.Helper()
	cfg := testConfig(t, map[string]string{"NEWSROOM_DATA_DIR": dir})
	db, err := openDatabase(context.Background(), cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer db.close()
	return counts(t, db.store.DB())
}

func TestDemoTwiceLoadsTheEditionOnce(t *testing.T) {
	dir := t.TempDir()
	if out := demoRun(t, "--data-dir", dir); !strings.Contains(out, "demo edition loaded") {
		t.Fatalf("first run said %q", out)
	}
	stories, photos := embeddedCounts(t, dir)
	if stories != editionSize() || photos != demoPhotoCount {
		t.Fatalf("after one run: %d stories, %d photos; want %d, %d", stories, photos, editionSize(), demoPhotoCount)
	}
	if out := demoRun(t, "--data-dir", dir); !strings.Contains(out, skipped) {
		t.Fatalf("second run said %q, want %q", out, skipped)
	}
	if s, p := embeddedCounts(t, dir); s != stories || p != photos {
		t.Fatalf("after two runs: %d stories, %d photos; want %d, %d", s, p, stories, photos)
	}
	// The archive is additive by design: still generated when the edition is skipped.
	out := demoRun(t, "--data-dir", dir, "--archive", "5")
	if !strings.Contains(out, skipped) || !strings.Contains(out, "5 archive stories generated") {
		t.Fatalf("run with --archive 5 said %q", out)
	}
	if s, p := embeddedCounts(t, dir); s != stories+5 || p != photos {
		t.Fatalf("after --archive 5: %d stories, %d photos; want %d, %d", s, p, stories+5, photos)
	}
}

func TestDemoAfterServeLoadedItDoesNotDuplicate(t *testing.T) {
	dir := t.TempDir()
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve", "--addr", addr, "--data-dir", dir}, io.Discard, io.Discard) }()
	waitHealthy(t, addr)
	cancel()
	if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	stories, photos := embeddedCounts(t, dir)
	if stories != editionSize() {
		t.Fatalf("serve loaded %d stories, want %d", stories, editionSize())
	}
	if out := demoRun(t, "--data-dir", dir); !strings.Contains(out, skipped) {
		t.Fatalf("demo after serve said %q, want %q", out, skipped)
	}
	if s, p := embeddedCounts(t, dir); s != stories || p != photos {
		t.Fatalf("after serve and demo: %d stories, %d photos; want %d, %d", s, p, stories, photos)
	}
}

// TestRacingDemoRunsOnOneMongoDBLoadOnce runs two `newsroom demo` at once
// against one database, as two operators (or two deploy hooks) on
// MONGODB_URI would.
func TestRacingDemoRunsOnOneMongoDBLoadOnce(t *testing.T) {
	db := dbtest.Database(t)
	t.Setenv("MONGODB_URI", dbtest.URI(t))
	t.Setenv("NEWSROOM_DATABASE", db.Name())
	var wg sync.WaitGroup
	outs := make([]string, 2)
	for i := range outs {
		dir := t.TempDir() // each process has its own data dir (search index, caches)
		wg.Go(func() { outs[i] = demoRun(t, "--data-dir", dir) })
	}
	wg.Wait()
	loaded := 0
	for _, out := range outs {
		switch {
		case strings.Contains(out, "demo edition loaded"):
			loaded++
		case strings.Contains(out, skipped), strings.Contains(out, "is being loaded by"):
		default:
			t.Errorf("a run said %q", out)
		}
	}
	if loaded != 1 {
		t.Fatalf("%d runs loaded the edition: %q", loaded, outs)
	}
	if s, p := counts(t, db); s != editionSize() || p != demoPhotoCount {
		t.Fatalf("after two racing runs: %d stories, %d photos; want %d, %d", s, p, editionSize(), demoPhotoCount)
	}
}
