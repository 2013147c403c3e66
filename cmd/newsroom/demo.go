package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/newsroom/newsroom/admin"
	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/demo"
	"github.com/newsroom/newsroom/store"
)

// runDemo loads the demo edition, once per database (a second run says it
// skipped it), and with --archive N also N more synthetic stories, into the
// configured database.
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
		loaded, m, err := installDemoOnce(ctx, db.store, cfg.DataDir, log)
		switch {
		case err != nil:
			return err
		case loaded:
			fmt.Fprintln(stdout, "demo edition loaded (demo accounts: see the README)")
		case m.State == store.DemoLoaded:
			fmt.Fprintf(stdout, "demo edition already loaded; skipped (loaded %s)\n", m.LoadedAt.Format(time.DateTime+" MST"))
		default:
			fmt.Fprintf(stdout, "demo edition is being loaded by %s since %s; skipped\n", m.By, m.StartedAt.Format(time.DateTime+" MST"))
		}
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

// loadDemoIfEmpty gives a fresh install something to show. It claims the
// demo edition like `newsroom demo` does, so that a later `newsroom demo`
// knows the edition is in; an emptied database that had it stays empty.
func loadDemoIfEmpty(ctx context.Context, st *store.Store, dataDir string, log *slog.Logger) error {
	empty, err := st.Empty(ctx)
	if err != nil || !empty {
		return err
	}
	start := time.Now()
	loaded, m, err := installDemoOnce(ctx, st, dataDir, log)
	if err != nil || !loaded {
		if err == nil {
			log.Info("empty database, but the demo edition was loaded (or is loading) in it already: not loading it again", "state", m.State, "started_at", m.StartedAt)
		}
		return err
	}
	log.Info("empty database: demo edition loaded with one demo account per role (NEWSROOM_NO_DEMO=true skips it)",
		"password", admin.DemoPassword, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// demoLoadStaleAfter is how old a demo load that never finished must be
// before another run takes it over: far longer than a load takes (seconds,
// even against a remote MongoDB), so a run in progress is never doubled.
// Only a process that died without cleaning up (kill -9, power loss)
// leaves such a load behind; failures and Ctrl-C give the claim back.
const demoLoadStaleAfter = 10 * time.Minute

// installDemoOnce loads the demo edition (photos, stories, demo accounts)
// unless this database has it or another process is loading it: loaded is
// false then, and m says which. The claim comes first so that runs racing
// on one database cannot both load it (see store.ClaimDemoEdition).
func installDemoOnce(ctx context.Context, st *store.Store, dataDir string, log *slog.Logger) (loaded bool, m store.DemoEdition, err error) {
	host, _ := os.Hostname() // only a label for the operator; empty is fine
	won, m, err := st.ClaimDemoEdition(ctx, fmt.Sprintf("%s pid %d", host, os.Getpid()), time.Now(), demoLoadStaleAfter)
	if err != nil || !won {
		return false, m, err
	}
	if err := installDemo(ctx, st, dataDir, log); err != nil {
		// Give the claim back even when ctx is what failed (Ctrl-C), so
		// the next run loads the edition instead of waiting out the claim.
		if rerr := st.ReleaseDemoEdition(context.WithoutCancel(ctx)); rerr != nil {
			log.Error("demo edition: the failed load keeps its claim; a run after it expires loads again",
				"err", rerr, "expires", m.StartedAt.Add(demoLoadStaleAfter))
		}
		return false, m, fmt.Errorf("demo edition: %w", err)
	}
	if err := st.DemoEditionLoaded(ctx, m, time.Now()); err != nil {
		return false, m, fmt.Errorf("demo edition loaded, but not recorded as loaded: %w", err)
	}
	return true, m, nil
}

func installDemo(ctx context.Context, st *store.Store, dataDir string, log *slog.Logger) error {
	ed := demo.Load(time.Now())
	if err := attachDemoPhotos(ctx, st, dataDir, log, &ed); err != nil {
		return err
	}
	if err := demo.Install(ctx, st, ed); err != nil {
		return err
	}
	return installDemoUsers(ctx, st)
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
		if _, err := st.UpdateUser(ctx, u.ID, store.UserChange{Lang: &nu.Lang, Handle: &nu.Handle}); err != nil {
			return err
		}
	}
	return nil
}
