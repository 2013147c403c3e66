package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/netip"
	"strings"
	"sync"
	"time"

	"github.com/newsroom/newsroom/store"
)

// Config tunes a Service; zero fields take the defaults shown.
type Config struct {
	Now         func() time.Time // time.Now
	IdleTimeout time.Duration    // 12 h without a request ends a session
	MaxAge      time.Duration    // 7 days after login a session ends regardless
	Params      Params           // DefaultParams
	Throttle    Throttle         // zero fields take Throttle's defaults
	Log         *slog.Logger     // slog.Default()
}

// touchEvery is how stale a session's last-seen time may get before a
// request writes it again: one write a minute per active session at most.
const touchEvery = time.Minute

// Service logs people in and out and manages accounts. Build one in main
// and share it: it is safe for concurrent use.
type Service struct {
	st       *store.Store
	now      func() time.Time
	idle     time.Duration
	maxAge   time.Duration
	params   Params
	throttle Throttle
	log      *slog.Logger

	pruneMu sync.Mutex
	pruned  time.Time // when this instance last pruned old login failures

	// hashing bounds concurrent argon2 runs (each takes Params.Memory).
	hashing chan struct{}
	// dummyHash is verified against for unknown emails, so that they take
	// as long to refuse as a wrong password.
	dummyHash string
}

// New makes a Service over st. It hashes once (about 90 ms with the
// default parameters) to prepare the dummy hash.
func New(st *store.Store, cfg Config) *Service {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = 12 * time.Hour
	}
	if cfg.MaxAge <= 0 {
		cfg.MaxAge = 7 * 24 * time.Hour
	}
	if cfg.Params == (Params{}) {
		cfg.Params = DefaultParams
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	s := &Service{
		st: st, now: cfg.Now, idle: cfg.IdleTimeout, maxAge: cfg.MaxAge, params: cfg.Params,
		throttle: cfg.Throttle.withDefaults(), log: cfg.Log, hashing: make(chan struct{}, 2),
	}
	dummy, err := Hash(rand.Text(), s.params) // rand.Text is 26 characters: always a valid password
	if err != nil {
		panic("auth: hashing the dummy password: " + err.Error()) // cannot happen: Hash fails only on length
	}
	s.dummyHash = dummy
	return s
}

// MaxAge is the absolute session lifetime (for the cookie's Max-Age).
func (s *Service) MaxAge() time.Duration { return s.maxAge }

// Login checks email and password and starts a session; it is
// LoginDevice from a browser not known to the account.
func (s *Service) Login(ctx context.Context, email, password, ip, oldToken string) (*Session, string, error) {
	sess, token, _, err := s.LoginDevice(ctx, Attempt{Email: email, Password: password, IP: ip, OldToken: oldToken})
	return sess, token, err
}

// Attempt is one try at logging in.
type Attempt struct {
	Email, Password string
	// IP is the client address (as the handler trusts it: gin's ClientIP
	// with trusted proxies set), for throttling and the audit log; an empty
	// IP puts every such try in one shared bucket, so always pass it.
	IP string
	// OldToken is the session cookie the browser sent, if any: it is ended,
	// so that every login gets a fresh session ID.
	OldToken string
	// Device is the device cookie the browser sent, if any (see Throttle).
	Device string
}

