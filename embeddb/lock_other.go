//go:build !unix

package embeddb

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
)

// unixSockets is false here: the embedded server listens on 127.0.0.1.
const unixSockets = false

// dirLock is an exclusively created <dir>/newsroom.lock. Unlike flock it
// outlives a crashed process, so the error tells the user how to clear it.
type dirLock struct {
	path string
}

func lockDir(dir string) (*dirLock, error) {
	path := filepath.Join(dir, lockFileName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("%w (if no newsroom process is running, delete %s)", lockedError(dir, readPID(path)), path)
	}
	if err != nil {
		return nil, fmt.Errorf("embeddb: create lock file: %w", err)
	}
	_, werr := f.WriteString(strconv.Itoa(os.Getpid()) + "\n")
	if err := errors.Join(werr, f.Close()); err != nil {
		return nil, errors.Join(fmt.Errorf("embeddb: write pid to %s: %w", path, err), os.Remove(path))
	}
	return &dirLock{path: path}, nil
}

func (l *dirLock) release() error {
	if err := os.Remove(l.path); err != nil {
		return fmt.Errorf("embeddb: remove lock file: %w", err)
	}
	return nil
}

// restrictDir only checks dir: file modes do not carry access control here.
func restrictDir(dir string, _ *slog.Logger) error {
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("embeddb: data dir: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("embeddb: data dir %s is not a directory", dir)
	}
	return nil
}
