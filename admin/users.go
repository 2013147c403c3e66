package admin

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/store"
)

// newUserForm is the "add an account" form as typed.
type newUserForm struct {
	Email, Name, Role, Lang, Handle string
}

type usersData struct {
	frame
	Users   []*auth.User
	Roles   []option
	Langs   []langOption
	Authors []option
	New     newUserForm
	Errs    map[string]string
	// Failed is the account whose update was refused, with the reason.
	Failed, FailedMsg string
	// Locked says, per account locked for unknown browsers, until when.
	Locked map[string]string
	// Invite: the errors are the invitation form's; InviteLink is the
	// one-time link just made for InvitedName, shown once to copy.
	Invite                  bool
	InviteLink, InvitedName string
}

func (a *Admin) usersShow(c *gin.Context) {
	if _, ok := a.userMay(c, auth.ActManageUsers); !ok {
		return
	}
	a.usersPage(c, http.StatusOK, usersData{New: newUserForm{Role: string(store.RoleReporter)}})
}

func (a *Admin) usersPage(c *gin.Context, status int, d usersData) {
	l := a.langFor(c, nil)
	users, err := a.store.Users(c.Request.Context())
	if err != nil {
		a.fail(c, err)
		return
	}
	d.frame, d.Users, d.Langs = a.frame(c, l), users, a.langOptions()
	ids := make([]string, len(users))
	for i, u := range users {
		ids[i] = u.ID
	}
	locked, err := a.auth.Locked(c.Request.Context(), ids...)
	if err != nil {
		a.fail(c, err)
		return
	}
	d.Locked = map[string]string{}
	for id, until := range locked {
		d.Locked[id] = l.T("admin.users.locked", "Time", l.DateTime(until))
	}
	for _, r := range store.Roles {
		d.Roles = append(d.Roles, option{string(r), roleName(l, r), string(r) == d.New.Role})
	}
	d.Authors = []option{{"", l.T("admin.users.no_handle"), d.New.Handle == ""}}
	for _, au := range a.cat.Authors() {
		d.Authors = append(d.Authors, option{au.Handle, au.Name.In(l.Code, a.langs.Default()), au.Handle == d.New.Handle})
	}
	if d.Errs == nil {
		d.Errs = map[string]string{}
	}
	p := a.page(c, l, l.T("admin.users.title"))
	p.Notice = notice(c, l)
	p.Data = d
	a.show(c, status, "users", p)
}

// userCreate adds an account (auth checks the rights again and audits it).
func (a *Admin) userCreate(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActManageUsers)
	if !ok {
		return
	}
	l := a.langFor(c, u)
	f := newFields(c, l)
	in := newUserForm{Email: f.text("email", 254, true), Name: f.text("name", maxName, true),
		Role: c.PostForm("role"), Lang: c.PostForm("lang"), Handle: f.text("handle", maxHandle, false)}
	password := c.PostForm("password")
	if in.Handle != "" {
		if _, ok := a.cat.Author(in.Handle); !ok {
			f.fail("handle", l.T("admin.story.unknown_reporter"))
		}
	}
	if a.langs.Get(in.Lang) == nil {
		in.Lang = ""
	}
	d := usersData{New: in}
	if f.ok() {
		_, err := a.auth.CreateUser(c.Request.Context(), u, auth.NewUser{Email: in.Email, Name: in.Name,
			Role: auth.Role(in.Role), Lang: in.Lang, Handle: in.Handle, Password: password}, c.ClientIP())
		var ae *auth.Error
		switch {
		case err == nil:
			c.Redirect(http.StatusSeeOther, "/admin/users?done=user_created")
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

// userField is the form field an auth error belongs next to.
func userField(e *auth.Error) string {
	switch e.ID {
	case auth.ErrEmailInvalid.ID, auth.ErrUserExists.ID:
		return "email"
	case auth.ErrNameRequired.ID:
		return "name"
	case auth.ErrRoleInvalid.ID:
		return "role"
	}
	return "password"
}

// userUpdate changes an account's name, role, language, handle or
// disabled flag (role changes are audited, disabling ends sessions: auth).
// Only the fields the admin changed on the form are saved: each row posts
// the values it showed (was_<field>), so a field changed elsewhere since
// the page was loaded keeps that change.
func (a *Admin) userUpdate(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActManageUsers)
	if !ok {
		return
	}
	l := a.langFor(c, u)
	target, err := a.store.User(c.Request.Context(), c.Param("id"))
	if err != nil {
		a.fail(c, err)
		return
	}
	f := newFields(c, l)
	var ch store.UserChange
	if name := f.text("name", maxName, true); changed(c, "name") {
		ch.Name = &name
	}
	if role := auth.Role(c.PostForm("role")); changed(c, "role") {
		ch.Role = &role
	}
	if handle := f.text("handle", maxHandle, false); changed(c, "handle") {
		ch.Handle = &handle
		if handle != "" {
			if _, ok := a.cat.Author(handle); !ok {
				f.fail("handle", l.T("admin.story.unknown_reporter"))
			}
		}
	}
	if disabled := c.PostForm("disabled") == "1"; changed(c, "disabled") {
		ch.Disabled = &disabled
	}
	if code := c.PostForm("lang"); changed(c, "lang") && (a.langs.Get(code) != nil || code == "") {
		ch.Lang = &code
	}
	if f.ok() {
		err = a.auth.UpdateUser(c.Request.Context(), u, target.ID, ch, c.ClientIP())
		var ae *auth.Error
		switch {
		case err == nil:
			c.Redirect(http.StatusSeeOther, "/admin/users?done=user_saved")
			return
		case errors.Is(err, auth.ErrForbidden) || !errors.As(err, &ae):
			a.fail(c, err)
			return
		default:
			f.fail("user", l.T(ae.ID, dataArgs(ae.Data)...))
		}
	}
	var msg string
	for _, m := range f.Errs {
		msg = m
		break
	}
	a.usersPage(c, http.StatusUnprocessableEntity, usersData{New: newUserForm{Role: string(store.RoleReporter)},
		Failed: target.ID, FailedMsg: msg})
}

// changed reports whether the form's field differs from the value the form
// was loaded with (its was_<field> twin; a form without one changes it).
// An unchecked checkbox posts nothing, the same as "".
func changed(c *gin.Context, field string) bool {
	was, ok := c.GetPostForm("was_" + field)
	return !ok || c.PostForm(field) != was
}
