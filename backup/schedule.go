package backup

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// Status is the outcome of the last scheduled backup.
type Status struct {
	At       time.Time     // when it ended; zero: none yet
	File     string        // the archive written
	Bytes    int64         // its size
	Took     time.Duration // how long it took
	Err      string        // why it failed; "" when it worked
	Next     time.Time     // when the next one is due
	Every    time.Duration
	Dir      string
	Keep     int
	LastGood time.Time // the last one that worked
}

// OK reports whether the last backup worked (or none has run yet).
func (s Status) OK() bool { return s.Err == "" }

// Schedule takes a backup every so often into a folder and keeps the newest.
type Schedule struct {
	Dir   string
	Every time.Duration
	Keep  int
	// Take writes one archive to path.
	Take func(ctx context.Context, path string) error
	Log  *slog.Logger

	mu     sync.Mutex
	status Status
}

// namePrefix and nameSuffix frame the scheduled archives' names
// (newsroom-20260102-150405.123.zip), which sort by time.
const (
	namePrefix = "newsroom-"
	nameSuffix = ".zip"
)

// Name is a scheduled archive's file name for time t.
func Name(t time.Time) string {
	return namePrefix + t.UTC().Format("20060102-150405.000") + nameSuffix
}

// Status returns the outcome of the last backup.
func (s *Schedule) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.status
	st.Every, st.Dir, st.Keep = s.Every, s.Dir, s.Keep
	return st
}

// Run takes a backup at every tick until ctx ends; the first one an Every
// after start (a restart does not take one at once).
func (s *Schedule) Run(ctx context.Context) {
	t := time.NewTicker(s.Every)
	defer t.Stop()
	s.setNext(time.Now().Add(s.Every))
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s.Once(ctx)
		s.setNext(time.Now().Add(s.Every))
	}
}

func (s *Schedule) setNext(t time.Time) {
	s.mu.Lock()
	s.status.Next = t
	s.mu.Unlock()
}

// Once takes one backup now, then removes the oldest beyond Keep, and
// records the outcome.
func (s *Schedule) Once(ctx context.Context) Status {
	start := time.Now()
	path := filepath.Join(s.Dir, Name(start))
	err := os.MkdirAll(s.Dir, 0o700)
	if err == nil {
		err = s.Take(ctx, path)
	}
	var size int64
	if err == nil {
		if fi, serr := os.Stat(path); serr == nil {
			size = fi.Size()
		}
		err = s.prune()
	}
	s.mu.Lock()
	s.status.At, s.status.File, s.status.Bytes, s.status.Took = time.Now(), path, size, time.Since(start)
	s.status.Err = ""
	if err != nil {
		s.status.Err = err.Error()
		s.Log.Error("scheduled backup failed", "dir", s.Dir, "err", err)
	} else {
		s.status.LastGood = s.status.At
		s.Log.Info("scheduled backup", "file", path, "bytes", size, "took", s.status.Took.Round(time.Millisecond))
	}
	st := s.status
	s.mu.Unlock()
	return st
}

// prune removes the oldest scheduled archives beyond Keep, and partial files
// that a killed backup left behind.
func (s *Schedule) prune() error {
	entries, err := os.ReadDir(s.Dir)
	if err != nil {
		return fmt.Errorf("backup: listing %s: %w", s.Dir, err)
	}
	var archives []string
	for _, e := range entries {
		n := e.Name()
		switch {
		case strings.HasPrefix(n, namePrefix) && strings.HasSuffix(n, nameSuffix):
			archives = append(archives, n)
		case strings.HasPrefix(n, "."+namePrefix) && strings.HasSuffix(n, ".partial"):
			// An hour old: no backup of this process is still writing it.
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
				_ = os.Remove(filepath.Join(s.Dir, n)) // best effort: a leftover of a killed backup
			}
		}
	}
	slices.Sort(archives)
	for len(archives) > s.Keep {
		if err := os.Remove(filepath.Join(s.Dir, archives[0])); err != nil {
			return fmt.Errorf("backup: removing an old backup: %w", err)
		}
		archives = archives[1:]
	}
	return nil
}
