//go:build unix

package embeddb

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

const unixSockets = true

// dirLock is an flock(2) on <dir>/newsroom.lock, held for the server's life.
// The kernel drops it when the process dies, so a crash leaves no stale lock
// (the file may remain; the next Start takes it over).
type dirLock struct {
	f    *os.File
	path string
}

func lockDir(dir string) (*dirLock, error) {
	path := filepath.Join(dir, lockFileName)
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, fmt.Errorf("embeddb: open lock file: %w", err)
		}
		if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, unix.EWOULDBLOCK) {
				return nil, lockedError(dir, readPID(path))
			}
			return nil, fmt.Errorf("embeddb: lock %s: %w", path, err)
		}
		// A holder that closed between our open and our flock removed the
		// file: we would hold a lock on an unlinked inode that the next
		// process cannot see. Start over on whatever file is there now.
		current, err := os.Stat(path)
		held, ferr := f.Stat()
		if err != nil || ferr != nil || !os.SameFile(current, held) {
			f.Close()
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("embeddb: lock %s: %w", path, err)
			}
			continue
		}
		if err := writePID(f); err != nil {
			f.Close()
			return nil, fmt.Errorf("embeddb: write pid to %s: %w", path, err)
		}
		return &dirLock{f: f, path: path}, nil
	}
}

func writePID(f *os.File) error {
	if err := f.Truncate(0); err != nil {
		return err
	}
	_, err := f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return err
}

// release removes the file while still holding the lock (see lockDir for
// why the order matters), then drops the lock by closing it.
func (l *dirLock) release() error {
	rmErr := os.Remove(l.path)
	closeErr := l.f.Close()
	if rmErr != nil {
		return fmt.Errorf("embeddb: remove lock file: %w", rmErr)
	}
	if closeErr != nil {
		return fmt.Errorf("embeddb: release lock: %w", closeErr)
	}
	return nil
}

// restrictDir makes dir private to its owner: anyone who can reach the
// socket inside it can read and write the whole paper.
func restrictDir(dir string, logger *slog.Logger) error {
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("embeddb: data dir: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("embeddb: data dir %s is not a directory", dir)
	}
	if fi.Mode().Perm()&0o077 == 0 {
		return nil
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return fmt.Errorf("embeddb: restrict data dir permissions: %w", err)
	}
	logger.Warn("embedded database: data dir was readable by others; changed its mode to 0700",
		slog.String("dir", dir), slog.String("was", fi.Mode().Perm().String()))
	return nil
}
