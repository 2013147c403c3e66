package admin

import (
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/story"
)

// recentLimit bounds the "recently published" list and any filtered list.
const recentLimit = 30

type row struct {
	Number                int
	Lang, LangName        string
	Headline, Status      string
	StatusCode            string
	Section, Byline, When string
	Href                  string
	CanEdit               bool
	Stale                 bool // a translation whose source changed since
}

type group struct {
	Title string
	Rows  []row
}

type option struct {
	Value, Label string
	Selected     bool
}

type dashboardData struct {
	frame
	Groups                            []group
	Langs, Sections, Statuses, People []option
	// Search says the search index is still catching up, and how far.
	Search string
	// Pending lists changes of live versions waiting for an editor (shown
	// to those who may approve them).
	Pending     []pendingRow
	ShowPending bool
}

// statusNames are the workflow states' message IDs, literal for the locale test.
var statusNames = map[story.Status]string{
	story.Draft: "admin.status.draft", story.InReview: "admin.status.in_review",
	story.Scheduled: "admin.status.scheduled", story.Published: "admin.status.published",
	story.Unpublished: "admin.status.unpublished",
}

var statusOrder = []story.Status{story.Draft, story.InReview, story.Scheduled, story.Published, story.Unpublished}

// dashboardShow lists stories from the in-memory catalogue (never a
// database scan): my drafts, waiting for review, scheduled, recently
// published, each newest first, narrowed by the filters in the query string.
func (a *Admin) dashboardShow(c *gin.Context) {
	u := auth.UserFrom(c)
	l := a.langFor(c, u)
	fl := c.Query("lang")
	fs := c.Query("section")
	fst := story.Status(c.Query("status"))
	fp := c.Query("reporter")
	if a.langs.Get(fl) == nil {
		fl = ""
	}
	if !fst.Valid() {
		fst = ""
	}

	// Each list is one query of the catalogue's index of versions, newest
	// first; rows are made only for what is shown.
	q := catalog.Query{Lang: fl, Section: fs, Author: fp}
	list := func(status story.Status, where func(catalog.Entry) bool) []row {
		q := q
		q.Status, q.Where = status, where
		found, _ := a.cat.Versions(q, 0, recentLimit)
		rows := make([]row, 0, len(found))
		for _, e := range found {
			rows = append(rows, a.row(l, u, e.Story, e.V))
		}
		return rows
	}
	d := dashboardData{frame: a.frame(c, l)}
	if fst == "" {
		mine := func(e catalog.Entry) bool { return ownStory(u, e.Story) }
		d.Groups = []group{
			{l.T("admin.dashboard.my_drafts"), list(story.Draft, mine)},
			{l.T("admin.dashboard.in_review"), list(story.InReview, nil)},
			{l.T("admin.dashboard.scheduled"), list(story.Scheduled, nil)},
			{l.T("admin.dashboard.published"), list(story.Published, nil)},
		}
	} else {
		d.Groups = []group{{l.T(statusNames[fst]), list(fst, nil)}}
	}
	if a.search != nil {
		if sp := a.search(); sp.Incomplete {
			d.Search = l.T("admin.search.incomplete", "Done", l.Number(sp.Done), "Total", l.Number(sp.Total))
		}
	}
	d.Langs = []option{{"", l.T("admin.filter.all_langs"), fl == ""}}
	for _, code := range a.langs.Codes() {
		d.Langs = append(d.Langs, option{code, langName(l, a.langs, code), code == fl})
	}
	d.Sections = []option{{"", l.T("admin.filter.all_sections"), fs == ""}}
	for _, s := range a.cat.Sections() {
		d.Sections = append(d.Sections, option{s.Slug, s.Name.In(l.Code, a.langs.Default()), s.Slug == fs})
	}
	d.Statuses = []option{{"", l.T("admin.filter.all_statuses"), fst == ""}}
	for _, s := range statusOrder {
		d.Statuses = append(d.Statuses, option{string(s), l.T(statusNames[s]), s == fst})
	}
	d.People = []option{{"", l.T("admin.filter.all_reporters"), fp == ""}}
	for _, au := range a.cat.Authors() {
		d.People = append(d.People, option{au.Handle, au.Name.In(l.Code, a.langs.Default()), au.Handle == fp})
	}
	if auth.Can(u, auth.ActApprove, nil) {
		d.ShowPending = true
		d.Pending = a.pendingRows(c, l)
	}
	p := a.page(c, l, l.T("admin.dashboard.title"))
	p.Notice = notice(c, l)
	p.Data = d
	a.show(c, http.StatusOK, "dashboard", p)
}

func (a *Admin) row(l *lang.Lang, u *auth.User, st *story.Story, v *story.Version) row {
	r := row{
		Number: st.Number, Lang: v.Lang, LangName: langName(l, a.langs, v.Lang),
		Headline: v.Headline, StatusCode: string(v.Status), Status: l.T(statusNames[v.Status]),
		Byline: a.bylineNames(l, st.Byline),
		Href:   editHref(st.Number, v.Lang), CanEdit: auth.CanEditVersion(u, st, v.Lang),
		Stale: st.Stale(v.Lang),
	}
	if r.Headline == "" {
		r.Headline = l.T("admin.story.untitled")
	}
	if s, ok := a.cat.Section(st.Section); ok {
		r.Section = s.Name.In(l.Code, a.langs.Default())
	}
	if t := catalog.When(st, v); !t.IsZero() {
		r.When = l.DateTime(t)
	}
	return r
}

func (a *Admin) bylineNames(l *lang.Lang, handles []string) string {
	var names []string
	for _, h := range handles {
		if au, ok := a.cat.Author(h); ok {
			names = append(names, au.Name.In(l.Code, a.langs.Default()))
		}
	}
	return strings.Join(names, ", ")
}

// ownStory: created by u or bylined to u's handle (as auth decides ownership).
func ownStory(u *auth.User, st *story.Story) bool {
	return (st.CreatedBy != "" && st.CreatedBy == u.ID) || (u.Handle != "" && slices.Contains(st.Byline, u.Handle))
}

// langName names language code in l's language ("영어"), falling back to
// the language's own name.
func langName(l *lang.Lang, set *lang.Set, code string) string {
	id := "lang.name_of." + code
	if s := l.T(id); s != id && s != "" {
		return s
	}
	if o := set.Get(code); o != nil {
		return o.Name()
	}
	return code
}

func editHref(n int, lang string) string { return "/admin/stories/" + itoa(n) + "/" + lang }

// notices are the one-line messages a redirect may ask for (?done=saved).
var notices = map[string]string{
	"saved": "admin.notice.saved", "submitted": "admin.notice.submitted", "published": "admin.notice.published",
	"scheduled": "admin.notice.scheduled", "unpublished": "admin.notice.unpublished",
	"user_created": "admin.notice.user_created", "user_saved": "admin.notice.user_saved",
	"section_saved": "admin.notice.section_saved", "prefs_saved": "admin.notice.prefs_saved",
	"settings_saved": "settings.saved", "password_changed": "account.changed",
	"deleted": "admin.notice.deleted", "user_unlocked": "admin.notice.user_unlocked", "trashed": "trash.notice.trashed", "restored": "trash.notice.restored",
	"purged": "trash.notice.purged", "front_saved": "front.notice.saved",
	"person_saved": "people.saved", "invited": "invite.created",
	"pending": "pending.notice.saved", "approved": "pending.notice.approved", "rejected": "pending.notice.rejected",
}

func notice(c *gin.Context, l *lang.Lang) string {
	if id, ok := notices[c.Query("done")]; ok {
		return l.T(id)
	}
	return ""
}