// LoginDevice checks the email and password of a and starts a session. It
// returns the session (its CSRF field goes into forms), the token to put in
// the session cookie and, when this browser was not known to the account,
// a device token to put in DeviceCookie.
//
// Failures: ErrRateLimited (with RetryAt) before any password is checked,
// while a Throttle limit holds the try back; ErrInvalidLogin for an unknown
// email, a wrong password and a disabled account alike, taking about as
// long in each case; anything else is internal. Success, failure, the start
// of throttling and the lifting of a lockout are audited.
func (s *Service) LoginDevice(ctx context.Context, a Attempt) (*Session, string, string, error) {
	at, err := s.newAttempt(ctx, a.Email, a.IP, a.Device)
	if err != nil {
		return nil, "", "", err
	}
	f, err := s.failures(ctx, at)
	if err != nil {
		return nil, "", "", err
	}
	if wait, why := s.wait(at, f); wait > 0 {
		// Not audited: a flood of refused tries would bury the log. Logged instead.
		s.log.Warn("login refused while throttled", "account", at.account, "ip", a.IP, "limit", why, "wait", wait)
		return nil, "", "", rateLimited(s.now().Add(wait), wait)
	}

	u, err := s.checkLogin(ctx, a.Email, a.Password)
	if errors.Is(err, ErrInvalidLogin) {
		if ferr := s.fail(ctx, at, f, a.IP); ferr != nil {
			return nil, "", "", ferr
		}
		s.audit(ctx, store.Entry{Actor: at.account, Action: store.AuditLoginFailed, IP: a.IP})
		return nil, "", "", err
	}
	if err != nil {
		return nil, "", "", err
	}
	device, err := s.succeed(ctx, at, f, u.ID, a.IP)
	if err != nil {
		return nil, "", "", err
	}

	old := ""
	if a.OldToken != "" {
		old, _ = sessionID(a.OldToken) // a malformed old cookie has nothing to end
	}
	sess, token, err := s.startSession(ctx, u.ID, a.IP, old)
	if err != nil {
		return nil, "", "", err
	}
	s.audit(ctx, store.Entry{Actor: u.ID, Action: store.AuditLogin, IP: a.IP})
	return sess, token, device, nil
}

// checkLogin returns the user whose email and password these are, or
// ErrInvalidLogin after the same amount of hashing whatever went wrong.
func (s *Service) checkLogin(ctx context.Context, email, password string) (*User, error) {
	id, err := store.NormalizeEmail(email)
	if err != nil {
		_, _ = s.verify(ctx, password, s.dummyHash) // for the time it takes only
		return nil, ErrInvalidLogin
	}
	u, err := s.st.User(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		_, _ = s.verify(ctx, password, s.dummyHash) // for the time it takes only
		return nil, ErrInvalidLogin
	}
	if err != nil {
		return nil, fmt.Errorf("auth: login: %w", err)
	}
	ok, err := s.verify(ctx, password, u.PasswordHash)
	if cerr := ctx.Err(); cerr != nil {
		return nil, fmt.Errorf("auth: login: %w", cerr)
	}
	if err != nil && u.PasswordHash != "" {
		s.log.Error("unreadable password hash", "user", u.ID, "err", err)
	}
	if !ok || u.Disabled {
		return nil, ErrInvalidLogin
	}
	return u, nil
}

// verify runs Verify with at most cap(s.hashing) hashes at once. A
// malformed hash (or an account without a password) still costs a dummy
// hash, so it answers no faster than a wrong password.
func (s *Service) verify(ctx context.Context, password, hash string) (bool, error) {
	select {
	case s.hashing <- struct{}{}:
	case <-ctx.Done():
		return false, ctx.Err()
	}
	defer func() { <-s.hashing }()
	ok, err := Verify(password, hash)
	if err != nil {
		_, _ = Verify(password, s.dummyHash) // for the time it takes only
	}
	return ok, err
}

func (s *Service) hash(ctx context.Context, password string) (string, error) {
	select {
	case s.hashing <- struct{}{}:
	case <-ctx.Done():
		return "", ctx.Err()
	}
	defer func() { <-s.hashing }()
	return Hash(password, s.params)
}

// startSession stores a new session for userID, ending oldID if given.
func (s *Service) startSession(ctx context.Context, userID, ip, oldID string) (*Session, string, error) {
	token := newToken()
	id, _ := sessionID(token) // a token newToken made is always well formed
	now := s.now().UTC().Truncate(time.Millisecond)
	sess := &Session{
		ID: id, UserID: userID, CSRF: newToken(), IP: ip,
		CreatedAt: now, LastSeen: now, IdleUntil: now.Add(s.idle), ExpiresAt: now.Add(s.maxAge),
	}
	if err := s.st.RotateSession(ctx, oldID, sess); err != nil {
		return nil, "", fmt.Errorf("auth: start session for %s: %w", userID, err)
	}
	return sess, token, nil
}

