package auth

import "github.com/gin-gonic/gin"

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
