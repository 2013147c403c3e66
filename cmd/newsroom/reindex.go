package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/newsroom/newsroom/config"
	"github.com/newsroom/newsroom/store"
)

// runReindex throws the search index away and builds it again from the
// database (the index is disposable; the paper lives in MongoDB).
func runReindex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := loadConfig("reindex", args, stderr, nil)
	if err != nil {
		return err
	}
	log := newLogger(stderr, cfg.LogLevel)
	db, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.close()
	n, err := rebuildSearch(ctx, cfg, log, db.store)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "search index rebuilt: %d documents\n", n)
	return nil
}

// rebuildSearch removes the data dir's search index and builds it from st
// in the foreground, returning how many documents it holds.
func rebuildSearch(ctx context.Context, cfg *config.Config, log *slog.Logger, st *store.Store) (int, error) {
	if err := os.RemoveAll(filepath.Join(cfg.DataDir, "search")); err != nil {
		return 0, fmt.Errorf("removing the old index: %w", err)
	}
	s, err := newSite(ctx, cfg, log, st)
	if err != nil {
		return 0, err
	}
	defer s.close()
	return s.handler.CatchUpSearch(ctx, true)
}
