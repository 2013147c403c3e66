package admin

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

const (
	maxPaperName = 120
	maxURL       = 500
	maxContact   = 200
)

type settingsForm struct {
	Names                               map[string]string
	BaseURL, LogoURL, TimeZone, Contact string
	DefaultLanguage                     string
	HideOldComments                     bool
}

type settingsData struct {
	frame
	Langs []langOption
	Form  settingsForm
	// Was is the identity as the form was loaded: posted back with it
	// (was_<field>), so that a save changes only what this admin changed.
	Was  settingsForm
	Errs map[string]string
	// Backups is what the scheduled backups did, one sentence a line.
	Backups []string
}

// settingsShow is the paper's identity: its name per language, address,
// logo, time zone, default language and contact, used by every page, feed,
// sitemap and share card. Empty fields fall back to the configuration.
func (a *Admin) settingsShow(c *gin.Context) {
	if _, ok := a.userMay(c, auth.ActManageSections); !ok {
		return
	}
	id, err := a.store.Identity(c.Request.Context())
	if err != nil {
		a.fail(c, err)
		return
	}
	f := settingsForm{Names: map[string]string{}, BaseURL: id.BaseURL, LogoURL: id.LogoURL, TimeZone: id.TimeZone,
		Contact: id.Contact, DefaultLanguage: id.DefaultLanguage, HideOldComments: id.HideOldComments}
	for code, n := range id.Name {
		f.Names[code] = n
	}
	a.settingsPage(c, http.StatusOK, f, f, nil)
}

func (a *Admin) settingsPage(c *gin.Context, status int, f, was settingsForm, errs map[string]string) {
	l := a.langFor(c, auth.UserFrom(c))
	if errs == nil {
		errs = map[string]string{}
	}
	p := a.page(c, l, l.T("settings.title"))
	p.Notice = notice(c, l)
	p.Data = settingsData{frame: a.frame(c, l), Langs: a.langOptions(), Form: f, Was: was, Errs: errs, Backups: a.backupStatus(l)}
	a.show(c, status, "settings", p)
}

func (a *Admin) settingsSave(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActManageSections)
	if !ok {
		return
	}
	l := a.langFor(c, u)
	f := newFields(c, l)
	form := settingsForm{Names: map[string]string{},
		BaseURL: f.text("base_url", maxURL, false), LogoURL: f.text("logo_url", maxURL, false),
		TimeZone: f.text("time_zone", 64, false), Contact: f.text("contact", maxContact, false),
		DefaultLanguage: f.text("default_language", 16, false), HideOldComments: c.PostForm("hide_old_comments") == "1"}
	id := store.Identity{Name: story.Text{}, UpdatedBy: u.ID, UpdatedAt: a.now().UTC()}
	for _, code := range a.langs.Codes() {
		n := f.text("name_"+code, maxPaperName, false)
		form.Names[code] = n
		if t := strings.TrimSpace(n); t != "" {
			id.Name[code] = t
		}
	}
	if v := strings.TrimRight(strings.TrimSpace(form.BaseURL), "/"); v != "" {
		if !absoluteHTTP(v) {
			f.fail("base_url", l.T("settings.url_invalid"))
		}
		id.BaseURL = v
	}
	if v := strings.TrimSpace(form.LogoURL); v != "" {
		if !absoluteHTTP(v) {
			f.fail("logo_url", l.T("settings.url_invalid"))
		}
		id.LogoURL = v
	}
	if v := strings.TrimSpace(form.TimeZone); v != "" {
		if _, err := time.LoadLocation(v); err != nil {
			f.fail("time_zone", l.T("settings.time_zone_invalid"))
		}
		id.TimeZone = v
	}
	if v := form.DefaultLanguage; v != "" {
		if a.langs.Get(v) == nil {
			f.fail("default_language", l.T("settings.language_invalid"))
		}
		id.DefaultLanguage = v
	}
	id.Contact = strings.TrimSpace(form.Contact)
	id.HideOldComments = form.HideOldComments
	if !f.ok() {
		was := settingsForm{Names: map[string]string{}, BaseURL: c.PostForm("was_base_url"), LogoURL: c.PostForm("was_logo_url"),
			TimeZone: c.PostForm("was_time_zone"), Contact: c.PostForm("was_contact"), DefaultLanguage: c.PostForm("was_default_language"),
			HideOldComments: c.PostForm("was_hide_old_comments") == "1"}
		for _, code := range a.langs.Codes() {
			was.Names[code] = c.PostForm("was_name_" + code)
		}
		a.settingsPage(c, http.StatusUnprocessableEntity, form, was, f.Errs)
		return
	}
	saved, err := a.store.UpdateIdentity(c.Request.Context(), func(cur *store.Identity) {
		// Only what this admin changed: another admin's save meanwhile stays.
		for _, code := range a.langs.Codes() {
			if changed(c, "name_"+code) {
				if cur.Name == nil {
					cur.Name = story.Text{}
				}
				if n, ok := id.Name[code]; ok {
					cur.Name[code] = n
				} else {
					delete(cur.Name, code)
				}
			}
		}
		set := func(field string, dst *string, v string) {
			if changed(c, field) {
				*dst = v
			}
		}
		set("base_url", &cur.BaseURL, id.BaseURL)
		set("logo_url", &cur.LogoURL, id.LogoURL)
		set("time_zone", &cur.TimeZone, id.TimeZone)
		set("default_language", &cur.DefaultLanguage, id.DefaultLanguage)
		set("contact", &cur.Contact, id.Contact)
		if changed(c, "hide_old_comments") {
			cur.HideOldComments = id.HideOldComments
		}
		cur.UpdatedBy, cur.UpdatedAt = id.UpdatedBy, id.UpdatedAt
	})
	if err != nil {
		a.fail(c, err)
		return
	}
	if a.identity != nil {
		a.identity(saved)
	}
	c.Redirect(http.StatusSeeOther, "/admin/settings?done=settings_saved")
}

func absoluteHTTP(v string) bool {
	u, err := url.Parse(v)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.RawQuery == "" && u.Fragment == ""
}
