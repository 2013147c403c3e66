package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"path/filepath"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsroom/newsroom/config"
	"github.com/newsroom/newsroom/embeddb"
	"github.com/newsroom/newsroom/store"
)

// connectTimeout bounds how long start-up waits for an unreachable MongoDB.
const connectTimeout = 8 * time.Second

// database is an open connection, with the embedded server when we run one.
type database struct {
	embedded *embeddb.Server
	unlock   func() error // the data dir's lock, when no embedded server holds it
	client   *mongo.Client
	store    *store.Store
}

// openDatabase connects to MONGODB_URI, or starts the embedded server in the
// data dir and connects to it through exactly the same driver code.
// extra client options (the metrics' command monitor) go to the driver.
func openDatabase(ctx context.Context, cfg *config.Config, log *slog.Logger, extra ...*options.ClientOptions) (*database, error) {
	d := &database{}
	uri := cfg.MongoURI
	if cfg.Embedded() {
		srv, err := embeddb.Start(ctx, cfg.DataDir, log)
		if err != nil {
			return nil, fmt.Errorf("embedded database in %s: %w", cfg.DataDir, err)
		}
		d.embedded, uri = srv, srv.URI()
		log.Info("database: embedded server (FerretDB, SQLite)", "data_dir", cfg.DataDir)
	} else {
		// The data dir still holds the search index and caches: one process each.
		unlock, err := embeddb.Lock(cfg.DataDir)
		if err != nil {
			return nil, fmt.Errorf("NEWSROOM_DATA_DIR: %w", err)
		}
		d.unlock = unlock
		log.Info("database: MongoDB", "server", redact(uri))
	}
	client, err := store.Connect(ctx, uri, connectTimeout, extra...)
	if err != nil {
		d.close()
		if cfg.Embedded() {
			return nil, err
		}
		return nil, fmt.Errorf("MONGODB_URI %s: %w", redact(uri), err)
	}
	d.client = client
	d.store = store.New(client.Database(cfg.Database), cfg.DBTimeout)
	if err := d.store.WithBodyCache(filepath.Join(cfg.DataDir, "cache", "bodies")); err != nil {
		d.close()
		return nil, fmt.Errorf("NEWSROOM_DATA_DIR %s: %w", cfg.DataDir, err)
	}
	if err := d.store.Migrate(ctx, log); err != nil {
		d.close()
		return nil, err
	}
	return d, nil
}

func (d *database) close() {
	if d.client != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = d.client.Disconnect(ctx) // shutting down; nothing left to tell
		cancel()
	}
	if d.embedded != nil {
		_ = d.embedded.Close() // its own log reports problems
	}
	if d.unlock != nil {
		_ = d.unlock() // the process is ending; the kernel drops the lock anyway
	}
}

// redact drops credentials from a connection string before it is logged.
func redact(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return "(unparsable URI)"
	}
	if u.User != nil {
		u.User = url.User("***")
	}
	u.RawQuery = ""
	return u.String()
}
