package admin

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
)

type accountData struct {
	frame
	Langs []langOption
	Errs  map[string]string
}

// accountShow is the logged-in user's own page: newsroom language and password.
func (a *Admin) accountShow(c *gin.Context) {
	a.accountPage(c, http.StatusOK, nil)
}

func (a *Admin) accountPage(c *gin.Context, status int, errs map[string]string) {
	u := auth.UserFrom(c)
	l := a.langFor(c, u)
	if errs == nil {
		errs = map[string]string{}
	}
	p := a.page(c, l, l.T("account.title"))
	p.Notice = notice(c, l)
	p.Data = accountData{frame: a.frame(c, l), Langs: a.langOptions(), Errs: errs}
	a.show(c, status, "account", p)
}

// passwordChange changes the user's own password. Every session of the
// user ends (other browsers are logged out); this browser gets a new one.
func (a *Admin) passwordChange(c *gin.Context) {
	u := auth.UserFrom(c)
	l := a.langFor(c, u)
	f := newFields(c, l)
	current := f.text("current", auth.MaxPasswordBytes, true)
	next := f.text("new", auth.MaxPasswordBytes, true)
	again := f.text("again", auth.MaxPasswordBytes, true)
	if f.ok() && next != again {
		f.fail("again", l.T("account.mismatch"))
	}
	if !f.ok() {
		a.accountPage(c, http.StatusUnprocessableEntity, f.Errs)
		return
	}
	_, token, err := a.auth.ChangePassword(c.Request.Context(), u, current, next, c.ClientIP())
	var ae *auth.Error
	if errors.As(err, &ae) {
		field := "new"
		if errors.Is(err, auth.ErrWrongPassword) || errors.Is(err, auth.ErrRateLimited) {
			field = "current"
		}
		f.fail(field, l.T(ae.ID, dataArgs(ae.Data)...))
		a.accountPage(c, http.StatusUnprocessableEntity, f.Errs)
		return
	}
	if err != nil {
		a.fail(c, err)
		return
	}
	http.SetCookie(c.Writer, a.auth.Cookie(token, a.secure))
	c.Redirect(http.StatusSeeOther, "/admin/account?done=password_changed")
}
