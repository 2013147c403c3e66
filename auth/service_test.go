package auth

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/store"
)

type testEnv struct {
	svc   *Service
	st    *store.Store
	clock *fakeClock
}

func newTestEnv(t *testing.T) *testEnv {
	t.Helper()
	st := store.New(dbtest.Database(t), 3*time.Second)
	if err := st.Migrate(context.Background(), slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	clock := newFakeClock()
	svc := New(st, Config{Now: clock.Now, Params: fastParams, Log: slog.New(slog.DiscardHandler)})
	return &testEnv{svc: svc, st: st, clock: clock}
}

const goodPassword = "correct horse battery"

func (e *testEnv) addUser(t *testing.T, email string, role Role) *User {
	t.Helper()
	u, err := e.svc.createUser(context.Background(), "test", NewUser{Email: email, Name: email, Role: role, Password: goodPassword}, "")
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func (e *testEnv) login(t *testing.T, email string) (*Session, string) {
	t.Helper()
	sess, token, err := e.svc.Login(context.Background(), email, goodPassword, "203.0.113.7", "")
	if err != nil {
		t.Fatalf("login %s: %v", email, err)
	}
	return sess, token
}

// auditActions lists the audit log's actions, oldest first.
func (e *testEnv) auditActions(t *testing.T) []store.AuditAction {
	t.Helper()
	entries, err := e.st.Audit(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []store.AuditAction
	for i := len(entries) - 1; i >= 0; i-- {
		out = append(out, entries[i].Action)
	}
	return out
}

func TestLoginHappyPath(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	e.addUser(t, "kim@example.com", store.RoleReporter)

	sess, token, err := e.svc.Login(ctx, "  Kim@Example.com ", goodPassword, "203.0.113.7", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(token) != 43 || sess.CSRF == "" || sess.CSRF == token || sess.UserID != "kim@example.com" {
		t.Errorf("session %+v, token %q", sess, token)
	}
	if !sess.ExpiresAt.Equal(e.clock.Now().Add(7*24*time.Hour)) || !sess.IdleUntil.Equal(e.clock.Now().Add(12*time.Hour)) {
		t.Errorf("deadlines %v, %v", sess.IdleUntil, sess.ExpiresAt)
	}
	// The database holds a hash of the token, not the token.
	if _, err := e.st.Session(ctx, token, e.clock.Now()); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("session stored under the token itself: %v", err)
	}
	u, got, err := e.svc.Authenticate(ctx, token)
	if err != nil || u.ID != "kim@example.com" || got.CSRF != sess.CSRF {
		t.Fatalf("Authenticate = %+v, %+v, %v", u, got, err)
	}
	entries, err := e.st.Audit(ctx, 10)
	if err != nil || entries[0].Action != store.AuditLogin || entries[0].Actor != "kim@example.com" || entries[0].IP != "203.0.113.7" {
		t.Errorf("audit = %+v, %v", entries, err)
	}
}

func TestLoginFailuresLookAlike(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	admin := e.addUser(t, "admin@example.com", store.RoleAdmin)
	e.addUser(t, "kim@example.com", store.RoleReporter)
	gone := e.addUser(t, "gone@example.com", store.RoleReporter)
	if err := e.svc.UpdateUser(ctx, admin, gone.ID, store.UserChange{Disabled: new(true)}, ""); err != nil {
		t.Fatal(err)
	}

	tries := map[string][2]string{
		"unknown email":    {"nobody@example.com", goodPassword},
		"malformed email":  {"nobody", goodPassword},
		"wrong password":   {"kim@example.com", goodPassword + "!"},
		"empty password":   {"kim@example.com", ""},
		"disabled account": {"gone@example.com", goodPassword},
	}
	for name, try := range tries {
		sess, token, err := e.svc.Login(ctx, try[0], try[1], "203.0.113.7", "")
		if !errors.Is(err, ErrInvalidLogin) || err.Error() != ErrInvalidLogin.Error() || sess != nil || token != "" {
			t.Errorf("%s: %v, %v, %q; want exactly ErrInvalidLogin", name, sess, err, token)
		}
	}
	failed := 0
	for _, a := range e.auditActions(t) {
		if a == store.AuditLoginFailed {
			failed++
		}
	}
	if failed != len(tries) {
		t.Errorf("%d login_failed entries, want %d", failed, len(tries))
	}
}

// TestLoginOperatorInjection: query operators typed as an email are plain
// strings that match no account.
func TestLoginOperatorInjection(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	e.addUser(t, "a@b.c", store.RoleAdmin)
	tries := [][2]string{
		{`{"$ne": ""}`, "x"},
		{`{"$gt": ""}`, goodPassword},
		{`{"$ne": null}`, goodPassword},
		{`{"$regex": ".*"}`, goodPassword},
		{"a@b.c", `{"$ne": ""}`},
	}
	for _, try := range tries {
		if _, _, err := e.svc.Login(ctx, try[0], try[1], "203.0.113.8", ""); !errors.Is(err, ErrInvalidLogin) {
			t.Errorf("Login(%q, %q) = %v, want ErrInvalidLogin", try[0], try[1], err)
		}
	}
	// A JSON body carrying an operator object never becomes a string a
	// handler could pass on: decoding into the form's string fields fails.
	var form struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if err := json.Unmarshal([]byte(`{"email": {"$ne": ""}, "password": "x"}`), &form); err == nil {
		t.Errorf("operator object decoded into a string field: %+v", form)
	}
	// The real account still works.
	e.login(t, "a@b.c")
}

func TestLoginRateLimitPerIP(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	e.addUser(t, "kim@example.com", store.RoleReporter)
	// 20 failures against 20 different accounts from one IPv6 /64.
	for i := range 20 {
		ip := "2001:db8:1:2::" + string(rune('a'+i%6)) + string(rune('0'+i/6))
		email := "user" + string(rune('a'+i)) + "@example.com"
		if _, _, err := e.svc.Login(ctx, email, "guess", ip, ""); !errors.Is(err, ErrInvalidLogin) {
			t.Fatalf("guess %d: %v", i+1, err)
		}
	}
	if _, _, err := e.svc.Login(ctx, "kim@example.com", goodPassword, "2001:db8:1:2::ffff", ""); !errors.Is(err, ErrRateLimited) {
		t.Errorf("from the same /64: %v, want ErrRateLimited", err)
	}
	if _, _, err := e.svc.Login(ctx, "kim@example.com", goodPassword, "2001:db8:1:3::1", ""); err != nil {
		t.Errorf("from another /64: %v", err)
	}
}

func TestLoginSuccessResetsAccountCount(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	e.addUser(t, "kim@example.com", store.RoleReporter)
	for range 2 {
		for range 3 {
			if _, _, err := e.svc.Login(ctx, "kim@example.com", "typo typo typo", "203.0.113.7", ""); !errors.Is(err, ErrInvalidLogin) {
				t.Fatal(err)
			}
		}
		e.clock.Advance(2 * time.Second)
		e.login(t, "kim@example.com")
	}
}

func TestLoginRotatesSession(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	e.addUser(t, "kim@example.com", store.RoleReporter)
	_, first := e.login(t, "kim@example.com")
	_, second, err := e.svc.Login(ctx, "kim@example.com", goodPassword, "203.0.113.7", first)
	if err != nil {
		t.Fatal(err)
	}
	if second == first {
		t.Fatal("login kept the session token")
	}
	if _, _, err := e.svc.Authenticate(ctx, first); !errors.Is(err, ErrNoSession) {
		t.Errorf("token from before the login: %v", err)
	}
	if _, _, err := e.svc.Authenticate(ctx, second); err != nil {
		t.Errorf("new token: %v", err)
	}
}

func TestSessionTimeouts(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	e.addUser(t, "kim@example.com", store.RoleReporter)

	// Idle: 12 hours without a request.
	_, token := e.login(t, "kim@example.com")
	e.clock.Advance(12*time.Hour - time.Second)
	if _, _, err := e.svc.Authenticate(ctx, token); err != nil {
		t.Fatalf("just before the idle timeout: %v", err)
	}
	e.clock.Advance(12*time.Hour - time.Second) // idle clock restarted by the request above
	if _, _, err := e.svc.Authenticate(ctx, token); err != nil {
		t.Fatalf("used within 12h of the last request: %v", err)
	}
	e.clock.Advance(12 * time.Hour)
	if _, _, err := e.svc.Authenticate(ctx, token); !errors.Is(err, ErrNoSession) {
		t.Fatalf("after 12h idle: %v", err)
	}

	// Idle sessions met by nobody are swept.
	_, token = e.login(t, "kim@example.com")
	e.clock.Advance(13 * time.Hour)
	if n, err := e.svc.PurgeSessions(ctx); err != nil || n != 1 {
		t.Errorf("PurgeSessions = %d, %v; want 1", n, err)
	}

	// Absolute: 7 days, however busy.
	_, token = e.login(t, "kim@example.com")
	for range 16 { // 16 × 10h = 160h < 168h
		e.clock.Advance(10 * time.Hour)
		if _, _, err := e.svc.Authenticate(ctx, token); err != nil {
			t.Fatalf("busy session: %v", err)
		}
	}
	e.clock.Advance(8 * time.Hour)
	if _, _, err := e.svc.Authenticate(ctx, token); !errors.Is(err, ErrNoSession) {
		t.Fatalf("after 7 days: %v", err)
	}
}

func TestAuthenticateWritesLastSeenAtMostOnceAMinute(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	e.addUser(t, "kim@example.com", store.RoleReporter)
	sess, token := e.login(t, "kim@example.com")
	start := e.clock.Now()
	stored := func() time.Time {
		x, err := e.st.Session(ctx, sess.ID, e.clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		return x.LastSeen
	}
	e.clock.Advance(30 * time.Second)
	if _, _, err := e.svc.Authenticate(ctx, token); err != nil {
		t.Fatal(err)
	}
	if got := stored(); !got.Equal(start) {
		t.Errorf("after 30s: last seen written (%v)", got)
	}
	e.clock.Advance(31 * time.Second)
	_, got, err := e.svc.Authenticate(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	if now := e.clock.Now(); !stored().Equal(now) || !got.LastSeen.Equal(now) || !got.IdleUntil.Equal(now.Add(12*time.Hour)) {
		t.Errorf("after 61s: last seen %v (returned %v), want %v", stored(), got.LastSeen, now)
	}
}

func TestAuthenticateRefusesMalformedTokens(t *testing.T) {
	e := newTestEnv(t)
	for _, tok := range []string{"", "x", `{"$ne": ""}`, "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!", newToken()} {
		if _, _, err := e.svc.Authenticate(context.Background(), tok); !errors.Is(err, ErrNoSession) {
			t.Errorf("Authenticate(%q) = %v", tok, err)
		}
	}
}

func TestLogoutEndsOnlyThisSession(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	e.addUser(t, "kim@example.com", store.RoleReporter)
	_, laptop := e.login(t, "kim@example.com")
	_, phone := e.login(t, "kim@example.com")
	if err := e.svc.Logout(ctx, laptop, "203.0.113.7"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.svc.Authenticate(ctx, laptop); !errors.Is(err, ErrNoSession) {
		t.Errorf("after logout: %v", err)
	}
	if _, _, err := e.svc.Authenticate(ctx, phone); err != nil {
		t.Errorf("other device logged out too: %v", err)
	}
	for _, tok := range []string{laptop, "", "junk"} {
		if err := e.svc.Logout(ctx, tok, ""); err != nil {
			t.Errorf("Logout(%q) again: %v", tok, err)
		}
	}
	if got := e.auditActions(t); !slices.Equal(got, []store.AuditAction{
		store.AuditUserCreate, store.AuditLogin, store.AuditLogin, store.AuditLogout}) {
		t.Errorf("audit = %v", got)
	}
}

func TestChangePasswordEndsAllSessions(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	u := e.addUser(t, "kim@example.com", store.RoleReporter)
	_, laptop := e.login(t, "kim@example.com")
	_, phone := e.login(t, "kim@example.com")
	e.clock.Advance(time.Second)

	if _, _, err := e.svc.ChangePassword(ctx, u, "not my password", "new password 2026", ""); !errors.Is(err, ErrWrongPassword) {
		t.Errorf("wrong current password: %v", err)
	}
	if _, _, err := e.svc.ChangePassword(ctx, u, goodPassword, "short", ""); !errors.Is(err, ErrPasswordTooShort) {
		t.Errorf("short new password: %v", err)
	}
	sess, token, err := e.svc.ChangePassword(ctx, u, goodPassword, "new password 2026", "203.0.113.7")
	if err != nil {
		t.Fatal(err)
	}
	for name, tok := range map[string]string{"laptop": laptop, "phone": phone} {
		if _, _, err := e.svc.Authenticate(ctx, tok); !errors.Is(err, ErrNoSession) {
			t.Errorf("%s session survived the password change: %v", name, err)
		}
	}
	if _, got, err := e.svc.Authenticate(ctx, token); err != nil || got.ID != sess.ID {
		t.Errorf("the session ChangePassword returned: %v", err)
	}
	if _, _, err := e.svc.Login(ctx, "kim@example.com", goodPassword, "203.0.113.7", ""); !errors.Is(err, ErrInvalidLogin) {
		t.Errorf("old password still works: %v", err)
	}
	if _, _, err := e.svc.Login(ctx, "kim@example.com", "new password 2026", "203.0.113.7", ""); err != nil {
		t.Errorf("new password: %v", err)
	}
	if !slices.Contains(e.auditActions(t), store.AuditPasswordChange) {
		t.Error("password change not audited")
	}
}

func TestResetPassword(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	admin := e.addUser(t, "admin@example.com", store.RoleAdmin)
	ed := e.addUser(t, "ed@example.com", store.RoleEditor)
	_, token := e.login(t, "ed@example.com")
	if err := e.svc.ResetPassword(ctx, ed, admin.ID, "taken over 123", ""); !errors.Is(err, ErrForbidden) {
		t.Errorf("editor resetting the admin's password: %v", err)
	}
	if err := e.svc.ResetPassword(ctx, admin, ed.ID, "fresh start 123", ""); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.svc.Authenticate(ctx, token); !errors.Is(err, ErrNoSession) {
		t.Errorf("session survived a reset: %v", err)
	}
	if _, _, err := e.svc.Login(ctx, "ed@example.com", "fresh start 123", "", ""); err != nil {
		t.Errorf("login with the reset password: %v", err)
	}
}

func TestUpdateUser(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	admin := e.addUser(t, "admin@example.com", store.RoleAdmin)
	kim := e.addUser(t, "kim@example.com", store.RoleReporter)
	_, token := e.login(t, "kim@example.com")

	if err := e.svc.UpdateUser(ctx, kim, kim.ID, store.UserChange{Role: new(store.RoleAdmin)}, ""); !errors.Is(err, ErrForbidden) {
		t.Errorf("reporter editing accounts: %v", err)
	}
	if err := e.svc.UpdateUser(ctx, admin, kim.ID, store.UserChange{Role: new(store.RoleEditor)}, "203.0.113.9"); err != nil {
		t.Fatal(err)
	}
	entries, _ := e.st.Audit(ctx, 1)
	if len(entries) != 1 || entries[0].Action != store.AuditRoleChange || entries[0].Target != kim.ID ||
		entries[0].Detail != "reporter → editor" || entries[0].Actor != admin.ID {
		t.Errorf("audit = %+v", entries)
	}
	if u, _, err := e.svc.Authenticate(ctx, token); err != nil || u.Role != store.RoleEditor {
		t.Errorf("after promotion: %+v, %v", u, err)
	}

	if err := e.svc.UpdateUser(ctx, admin, kim.ID, store.UserChange{Disabled: new(true)}, ""); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.svc.Authenticate(ctx, token); !errors.Is(err, ErrNoSession) {
		t.Errorf("disabled user's session: %v", err)
	}

	if err := e.svc.UpdateUser(ctx, admin, admin.ID, store.UserChange{Role: new(store.RoleEditor)}, ""); !errors.Is(err, ErrSelfLockout) {
		t.Errorf("admin demoting themselves: %v", err)
	}
}

func TestAddUser(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	u, err := AddUser(ctx, e.st, " Editor@Example.com", "편집장", store.RoleEditor, goodPassword)
	if err != nil {
		t.Fatal(err)
	}
	if u.ID != "editor@example.com" || u.Role != store.RoleEditor {
		t.Errorf("added %+v", u)
	}
	if _, _, err := e.svc.Login(ctx, "editor@example.com", goodPassword, "", ""); err != nil {
		t.Errorf("login as the added user (hashed with DefaultParams): %v", err)
	}
	entries, _ := e.st.Audit(ctx, 10)
	i := slices.IndexFunc(entries, func(x store.Entry) bool { return x.Action == store.AuditUserCreate })
	if i < 0 || entries[i].Actor != CLIActor || entries[i].Target != u.ID {
		t.Errorf("audit = %+v", entries)
	}

	bad := []struct {
		email, name string
		role        Role
		pw          string
		want        error
	}{
		{"EDITOR@example.com", "Dup", store.RoleReporter, goodPassword, ErrUserExists},
		{"editor", "X", store.RoleReporter, goodPassword, ErrEmailInvalid},
		{`{"$ne": ""}`, "X", store.RoleReporter, goodPassword, ErrEmailInvalid},
		{"x@example.com", " ", store.RoleReporter, goodPassword, ErrNameRequired},
		{"x@example.com", "X", "owner", goodPassword, ErrRoleInvalid},
		{"x@example.com", "X", store.RoleReporter, "short", ErrPasswordTooShort},
	}
	for _, b := range bad {
		if _, err := AddUser(ctx, e.st, b.email, b.name, b.role, b.pw); !errors.Is(err, b.want) {
			t.Errorf("AddUser(%q, %q, %q) = %v, want %v", b.email, b.name, b.role, err, b.want)
		}
	}
	if users, _ := e.st.Users(ctx); len(users) != 1 {
		t.Errorf("%d users after refused adds, want 1", len(users))
	}
}

func TestCreateUserNeedsAdmin(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	ed := e.addUser(t, "ed@example.com", store.RoleEditor)
	if _, err := e.svc.CreateUser(ctx, ed, NewUser{Email: "x@example.com", Name: "X", Role: store.RoleAdmin, Password: goodPassword}, ""); !errors.Is(err, ErrForbidden) {
		t.Errorf("editor creating an admin: %v", err)
	}
}

// TestUnknownEmailTakesAsLongAsWrongPassword checks the dummy hash: with a
// hash costing several milliseconds, refusing an unknown address must not
// be much faster than refusing a wrong password. (Medians of a few tries;
// the bound is loose because the machine is shared.)
func TestUnknownEmailTakesAsLongAsWrongPassword(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	st := store.New(dbtest.Database(t), 3*time.Second)
	svc := New(st, Config{Params: Params{Memory: 16 * 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32},
		Throttle: Throttle{Free: 1000, AccountMax: 1000, IPMax: 1000},
		Log:      slog.New(slog.DiscardHandler)})
	ctx := context.Background()
	if _, err := svc.createUser(ctx, "test", NewUser{Email: "kim@example.com", Name: "Kim", Role: store.RoleReporter, Password: goodPassword}, ""); err != nil {
		t.Fatal(err)
	}
	median := func(email string) time.Duration {
		var ds []time.Duration
		for range 7 {
			start := time.Now()
			if _, _, err := svc.Login(ctx, email, "wrong password!", "", ""); !errors.Is(err, ErrInvalidLogin) {
				t.Fatal(err)
			}
			ds = append(ds, time.Since(start))
		}
		slices.Sort(ds)
		return ds[len(ds)/2]
	}
	known, unknown := median("kim@example.com"), median("nobody@example.com")
	t.Logf("wrong password %v, unknown email %v", known, unknown)
	if unknown < known/3 {
		t.Errorf("unknown email refused in %v, wrong password in %v: timing tells which emails exist", unknown, known)
	}
}

// BenchmarkAuthenticate is the cost every newsroom request pays: a session
// and a user fetched by _id (no last-seen write: the clock stands still).
func BenchmarkAuthenticate(b *testing.B) {
	st := store.New(dbtest.Database(b), 3*time.Second)
	clock := newFakeClock()
	svc := New(st, Config{Now: clock.Now, Params: fastParams, Log: slog.New(slog.DiscardHandler)})
	ctx := context.Background()
	if _, err := svc.createUser(ctx, "test", NewUser{Email: "kim@example.com", Name: "Kim", Role: store.RoleReporter, Password: goodPassword}, ""); err != nil {
		b.Fatal(err)
	}
	_, token, err := svc.Login(ctx, "kim@example.com", goodPassword, "", "")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := svc.Authenticate(ctx, token); err != nil {
			b.Fatal(err)
		}
	}
}
