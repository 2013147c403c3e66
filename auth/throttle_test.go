package auth

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsroom/newsroom/store"
)

// fakeClock is a settable clock for tests.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func retryIn(t *testing.T, err error) time.Duration {
	t.Helper()
	var ae *Error
	if !errors.Is(err, ErrRateLimited) || !errors.As(err, &ae) {
		t.Fatalf("got %v, want ErrRateLimited", err)
	}
	return ae.RetryAt.Sub(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
}

// TestLoginTyposGetGrowingDelaysNotALockout: the owner mistyping from her
// desk waits seconds, doubling with each further failure, and the right
// password then works; nothing locks her out for minutes.
func TestLoginTyposGetGrowingDelaysNotALockout(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	e.addUser(t, "kim@example.com", store.RoleReporter)
	typo := func() error {
		_, _, err := e.svc.Login(ctx, "kim@example.com", "typo typo typo", "203.0.113.7", "")
		return err
	}
	for i := range 3 {
		if err := typo(); !errors.Is(err, ErrInvalidLogin) {
			t.Fatalf("typo %d: %v", i+1, err)
		}
	}
	var waits []time.Duration
	for range 4 {
		start := e.clock.Now()
		err := typo()
		var ae *Error
		if !errors.As(err, &ae) || !errors.Is(err, ErrRateLimited) {
			t.Fatalf("a try right after a failure: %v, want a delay", err)
		}
		waits = append(waits, ae.RetryAt.Sub(start))
		e.clock.Advance(ae.RetryAt.Sub(start))
		if err := typo(); !errors.Is(err, ErrInvalidLogin) {
			t.Fatalf("after waiting: %v", err)
		}
	}
	if !slices.Equal(waits, []time.Duration{2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second}) {
		t.Errorf("delays %v, want 2s, 4s, 8s, 16s", waits)
	}
	_, _, err := e.svc.Login(ctx, "kim@example.com", goodPassword, "203.0.113.7", "")
	var ae *Error
	if !errors.As(err, &ae) || ae.Data["Seconds"] != 32 {
		t.Fatalf("right password during a delay: %v, want a 32 s wait", err)
	}
	e.clock.Advance(32 * time.Second)
	e.login(t, "kim@example.com")
}

