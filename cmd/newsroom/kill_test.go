package main

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/backup"
)

// buildBinary compiles the newsroom command for tests that must kill it.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "newsroom")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// killWhen starts bin with args and kills it (SIGKILL) as soon as ready
// says so; it fails the test if the command ends first.
func killWhen(t *testing.T, bin string, args []string, ready func() bool) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			t.Fatalf("newsroom %s ended (%v) before it could be killed half-way: give it more to do", args[0], err)
		case <-tick.C:
		}
		if ready() {
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			<-done
			return
		}
	}
}

// size is the total size of the files matching pattern.
func size(pattern string) int64 {
	paths, _ := filepath.Glob(pattern) // the pattern is well-formed
	var n int64
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil {
			n += fi.Size()
		}
	}
	return n
}

// A backup killed half-way leaves no archive at its path (only a partial
// file, which restore refuses); a restore killed half-way leaves a database
// the site refuses to serve, and running the restore again completes it.
func TestKillDuringBackupAndRestore(t *testing.T) {
	bin := buildBinary(t)
	ctx := context.Background()
	paper, out := t.TempDir(), t.TempDir()
	if _, err := cli(t, "demo", "--data-dir", paper, "--archive", "1000"); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(out, "paper.zip")
	t.Log("archive generated")

	killWhen(t, bin, []string{"backup", "--data-dir", paper, "--out", file}, func() bool {
		return size(filepath.Join(out, ".paper.zip.*.partial")) > 64<<10
	})
	if _, err := os.Stat(file); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("a killed backup left %s (%v)", file, err)
	}
	partials, _ := filepath.Glob(filepath.Join(out, ".paper.zip.*.partial"))
	for _, p := range partials {
		if _, err := backup.Verify(p); !errors.Is(err, backup.ErrInvalid) {
			t.Fatalf("the partial file of a killed backup verifies: %v", err)
		}
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	t.Log("backup killed")
	if _, err := cli(t, "backup", "--data-dir", paper, "--out", file); err != nil {
		t.Fatal(err)
	}
	t.Log("backup taken")

	// Killed once the restore has written a quarter of what the paper takes
	// (collections are restored one after another; the search index after).
	target := t.TempDir()
	quarter := size(filepath.Join(paper, "*.sqlite*")) / 4
	killWhen(t, bin, []string{"restore", "--data-dir", target, file}, func() bool {
		return size(filepath.Join(target, "*.sqlite*")) > quarter
	})
	t.Log("restore killed")
	_, err := cli(t, "serve", "--data-dir", target, "--addr", freeAddr(t))
	if err == nil || !strings.Contains(err.Error(), "did not finish") {
		t.Fatalf("serve on a half-restored paper: %v", err)
	}
	if _, err := cli(t, "restore", "--data-dir", target, file); err != nil {
		t.Fatalf("restoring again after the kill: %v", err)
	}
	t.Log("restored")
	want, _ := embeddedCounts(t, paper)
	got, _ := embeddedCounts(t, target)
	if got != want {
		t.Fatalf("restored %d stories of %d", got, want)
	}
	cfg := testConfig(t, map[string]string{"NEWSROOM_DATA_DIR": target})
	db, err := openDatabase(ctx, cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer db.close()
	if u, err := backup.Unfinished(ctx, db.store.DB()); u != "" || err != nil {
		t.Fatalf("after the second restore: %q, %v", u, err)
	}
}