// Authenticate returns the user and session a session token stands for.
// ErrNoSession covers every reason to log in again: an empty, malformed,
// unknown, expired or ended token, a disabled user, a password changed
// since login. It refreshes the session's idle deadline at most once a
// minute.
func (s *Service) Authenticate(ctx context.Context, token string) (*User, *Session, error) {
	id, ok := sessionID(token)
	if !ok {
		return nil, nil, ErrNoSession
	}
	now := s.now()
	sess, err := s.st.Session(ctx, id, now)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil, ErrNoSession
	}
	if err != nil {
		return nil, nil, fmt.Errorf("auth: authenticate: %w", err)
	}
	u, err := s.st.User(ctx, sess.UserID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, nil, fmt.Errorf("auth: authenticate: %w", err)
	}
	if err != nil || u.Disabled || sess.CreatedAt.Before(u.PasswordChangedAt) {
		if err := s.st.DeleteSession(ctx, id); err != nil {
			return nil, nil, fmt.Errorf("auth: authenticate: %w", err)
		}
		return nil, nil, ErrNoSession
	}
	if now.Sub(sess.LastSeen) >= touchEvery {
		now = now.UTC().Truncate(time.Millisecond)
		err := s.st.TouchSession(ctx, id, now, now.Add(s.idle))
		switch {
		case errors.Is(err, store.ErrNotFound): // logged out meanwhile
			return nil, nil, ErrNoSession
		case err != nil:
			// The request can go on; the session just ages as if unused.
			s.log.Warn("touch session", "user", u.ID, "err", err)
		default:
			sess.LastSeen, sess.IdleUntil = now, now.Add(s.idle)
		}
	}
	return u, sess, nil
}

// PurgeSessions deletes every expired session (and remembered device); call it now and then (say
// hourly) from main, since the embedded server has no TTL indexes.
func (s *Service) PurgeSessions(ctx context.Context) (int, error) {
	n, err := s.st.PurgeSessions(ctx, s.now())
	if err != nil {
		return 0, fmt.Errorf("auth: purge sessions: %w", err)
	}
	if _, err := s.st.PurgeDevices(ctx, s.now()); err != nil {
		return n, fmt.Errorf("auth: purge devices: %w", err)
	}
	return n, nil
}

// Logout ends the session token stands for, if any, and audits it. ip is
// for the audit log. Logging out without a live session is not an error.
func (s *Service) Logout(ctx context.Context, token, ip string) error {
	id, ok := sessionID(token)
	if !ok {
		return nil
	}
	sess, err := s.st.Session(ctx, id, s.now())
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("auth: logout: %w", err)
	}
	if err := s.st.DeleteSession(ctx, id); err != nil {
		return fmt.Errorf("auth: logout: %w", err)
	}
	s.audit(ctx, store.Entry{Actor: sess.UserID, Action: store.AuditLogout, IP: ip})
	return nil
}

// ChangePassword lets u change their own password, given the current one.
// Every session of u ends, including the one making the change; the
// returned session and token replace it in this browser. Failures:
// ErrRateLimited and ErrWrongPassword (wrong tries count against the
// account as failed logins do), ErrPasswordTooShort, ErrPasswordTooLong.
func (s *Service) ChangePassword(ctx context.Context, u *User, current, next, ip string) (*Session, string, error) {
	// Guesses at the current password, from a session someone left open,
	// are slowed down like guesses at login; they never lock the account.
	at := attempt{account: u.ID, pair: "password:" + u.ID, acct: "acct:" + u.ID, known: true}
	f, err := s.failures(ctx, at)
	if err != nil {
		return nil, "", err
	}
	if wait, _ := s.wait(at, f); wait > 0 {
		return nil, "", rateLimited(s.now().Add(wait), wait)
	}
	if err := CheckPassword(next); err != nil {
		return nil, "", err
	}
	fresh, err := s.st.User(ctx, u.ID) // the caller's copy may predate another change
	if err != nil {
		return nil, "", fmt.Errorf("auth: change password: %w", err)
	}
	if ok, _ := s.verify(ctx, current, fresh.PasswordHash); !ok { // an unreadable hash is logged at login
		if err := s.fail(ctx, at, f, ip); err != nil {
			return nil, "", err
		}
		return nil, "", ErrWrongPassword
	}
	if err := s.setPassword(ctx, u.ID, u.ID, next, ip); err != nil {
		return nil, "", err
	}
	return s.startSession(ctx, u.ID, ip, "")
}