// TestLockoutByStrangersDoesNotKeepTheOwnerOut: guesses from many
// addresses lock the account for unknown browsers, but the owner's own
// browser (known from an earlier login) gets in, and that lifts the lock.
func TestLockoutByStrangersDoesNotKeepTheOwnerOut(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	e.addUser(t, "kim@example.com", store.RoleReporter)
	_, _, device, err := e.svc.LoginDevice(ctx, Attempt{Email: "kim@example.com", Password: goodPassword, IP: "203.0.113.7"})
	if err != nil || device == "" {
		t.Fatalf("first login: %v, device %q", err, device)
	}
	for i := range 10 {
		ip := "198.51.100." + string(rune('1'+i))
		if _, _, err := e.svc.Login(ctx, "kim@example.com", "guess-"+ip, ip, ""); !errors.Is(err, ErrInvalidLogin) {
			t.Fatalf("guess %d: %v", i+1, err)
		}
	}
	// An unknown browser, even with the right password, waits the window out.
	_, _, err = e.svc.Login(ctx, "kim@example.com", goodPassword, "192.0.2.50", "")
	if d := retryIn(t, err); d != 15*time.Minute {
		t.Errorf("locked for %v, want 15m", d)
	}
	// Another account's device cookie does not count for this one.
	e.addUser(t, "lee@example.com", store.RoleReporter)
	_, _, leeDevice, err := e.svc.LoginDevice(ctx, Attempt{Email: "lee@example.com", Password: goodPassword, IP: "192.0.2.50"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := e.svc.LoginDevice(ctx, Attempt{Email: "kim@example.com", Password: goodPassword, IP: "192.0.2.50", Device: leeDevice}); !errors.Is(err, ErrRateLimited) {
		t.Errorf("with another account's device: %v, want ErrRateLimited", err)
	}
	// The owner's browser gets in at once, from wherever she is.
	if _, _, again, err := e.svc.LoginDevice(ctx, Attempt{Email: "KIM@example.com", Password: goodPassword, IP: "192.0.2.99", Device: device}); err != nil || again != "" {
		t.Fatalf("owner's browser: %v (new device %q)", err, again)
	}
	// ... and her login lifted the lock for everyone.
	e.login(t, "kim@example.com")
	acts := e.auditActions(t)
	if !slices.Contains(acts, store.AuditLoginThrottled) || !slices.Contains(acts, store.AuditLoginUnlocked) {
		t.Errorf("audit log %v lacks the throttling or its lifting", acts)
	}
}

// TestThrottlingIsSharedByInstances: two app instances on one database
// count the same failures, so the limits do not multiply with instances.
func TestThrottlingIsSharedByInstances(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	other := New(e.st, Config{Now: e.clock.Now, Params: fastParams, Log: slog.New(slog.DiscardHandler)})
	e.addUser(t, "kim@example.com", store.RoleReporter)
	for i := range 10 {
		svc := []*Service{e.svc, other}[i%2]
		ip := "198.51.100." + string(rune('1'+i))
		if _, _, err := svc.Login(ctx, "kim@example.com", "guess", ip, ""); !errors.Is(err, ErrInvalidLogin) {
			t.Fatalf("guess %d: %v", i+1, err)
		}
	}
	for _, svc := range []*Service{e.svc, other} {
		if _, _, err := svc.Login(ctx, "kim@example.com", goodPassword, "192.0.2.1", ""); !errors.Is(err, ErrRateLimited) {
			t.Errorf("after 10 failures spread over two instances: %v, want ErrRateLimited", err)
		}
	}
}

func TestLoginRateLimitUnknownEmailLikeKnown(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	for i := range 11 {
		ip := "198.51.100." + string(rune('1'+i))
		_, _, err := e.svc.Login(ctx, "nobody@example.com", "guess", ip, "")
		want := ErrInvalidLogin
		if i == 10 {
			want = ErrRateLimited
		}
		if !errors.Is(err, want) {
			t.Errorf("try %d: %v, want %v", i+1, err, want)
		}
	}
}

// TestAdminUnlocksAccount: an admin lifts a lockout; nobody else may.
func TestAdminUnlocksAccount(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	admin := e.addUser(t, "admin@example.com", store.RoleAdmin)
	kim := e.addUser(t, "kim@example.com", store.RoleReporter)
	for i := range 10 {
		ip := "198.51.100." + string(rune('1'+i))
		if _, _, err := e.svc.Login(ctx, "kim@example.com", "guess", ip, ""); !errors.Is(err, ErrInvalidLogin) {
			t.Fatalf("guess %d: %v", i+1, err)
		}
	}
	locked, err := e.svc.Locked(ctx, kim.ID, admin.ID)
	if err != nil || !locked[kim.ID].Equal(e.clock.Now().Add(15*time.Minute)) || !locked[admin.ID].IsZero() {
		t.Fatalf("Locked = %v, %v", locked, err)
	}
	if _, err := e.svc.UnlockAccount(ctx, kim, kim.ID, ""); !errors.Is(err, ErrForbidden) {
		t.Errorf("a reporter lifting a lockout: %v", err)
	}
	if ok, err := e.svc.UnlockAccount(ctx, admin, kim.ID, "203.0.113.1"); err != nil || !ok {
		t.Fatalf("UnlockAccount: %v, %v", ok, err)
	}
	e.login(t, "kim@example.com")
	entries, err := e.st.Audit(ctx, 20)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	for _, en := range entries {
		if en.Action == store.AuditLoginUnlocked || en.Action == store.AuditLoginThrottled {
			seen = append(seen, string(en.Action)+" "+en.Actor+" "+en.Detail)
		}
	}
	if len(seen) != 2 || !strings.HasPrefix(seen[0], "login_unlocked admin@example.com admin") ||
		!strings.HasPrefix(seen[1], "login_throttled kim@example.com account until") {
		t.Errorf("audit lines %q", seen)
	}
}
