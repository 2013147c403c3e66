package admin

import (
	"context"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/render"
	"github.com/newsroom/newsroom/store"
)

// frame is what every newsroom page shows around its content: who is
// logged in and what they may open. Page data structs embed it.
type frame struct {
	User *auth.User
	Role string // localized role name
}

// httpError is a failure shown to the user: a status and a message ID.
type httpError struct {
	status int
	id     string
	args   []any
}

func (e *httpError) Error() string { return http.StatusText(e.status) + ": " + e.id }

func forbidden(id string) error { return &httpError{status: http.StatusForbidden, id: id} }

func notFound() error {
	return &httpError{status: http.StatusNotFound, id: "admin.error.not_found"}
}

// page starts the envelope of a newsroom page in l, with the menu for u.
func (a *Admin) page(c *gin.Context, l *lang.Lang, title string) *render.Page {
	p := &render.Page{
		L: l, Lang: l.Code, Title: title, NoIndex: true,
		Site: render.Site{Name: l.T("admin.name"), BaseURL: a.baseURL,
			CSS: a.assetURL("admin.css"), JS: a.assetURL("admin.js"), Year: a.now().In(a.langs.Location()).Year()},
	}
	if s := auth.SessionFrom(c); s != nil {
		p.CSRF = s.CSRF
	}
	u := auth.UserFrom(c)
	if u == nil {
		return p
	}
	path := c.Request.URL.Path
	add := func(label, href string) {
		p.Nav = append(p.Nav, render.Link{Label: label, Href: href, Current: path == href})
	}
	add(l.T("admin.nav.dashboard"), "/admin/")
	if auth.Can(u, auth.ActCreateStory, nil) {
		add(l.T("admin.nav.new_story"), "/admin/stories/new")
		add(l.T("admin.nav.media"), "/admin/media/")
	}
	add(l.T("desk.nav"), "/admin/desk")
	if auth.Can(u, auth.ActManageAuthors, nil) {
		add(l.T("people.nav"), "/admin/people")
	}
	if auth.Can(u, auth.ActPin, nil) {
		add(l.T("front.nav"), "/admin/front")
	}
	if auth.Can(u, auth.ActTrash, nil) {
		add(l.T("trash.nav"), "/admin/trash")
	}
	add(l.T("glossary.nav"), "/admin/glossary")
	if auth.Can(u, auth.ActManageUsers, nil) {
		add(l.T("admin.nav.users"), "/admin/users")
	}
	if auth.Can(u, auth.ActManageSections, nil) {
		add(l.T("admin.nav.sections"), "/admin/sections")
	}
	if auth.Can(u, auth.ActViewAudit, nil) {
		add(l.T("admin.nav.audit"), "/admin/audit")
	}
	if auth.Can(u, auth.ActManageSections, nil) {
		add(l.T("admin.nav.settings"), "/admin/settings")
		add(l.T("import.nav"), "/admin/import")
		add(l.T("redirects.nav"), "/admin/redirects")
	}
	add(l.T("admin.nav.account"), "/admin/account")
	return p
}

func (a *Admin) frame(c *gin.Context, l *lang.Lang) frame {
	u := auth.UserFrom(c)
	if u == nil {
		return frame{}
	}
	return frame{User: u, Role: roleName(l, u.Role)}
}

// roleNames are the message IDs of the roles, literal so the locale test sees them.
var roleNames = map[auth.Role]string{
	store.RoleAdmin: "admin.role.admin", store.RoleEditor: "admin.role.editor",
	store.RoleReporter: "admin.role.reporter", store.RoleTranslator: "admin.role.translator",
}

func roleName(l *lang.Lang, r auth.Role) string {
	if id, ok := roleNames[r]; ok {
		return l.T(id)
	}
	return string(r)
}

// show renders page name with status.
func (a *Admin) show(c *gin.Context, status int, name string, p *render.Page) {
	body, err := a.pages.Render(name, p)
	if err != nil {
		a.fail(c, err)
		return
	}
	c.Data(status, "text/html; charset=utf-8", body)
}

// fail is the one place where errors become newsroom responses: a localized
// page (or JSON for the editor's script) with the right status; details of
// unexpected errors go to the log, never the page.
func (a *Admin) fail(c *gin.Context, err error) {
	if errors.Is(c.Request.Context().Err(), context.Canceled) {
		// The client went away: nobody reads the answer, nothing failed here.
		a.log.Info("newsroom client gone", "path", c.Request.URL.Path, "err", err)
		c.Status(statusClientClosed)
		return
	}
	l := a.langFor(c, nil)
	var he *httpError
	var ae *auth.Error
	switch {
	case errors.As(err, &he):
	case errors.Is(err, auth.ErrForbidden):
		he = &httpError{status: http.StatusForbidden, id: "admin.error.forbidden"}
	case errors.As(err, &ae):
		he = &httpError{status: http.StatusBadRequest, id: ae.ID, args: dataArgs(ae.Data)}
	case errors.Is(err, store.ErrNotFound):
		he = notFound().(*httpError)
	case errors.Is(err, store.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		a.log.Warn("database unavailable", "path", c.Request.URL.Path, "err", err)
		he = &httpError{status: http.StatusServiceUnavailable, id: "admin.error.unavailable"}
	default:
		a.log.Error("newsroom request failed", "path", c.Request.URL.Path, "err", err)
		he = &httpError{status: http.StatusInternalServerError, id: "admin.error.internal"}
	}
	msg := l.T(he.id, he.args...)
	if wantsJSON(c) {
		c.JSON(he.status, gin.H{"error": msg})
		return
	}
	p := a.page(c, l, l.T("admin.error.title"))
	p.Data = struct {
		frame
		Status  int
		Message string
	}{a.frame(c, l), he.status, msg}
	body, rerr := a.pages.Render("error", p)
	if rerr != nil {
		a.log.Error("newsroom error page failed", "err", rerr)
		c.Data(he.status, "text/plain; charset=utf-8", []byte(http.StatusText(he.status)))
		return
	}
	c.Data(he.status, "text/html; charset=utf-8", body)
}

// statusClientClosed is what the request log records for a request whose
// client left before the answer (nginx's 499): not a server error.
const statusClientClosed = 499

// dataArgs turns an auth.Error's template data into T's key/value pairs.
func dataArgs(m map[string]any) []any {
	var out []any
	for k, v := range m {
		out = append(out, k, v)
	}
	return out
}
