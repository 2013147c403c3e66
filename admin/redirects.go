package admin

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/redirect"
	"github.com/newsroom/newsroom/store"
)

// maxRedirectPath bounds an old or new address typed by an admin.
const maxRedirectPath = 1000

type missRow struct {
	Path, Last string
	Count      int
}

// redirectsShow is the 404 monitor (admins only): old-looking addresses
// that found neither a page nor a redirect, with a form to add one.
func (a *Admin) redirectsShow(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActManageSections)
	if !ok {
		return
	}
	from := c.Query("from") // a row of the monitor chosen to redirect
	if len(from) > maxRedirectPath {
		from = ""
	}
	a.redirectsPage(c, u, http.StatusOK, from, "", "")
}

func (a *Admin) redirectsPage(c *gin.Context, u *auth.User, status int, from, to, errID string) {
	l := a.langFor(c, u)
	var rows []missRow
	if a.misses != nil {
		for _, m := range a.misses.Top(200) {
			rows = append(rows, missRow{Path: m.Path, Count: m.Count, Last: m.Last.In(a.langs.Location()).Format(time.DateTime)})
		}
	}
	p := a.page(c, l, l.T("redirects.title"))
	if errID == "" && c.Query("saved") == "1" {
		p.Notice = l.T("redirects.saved")
	}
	var errMsg string
	if errID != "" {
		errMsg = l.T(errID)
	}
	p.Data = struct {
		frame
		Misses          []missRow
		From, To, Error string
	}{a.frame(c, l), rows, from, to, errMsg}
	a.show(c, status, "redirects", p)
}

// redirectSave adds (or replaces) a redirect from an old address to a path
// of this site; only site paths are taken, so the form cannot make the
// site send readers elsewhere.
func (a *Admin) redirectSave(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActManageSections)
	if !ok {
		return
	}
	from, to := strings.TrimSpace(c.PostForm("from")), strings.TrimSpace(c.PostForm("to"))
	if !sitePath(from) {
		a.redirectsPage(c, u, http.StatusBadRequest, from, to, "redirects.error_from")
		return
	}
	if !sitePath(to) {
		a.redirectsPage(c, u, http.StatusBadRequest, from, to, "redirects.error_to")
		return
	}
	old, err := url.Parse(from)
	if err != nil {
		a.redirectsPage(c, u, http.StatusBadRequest, from, to, "redirects.error_from")
		return
	}
	key := redirect.Key("", old.Path)
	if q := old.Query(); len(q) > 0 {
		for _, name := range []string{"p", "page_id", "attachment_id"} {
			if id, err := strconv.Atoi(q.Get(name)); err == nil && id > 0 {
				key = redirect.QueryKey(name, id)
			}
		}
	}
	rd := store.Redirect{From: key, To: to, Source: "admin", At: a.now().UTC().Truncate(time.Millisecond)}
	if err := a.store.PutRedirect(c.Request.Context(), rd); err != nil {
		a.fail(c, err)
		return
	}
	if a.redirects != nil {
		a.redirects.Put(rd.From, rd.To)
	}
	if a.misses != nil {
		a.misses.Forget(from)
	}
	a.log.Info("redirect added", "from", key, "to", to, "by", u.ID)
	c.Redirect(http.StatusSeeOther, "/admin/redirects?saved=1")
}

// sitePath accepts a path of this site: "/…", not "//host" nor "/\host".
func sitePath(s string) bool {
	return len(s) > 0 && len(s) <= maxRedirectPath && s[0] == '/' && !strings.HasPrefix(s, "//") &&
		!strings.ContainsAny(s, "\\\r\n\t ")
}
