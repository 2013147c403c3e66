package admin

import (
	"net/http"
	"slices"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/story"
)

// deskLimit bounds each list of the translation desk.
const deskLimit = 100

// deskRow is one piece of translation work.
type deskRow struct {
	Number             int
	Headline, Section  string
	From, To           string // language names
	Status, StatusCode string
	When               string
	Href               string // the side-by-side editor
	CanWork, Stale     bool
	at                 time.Time
}

// deskGroup is one list of the desk.
type deskGroup struct {
	ID, Title string
	Rows      []deskRow
}

type deskData struct {
	frame
	Groups          []deskGroup
	Langs, Sections []option
}

// deskShow is the translation desk: stories missing a language, translations
// in progress and translations whose source changed since, oldest first,
// from the in-memory catalogue (never a database scan). ?lang= narrows to
// one target language, ?section= to one section.
func (a *Admin) deskShow(c *gin.Context) {
	u := auth.UserFrom(c)
	l := a.langFor(c, u)
	fl, fs := c.Query("lang"), c.Query("section")
	if a.langs.Get(fl) == nil {
		fl = ""
	}
	d := deskData{frame: a.frame(c, l)}
	var missing, inProgress, stale []deskRow
	for _, st := range a.cat.All() {
		if st.Trashed() || (fs != "" && st.Section != fs) {
			continue
		}
		for _, to := range a.langs.Codes() {
			if fl != "" && to != fl {
				continue
			}
			v := st.Version(to)
			switch {
			case v == nil:
				from := a.originalLang(st, to)
				src := st.Version(from)
				if src == nil || src.Status == story.Unpublished {
					continue
				}
				missing = append(missing, a.deskRow(c, st, from, to, src))
			case v.TranslatedFrom == "":
				continue
			case st.Stale(to):
				stale = append(stale, a.deskRow(c, st, v.TranslatedFrom, to, v))
			case v.Status == story.Draft || v.Status == story.InReview:
				inProgress = append(inProgress, a.deskRow(c, st, v.TranslatedFrom, to, v))
			}
		}
	}
	for _, list := range []*[]deskRow{&missing, &inProgress, &stale} {
		slices.SortStableFunc(*list, func(x, y deskRow) int { return x.at.Compare(y.at) })
		if len(*list) > deskLimit {
			*list = (*list)[:deskLimit]
		}
	}
	d.Groups = []deskGroup{{"missing", l.T("desk.missing"), missing},
		{"in-progress", l.T("desk.in_progress"), inProgress}, {"stale", l.T("desk.stale"), stale}}
	d.Langs = []option{{"", l.T("admin.filter.all_langs"), fl == ""}}
	for _, code := range a.langs.Codes() {
		d.Langs = append(d.Langs, option{code, langName(l, a.langs, code), code == fl})
	}
	d.Sections = []option{{"", l.T("admin.filter.all_sections"), fs == ""}}
	for _, s := range a.cat.Sections() {
		d.Sections = append(d.Sections, option{s.Slug, s.Name.In(l.Code, a.langs.Default()), s.Slug == fs})
	}
	p := a.page(c, l, l.T("desk.title"))
	p.Data = d
	a.show(c, http.StatusOK, "desk", p)
}

// deskRow describes the work on st into language to; v is the version
// whose headline and time it shows (the source for a missing language).
func (a *Admin) deskRow(c *gin.Context, st *story.Story, from, to string, v *story.Version) deskRow {
	u := auth.UserFrom(c)
	l := a.langFor(c, u)
	r := deskRow{Number: st.Number, Headline: v.Headline, From: langName(l, a.langs, from), To: langName(l, a.langs, to),
		StatusCode: string(v.Status), Status: l.T(statusNames[v.Status]), Href: translateHref(st.Number, to),
		CanWork: auth.CanEditVersion(u, st, to), Stale: st.Stale(to)}
	if r.Headline == "" {
		r.Headline = l.T("admin.story.untitled")
	}
	if s, ok := a.cat.Section(st.Section); ok {
		r.Section = s.Name.In(l.Code, a.langs.Default())
	}
	// Oldest first by when the work became due: publication of the
	// source, else the story's creation.
	r.at = st.CreatedAt
	if !v.PublishedAt.IsZero() {
		r.at = v.PublishedAt
	}
	if !r.at.IsZero() {
		r.When = l.DateTime(r.at)
	}
	return r
}
