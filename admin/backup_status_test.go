package admin

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/backup"
	"github.com/newsroom/newsroom/store"
)

// The settings page tells an admin whether scheduled backups run and what
// the last one did, in their language, without the server's error text.
func TestSettingsShowTheLastScheduledBackup(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ad := tn.login(t, store.RoleAdmin)
	r := ad.get("/admin/settings")
	if r.code != http.StatusOK || !containsAny(r.body, "예약 백업이 꺼져 있습니다", "Scheduled backups are off") {
		t.Fatalf("settings without scheduled backups: %d", r.code)
	}
	dir := t.TempDir()
	fail := false
	sched := &backup.Schedule{Dir: dir, Every: 6 * time.Hour, Keep: 3, Log: slog.New(slog.DiscardHandler),
		Take: func(ctx context.Context, path string) error {
			if fail {
				return errors.New("disk full at /secret/place")
			}
			_, err := backup.WriteFile(ctx, tn.store.DB(), path, backup.Options{Schema: store.SchemaVersion()})
			return err
		}}
	tn.a.backups = sched.Status
	st := sched.Once(context.Background())
	r = ad.get("/admin/settings")
	if !strings.Contains(r.body, filepath.Base(st.File)) || !containsAny(r.body, "마지막 백업", "Last backup") ||
		!containsAny(r.body, "6h0m0s마다", "Every 6h0m0s") {
		t.Fatalf("settings after a backup lack its file, time or schedule:\n%s", r.body)
	}
	fail = true
	sched.Once(context.Background())
	r = ad.get("/admin/settings")
	if !containsAny(r.body, "백업이 실패했습니다", "failed; the server log says why") || strings.Contains(r.body, "/secret/place") {
		t.Fatalf("settings after a failed backup:\n%s", r.body)
	}
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
