// Package store keeps the paper in MongoDB. It speaks only the subset of
// MongoDB that the embedded server also supports (see
// shared/docs/mongodb-subset.md): lookups by string _id, inserts into unique
// indexes as the point of serialization, no transactions.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"go.mongodb.org/mongo-driver/v2/mongo/readpref"
)

// ErrNotFound is returned when a document asked for by key does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when a save started from a revision that is no
// longer the latest: someone else saved in between.
var ErrConflict = errors.New("conflict: saved by someone else in between")

// ErrUnavailable wraps failures to reach the database (timeouts, closed
// connections), so callers can answer 503 instead of 500.
var ErrUnavailable = errors.New("database unavailable")

// Store is the paper's MongoDB database.
type Store struct {
	db      *mongo.Database
	timeout time.Duration

	// storyLocks serialize this process's head updates per story: the
	// embedded server loses concurrent updates of one document even when
	// they touch different fields (different language versions).
	storyLocks [64]sync.Mutex
	// recordLocks queue this process's writers of one locked record
	// (withLock) before they take its lock in the database.
	recordLocks [64]sync.Mutex

	numMu      sync.Mutex
	numberHint int // next story number to try; 0 = not yet known

	bodies *bodyCache // nil: no local copies

	changes *changeLog
}

// New wraps an open database. timeout bounds every call.
func New(db *mongo.Database, timeout time.Duration) *Store {
	return &Store{db: db, timeout: timeout, changes: newChangeLog()}
}

// Connect opens uri, checks the server answers within connectTimeout and
// returns the client. It fails with a clear error rather than waiting forever.
// extra options (a command monitor for metrics) apply after the defaults.
func Connect(ctx context.Context, uri string, connectTimeout time.Duration, extra ...*options.ClientOptions) (*mongo.Client, error) {
	opts := options.Client().ApplyURI(uri).
		SetServerSelectionTimeout(connectTimeout).
		SetConnectTimeout(connectTimeout).
		SetAppName("newsroom")
	client, err := mongo.Connect(append([]*options.ClientOptions{opts}, extra...)...)
	if err != nil {
		return nil, fmt.Errorf("store: connect: %w", err)
	}
	pctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	if err := client.Ping(pctx, readpref.Primary()); err != nil {
		_ = client.Disconnect(context.Background()) // already failing; the ping error says why
		return nil, fmt.Errorf("store: no answer from MongoDB within %s: %w", connectTimeout, err)
	}
	return client, nil
}

// DB exposes the database for packages that own their own collections (GridFS).
func (s *Store) DB() *mongo.Database { return s.db }

// Timeout is the deadline applied to each call.
func (s *Store) Timeout() time.Duration { return s.timeout }

func (s *Store) ctx(parent context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(parent, s.timeout)
}

// Ping checks the database answers.
func (s *Store) Ping(ctx context.Context) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	if err := s.db.Client().Ping(ctx, readpref.Primary()); err != nil {
		return wrap("ping", err)
	}
	return nil
}

func (s *Store) lockStory(n int) func() {
	m := &s.storyLocks[uint(n)%uint(len(s.storyLocks))]
	m.Lock()
	return m.Unlock
}

// wrap adds context and classifies errors the caller must tell apart.
func wrap(what string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, mongo.ErrNoDocuments):
		return fmt.Errorf("store: %s: %w", what, ErrNotFound)
	case IsUnavailable(err):
		return fmt.Errorf("store: %s: %w: %w", what, ErrUnavailable, err)
	}
	return fmt.Errorf("store: %s: %w", what, err)
}

// IsUnavailable reports whether a driver error means the database could
// not be reached in time: what this package returns as ErrUnavailable, for
// packages that call the driver themselves (GridFS in package media).
func IsUnavailable(err error) bool {
	switch {
	case errors.Is(err, ErrUnavailable), errors.Is(err, context.DeadlineExceeded), mongo.IsTimeout(err),
		mongo.IsNetworkError(err), errors.Is(err, mongo.ErrClientDisconnected):
		return true
	}
	var sse mongo.ServerError
	if errors.As(err, &sse) {
		return false
	}
	return isSelectionError(err)
}

// isSelectionError spots the driver's "no server to talk to" failures, which
// carry no typed marker of their own.
func isSelectionError(err error) bool {
	var tErr interface{ Timeout() bool }
	if errors.As(err, &tErr) && tErr.Timeout() {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "server selection") || strings.Contains(msg, "connection refused") ||
		strings.Contains(msg, "no such file")
}

func isNotFound(err error) bool { return errors.Is(err, mongo.ErrNoDocuments) }
