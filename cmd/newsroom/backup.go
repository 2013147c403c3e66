package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/newsroom/newsroom/backup"
	"github.com/newsroom/newsroom/config"
	"github.com/newsroom/newsroom/embeddb"
	"github.com/newsroom/newsroom/store"
)

// runBackup is `newsroom backup [--out FILE]`: the archive of the paper,
// taken while the site runs.
func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var out string
	cfg, err := loadConfig("backup", args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&out, "out", "", "the archive to write (default newsroom-<UTC time>.zip in the current folder)")
	})
	if err != nil {
		return err
	}
	if out == "" {
		out = backup.Name(time.Now())
	}
	log := newLogger(stderr, cfg.LogLevel)
	db, err := openForBackup(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.close()
	start := time.Now()
	m, err := takeBackup(ctx, db.store, out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup written to %s: %d collections, %d documents and photo chunks, in %s\n",
		out, len(m.Parts), m.Documents(), time.Since(start).Round(time.Millisecond))
	return nil
}

// takeBackup writes the archive of st's database to path.
func takeBackup(ctx context.Context, st *store.Store, path string) (*backup.Manifest, error) {
	schema, err := st.DatabaseSchema(ctx)
	if err != nil {
		return nil, err
	}
	return backup.WriteFile(ctx, st.DB(), path, backup.Options{Newsroom: version, Schema: schema})
}

// openForBackup opens the database like every command, except that while
// `newsroom serve` holds an embedded database it goes through that server's
// socket: the backup runs beside the site.
func openForBackup(ctx context.Context, cfg *config.Config, log *slog.Logger) (*database, error) {
	db, err := openDatabase(ctx, cfg, log)
	if err == nil || !cfg.Embedded() || !errors.Is(err, embeddb.ErrLocked) {
		return db, err
	}
	uri, uerr := embeddb.RunningURI(cfg.DataDir)
	if uerr != nil {
		return nil, fmt.Errorf("%w (and %w)", err, uerr)
	}
	client, err := store.Connect(ctx, uri, connectTimeout)
	if err != nil {
		return nil, err
	}
	log.Info("database: through the running newsroom's embedded server", "data_dir", cfg.DataDir)
	return &database{client: client, store: store.New(client.Database(cfg.Database), cfg.DBTimeout)}, nil
}
