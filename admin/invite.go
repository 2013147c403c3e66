package admin

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// inviteHref is the one-time link of an invitation token.
func inviteHref(token string) string { return "/admin/invite/" + token }

// userInvite prepares an account and shows the admin its one-time link to
// pass on. A byline handle that names no profile yet gets one, with the
// invited name, so that the new reporter's stories carry her byline.
func (a *Admin) userInvite(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActManageUsers)
	if !ok {
		return
	}
	l := a.langFor(c, u)
	f := newFields(c, l)
	in := newUserForm{Email: f.text("email", 254, true), Name: f.text("name", maxName, true),
		Role: c.PostForm("role"), Lang: c.PostForm("lang"), Handle: strings.TrimSpace(f.text("handle", maxHandle, false))}
	if a.langs.Get(in.Lang) == nil {
		in.Lang = ""
	}
	_, known := a.cat.Author(in.Handle)
	if in.Handle != "" && !known && !story.ValidHandle(in.Handle) {
		f.fail("handle", l.T("people.handle_invalid"))
	}
	d := usersData{New: in, Invite: true}
	if f.ok() {
		ctx := c.Request.Context()
		token, err := a.auth.Invite(ctx, u, auth.NewUser{Email: in.Email, Name: in.Name, Role: auth.Role(in.Role),
			Lang: in.Lang, Handle: in.Handle}, c.ClientIP())
		var ae *auth.Error
		switch {
		case err == nil:
			if in.Handle != "" && !known {
				a.bylineFor(c, in.Handle, strings.TrimSpace(in.Name))
			}
			d = usersData{New: newUserForm{Role: string(store.RoleReporter)}, InviteLink: a.baseURL + inviteHref(token),
				InvitedName: in.Name}
			a.usersPage(c, http.StatusOK, d)
			return
		case errors.Is(err, auth.ErrForbidden):
			a.fail(c, err)
			return
		case errors.As(err, &ae):
			f.fail(userField(ae), l.T(ae.ID, dataArgs(ae.Data)...))
		default:
			a.fail(c, err)
			return
		}
	}
	d.Errs = f.Errs
	a.usersPage(c, http.StatusUnprocessableEntity, d)
}

// bylineFor creates the profile handle with name in every language (to be
// completed on the bylines page). A handle taken meanwhile is kept as it is.
func (a *Admin) bylineFor(c *gin.Context, handle, name string) {
	p := story.Author{Handle: handle, Name: story.Text{}}
	for _, code := range a.langs.Codes() {
		p.Name[code] = name
	}
	ctx := c.Request.Context()
	if err := a.store.CreatePerson(ctx, p); err != nil && !errors.Is(err, store.ErrExists) {
		a.log.Error("creating the invited reporter's byline", "handle", handle, "err", err)
		return
	}
	a.peopleChanged(ctx, p)
}

type inviteData struct {
	frame
	Token, Email, Name string
	Problem            string // why the link cannot be used
	Errs               map[string]string
}

// inviteShow is the page an invitation link opens: set a password, or why
// the link no longer works.
func (a *Admin) inviteShow(c *gin.Context) {
	l := a.langFor(c, nil)
	token := c.Param("token")
	inv, err := a.auth.Invitation(c.Request.Context(), token)
	if err != nil {
		a.inviteProblem(c, l, err)
		return
	}
	a.invitePage(c, l, http.StatusOK, inviteData{Token: token, Email: inv.Email, Name: inv.Name, Errs: map[string]string{}})
}

// inviteAccept sets the password, creates the account, and logs its owner in.
func (a *Admin) inviteAccept(c *gin.Context) {
	l := a.langFor(c, nil)
	token := c.Param("token")
	ctx := c.Request.Context()
	inv, err := a.auth.Invitation(ctx, token)
	if err != nil {
		a.inviteProblem(c, l, err)
		return
	}
	if inv.Lang != "" && a.langs.Get(inv.Lang) != nil {
		l = a.langs.Get(inv.Lang)
	}
	d := inviteData{Token: token, Email: inv.Email, Name: inv.Name, Errs: map[string]string{}}
	password := c.PostForm("password")
	var ae *auth.Error
	if err := auth.CheckPassword(password); errors.As(err, &ae) {
		d.Errs["password"] = l.T(ae.ID, dataArgs(ae.Data)...)
	} else if password != c.PostForm("password2") {
		d.Errs["password2"] = l.T("admin.setup.mismatch")
	}
	if len(d.Errs) > 0 {
		a.invitePage(c, l, http.StatusUnprocessableEntity, d)
		return
	}
	if _, err := a.auth.AcceptInvitation(ctx, token, password, c.ClientIP()); err != nil {
		a.inviteProblem(c, l, err)
		return
	}
	_, session, err := a.auth.Login(ctx, inv.Email, password, c.ClientIP(), auth.Token(c.Request))
	if err != nil {
		a.fail(c, err)
		return
	}
	http.SetCookie(c.Writer, a.auth.Cookie(session, a.secure))
	c.Redirect(http.StatusSeeOther, "/admin/")
}

// inviteProblem explains a link that cannot be used: 404 for an unknown
// one, 410 Gone for a used or expired one.
func (a *Admin) inviteProblem(c *gin.Context, l *lang.Lang, err error) {
	status := http.StatusGone
	switch {
	case errors.Is(err, auth.ErrInviteInvalid):
		status = http.StatusNotFound
	case errors.Is(err, auth.ErrInviteUsed), errors.Is(err, auth.ErrInviteExpired):
	default:
		a.fail(c, err)
		return
	}
	var ae *auth.Error
	errors.As(err, &ae)
	a.invitePage(c, l, status, inviteData{Problem: l.T(ae.ID)})
}

func (a *Admin) invitePage(c *gin.Context, l *lang.Lang, status int, d inviteData) {
	p := a.page(c, l, l.T("invite.title"))
	p.Data = d
	a.show(c, status, "invite", p)
}
