package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/newsroom/newsroom/store"
)

// Throttle is how failed logins slow down whoever makes them. Failures are
// kept in the database, so every instance counts the same ones.
//
//   - Per account and address (or, from a known device, per device): Free
//     failures, then each further try waits Delay, doubled after every
//     failure, at most Window. This is what the owner meets after typos.
//   - Per account from unknown devices: AccountMax failures in Window
//     lock the account for unknown devices only. The owner's browser,
//     known from an earlier login, still gets in, and that login (or an
//     admin, UnlockAccount) lifts the lock.
//   - Per address (IPv6: per /64), over all accounts: IPMax in Window.
type Throttle struct {
	Window     time.Duration // 15 min
	Free       int           // 3
	Delay      time.Duration // 2 s
	AccountMax int           // 10
	IPMax      int           // 20
}

func (t Throttle) withDefaults() Throttle {
	if t.Window <= 0 {
		t.Window = 15 * time.Minute
	}
	if t.Free <= 0 {
		t.Free = 3
	}
	if t.Delay <= 0 {
		t.Delay = 2 * time.Second
	}
	if t.AccountMax <= 0 {
		t.AccountMax = 10
	}
	if t.IPMax <= 0 {
		t.IPMax = 20
	}
	return t
}

// DeviceCookie remembers a browser that logged in, so that a lockout
// strangers cause does not keep the account's owner out.
const DeviceCookie = "newsroom_device"

// deviceLife is how long a browser stays known after its last login.
const deviceLife = 180 * 24 * time.Hour

// DeviceFromRequest returns the device token r carries, or "".
func DeviceFromRequest(r *http.Request) string {
	c, err := r.Cookie(DeviceCookie)
	if err != nil {
		return ""
	}
	return c.Value
}

// DeviceCookieFor is the cookie that remembers this browser (after a login
// that returned a device token).
func DeviceCookieFor(token string, secure bool) *http.Cookie {
	return &http.Cookie{Name: DeviceCookie, Value: token, Path: "/admin/", MaxAge: int(deviceLife.Seconds()),
		HttpOnly: true, Secure: secure, SameSite: http.SameSiteStrictMode}
}

// attempt is the throttling keys of one login try.
type attempt struct {
	account string // the typed email, as accountKey
	pair    string // "pair:<account>|<address>" or "dev:<device id>"
	acct    string // "acct:<account>"
	ip      string // "ip:<address>"; empty from a known device
	known   bool   // from a browser that logged in to the account before
}

// keys are the keys a failure of a counts under: from a known device, the
// device only, so the owner's typos never lock the account for others.
func (a attempt) keys() []string {
	if a.known {
		return []string{a.pair}
	}
	return []string{a.pair, a.acct, a.ip}
}

// newAttempt works out the keys of a try at email from ip with the device
// cookie device (may be empty). A device counts as known only for the
// account it logged in to.
func (s *Service) newAttempt(ctx context.Context, email, ip, device string) (attempt, error) {
	a := attempt{account: accountKey(email)}
	a.acct = "acct:" + a.account
	if id, ok := sessionID(device); ok {
		d, err := s.st.Device(ctx, id, s.now())
		switch {
		case err == nil:
			if norm, nerr := store.NormalizeEmail(email); nerr == nil && d.UserID == norm {
				a.known, a.pair = true, "dev:"+id
				return a, nil
			}
		case !errors.Is(err, store.ErrNotFound):
			return a, fmt.Errorf("auth: known device: %w", err)
		}
	}
	ipk := ipKey(ip)
	a.pair, a.ip = "pair:"+a.account+"|"+ipk, "ip:"+ipk
	return a, nil
}

// failures returns the failures counted against a, per key.
func (s *Service) failures(ctx context.Context, a attempt) (map[string][]time.Time, error) {
	f, err := s.st.LoginFailures(ctx, s.now().Add(-s.throttle.Window), append(a.keys(), a.acct)...)
	if err != nil {
		return nil, fmt.Errorf("auth: login throttling: %w", err)
	}
	return f, nil
}

// limit is one throttle that holds a try back, for the log and the audit.
type limit string

const (
	limitDelay   limit = "delay"   // per account and address, or device
	limitAccount limit = "account" // the account, for unknown devices
	limitAddress limit = "address" // the client address, for all accounts
)

// wait is how long a must wait before its next try (zero: now), and the
// limit that makes it wait.
func (s *Service) wait(a attempt, f map[string][]time.Time) (time.Duration, limit) {
	now, t := s.now(), s.throttle
	var wait time.Duration
	var why limit
	hold := func(until time.Time, l limit) {
		if d := until.Sub(now); d > wait {
			wait, why = d, l
		}
	}
	if p := f[a.pair]; len(p) >= t.Free {
		hold(p[len(p)-1].Add(s.delay(len(p))), limitDelay)
	}
	if n := len(f[a.acct]); !a.known && n >= t.AccountMax {
		hold(f[a.acct][n-t.AccountMax].Add(t.Window), limitAccount)
	}
	if n := len(f[a.ip]); a.ip != "" && n >= t.IPMax {
		hold(f[a.ip][n-t.IPMax].Add(t.Window), limitAddress)
	}
	return wait, why
}

