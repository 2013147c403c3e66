package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/newsroom/newsroom/backup"
	"github.com/newsroom/newsroom/store"
)

// runRestore is `newsroom restore [--force] FILE`: the paper from an archive,
// into an empty database (or, forced, over whatever is there). The site must
// not be running on the same data dir (its lock says so).
func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var force bool
	var flags *flag.FlagSet
	cfg, err := loadConfig("restore", args, stderr, func(fs *flag.FlagSet) {
		fs.BoolVar(&force, "force", false, "replace everything the database holds")
		flags = fs
	})
	if err != nil {
		return err
	}
	if flags.NArg() != 1 {
		return errors.New("restore: want one archive after the flags: newsroom restore [--force] FILE")
	}
	file := flags.Arg(0)
	// The archive is checked before the database is even opened.
	m, err := backup.Verify(file)
	if err != nil {
		return err
	}
	if m.Schema > store.SchemaVersion() {
		return fmt.Errorf("backup %s: schema version %d, this newsroom knows up to %d: %w", file, m.Schema, store.SchemaVersion(), backup.ErrSchemaTooNew)
	}
	log := newLogger(stderr, cfg.LogLevel)
	db, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.close()
	start := time.Now()
	m, err = backup.Restore(ctx, db.store.DB(), file, backup.RestoreOptions{
		Force: force, MaxSchema: store.SchemaVersion(), Timeout: max(cfg.DBTimeout, time.Minute),
		Ignore: []string{store.SchemaCollection},
	})
	if err != nil {
		return err
	}
	took := time.Since(start)
	// The archive's schema may be older than this binary's.
	if err := db.store.Migrate(ctx, log); err != nil {
		return err
	}
	// What the data dir kept of the old paper (bodies, photo renditions,
	// the search index) no longer matches the database.
	for _, sub := range []string{"cache", "media"} {
		if err := os.RemoveAll(filepath.Join(cfg.DataDir, sub)); err != nil {
			return fmt.Errorf("removing the old %s in NEWSROOM_DATA_DIR: %w", sub, err)
		}
	}
	if err := db.store.WithBodyCache(filepath.Join(cfg.DataDir, "cache", "bodies")); err != nil {
		return err
	}
	n, err := rebuildSearch(ctx, cfg, log, db.store)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %s: %d collections, %d documents and photo chunks in %s; search index rebuilt (%d documents)\n",
		file, len(m.Parts), m.Documents(), took.Round(time.Millisecond), n)
	return nil
}
