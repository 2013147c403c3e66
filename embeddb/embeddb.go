// Package embeddb runs the embedded MongoDB-compatible server (FerretDB with
// its SQLite backend) inside the newsroom process, for development and tests.
//
// The server has no authentication, so it listens only where the user who
// owns the data dir can reach it: a Unix socket inside the data dir (mode
// 0700), or 127.0.0.1 on a random port when the socket path would be too
// long. A lock file keeps a second process from opening the same data dir,
// because two FerretDB instances on one dir overwrite each other's metadata.
package embeddb

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// ErrLocked is wrapped by the error Start returns when another newsroom
// process (or another Server in this process) holds the data dir.
var ErrLocked = errors.New("data dir locked")

const (
	lockFileName   = "newsroom.lock"
	socketFileName = "mongodb.sock" // the driver takes a host ending in ".sock" as a Unix socket

	// maxSocketPath is the longest Unix socket path that binds on every
	// unix we care about: sun_path is 104 bytes on macOS and the BSDs (108
	// on Linux), including the terminating NUL.
	maxSocketPath = 103
)

// newMu serializes ferretdb.New, which writes a package-level variable
// (version.Get().Package) that the race detector reports when two servers
// start at once.
var newMu sync.Mutex

// Server is a running embedded database. Close it to release the data dir.
type Server struct {
	dir  string
	uri  string
	lock *dirLock

	cancel context.CancelFunc
	done   chan struct{} // closed when FerretDB's Run has returned

	closeOnce sync.Once
	closeErr  error
}

// Start creates dataDir (0700) if needed, locks it for this process and
// starts FerretDB on it. ctx bounds only the start: the server runs until
// Close. FerretDB's own records go to logger at Warn and above only (it
// logs every request at Debug), without its dumps of failed replies. A nil logger means slog.Default().
func Start(ctx context.Context, dataDir string, logger *slog.Logger) (*Server, error) {
	if logger == nil {
		logger = slog.Default()
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("embeddb: start: %w", err)
	}

	dir, err := filepath.Abs(dataDir)
	if err != nil {
		return nil, fmt.Errorf("embeddb: data dir %q: %w", dataDir, err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("embeddb: create data dir: %w", err)
	}
	if err := restrictDir(dir, logger); err != nil {
		return nil, err
	}

	lock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}

	listener, uri, err := chooseListener(dir, logger)
	if err != nil {
		return nil, errors.Join(err, lock.release())
	}

	// If FerretDB fails after opening the SQLite files (only when binding
	// the listener fails, which chooseListener makes unlikely), v1.24.2
	// leaves them open: nothing to do about it from here.
	newMu.Lock()
	fdb, err := ferretdb.New(&ferretdb.Config{
		Listener:  listener,
		Logger:    slog.New(ferretLog{h: logger.Handler()}).With("component", "ferretdb"),
		Handler:   "sqlite",
		SQLiteURL: (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/", OmitHost: true}).String(),
	})
	newMu.Unlock()
	if err != nil {
		return nil, errors.Join(fmt.Errorf("embeddb: start FerretDB in %s: %w", dir, err), lock.release())
	}
	if uri == "" {
		uri = fdb.MongoDBURI() // TCP: only FerretDB knows the port it got
	}

	// The server outlives Start's ctx (which often is a startup timeout)
	// but keeps its values.
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s := &Server{dir: dir, uri: uri, lock: lock, cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		// Run always returns nil in v1.24.2; the error is kept for the
		// signature's sake and would only repeat what FerretDB logged.
		_ = fdb.Run(runCtx)
	}()

	logger.InfoContext(ctx, "embedded database started", slog.String("dir", dir), slog.String("uri", uri))
	return s, nil
}

// chooseListener returns a Unix socket inside dir when the platform has them
// and the path fits, otherwise 127.0.0.1 on a random port. For the socket it
// also returns the URI; for TCP the URI is known only once FerretDB listens.
func chooseListener(dir string, logger *slog.Logger) (ferretdb.ListenerConfig, string, error) {
	sock := filepath.Join(dir, socketFileName)
	if !unixSockets || len(sock) > maxSocketPath {
		if unixSockets {
			logger.Warn("embedded database: socket path too long, listening on 127.0.0.1 instead; anyone on this machine can connect",
				slog.String("socket", sock), slog.Int("bytes", len(sock)), slog.Int("max", maxSocketPath))
		}
		return ferretdb.ListenerConfig{TCP: "127.0.0.1:0"}, "", nil
	}
	// We hold the lock, so a socket file left here is from a process that
	// died without closing it; binding would fail with "address in use".
	if err := os.Remove(sock); err != nil && !errors.Is(err, os.ErrNotExist) {
		return ferretdb.ListenerConfig{}, "", fmt.Errorf("embeddb: remove stale socket: %w", err)
	}
	// The driver unescapes the host with url.QueryUnescape.
	return ferretdb.ListenerConfig{Unix: sock}, "mongodb://" + url.QueryEscape(sock) + "/", nil
}

// URI returns the connection string for the v2 driver:
// mongodb://<percent-encoded socket path>/ or mongodb://127.0.0.1:<port>/.
func (s *Server) URI() string { return s.uri }

// Dir returns the absolute data dir.
func (s *Server) Dir() string { return s.dir }

// Close stops the listener, waits for FerretDB to finish and close its
// SQLite files, then releases and removes the lock. Disconnect clients first:
// FerretDB gives connections still open 3 seconds before it cuts them.
// Close is safe to call more than once.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		s.cancel()
		<-s.done
		if err := s.lock.release(); err != nil {
			s.closeErr = err
		}
	})
	return s.closeErr
}

