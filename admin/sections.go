package admin

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/story"
)

type sectionForm struct {
	Slug, Order string
	Names       map[string]string
}

type sectionsData struct {
	frame
	Sections []story.Section
	Langs    []langOption
	Form     sectionForm
	Errs     map[string]string
}

func (a *Admin) sectionsShow(c *gin.Context) {
	if _, ok := a.userMay(c, auth.ActManageSections); !ok {
		return
	}
	a.sectionsPage(c, http.StatusOK, sectionForm{Names: map[string]string{}}, nil)
}

func (a *Admin) sectionsPage(c *gin.Context, status int, f sectionForm, errs map[string]string) {
	l := a.langFor(c, nil)
	secs, err := a.store.Sections(c.Request.Context())
	if err != nil {
		a.fail(c, err)
		return
	}
	if errs == nil {
		errs = map[string]string{}
	}
	p := a.page(c, l, l.T("admin.sections.title"))
	p.Notice = notice(c, l)
	p.Data = sectionsData{frame: a.frame(c, l), Sections: secs, Langs: a.langOptions(), Form: f, Errs: errs}
	a.show(c, status, "sections", p)
}

// sectionSave adds a section or renames one (same slug); slugs never change
// because they are in public URLs.
func (a *Admin) sectionSave(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActManageSections)
	if !ok {
		return
	}
	l := a.langFor(c, u)
	f := newFields(c, l)
	form := sectionForm{Slug: f.text("slug", maxHandle, true), Order: f.text("order", 4, false), Names: map[string]string{}}
	sec := story.Section{Slug: strings.TrimSpace(form.Slug), Name: story.Text{}}
	if form.Slug != "" && !story.ValidSlug(sec.Slug) {
		f.fail("slug", l.T("admin.story.slug_invalid"))
	}
	_, exists := a.cat.Section(sec.Slug)
	for _, code := range a.langs.Codes() {
		// A new section needs its name in the default language; a rename
		// sends only the names it changes.
		name := f.text("name_"+code, maxName, code == a.langs.Default() && !exists)
		form.Names[code] = name
		if n := strings.TrimSpace(name); n != "" {
			sec.Name[code] = n
		}
	}
	if form.Order != "" {
		n, err := strconv.Atoi(form.Order)
		if err != nil {
			f.fail("order", l.T("admin.sections.order_invalid"))
		}
		sec.Order = n
	}
	if !f.ok() {
		a.sectionsPage(c, http.StatusUnprocessableEntity, form, f.Errs)
		return
	}
	ctx := c.Request.Context()
	_, err := a.store.UpdateSection(ctx, sec.Slug, func(cur *story.Section) {
		// What the form left empty stays as it is: renaming a section in
		// one language keeps its other names and its place.
		if cur.Name == nil {
			cur.Name = story.Text{}
		}
		for code, n := range sec.Name {
			cur.Name[code] = n
		}
		if form.Order != "" || cur.Slug == "" {
			cur.Order = sec.Order
		}
	})
	if err != nil {
		a.fail(c, err)
		return
	}
	if a.sections != nil {
		if err := a.sections(ctx); err != nil {
			a.fail(c, err)
			return
		}
	} else if secs, err := a.store.Sections(ctx); err == nil {
		a.cat.PutSections(secs)
	} else {
		a.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/admin/sections?done=section_saved")
}
