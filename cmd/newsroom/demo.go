package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/newsroom/newsroom/demo"
	"github.com/newsroom/newsroom/store"
)

// runDemo loads the demo edition, and with --archive N also N synthetic
// stories, into the configured database.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var archive int
	var seed int64
	var archiveOnly bool
	cfg, err := loadConfig("demo", args, stderr, func(fs *flag.FlagSet) {
		fs.IntVar(&archive, "archive", 0, "also generate this many synthetic stories (half in both languages) spread over five years")
		fs.Int64Var(&seed, "seed", 1, "seed of the synthetic archive")
		fs.BoolVar(&archiveOnly, "archive-only", false, "generate the archive without loading the demo edition's stories")
	})
	if err != nil {
		return err
	}
	if archive < 0 || archive > 1_000_000 {
		return fmt.Errorf("--archive %d: want 0 to 1000000", archive)
	}
	log := newLogger(stderr, cfg.LogLevel)
	db, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.close()
	if !archiveOnly {
		if err := demo.Install(ctx, db.store, demo.Load(time.Now())); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "demo edition loaded")
	}
	if archive > 0 {
		start := time.Now()
		if err := demo.InstallArchive(ctx, db.store, archive, seed, time.Now()); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d archive stories generated in %s\n", archive, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// loadDemoIfEmpty gives a fresh install something to show.
func loadDemoIfEmpty(ctx context.Context, st *store.Store, log *slog.Logger) error {
	empty, err := st.Empty(ctx)
	if err != nil || !empty {
		return err
	}
	if err := demo.Install(ctx, st, demo.Load(time.Now())); err != nil {
		return err
	}
	log.Info("empty database: demo edition loaded (NEWSROOM_NO_DEMO=true skips it)")
	return nil
}
