package admin

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
)

type loginData struct {
	frame
	Email, Next, Error string
}

func (a *Admin) loginShow(c *gin.Context) {
	if a.needsSetup(c) {
		c.Redirect(http.StatusSeeOther, "/admin/setup")
		return
	}
	a.loginPage(c, http.StatusOK, loginData{Next: safeNext(c.Query("next"))})
}

func (a *Admin) loginPage(c *gin.Context, status int, d loginData) {
	l := a.langFor(c, nil)
	p := a.page(c, l, l.T("admin.login.title"))
	p.Data = d
	if c.Query("out") == "1" {
		p.Notice = l.T("admin.login.logged_out")
	}
	a.show(c, status, "login", p)
}

// loginSubmit checks the password (auth rate-limits and audits it), starts
// a fresh session and goes on to where the user was headed.
func (a *Admin) loginSubmit(c *gin.Context) {
	l := a.langFor(c, nil)
	email, password := c.PostForm("email"), c.PostForm("password")
	d := loginData{Email: email, Next: safeNext(c.PostForm("next"))}
	if len(email) > 254 || len(password) > auth.MaxPasswordBytes {
		d.Error = l.T("error.login.invalid")
		a.loginPage(c, http.StatusBadRequest, d)
		return
	}
	_, token, device, err := a.auth.LoginDevice(c.Request.Context(), auth.Attempt{Email: email, Password: password,
		IP: c.ClientIP(), OldToken: auth.Token(c.Request), Device: auth.DeviceFromRequest(c.Request)})
	var ae *auth.Error
	if errors.As(err, &ae) {
		d.Error = l.T(ae.ID, dataArgs(ae.Data)...)
		status := http.StatusUnauthorized
		if errors.Is(err, auth.ErrRateLimited) {
			status = http.StatusTooManyRequests
		}
		a.loginPage(c, status, d)
		return
	}
	if err != nil {
		a.fail(c, err)
		return
	}
	a.hasUsers.Store(true)
	http.SetCookie(c.Writer, a.auth.Cookie(token, a.secure))
	if device != "" {
		// This browser is known to the account from now on: a lockout
		// strangers cause by guessing will not keep it out.
		http.SetCookie(c.Writer, auth.DeviceCookieFor(device, a.secure))
	}
	c.Redirect(http.StatusSeeOther, d.Next)
}

// logout ends the session on the server, not only in this browser.
func (a *Admin) logout(c *gin.Context) {
	if err := a.auth.Logout(c.Request.Context(), auth.Token(c.Request), c.ClientIP()); err != nil {
		a.fail(c, err)
		return
	}
	http.SetCookie(c.Writer, auth.ClearCookie(a.secure))
	c.Redirect(http.StatusSeeOther, "/admin/login?out=1")
}