// lockedError says who holds dir; pid 0 means the holder has not written
// its pid yet (or the file was unreadable).
func lockedError(dir string, pid int) error {
	switch {
	case pid == 0:
		return fmt.Errorf("embeddb: data dir %s is in use by another newsroom process (pid unknown): %w", dir, ErrLocked)
	case pid == os.Getpid():
		return fmt.Errorf("embeddb: data dir %s is in use by another server in this newsroom process (pid %d): %w", dir, pid, ErrLocked)
	default:
		return fmt.Errorf("embeddb: data dir %s is in use by another newsroom process (pid %d): %w", dir, pid, ErrLocked)
	}
}

// readPID returns the pid in the lock file at path, or 0 if there is none
// yet (the holder writes it just after locking).
func readPID(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return 0
	}
	return pid
}

// Lock takes the same data-dir lock as Start without starting a server: a
// newsroom using an external MongoDB still keeps its search index and caches
// in the data dir, which one process at a time may own. It creates the dir.
func Lock(dataDir string) (release func() error, err error) {
	dir, err := filepath.Abs(dataDir)
	if err != nil {
		return nil, fmt.Errorf("embeddb: data dir %q: %w", dataDir, err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("embeddb: create data dir: %w", err)
	}
	l, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	return l.release, nil
}

// RunningURI returns the URI of the embedded server that another process
// runs on dataDir, through its Unix socket, so that a command-line tool such
// as `newsroom backup` can go through the running server instead of opening
// the files it holds. ErrNotRunning when there is no socket to reach.
func RunningURI(dataDir string) (string, error) {
	dir, err := filepath.Abs(dataDir)
	if err != nil {
		return "", fmt.Errorf("embeddb: data dir %q: %w", dataDir, err)
	}
	sock := filepath.Join(dir, socketFileName)
	if fi, err := os.Stat(sock); err != nil || fi.Mode()&os.ModeSocket == 0 {
		return "", fmt.Errorf("embeddb: no server socket at %s: %w", sock, ErrNotRunning)
	}
	return "mongodb://" + url.QueryEscape(sock) + "/", nil
}

// ErrNotRunning is returned by RunningURI when no server listens on the data dir's socket.
var ErrNotRunning = errors.New("the running newsroom listens on no socket in its data dir")
