package auth

import (
	"errors"
	"fmt"
	"mime"
	"net/http"

	"github.com/gin-gonic/gin"
)

// ctxKey names what a request's middleware stores in its gin context. A
// type of its own keeps the keys apart from any other package's strings.
type ctxKey int

const (
	userKey ctxKey = iota
	sessionKey
)

// Attach stores the logged-in user and session in c, for UserFrom and
// SessionFrom in later handlers. The newsroom's middleware (admin, photos)
// calls it once FromRequest has said who is asking.
func Attach(c *gin.Context, u *User, sess *Session) {
	c.Set(userKey, u)
	c.Set(sessionKey, sess)
}

// UserFrom is the user Attach stored in c, or nil before login.
func UserFrom(c *gin.Context) *User {
	v, _ := c.Get(userKey)
	u, _ := v.(*User)
	return u
}

// SessionFrom is the session Attach stored in c, or nil before login.
func SessionFrom(c *gin.Context) *Session {
	v, _ := c.Get(sessionKey)
	s, _ := v.(*Session)
	return s
}

// privateCSP lets newsroom pages run only their own script files, load
// nothing from elsewhere and never be framed (clickjacking a publish button).
const privateCSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// PrivateHeaders is the middleware of pages behind a login (the newsroom and
// its media library): never cached by anyone, never framed, own scripts only.
func PrivateHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", privateCSP)
	h.Set("X-Frame-Options", "DENY")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cache-Control", "no-store")
	c.Next()
}

// ErrCSRF refuses a state-changing request without the session's CSRF
// token; ErrBadForm one whose form could not be read (wrapping the reason:
// an *http.MaxBytesError when the body is over its limit).
var (
	ErrCSRF    = errors.New("auth: missing or wrong CSRF token")
	ErrBadForm = errors.New("auth: the form could not be read")
)

// CSRF is the middleware that checks the session's CSRF token (see Attach)
// on every request that may change something, i.e. every method but GET,
// HEAD and OPTIONS, whatever the body's encoding. The token comes in the
// CSRFHeader header, else in the CSRFField field of an urlencoded or
// multipart form, parsed here: an earlier middleware must bound the body
// (http.MaxBytesReader); multipart files beyond maxMemory go to temporary
// files, removed when the request ends. Any other body needs the header.
// refuse answers ErrCSRF or ErrBadForm in the surface's own words.
func CSRF(maxMemory int64, refuse func(*gin.Context, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		switch c.Request.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			c.Next()
			return
		}
		got := c.GetHeader(CSRFHeader)
		if got == "" {
			if err := parseForm(c.Request, maxMemory); err != nil {
				refuse(c, fmt.Errorf("%w: %w", ErrBadForm, err))
				c.Abort()
				return
			}
			got = c.Request.PostForm.Get(CSRFField)
		}
		if !ValidCSRF(SessionFrom(c), got) {
			refuse(c, ErrCSRF)
			c.Abort()
			return
		}
		c.Next()
	}
}

// parseForm reads r's form when its body is one (into r.PostForm).
func parseForm(r *http.Request, maxMemory int64) error {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "multipart/form-data":
		return r.ParseMultipartForm(maxMemory)
	case "application/x-www-form-urlencoded":
		return r.ParseForm()
	}
	return nil
}
