package admin

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// frontChoices bounds the stories offered in each slot's menu: the newest
// live ones in the language (plus any already pinned).
const frontChoices = 60

// maxBanner bounds the banner's text and link, in characters.
const maxBanner, maxBannerHref = 200, 500

// frontForm is the front-page form as typed: one number and expiry per slot.
type frontForm struct {
	Base        int
	Pins, Until [story.MaxPins]string
	Banner      string
	BannerHref  string
	BannerUntil string
}

type frontData struct {
	frame
	Lang    string
	Langs   []langOption
	Form    frontForm
	Choices []option
	Slots   []int
	Errs    map[string]string
}

// frontShow is the editors' front page for one language (?lang=).
func (a *Admin) frontShow(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActPin)
	if !ok {
		return
	}
	l := a.langFor(c, u)
	code := c.Query("lang")
	if a.langs.Get(code) == nil {
		code = l.Code
	}
	fronts, err := a.store.Fronts(c.Request.Context())
	if err != nil {
		a.fail(c, err)
		return
	}
	a.frontPage(c, l, http.StatusOK, code, a.frontFormOf(fronts[code]), map[string]string{})
}

func (a *Admin) frontFormOf(f story.Front) frontForm {
	in := frontForm{Base: f.Revision, Banner: f.Banner.Text, BannerHref: f.Banner.Href, BannerUntil: a.localTime(f.Banner.Until)}
	for i, p := range f.Pins {
		if i < story.MaxPins {
			in.Pins[i], in.Until[i] = itoa(p.Number), a.localTime(p.Until)
		}
	}
	return in
}

// localTime is t as a datetime-local value in the paper's zone ("" for zero).
func (a *Admin) localTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(a.langs.Location()).Format(scheduleLayout)
}

func (a *Admin) frontPage(c *gin.Context, l *lang.Lang, status int, code string, in frontForm, errs map[string]string) {
	d := frontData{frame: a.frame(c, l), Lang: code, Langs: a.langOptions(), Form: in, Errs: errs}
	for i := range story.MaxPins {
		d.Slots = append(d.Slots, i)
	}
	seen := map[string]bool{}
	add := func(n int, headline string) {
		if !seen[itoa(n)] {
			seen[itoa(n)] = true
			d.Choices = append(d.Choices, option{Value: itoa(n), Label: itoa(n) + " · " + headline})
		}
	}
	for _, p := range in.Pins {
		if n, err := strconv.Atoi(p); err == nil {
			if e, ok := a.cat.Live(code, n); ok {
				add(n, e.V.Headline)
			}
		}
	}
	latest, _ := a.cat.Latest(code, 0, frontChoices)
	for _, e := range latest {
		add(e.Story.Number, e.V.Headline)
	}
	p := a.page(c, l, l.T("front.title"))
	p.Notice = notice(c, l)
	p.Data = d
	a.show(c, status, "front", p)
}

// frontSave stores one language's pins and banner, refusing a save made
// from a revision someone else has since replaced.
func (a *Admin) frontSave(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActPin)
	if !ok {
		return
	}
	l := a.langFor(c, u)
	code := c.Param("lang")
	if a.langs.Get(code) == nil {
		a.fail(c, notFound())
		return
	}
	in, f, errs := a.readFront(c, l, code)
	if len(errs) == 0 {
		_, err := a.store.SaveFront(c.Request.Context(), code, in.Base, f, u.ID)
		switch {
		case err == nil:
			a.frontsChanged(c)
			c.Redirect(http.StatusSeeOther, "/admin/front?lang="+code+"&done=front_saved")
			return
		case errors.Is(err, store.ErrConflict):
			errs["form"] = l.T("front.conflict")
		default:
			a.fail(c, err)
			return
		}
	}
	a.frontPage(c, l, http.StatusUnprocessableEntity, code, in, errs)
}

// frontsChanged hands the saved front pages to the reader site.
func (a *Admin) frontsChanged(c *gin.Context) {
	if a.fronts == nil {
		return
	}
	fronts, err := a.store.Fronts(c.Request.Context())
	if err != nil {
		// Saved; the reader site catches up at the next poll or start.
		a.log.Warn("reloading the front pages", "err", err)
		return
	}
	a.fronts(fronts)
}

// readFront reads and checks the form: each slot a live story in code (or
// empty) with an optional expiry in the future, no story twice, a bounded
// banner with a site-relative or http(s) link.
func (a *Admin) readFront(c *gin.Context, l *lang.Lang, code string) (frontForm, story.Front, map[string]string) {
	fl := newFields(c, l)
	now := a.now()
	var in frontForm
	var f story.Front
	in.Base, _ = strconv.Atoi(c.PostForm("base")) // a bad base is a conflict, caught by the save
	seen := map[int]bool{}
	for i := range story.MaxPins {
		key, ukey := "pin_"+itoa(i), "until_"+itoa(i)
		in.Pins[i] = strings.TrimSpace(fl.text(key, 9, false))
		in.Until[i] = strings.TrimSpace(fl.text(ukey, len(scheduleLayout), false))
		until, okUntil := a.untilField(fl, l, ukey, in.Until[i], now)
		if in.Pins[i] == "" {
			continue
		}
		n, err := strconv.Atoi(in.Pins[i])
		switch _, live := a.cat.Live(code, n); {
		case err != nil || !live:
			fl.fail(key, l.T("front.not_live"))
		case seen[n]:
			fl.fail(key, l.T("front.twice"))
		default:
			seen[n] = true
			if okUntil {
				f.Pins = append(f.Pins, story.Pin{Number: n, Until: until})
			}
		}
	}
	in.Banner = strings.TrimSpace(fl.text("banner", maxBanner, false))
	in.BannerHref = strings.TrimSpace(fl.text("banner_href", maxBannerHref, false))
	in.BannerUntil = strings.TrimSpace(fl.text("banner_until", len(scheduleLayout), false))
	if in.BannerHref != "" && !strings.HasPrefix(in.BannerHref, "/") && !strings.HasPrefix(in.BannerHref, "https://") && !strings.HasPrefix(in.BannerHref, "http://") {
		fl.fail("banner_href", l.T("front.bad_href"))
	}
	if strings.HasPrefix(in.BannerHref, "//") {
		fl.fail("banner_href", l.T("front.bad_href"))
	}
	until, _ := a.untilField(fl, l, "banner_until", in.BannerUntil, now)
	if in.Banner != "" {
		f.Banner = story.Banner{Text: in.Banner, Href: in.BannerHref, Until: until}
	}
	return in, f, fl.Errs
}

// untilField reads an optional expiry: empty is "no expiry"; otherwise a
// datetime-local value in the future.
func (a *Admin) untilField(fl *fields, l *lang.Lang, key, raw string, now time.Time) (time.Time, bool) {
	if raw == "" {
		return time.Time{}, true
	}
	t, ok := a.parseSchedule(raw)
	switch {
	case !ok:
		fl.fail(key, l.T("front.bad_time"))
		return time.Time{}, false
	case !t.After(now):
		fl.fail(key, l.T("front.past"))
		return time.Time{}, false
	}
	return t.UTC(), true
}
