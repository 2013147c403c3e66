package admin

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// setupJob is claimed by the one request that creates the first admin, so
// two people racing through the setup page cannot both become admin.
const setupJob = "setup/first-admin"

type setupData struct {
	frame
	Email, Name, Lang string
	// The paper: its name in each language, its web address and its
	// postal address (the footer's contact line).
	Paper            map[string]string
	BaseURL, Contact string
	Langs            []langOption
	Errs             map[string]string
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
	a.setupPage(c, http.StatusOK, setupData{Lang: l.Code, Paper: map[string]string{}, BaseURL: a.baseURL, Errs: map[string]string{}})
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
		Paper: map[string]string{}, BaseURL: f.text("base_url", maxURL, false), Contact: f.text("contact", maxContact, false),
	}
	id := a.setupIdentity(f, l, &d)
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
	id.UpdatedBy, id.UpdatedAt = d.Email, a.now().UTC()
	if err := a.store.PutIdentity(ctx, id); err != nil {
		// The admin exists; the paper's name can be set on the settings page.
		a.log.Error("saving the paper's identity at setup", "err", err)
	} else if a.identity != nil {
		a.identity(id)
	}
	_, token, err := a.auth.Login(ctx, d.Email, password, c.ClientIP(), auth.Token(c.Request))
	if err != nil {
		a.fail(c, err)
		return
	}
	http.SetCookie(c.Writer, a.auth.Cookie(token, a.secure))
	c.Redirect(http.StatusSeeOther, "/admin/")
}

// setupIdentity reads the paper's part of the setup form: a name in every
// language (so that nothing of the demo paper's name remains), the web
// address and the postal address.
func (a *Admin) setupIdentity(f *fields, l *lang.Lang, d *setupData) store.Identity {
	id := store.Identity{Name: story.Text{}, Contact: strings.TrimSpace(d.Contact)}
	for _, code := range a.langs.Codes() {
		n := f.text("paper_"+code, maxPaperName, true)
		d.Paper[code] = n
		if t := strings.TrimSpace(n); t != "" {
			id.Name[code] = t
		}
	}
	if v := strings.TrimRight(strings.TrimSpace(d.BaseURL), "/"); v != "" {
		if !absoluteHTTP(v) {
			f.fail("base_url", l.T("settings.url_invalid"))
		}
		id.BaseURL = v
	}
	return id
}
