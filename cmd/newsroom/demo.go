package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/newsroom/newsroom/admin"
	"github.com/newsroom/newsroom/auth"
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
		ed := demo.Load(time.Now())
		if err := attachDemoPhotos(ctx, db.store, cfg.DataDir, log, &ed); err != nil {
			return err
		}
		if err := demo.Install(ctx, db.store, ed); err != nil {
			return err
		}
		if err := installDemoUsers(ctx, db.store); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "demo edition loaded (demo accounts: see the README)")
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
func loadDemoIfEmpty(ctx context.Context, st *store.Store, dataDir string, log *slog.Logger) error {
	empty, err := st.Empty(ctx)
	if err != nil || !empty {
		return err
	}
	start := time.Now()
	ed := demo.Load(start)
	if err := attachDemoPhotos(ctx, st, dataDir, log, &ed); err != nil {
		return err
	}
	if err := demo.Install(ctx, st, ed); err != nil {
		return err
	}
	if err := installDemoUsers(ctx, st); err != nil {
		return err
	}
	log.Info("empty database: demo edition loaded with one demo account per role (NEWSROOM_NO_DEMO=true skips it)",
		"password", admin.DemoPassword, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// installDemoUsers creates one account per role for trying the newsroom;
// accounts that already exist are left alone.
func installDemoUsers(ctx context.Context, st *store.Store) error {
	for _, nu := range admin.DemoUsers() {
		u, err := auth.AddUser(ctx, st, nu.Email, nu.Name, nu.Role, nu.Password)
		if errors.Is(err, auth.ErrUserExists) {
			continue
		}
		if err != nil {
			return fmt.Errorf("demo account %s: %w", nu.Email, err)
		}
		u.Lang, u.Handle = nu.Lang, nu.Handle
		if err := st.UpdateUser(ctx, u); err != nil {
			return err
		}
	}
	return nil
}