// delay is the wait after the n-th failure of one account and address.
func (s *Service) delay(n int) time.Duration {
	t := s.throttle
	if n < t.Free {
		return 0
	}
	d := t.Delay
	for i := t.Free; i < n && d < t.Window; i++ {
		d *= 2
	}
	return min(d, t.Window)
}

// fail records a failed try and audits each limit this failure reaches:
// once when it starts to hold the account or address back, not for every
// refused try after it (those are logged).
func (s *Service) fail(ctx context.Context, a attempt, before map[string][]time.Time, ip string) error {
	now, t := s.now(), s.throttle
	if err := s.st.AddLoginFailures(ctx, now, a.keys()...); err != nil {
		return fmt.Errorf("auth: login throttling: %w", err)
	}
	after := map[string][]time.Time{}
	for _, k := range a.keys() {
		after[k] = append(slices.Clone(before[k]), now)
	}
	wait, _ := s.wait(a, after)
	for _, l := range []struct {
		why     limit
		reached bool
	}{
		{limitDelay, len(after[a.pair]) == t.Free},
		{limitAccount, !a.known && len(after[a.acct]) == t.AccountMax},
		{limitAddress, a.ip != "" && len(after[a.ip]) == t.IPMax},
	} {
		if l.reached {
			s.log.Warn("login throttled", "account", a.account, "ip", ip, "limit", l.why, "until", now.Add(wait))
			s.audit(ctx, store.Entry{Actor: a.account, Action: store.AuditLoginThrottled, Target: a.account, IP: ip,
				Detail: string(l.why) + " until " + now.Add(wait).UTC().Format(time.RFC3339)})
		}
	}
	s.prune(ctx, now)
	return nil
}

// prune deletes failures no limit counts any more, at most once a minute
// per instance, so the collection stays the size of one window.
func (s *Service) prune(ctx context.Context, now time.Time) {
	s.pruneMu.Lock()
	due := now.Sub(s.pruned) >= time.Minute
	if due {
		s.pruned = now
	}
	s.pruneMu.Unlock()
	if !due {
		return
	}
	if _, err := s.st.PruneLoginFailures(ctx, now.Add(-s.throttle.Window)); err != nil {
		s.log.Warn("pruning login failures", "err", err)
	}
}

// succeed forgets the failures of a's account (and address or device) and
// audits the lifting of an account lockout. It returns the device token to
// set in a cookie when this browser was not known yet.
func (s *Service) succeed(ctx context.Context, a attempt, f map[string][]time.Time, userID, ip string) (string, error) {
	keys := []string{a.pair, "acct:" + a.account}
	if _, err := s.st.ClearLoginFailures(ctx, keys...); err != nil {
		return "", fmt.Errorf("auth: login throttling: %w", err)
	}
	if len(f[a.acct]) >= s.throttle.AccountMax {
		s.audit(ctx, store.Entry{Actor: userID, Action: store.AuditLoginUnlocked, Target: userID, Detail: "login", IP: ip})
	}
	if a.known {
		return "", nil
	}
	token := newToken()
	id, _ := sessionID(token) // a token newToken made is always well formed
	now := s.now()
	if err := s.st.AddDevice(ctx, store.Device{ID: id, UserID: userID, CreatedAt: now, ExpiresAt: now.Add(deviceLife)}); err != nil {
		return "", fmt.Errorf("auth: remember device: %w", err)
	}
	return token, nil
}

// UnlockAccount lifts the throttling of account id (an admin helping
// someone that strangers locked out): every counted failure of the
// account, from every address, is forgotten. actor must be allowed
// ActManageUsers. It says whether there was anything to lift.
func (s *Service) UnlockAccount(ctx context.Context, actor *User, id, ip string) (bool, error) {
	if !Can(actor, ActManageUsers, nil) {
		return false, ErrForbidden
	}
	n, err := s.st.ClearLoginFailures(ctx, "acct:"+id)
	if err != nil {
		return false, fmt.Errorf("auth: unlock %s: %w", id, err)
	}
	// The per-address delays of the account go too.
	if _, err := s.st.ClearLoginFailuresPrefix(ctx, "pair:"+id+"|"); err != nil {
		return false, fmt.Errorf("auth: unlock %s: %w", id, err)
	}
	if n == 0 {
		return false, nil
	}
	s.audit(ctx, store.Entry{Actor: actor.ID, Action: store.AuditLoginUnlocked, Target: id, Detail: "admin", IP: ip})
	return true, nil
}

// Locked reports until when account id is locked for unknown devices
// (zero: it is not), for the users page.
func (s *Service) Locked(ctx context.Context, ids ...string) (map[string]time.Time, error) {
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = "acct:" + id
	}
	f, err := s.st.LoginFailures(ctx, s.now().Add(-s.throttle.Window), keys...)
	if err != nil {
		return nil, fmt.Errorf("auth: locked accounts: %w", err)
	}
	out := map[string]time.Time{}
	for _, id := range ids {
		if ts := f["acct:"+id]; len(ts) >= s.throttle.AccountMax {
			out[id] = ts[len(ts)-s.throttle.AccountMax].Add(s.throttle.Window)
		}
	}
	return out, nil
}
