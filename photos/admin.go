package photos

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/render"
	"github.com/newsroom/newsroom/static"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/templates"
)

// AdminPrefix is where RegisterAdmin's group must be mounted: page links
// and the upload script use these paths.
const AdminPrefix = "/admin/media"

// maxFormBytes bounds the edit and delete forms (captions in two languages).
const maxFormBytes = 64 << 10

// RegisterAdmin adds the media library's newsroom pages to g, which must be
// mounted at AdminPrefix and must not cap request bodies below the upload
// limit. The routes check the session, bound bodies, check the CSRF token of
// changes (auth.CSRF, as the newsroom does) and the user's permission, so g
// needs no middleware of its own.
func (l *Library) RegisterAdmin(g *gin.RouterGroup) {
	if l.pages == nil {
		panic("photos: RegisterAdmin needs Deps.Auth and Deps.Langs")
	}
	g.Use(auth.PrivateHeaders)
	g.GET("/static/:file", l.staticFile)

	in := g.Group("", l.requireUser, l.limitBody, auth.CSRF(maxFormMemory, l.refuse))
	in.GET("/", l.libraryShow)
	in.GET("/pick.json", l.pickJSON)
	in.GET("/upload", l.uploadShow)
	in.POST("/upload", l.uploadReceive)
	in.GET("/photo/:id", l.photoEdit)
	in.POST("/photo/:id", l.photoSave)
	in.POST("/photo/:id/delete", l.photoDelete)
}

// mayUpload reports whether u may add photos; what else a user may do to
// a photo is rights (photo_save.go), from the rules in package auth.
func mayUpload(u *auth.User) bool { return auth.Can(u, auth.ActUploadPhoto, nil) }

// requireUser lets through requests with a live session, and refuses
// changes sent from another site.
func (l *Library) requireUser(c *gin.Context) {
	u, sess, err := l.auth.FromRequest(c.Request)
	if errors.Is(err, auth.ErrNoSession) {
		if wantsJSON(c) {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": l.langFor(c, nil).T("error.session.invalid")})
			return
		}
		c.Redirect(http.StatusSeeOther, "/admin/login?next="+url.QueryEscape(c.Request.URL.RequestURI()))
		c.Abort()
		return
	}
	if err != nil {
		l.fail(c, err)
		c.Abort()
		return
	}
	auth.Attach(c, u, sess)
	if c.Request.Method == http.MethodPost {
		if err := l.sameSite.Check(c.Request); err != nil {
			l.fail(c, &httpError{status: http.StatusForbidden, id: "photos.error.csrf"})
			c.Abort()
			return
		}
	}
	c.Next()
}

// maxFormMemory is the part of a multipart form kept in memory; uploaded
// files beyond it wait in temporary files.
const maxFormMemory = 1 << 20

// maxUploadFiles is how many photos of the largest size one multipart
// upload (the form without its script) may carry.
const maxUploadFiles = 4

// limitBody bounds a change's body before the CSRF check reads it: the
// edit and delete forms are small; an upload may carry photos.
func (l *Library) limitBody(c *gin.Context) {
	if c.Request.Method == http.MethodPost {
		n := int64(maxFormBytes)
		if c.FullPath() == AdminPrefix+"/upload" {
			n = maxUploadFiles*l.limits.MaxBytes + maxFormMemory
			l.allowUploadTime(c)
		}
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n)
	}
	c.Next()
}

// refuse answers a request the CSRF check (auth.CSRF) turned away.
func (l *Library) refuse(c *gin.Context, err error) {
	switch {
	case errors.Is(err, auth.ErrCSRF):
		l.fail(c, &httpError{status: http.StatusForbidden, id: "photos.error.csrf"})
	case errors.As(err, new(*http.MaxBytesError)):
		l.fail(c, err)
	default:
		l.fail(c, &httpError{status: http.StatusBadRequest, id: "photos.error.bad_form"})
	}
}

func isMultipart(c *gin.Context) bool {
	ct, _, _ := mime.ParseMediaType(c.GetHeader("Content-Type"))
	return ct == "multipart/form-data"
}

func wantsJSON(c *gin.Context) bool {
	return c.GetHeader("X-Requested-With") == "newsroom" || strings.Contains(c.GetHeader("Accept"), "application/json")
}

// langFor is the user's newsroom language, else the browser's, else the paper's.
func (l *Library) langFor(c *gin.Context, u *auth.User) *lang.Lang {
	if u == nil {
		u = auth.UserFrom(c)
	}
	var pref string
	if u != nil {
		pref = u.Lang
	}
	return l.langs.Prefer(pref, c.GetHeader("Accept-Language"))
}

// frame is what every library page shows around its content.
type frame struct {
	User      *auth.User
	CanUpload bool
}

