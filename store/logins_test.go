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
	if n, err := s.ClearLoginFailuresPrefix(ctx, "pair:kim@example.com|"); err != nil || n != 1 { // one key
		t.Errorf("clear pairs: %d, %v", n, err)
	}
	if n, err := s.ClearLoginFailures(ctx, "acct:kim@example.com"); err != nil || n != 3 {
		t.Errorf("clear account: %d, %v", n, err)
	}
	if n, err := s.PruneLoginFailures(ctx, t0.Add(2*time.Minute)); err != nil || n != 1 { // the address, last failing at t0+2m
		t.Errorf("prune: %d, %v", n, err)
	}
	if _, err := s.Device(ctx, "nope", t0); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown device: %v", err)
	}
}

// BenchmarkLoginFailures is what every login attempt reads, with 15,000
// keys failing in the window (an attack from 5,000 addresses on 5,000
// accounts).
func BenchmarkLoginFailures(b *testing.B) {
	s := New(dbtest.Database(b), 10*time.Second)
	ctx := context.Background()
	now := time.Now()
	docs := make([]any, 0, 15000)
	for i := range 5000 {
		ip := "ip:198.51." + strconv.Itoa(i/250) + "." + strconv.Itoa(i%250)
		for _, k := range []string{"acct:victim" + strconv.Itoa(i) + "@example.com", ip, "pair:victim@example.com|" + ip} {
			docs = append(docs, failureDoc{Key: k, Times: []time.Time{now}, Last: now})
		}
	}
	if _, err := s.db.Collection("login_failures").InsertMany(ctx, docs); err != nil {
		b.Fatal(err)
	}
	if err := s.AddLoginFailures(ctx, now, "acct:kim@example.com"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.LoginFailures(ctx, now.Add(-15*time.Minute), "acct:kim@example.com", "ip:192.0.2.1", "pair:kim@example.com|192.0.2.1"); err != nil {
			b.Fatal(err)
		}
	}
}
