package admin

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/redirect"
)

// maxBodyBytes bounds every request body. The longest field (the body of a
// story, maxBody runes of Korean at 3 bytes each) fits with room to spare;
// anything bigger is refused before it is read.
const maxBodyBytes = 2 << 20

// maxFormMemory is the part of a multipart form kept in memory; the rest
// (files) goes to temporary files.
const maxFormMemory = 1 << 20

// crossOrigin refuses state-changing requests that a browser marks as
// coming from another site (Sec-Fetch-Site, or Origin against Host). It
// backs up the per-session CSRF token and also covers the login form, which
// has no session yet.
func (a *Admin) crossOrigin(c *gin.Context) {
	if err := a.cop.Check(c.Request); err != nil {
		a.fail(c, forbidden("admin.error.cross_origin"))
		c.Abort()
		return
	}
	c.Next()
}

// limitBody bounds the body and parses the form once, so an oversized
// request gets a clear page instead of a CSRF failure.
func (a *Admin) limitBody(c *gin.Context) {
	if c.Request.Method != http.MethodPost {
		c.Next()
		return
	}
	limit, parse := int64(maxBodyBytes), c.Request.ParseForm
	if c.FullPath() == "/admin/import" {
		// the upload of a WordPress export: a larger body, read as a
		// multipart form (files over a few MB go to temporary files)
		limit = maxImportBytes
		parse = func() error {
			// Not multipart: the form is parsed all the same, and the
			// CSRF check and the handler answer for what it lacks.
			if err := c.Request.ParseMultipartForm(8 << 20); !errors.Is(err, http.ErrNotMultipart) {
				return err
			}
			return nil
		}
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
	if err := parse(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			a.fail(c, &httpError{status: http.StatusRequestEntityTooLarge, id: "admin.error.too_large"})
		} else {
			a.fail(c, &httpError{status: http.StatusBadRequest, id: "admin.error.bad_form"})
		}
		c.Abort()
		return
	}
	c.Next()
}

// requireUser lets through requests with a live session; others go to the
// login page, or get 401 when a script asked.
func (a *Admin) requireUser(c *gin.Context) {
	u, sess, err := a.auth.FromRequest(c.Request)
	if errors.Is(err, auth.ErrNoSession) {
		if auth.Token(c.Request) != "" {
			http.SetCookie(c.Writer, auth.ClearCookie(a.secure))
		}
		if wantsJSON(c) {
			c.JSON(http.StatusUnauthorized, gin.H{"error": a.langFor(c, nil).T("error.session.invalid")})
		} else {
			next := ""
			if c.Request.Method == http.MethodGet {
				next = "?next=" + url.QueryEscape(c.Request.URL.RequestURI())
			}
			c.Redirect(http.StatusSeeOther, "/admin/login"+next)
		}
		c.Abort()
		return
	}
	if err != nil {
		a.fail(c, err)
		c.Abort()
		return
	}
	auth.Attach(c, u, sess)
	c.Next()
}

// refuse answers a request the CSRF check (auth.CSRF) turned away.
func (a *Admin) refuse(c *gin.Context, err error) {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		a.fail(c, &httpError{status: http.StatusRequestEntityTooLarge, id: "admin.error.too_large"})
	case errors.Is(err, auth.ErrBadForm):
		a.fail(c, &httpError{status: http.StatusBadRequest, id: "admin.error.bad_form"})
	default:
		a.fail(c, forbidden("admin.error.csrf"))
	}
}

// wantsJSON tells the editor's script (autosave, preview) from a form post.
func wantsJSON(c *gin.Context) bool {
	return c.GetHeader("X-Requested-With") == "newsroom" ||
		strings.Contains(c.GetHeader("Accept"), "application/json")
}

// userMay is the logged-in user if they may do act (one not tied to a
// story); otherwise it has answered with the forbidden page, and ok is false.
func (a *Admin) userMay(c *gin.Context, act auth.Action) (u *auth.User, ok bool) {
	u = auth.UserFrom(c)
	if !auth.Can(u, act, nil) {
		a.fail(c, auth.ErrForbidden)
		return nil, false
	}
	return u, true
}

// langFor is the newsroom language for a request: the user's preference,
// else the browser's, else the paper's default.
func (a *Admin) langFor(c *gin.Context, u *auth.User) *lang.Lang {
	if u == nil {
		u = auth.UserFrom(c)
	}
	var pref string
	if u != nil {
		pref = u.Lang
	}
	return a.langs.Prefer(pref, c.GetHeader("Accept-Language"))
}

// safeNext keeps a post-login redirect inside the newsroom.
func safeNext(next string) string { return redirect.Local(next, "/admin/", "/admin/") }