// page starts a library page's envelope.
func (l *Library) page(c *gin.Context, lg *lang.Lang, title string) *render.Page {
	p := &render.Page{
		L: lg, Lang: lg.Code, Title: title, NoIndex: true,
		Site: render.Site{Name: lg.T("photos.newsroom"), CSS: l.assets.URL("photos.css"), JS: l.assets.URL("photos.js"),
			Year: l.now().In(l.langs.Location()).Year()},
	}
	if s := auth.SessionFrom(c); s != nil {
		p.CSRF = s.CSRF
	}
	here := c.Request.URL.Path
	add := func(label, href string) {
		p.Nav = append(p.Nav, render.Link{Label: label, Href: href, Current: here == href})
	}
	add(lg.T("photos.nav.newsroom"), "/admin/")
	add(lg.T("photos.nav.library"), AdminPrefix+"/")
	if mayUpload(auth.UserFrom(c)) {
		add(lg.T("photos.nav.upload"), AdminPrefix+"/upload")
	}
	return p
}

func (l *Library) frame(c *gin.Context) frame {
	u := auth.UserFrom(c)
	return frame{User: u, CanUpload: mayUpload(u)}
}

func (l *Library) show(c *gin.Context, status int, name string, p *render.Page) {
	body, err := l.pages.Render(name, p)
	if err != nil {
		l.fail(c, err)
		return
	}
	c.Data(status, "text/html; charset=utf-8", body)
}

// httpError is a failure shown to the user: a status and a message ID.
type httpError struct {
	status int
	id     string
	args   []any
}

func (e *httpError) Error() string { return http.StatusText(e.status) + ": " + e.id }

// statusClientClosed is what the request log records for a request whose
// client left before the answer (nginx's 499): not a server error.
const statusClientClosed = 499

// fail is the one place the library's errors become responses: a localized
// message (JSON for the upload script) with its status; unexpected errors
// are logged and shown as an internal error.
func (l *Library) fail(c *gin.Context, err error) {
	if errors.Is(c.Request.Context().Err(), context.Canceled) {
		// The client went away: nobody reads the answer, nothing failed here.
		l.log.Info("photos: client gone", "path", c.Request.URL.Path, "err", err)
		c.Status(statusClientClosed)
		return
	}
	lg := l.langFor(c, nil)
	var he *httpError
	var me *media.Error
	var fe *FieldError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &he):
	case errors.As(err, &me):
		status := http.StatusUnprocessableEntity
		if me.ID == media.MsgTooLarge {
			status = http.StatusRequestEntityTooLarge
		}
		he = &httpError{status: status, id: me.ID, args: me.Args}
	case errors.As(err, &mbe):
		he = &httpError{status: http.StatusRequestEntityTooLarge, id: media.MsgTooLarge,
			args: []any{"Max", fmt.Sprintf("%d MB", mbe.Limit>>20)}}
	case errors.As(err, &fe):
		he = &httpError{status: http.StatusUnprocessableEntity, id: fe.ID, args: fe.Args}
	case errors.Is(err, auth.ErrForbidden):
		he = &httpError{status: http.StatusForbidden, id: "photos.error.forbidden"}
	case errors.Is(err, ErrNotFound), errors.Is(err, store.ErrNotFound):
		he = &httpError{status: http.StatusNotFound, id: "photos.error.not_found"}
	case errors.Is(err, ErrBusy):
		l.log.Warn("photos: upload refused, busy", "path", c.Request.URL.Path, "err", err)
		c.Header("Retry-After", strconv.Itoa(int(RetryAfter.Seconds())))
		he = &httpError{status: http.StatusServiceUnavailable, id: "photos.error.busy"}
	case errors.Is(err, store.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		l.log.Warn("photos: database unavailable", "path", c.Request.URL.Path, "err", err)
		he = &httpError{status: http.StatusServiceUnavailable, id: "photos.error.unavailable"}
	default:
		l.log.Error("photos: newsroom request failed", "path", c.Request.URL.Path, "err", err)
		he = &httpError{status: http.StatusInternalServerError, id: "photos.error.internal"}
	}
	msg := lg.T(he.id, he.args...)
	if wantsJSON(c) {
		c.JSON(he.status, gin.H{"error": msg})
		return
	}
	p := l.page(c, lg, lg.T("photos.error.title"))
	p.Data = struct {
		frame
		Message string
	}{l.frame(c), msg}
	body, rerr := l.pages.Render("error", p)
	if rerr != nil {
		l.log.Error("photos: error page failed", "err", rerr)
		c.Data(he.status, "text/plain; charset=utf-8", []byte(msg))
		return
	}
	c.Data(he.status, "text/html; charset=utf-8", body)
}

// parsePages parses the library's page templates and loads its static files.
func (l *Library) parsePages() error {
	sub, err := fs.Sub(templates.PhotosFS, "photos")
	if err != nil {
		return fmt.Errorf("photos: templates: %w", err)
	}
	pages, err := render.New(sub, "layout.html", "pages")
	if err != nil {
		return fmt.Errorf("photos: %w", err)
	}
	if l.assets, err = static.FromFS(sub, "static", AdminPrefix+"/static/"); err != nil {
		return fmt.Errorf("photos: %w", err)
	}
	l.pages = pages
	return nil
}

func (l *Library) staticFile(c *gin.Context) {
	f, ok := l.assets.ByURL(c.Request.URL.Path)
	if !ok {
		c.String(http.StatusNotFound, "404 page not found")
		return
	}
	c.Header("Cache-Control", "public, max-age=31536000, immutable")
	c.Data(http.StatusOK, f.ContentType, f.Body)
}
