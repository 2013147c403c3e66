package auth

import (
	"crypto/subtle"
	"net/http"
)

// CookieName is the session cookie.
const CookieName = "newsroom_session"

// CSRFField is the hidden form field, and CSRFHeader the request header
// (for fetch requests), that carry the session's CSRF token back.
const (
	CSRFField  = "csrf_token"
	CSRFHeader = "X-CSRF-Token"
)

// Cookie is the session cookie to set after Login or ChangePassword:
// HttpOnly, SameSite=Lax, for the whole site, lasting the session's
// absolute lifetime. secure should be true whenever the site is served
// over HTTPS (false only for plain-HTTP development).
func (s *Service) Cookie(token string, secure bool) *http.Cookie {
	return &http.Cookie{
		Name: CookieName, Value: token, Path: "/", MaxAge: int(s.maxAge.Seconds()),
		HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode,
	}
}

// ClearCookie removes the session cookie (after Logout, or when
// FromRequest says ErrNoSession).
func ClearCookie(secure bool) *http.Cookie {
	return &http.Cookie{
		Name: CookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode,
	}
}

// Token returns the session token r carries, or "".
func Token(r *http.Request) string {
	c, err := r.Cookie(CookieName)
	if err != nil {
		return ""
	}
	return c.Value
}

// FromRequest authenticates r by its session cookie (see Authenticate):
// the logged-in user and session, or ErrNoSession. Meant for a middleware
// that redirects to the login page on ErrNoSession and answers 503 on
// errors wrapping store.ErrUnavailable.
func (s *Service) FromRequest(r *http.Request) (*User, *Session, error) {
	return s.Authenticate(r.Context(), Token(r))
}

// ValidCSRF reports whether got is the session's CSRF token, in constant
// time. Check it on every request that changes something.
func ValidCSRF(sess *Session, got string) bool {
	if sess == nil || sess.CSRF == "" || got == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(sess.CSRF), []byte(got)) == 1
}
