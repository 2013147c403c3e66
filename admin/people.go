package admin

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// Profile limits, in characters; links one per line.
const (
	maxTitle    = 100
	maxBio      = 1_000
	maxLinks    = 5
	maxLink     = 300
	maxPhotoID  = 64
	maxLinksRaw = maxLinks * (maxLink + 2)
)

// personForm is a profile form as typed, so that nothing is lost on an error.
type personForm struct {
	Handle, Email, Links, PhotoID string
	Names, Titles, Bios           map[string]string
	Guest                         bool
}

type peopleData struct {
	frame
	People []personRow
	Langs  []langOption
	Form   personForm
	Edit   bool // the form edits Form.Handle (else it creates)
	Errs   map[string]string
}

type personRow struct {
	Handle, Name, Title, Href, Public string
	Guest                             bool
}

// peopleShow lists reporters and guest contributors with the form for a new one.
func (a *Admin) peopleShow(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActManageAuthors)
	if !ok {
		return
	}
	a.peoplePage(c, a.langFor(c, u), http.StatusOK, personForm{}, false, map[string]string{})
}

// personShow is one person's profile form.
func (a *Admin) personShow(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActManageAuthors)
	if !ok {
		return
	}
	p, found := a.cat.Author(c.Param("handle"))
	if !found {
		a.fail(c, notFound())
		return
	}
	a.peoplePage(c, a.langFor(c, u), http.StatusOK, formOfPerson(p), true, map[string]string{})
}

func formOfPerson(p story.Author) personForm {
	return personForm{Handle: p.Handle, Email: p.Email, Links: strings.Join(p.Links, "\n"), PhotoID: p.PhotoID,
		Names: p.Name, Titles: p.Title, Bios: p.Bio, Guest: p.Guest}
}

func (a *Admin) peoplePage(c *gin.Context, l *lang.Lang, status int, form personForm, edit bool, errs map[string]string) {
	d := peopleData{frame: a.frame(c, l), Langs: a.langOptions(), Form: form, Edit: edit, Errs: errs}
	for _, p := range a.cat.Authors() {
		d.People = append(d.People, personRow{Handle: p.Handle, Name: p.Name.In(l.Code, a.langs.Default()),
			Title: p.Title.In(l.Code, a.langs.Default()), Href: "/admin/people/" + url.PathEscape(p.Handle),
			Public: "/" + l.Code + "/author/" + url.PathEscape(p.Handle), Guest: p.Guest})
	}
	title := l.T("people.title")
	if edit {
		title = l.T("people.edit_title", "Name", story.Text(form.Names).In(l.Code, a.langs.Default()))
	}
	p := a.page(c, l, title)
	p.Notice = notice(c, l)
	p.Data = d
	a.show(c, status, "people", p)
}

// personCreate adds a reporter's profile or a guest contributor.
func (a *Admin) personCreate(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActManageAuthors)
	if !ok {
		return
	}
	l := a.langFor(c, u)
	f := newFields(c, l)
	form, p := a.readPerson(f, l)
	form.Handle = strings.TrimSpace(f.text("handle", maxHandle, true))
	if form.Handle != "" && !story.ValidHandle(form.Handle) {
		f.fail("handle", l.T("people.handle_invalid"))
	}
	p.Handle = form.Handle
	if f.ok() {
		err := a.store.CreatePerson(c.Request.Context(), p)
		switch {
		case err == nil:
			a.peopleChanged(c.Request.Context(), p)
			c.Redirect(http.StatusSeeOther, "/admin/people?done=person_saved")
			return
		case errors.Is(err, store.ErrExists):
			f.fail("handle", l.T("people.handle_taken"))
		default:
			a.fail(c, err)
			return
		}
	}
	a.peoplePage(c, l, http.StatusUnprocessableEntity, form, false, f.Errs)
}

// personSave saves a profile's fields (the handle never changes: it is in
// the author page's address and in bylines).
func (a *Admin) personSave(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActManageAuthors)
	if !ok {
		return
	}
	old, found := a.cat.Author(c.Param("handle"))
	if !found {
		a.fail(c, notFound())
		return
	}
	l := a.langFor(c, u)
	f := newFields(c, l)
	form, p := a.readPerson(f, l)
	form.Handle, p.Handle = old.Handle, old.Handle
	if !f.ok() {
		a.peoplePage(c, l, http.StatusUnprocessableEntity, form, true, f.Errs)
		return
	}
	saved, err := a.store.UpdatePerson(c.Request.Context(), p)
	if err != nil {
		a.fail(c, err)
		return
	}
	a.peopleChanged(c.Request.Context(), saved)
	c.Redirect(http.StatusSeeOther, "/admin/people?done=person_saved")
}

// peopleChanged puts a saved person into the reader site: through the
// catalogue reload and cache purge when wired (bylines are on every page),
// else into the catalogue alone.
func (a *Admin) peopleChanged(ctx context.Context, p story.Author) {
	a.cat.PutAuthor(p)
	if a.sections != nil {
		if err := a.sections(ctx); err != nil {
			a.log.Warn("reloading reporters", "err", err)
		}
	}
}

// readPerson reads the profile fields common to creating and saving.
func (a *Admin) readPerson(f *fields, l *lang.Lang) (personForm, story.Author) {
	form := personForm{Names: map[string]string{}, Titles: map[string]string{}, Bios: map[string]string{},
		Email: strings.TrimSpace(f.text("email", 254, false)), Links: f.text("links", maxLinksRaw, false),
		PhotoID: strings.TrimSpace(f.text("photo_id", maxPhotoID, false)), Guest: f.c.PostForm("guest") == "1"}
	p := story.Author{Name: story.Text{}, Title: story.Text{}, Bio: story.Text{}, Email: form.Email,
		PhotoID: form.PhotoID, Guest: form.Guest}
	for _, code := range a.langs.Codes() {
		form.Names[code] = f.text("name_"+code, maxName, code == a.langs.Default())
		form.Titles[code] = f.text("title_"+code, maxTitle, false)
		form.Bios[code] = f.text("bio_"+code, maxBio, false)
		setText(p.Name, code, form.Names[code])
		setText(p.Title, code, form.Titles[code])
		setText(p.Bio, code, form.Bios[code])
	}
	if form.Email != "" {
		if _, err := store.NormalizeEmail(form.Email); err != nil {
			f.fail("email", l.T(auth.ErrEmailInvalid.ID))
		}
	}
	for _, line := range strings.Split(form.Links, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		u, err := url.Parse(line)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(line) > maxLink {
			f.fail("links", l.T("people.link_invalid", "Link", line))
			continue
		}
		p.Links = append(p.Links, line)
	}
	if len(p.Links) > maxLinks {
		f.fail("links", l.T("people.too_many_links", "Max", maxLinks))
	}
	if p.PhotoID != "" && a.photos != nil {
		if _, ok := a.photos.Get(p.PhotoID); !ok {
			f.fail("photo_id", l.T("people.photo_unknown"))
		}
	}
	return form, p
}

// setText sets t[code] to s trimmed, unless that is empty.
func setText(t story.Text, code, s string) {
	if s = strings.TrimSpace(s); s != "" {
		t[code] = s
	}
}