// ResetPassword sets another user's password (an admin helping someone
// locked out) and ends all their sessions. actor must be allowed
// ActManageUsers.
func (s *Service) ResetPassword(ctx context.Context, actor *User, userID, next, ip string) error {
	if !Can(actor, ActManageUsers, nil) {
		return ErrForbidden
	}
	if err := CheckPassword(next); err != nil {
		return err
	}
	return s.setPassword(ctx, actor.ID, userID, next, ip)
}

func (s *Service) setPassword(ctx context.Context, actorID, userID, next, ip string) error {
	h, err := s.hash(ctx, next)
	if err != nil {
		return err
	}
	now := s.now().UTC().Truncate(time.Millisecond)
	if err := s.st.SetPassword(ctx, userID, h, now); err != nil {
		return fmt.Errorf("auth: set password: %w", err)
	}
	if _, err := s.st.DeleteUserSessions(ctx, userID); err != nil {
		// Authenticate refuses sessions older than the change anyway.
		return fmt.Errorf("auth: set password: end sessions: %w", err)
	}
	if _, err := s.st.ClearLoginFailures(ctx, "acct:"+userID, "password:"+userID); err != nil {
		return fmt.Errorf("auth: set password: %w", err)
	}
	s.audit(ctx, store.Entry{Actor: actorID, Action: store.AuditPasswordChange, Target: userID, IP: ip})
	return nil
}

// audit writes e, stamped now. A failed audit write is logged, not
// returned: losing a log line must not refuse a login that succeeded.
func (s *Service) audit(ctx context.Context, e store.Entry) {
	e.At = s.now()
	if err := s.st.AddAudit(ctx, e); err != nil {
		s.log.Error("audit", "action", e.Action, "actor", e.Actor, "err", err)
	}
}

func rateLimited(at time.Time, wait time.Duration) *Error {
	data := map[string]any{"Minutes": int(math.Ceil(wait.Minutes()))}
	if wait < time.Minute {
		data["Seconds"] = int(math.Ceil(wait.Seconds()))
	}
	return &Error{ID: ErrRateLimited.ID, RetryAt: at, Data: data}
}

// newToken returns 32 random bytes, base64url without padding (43 characters).
func newToken() string {
	var b [32]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// sessionID is the stored ID of a session token: its SHA-256, so the
// database never holds a usable token. It rejects anything newToken could
// not have made before touching the database.
func sessionID(token string) (string, bool) {
	if len(token) != 43 {
		return "", false
	}
	if _, err := base64.RawURLEncoding.DecodeString(token); err != nil {
		return "", false
	}
	sum := sha256.Sum256([]byte(token))
	return base64.RawURLEncoding.EncodeToString(sum[:]), true
}

// accountKey is the limiter key for a typed email: normalized as for
// lookup but whether or not it is valid, so unknown and malformed
// addresses are limited like real ones, and cut short so junk cannot grow
// memory.
func accountKey(email string) string {
	k := strings.ToLower(strings.TrimSpace(email))
	if len(k) > 254 {
		k = k[:254]
	}
	return k
}

// ipKey is the limiter key for a client address: IPv6 addresses count per
// /64, since one host usually has a whole /64 to hop around in.
func ipKey(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		if len(ip) > 64 {
			ip = ip[:64]
		}
		return ip
	}
	a = a.Unmap()
	if a.Is6() {
		p, _ := a.Prefix(64) // cannot fail for a valid IPv6 address
		return p.String()
	}
	return a.String()
}
