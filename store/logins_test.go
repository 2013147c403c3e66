package store

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/newsroom/newsroom/dbtest"
)

func TestLoginFailuresCountClearAndPrune(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	t0 := time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)
	for i := range 3 {
		if err := s.AddLoginFailures(ctx, t0.Add(time.Duration(i)*time.Minute), "acct:kim@example.com", "ip:192.0.2.1"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AddLoginFailures(ctx, t0, "pair:kim@example.com|192.0.2.1"); err != nil {
		t.Fatal(err)
	}
	f, err := s.LoginFailures(ctx, t0, "acct:kim@example.com", "ip:192.0.2.1", "ip:other")
	if err != nil || len(f["acct:kim@example.com"]) != 2 || len(f["ip:192.0.2.1"]) != 2 || len(f["ip:other"]) != 0 {
		t.Fatalf("failures after t0: %v, %v", f, err)
	}
	if n, err := s.ClearLoginFailuresPrefix(ctx, "pair:kim@example.com|"); err != nil || n != 1 {
		t.Errorf("clear pairs: %d, %v", n, err)
	}
	if n, err := s.ClearLoginFailures(ctx, "acct:kim@example.com"); err != nil || n != 3 {
		t.Errorf("clear account: %d, %v", n, err)
	}
	if n, err := s.PruneLoginFailures(ctx, t0.Add(time.Minute)); err != nil || n != 2 {
		t.Errorf("prune: %d, %v", n, err)
	}
	if _, err := s.Device(ctx, "nope", t0); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown device: %v", err)
	}
}

// BenchmarkLoginFailures is what every login attempt reads, with a
// window's worth of failures from an attack spread over 5,000 addresses.
func BenchmarkLoginFailures(b *testing.B) {
	s := New(dbtest.Database(b), 10*time.Second)
	ctx := context.Background()
	now := time.Now()
	for i := range 5000 {
		ip := "ip:198.51." + strconv.Itoa(i/250) + "." + strconv.Itoa(i%250)
		if err := s.AddLoginFailures(ctx, now, "acct:victim@example.com", ip, "pair:victim@example.com|"+ip); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if _, err := s.LoginFailures(ctx, now.Add(-15*time.Minute), "acct:kim@example.com", "ip:192.0.2.1", "pair:kim@example.com|192.0.2.1"); err != nil {
			b.Fatal(err)
		}
	}
}
