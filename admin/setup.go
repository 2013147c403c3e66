package admin

import (
	"context"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/store"
)

// setupJob is claimed by the one request that creates the first admin, so
// two people racing through the setup page cannot both become admin.
const setupJob = "setup/first-admin"

type setupData struct {
	frame
	Email, Name, Lang string
	Langs             []langOption
	Errs              map[string]string
}

type langOption struct{ Code, Name string }

func (a *Admin) langOptions() []langOption {
	var out []langOption
	for _, code := range a.langs.Codes() {
		out = append(out, langOption{code, a.langs.Get(code).Name()})
	}
	return out
}

// needsSetup reports whether the database has no account yet. Once one
// exists the answer is remembered: accounts are disabled, never deleted.
func (a *Admin) needsSetup(c *gin.Context) bool {
	if a.hasUsers.Load() {
		return false
	}
	has, err := a.store.HasUsers(c.Request.Context())
	if err != nil {
		a.log.Warn("checking for accounts", "err", err)
		return false
	}
	if has {
		a.hasUsers.Store(true)
	}
	return !has
}

func (a *Admin) setupShow(c *gin.Context) {
	if !a.needsSetup(c) {
		c.Redirect(http.StatusSeeOther, "/admin/login")
		return
	}
	l := a.langFor(c, nil)
	a.setupPage(c, http.StatusOK, setupData{Lang: l.Code, Errs: map[string]string{}})
}

func (a *Admin) setupPage(c *gin.Context, status int, d setupData) {
	l := a.langFor(c, nil)
	if a.langs.Get(d.Lang) != nil {
		l = a.langs.Get(d.Lang)
	}
	p := a.page(c, l, l.T("admin.setup.title"))
	d.Langs = a.langOptions()
	p.Data = d
	a.show(c, status, "setup", p)
}

// setupSubmit creates the first admin and logs them in.
func (a *Admin) setupSubmit(c *gin.Context) {
	if !a.needsSetup(c) {
		c.Redirect(http.StatusSeeOther, "/admin/login")
		return
	}
	l := a.langFor(c, nil)
	f := newFields(c, l)
	d := setupData{
		Email: f.text("email", 254, true), Name: f.text("name", maxName, true), Lang: c.PostForm("lang"),
	}
	password := c.PostForm("password")
	if a.langs.Get(d.Lang) == nil {
		d.Lang = l.Code
	}
	if _, err := store.NormalizeEmail(d.Email); err != nil {
		f.fail("email", l.T(auth.ErrEmailInvalid.ID))
	}
	var ae *auth.Error
	if err := auth.CheckPassword(password); errors.As(err, &ae) {
		f.fail("password", l.T(ae.ID, dataArgs(ae.Data)...))
	} else if password != c.PostForm("password2") {
		f.fail("password2", l.T("admin.setup.mismatch"))
	}
	if d.Errs = f.Errs; !f.ok() {
		a.setupPage(c, http.StatusUnprocessableEntity, d)
		return
	}
	ctx := c.Request.Context()
	won, err := a.store.ClaimJob(ctx, setupJob, d.Email)
	if err != nil {
		a.fail(c, err)
		return
	}
	if !won {
		c.Redirect(http.StatusSeeOther, "/admin/login")
		return
	}
	u, err := auth.AddUser(ctx, a.store, d.Email, d.Name, store.RoleAdmin, password)
	if err == nil {
		_, err = a.store.UpdateUser(ctx, u.ID, store.UserChange{Lang: &d.Lang})
	}
	if err != nil {
		// Give the claim back so the page can be used again once the
		// database answers.
		if rerr := a.store.ReleaseJob(context.WithoutCancel(ctx), setupJob); rerr != nil {
			a.log.Error("releasing the setup claim", "err", rerr)
		}
		a.fail(c, err)
		return
	}
	a.hasUsers.Store(true)
	_, token, err := a.auth.Login(ctx, d.Email, password, c.ClientIP(), auth.Token(c.Request))
	if err != nil {
		a.fail(c, err)
		return
	}
	http.SetCookie(c.Writer, a.auth.Cookie(token, a.secure))
	c.Redirect(http.StatusSeeOther, "/admin/")
}
