package backup

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/demo"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/store"
)

// The benchmarks' paper: 20,000 generated stories (their revisions with
// bodies) and benchPhotos photos, each an incompressible 2 MB original and
// six 150 KB renditions in GridFS, as uploads leave them. Built once per
// test binary.
var bench struct {
	once   sync.Once
	client *mongo.Client
	db     *mongo.Database
	file   string
	err    error
}

const (
	benchStories = 20000
	benchPhotos  = 40
)

func benchPaper(b *testing.B) (*mongo.Database, string) {
	b.Helper()
	bench.once.Do(func() { bench.err = buildBenchPaper(b) })
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.db, bench.file
}

func buildBenchPaper(b *testing.B) error {
	ctx := context.Background()
	client, err := mongo.Connect(options.Client().ApplyURI(dbtest.URI(b)))
	if err != nil {
		return err
	}
	bench.client = client
	bench.db = client.Database("bench_backup_20k")
	_ = bench.db.Drop(ctx) // a leftover from an interrupted run
	st := store.New(bench.db, time.Minute)
	if err := st.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		return err
	}
	if err := demo.InstallArchive(ctx, st, benchStories, 1, time.Now()); err != nil {
		return err
	}
	files := media.NewFiles(bench.db)
	for i := range benchPhotos {
		orig := make([]byte, 2<<20)
		_, _ = rand.Read(orig) // never fails
		if _, err := files.Put(ctx, fmt.Sprintf("photo-%d.jpg", i), orig, bson.D{{Key: "kind", Value: "original"}}); err != nil {
			return err
		}
		for r := range 6 {
			rend := make([]byte, 150<<10)
			_, _ = rand.Read(rend)
			if _, err := files.Put(ctx, fmt.Sprintf("p%d/%d.jpg", i, r), rend, bson.D{{Key: "kind", Value: "rendition"}}); err != nil {
				return err
			}
		}
	}
	dir, err := os.MkdirTemp("", "bench-backup")
	if err != nil {
		return err
	}
	bench.file = filepath.Join(dir, "paper.zip")
	_, err = WriteFile(ctx, bench.db, bench.file, Options{Schema: store.SchemaVersion()})
	return err
}

// BenchmarkArchiveBackup writes the archive of the 20,000-story paper.
func BenchmarkArchiveBackup(b *testing.B) {
	db, _ := benchPaper(b)
	path := filepath.Join(b.TempDir(), "paper.zip")
	var m *Manifest
	cpu := cpuTime(b)
	for b.Loop() {
		var err error
		if m, err = WriteFile(context.Background(), db, path, Options{Schema: store.SchemaVersion()}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuTime(b)-cpu).Seconds()/float64(b.N), "cpu-s/op")
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(fi.Size())/1e6, "MB/archive")
	b.ReportMetric(float64(m.Documents()), "docs+chunks")
}

// BenchmarkArchiveRestore restores it into an empty database (verification
// included; indexes and the search index are the caller's, not measured).
func BenchmarkArchiveRestore(b *testing.B) {
	_, file := benchPaper(b)
	ctx := context.Background()
	i := 0
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		i++
		db := bench.client.Database(fmt.Sprintf("bench_restore_%d", i))
		_ = db.Drop(ctx)
		b.StartTimer()
		start := cpuTime(b)
		if _, err := Restore(ctx, db, file, RestoreOptions{MaxSchema: store.SchemaVersion(), Timeout: 5 * time.Minute}); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime(b) - start
		b.StopTimer()
		_ = db.Drop(ctx) // the scratch copy
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// cpuTime is the CPU time this process (the benchmark and the embedded
// database in it) has used: on a shared machine, a steadier figure than the
// wall clock.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
