package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	if err := os.RemoveAll(filepath.Join(cfg.DataDir, "search")); err != nil {
		return fmt.Errorf("removing the old index: %w", err)
	}
	s, err := newSite(ctx, cfg, log, db.store)
	if err != nil {
		return err
	}
	defer s.close()
	n, err := s.handler.CatchUpSearch(ctx, true)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "search index rebuilt: %d documents\n", n)
	return nil
}
