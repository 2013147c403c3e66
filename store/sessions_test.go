package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

var sessT0 = time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)

const (
	testIdle     = 12 * time.Hour
	testAbsolute = 7 * 24 * time.Hour
)

func newSession(id, user string, at time.Time) *Session {
	return &Session{ID: id, UserID: user, CSRF: "csrf-" + id, CreatedAt: at, LastSeen: at,
		IdleUntil: at.Add(testIdle), ExpiresAt: at.Add(testAbsolute)}
}

func TestSessionIdleExpiry(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	if err := s.CreateSession(ctx, newSession("s1", "kim@example.com", sessT0)); err != nil {
		t.Fatal(err)
	}
	got, err := s.Session(ctx, "s1", sessT0.Add(testIdle-time.Second))
	if err != nil {
		t.Fatalf("just inside the idle timeout: %v", err)
	}
	if got.UserID != "kim@example.com" || got.CSRF != "csrf-s1" {
		t.Errorf("read back %+v", got)
	}
	if _, err := s.Session(ctx, "s1", sessT0.Add(testIdle)); !errors.Is(err, ErrNotFound) {
		t.Fatalf("at the idle timeout: %v, want ErrNotFound", err)
	}
	// Met expired, it was deleted: even an earlier clock no longer finds it.
	if _, err := s.Session(ctx, "s1", sessT0); !errors.Is(err, ErrNotFound) {
		t.Errorf("expired session still stored: %v", err)
	}
}

func TestSessionTouchKeepsAliveUntilAbsoluteDeadline(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	if err := s.CreateSession(ctx, newSession("s1", "kim@example.com", sessT0)); err != nil {
		t.Fatal(err)
	}
	// Used every 10 hours, it outlives the idle timeout many times over ...
	now := sessT0
	for now.Add(10 * time.Hour).Before(sessT0.Add(testAbsolute)) {
		now = now.Add(10 * time.Hour)
		if _, err := s.Session(ctx, "s1", now); err != nil {
			t.Fatalf("at %v: %v", now.Sub(sessT0), err)
		}
		if err := s.TouchSession(ctx, "s1", now, now.Add(testIdle)); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Session(ctx, "s1", now)
	if err != nil || !got.LastSeen.Equal(now) {
		t.Fatalf("last seen = %v, %v; want %v", got, err, now)
	}
	// ... but not the absolute lifetime.
	if _, err := s.Session(ctx, "s1", sessT0.Add(testAbsolute)); !errors.Is(err, ErrNotFound) {
		t.Fatalf("at the absolute deadline: %v, want ErrNotFound", err)
	}
	if err := s.TouchSession(ctx, "s1", now, now.Add(testIdle)); !errors.Is(err, ErrNotFound) {
		t.Errorf("touching a deleted session: %v", err)
	}
}

func TestRotateSession(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	if err := s.CreateSession(ctx, newSession("old", "kim@example.com", sessT0)); err != nil {
		t.Fatal(err)
	}
	if err := s.RotateSession(ctx, "old", newSession("new", "kim@example.com", sessT0.Add(time.Hour))); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session(ctx, "old", sessT0.Add(time.Hour)); !errors.Is(err, ErrNotFound) {
		t.Errorf("old session after rotation: %v", err)
	}
	if _, err := s.Session(ctx, "new", sessT0.Add(time.Hour)); err != nil {
		t.Errorf("new session after rotation: %v", err)
	}
	// Rotating from nothing (first login) just creates.
	if err := s.RotateSession(ctx, "", newSession("other", "kim@example.com", sessT0)); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSession(ctx, newSession("new", "x@example.com", sessT0)); !errors.Is(err, ErrExists) {
		t.Errorf("reused session id: %v", err)
	}
}

func TestDeleteSessionIsLogout(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	for _, id := range []string{"a", "b"} {
		if err := s.CreateSession(ctx, newSession(id, "kim@example.com", sessT0)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteSession(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSession(ctx, "a"); err != nil {
		t.Errorf("second logout: %v", err)
	}
	if _, err := s.Session(ctx, "a", sessT0); !errors.Is(err, ErrNotFound) {
		t.Errorf("after logout: %v", err)
	}
	if _, err := s.Session(ctx, "b", sessT0); err != nil {
		t.Errorf("the user's other session ended too: %v", err)
	}
}

func TestDeleteUserSessionsEndsOnlyThatUsers(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	for id, user := range map[string]string{"k1": "kim@example.com", "k2": "kim@example.com", "p1": "park@example.com"} {
		if err := s.CreateSession(ctx, newSession(id, user, sessT0)); err != nil {
			t.Fatal(err)
		}
	}
	n, err := s.DeleteUserSessions(ctx, "kim@example.com")
	if err != nil || n != 2 {
		t.Fatalf("DeleteUserSessions = %d, %v; want 2", n, err)
	}
	for _, id := range []string{"k1", "k2"} {
		if _, err := s.Session(ctx, id, sessT0); !errors.Is(err, ErrNotFound) {
			t.Errorf("session %s survived: %v", id, err)
		}
	}
	if _, err := s.Session(ctx, "p1", sessT0); err != nil {
		t.Errorf("another user's session ended: %v", err)
	}
}

func TestPurgeSessions(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	now := sessT0.Add(30 * 24 * time.Hour)
	live := newSession("live", "a@example.com", now.Add(-time.Hour))
	idle := newSession("idle", "a@example.com", now.Add(-13*time.Hour))
	old := newSession("old", "a@example.com", now.Add(-8*24*time.Hour))
	old.IdleUntil = now.Add(time.Hour) // touched recently, but past its lifetime
	for _, x := range []*Session{live, idle, old} {
		if err := s.CreateSession(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	n, err := s.PurgeSessions(ctx, now)
	if err != nil || n != 2 {
		t.Fatalf("PurgeSessions = %d, %v; want 2", n, err)
	}
	// Look with an early clock so that only deletion can hide them.
	for id, want := range map[string]bool{"live": true, "idle": false, "old": false} {
		_, err := s.Session(ctx, id, now.Add(-24*365*time.Hour))
		if got := err == nil; got != want {
			t.Errorf("session %s present = %v, want %v (%v)", id, got, want, err)
		}
	}
}
