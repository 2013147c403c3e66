// Package auth owns newsroom accounts: who may do what (Can), passwords
// (argon2id), login with rate limiting, sessions held in MongoDB through
// package store, and the audit trail of logins and account changes.
//
// Handlers use it like this:
//
//	svc := auth.New(st, auth.Config{})             // once, in main
//	sess, token, err := svc.Login(ctx, email, password, clientIP, auth.Token(r))
//	http.SetCookie(w, svc.Cookie(token, secure))    // after a successful login
//	u, sess, err := svc.FromRequest(r)              // on every newsroom request
//	auth.Can(u, auth.ActPublish, st)                // before acting
//	auth.CSRF(maxMemory, refuse)                    // the middleware checking every change
//	svc.Logout(ctx, auth.Token(r), clientIP)        // and http.SetCookie(w, auth.ClearCookie(secure))
//
// Errors meant for people are *Error values carrying a message ID
// (error.login.invalid, ...) to translate; test them with errors.Is against
// the Err... variables. Anything else is an internal error (often wrapping
// store.ErrUnavailable) to log, not to show.
package auth

import (
	"fmt"
	"time"

	"github.com/newsroom/newsroom/store"
)

// User is a newsroom account; it is stored by package store.
type User = store.User

// Session is one logged-in browser; it is stored by package store.
type Session = store.Session

// Role is what an account may do (store.RoleAdmin, store.RoleEditor,
// store.RoleReporter, store.RoleTranslator); Can holds the rules.
type Role = store.Role

// Error is a failure to show to the person who caused it: ID is the
// go-i18n message ID, Data the template data for it. Compare with
// errors.Is(err, auth.ErrInvalidLogin) and so on: errors with the same ID
// match whatever their data.
type Error struct {
	ID   string
	Data map[string]any
	// RetryAt is set on ErrRateLimited: when the next try may succeed.
	RetryAt time.Time
}

func (e *Error) Error() string {
	if !e.RetryAt.IsZero() {
		return fmt.Sprintf("auth: %s (retry at %s)", e.ID, e.RetryAt.Format(time.RFC3339))
	}
	return "auth: " + e.ID
}

// Is makes errors.Is match on the message ID.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.ID == e.ID
}

// The errors people see, by message ID. Locales need a message for each.
var (
	// ErrInvalidLogin: unknown email, wrong password or disabled account
	// alike, so that the answer tells nobody which addresses have accounts.
	ErrInvalidLogin = &Error{ID: "error.login.invalid"}
	// ErrRateLimited: a Throttle limit holds the try back. Data["Minutes"]
	// is the wait rounded up, and Data["Seconds"] too when it is under a
	// minute; RetryAt the time.
	ErrRateLimited = &Error{ID: "error.login.rate_limited"}
	// ErrNoSession: no cookie, an unknown, expired or ended session, or one
	// whose user has since been disabled or changed password. Log in again.
	ErrNoSession = &Error{ID: "error.session.invalid"}
	// ErrForbidden: the user may not do this (Can said no).
	ErrForbidden = &Error{ID: "error.forbidden"}
	// ErrWrongPassword: the current password given to ChangePassword is wrong.
	ErrWrongPassword = &Error{ID: "error.password.wrong"}
	// ErrPasswordTooShort: Data["Min"] characters at least.
	ErrPasswordTooShort = &Error{ID: "error.password.too_short", Data: map[string]any{"Min": MinPasswordChars}}
	// ErrPasswordTooLong: Data["Max"] bytes at most.
	ErrPasswordTooLong = &Error{ID: "error.password.too_long", Data: map[string]any{"Max": MaxPasswordBytes}}
	// ErrEmailInvalid: not a plain local@domain address.
	ErrEmailInvalid = &Error{ID: "error.user.email_invalid"}
	// ErrUserExists: an account with that email already exists.
	ErrUserExists = &Error{ID: "error.user.exists"}
	// ErrRoleInvalid: not one of store.Roles.
	ErrRoleInvalid = &Error{ID: "error.user.role_invalid"}
	// ErrNameRequired: an account needs a display name.
	ErrNameRequired = &Error{ID: "error.user.name_required"}
	// ErrSelfLockout: an admin may not demote or disable their own account
	// (someone else must), so the paper cannot lose its last admin by a slip.
	ErrSelfLockout = &Error{ID: "error.user.self_lockout"}
)
