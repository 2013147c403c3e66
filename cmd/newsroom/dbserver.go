package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/newsroom/newsroom/embeddb"
)

// runDBServer runs the embedded database server on its own, for tests of
// several instances against one separate server: it prints the connection
// string (a Unix socket in the data dir) on a line of its own and serves
// until interrupted. It is not listed in the usage: production points
// MONGODB_URI at MongoDB.
func runDBServer(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("newsroom dbserver", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("data-dir", "", "folder of the database (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		return fmt.Errorf("dbserver: --data-dir is required")
	}
	log := newLogger(stderr, "warn")
	srv, err := embeddb.Start(ctx, *dir, log)
	if err != nil {
		return fmt.Errorf("dbserver: %w", err)
	}
	defer srv.Close()
	fmt.Fprintln(stdout, srv.URI())
	if f, ok := stdout.(*os.File); ok {
		_ = f.Sync() // the test reading our output waits for this line; a pipe needs no sync
	}
	<-ctx.Done()
	return nil
}
