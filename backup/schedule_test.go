package backup

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Scheduled backups keep the newest Keep archives, each one restorable, and
// a failure is reported while the last good one is remembered.
func TestScheduledBackupsKeepTheNewestAndReportFailures(t *testing.T) {
	ctx := context.Background()
	st := paper(t)
	dir := filepath.Join(t.TempDir(), "backups")
	sched := &Schedule{Dir: dir, Every: time.Hour, Keep: 2, Log: slog.New(slog.DiscardHandler),
		Take: func(ctx context.Context, path string) error {
			_, err := WriteFile(ctx, st.DB(), path, Options{Schema: 1})
			return err
		}}
	if s := sched.Status(); !s.At.IsZero() || !s.OK() {
		t.Fatalf("before any backup: %+v", s)
	}
	var made []string
	for range 3 {
		s := sched.Once(ctx)
		if !s.OK() || s.Bytes == 0 {
			t.Fatalf("scheduled backup: %+v", s)
		}
		made = append(made, s.File)
		time.Sleep(2 * time.Millisecond) // archive names carry milliseconds
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, e := range entries {
		kept = append(kept, filepath.Join(dir, e.Name()))
	}
	if len(kept) != 2 || kept[0] != made[1] || kept[1] != made[2] {
		t.Fatalf("kept %v; want the newest two of %v", kept, made)
	}
	for _, k := range kept {
		if _, err := Verify(k); err != nil {
			t.Fatal(err)
		}
	}
	good := sched.Status().LastGood
	// The folder becomes a file: the next backup cannot be written.
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := sched.Once(ctx)
	if s.OK() || !strings.Contains(s.Err, "backups") || !s.LastGood.Equal(good) {
		t.Fatalf("failed backup reported as %+v (last good %v)", s, good)
	}
}
