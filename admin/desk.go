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
	// The work is gathered first and rows made only for what is shown.
	var missing, inProgress, stale []deskWork
	codes := a.langs.Codes()
	for _, st := range a.cat.All() {
		if st.Trashed() || (fs != "" && st.Section != fs) {
			continue
		}
		for _, to := range codes {
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
				missing = append(missing, work(st, from, to, src))
			case v.TranslatedFrom == "":
				continue
			case st.Stale(to):
				stale = append(stale, work(st, v.TranslatedFrom, to, v))
			case v.Status == story.Draft || v.Status == story.InReview:
				inProgress = append(inProgress, work(st, v.TranslatedFrom, to, v))
			}
		}
	}
	rows := func(list []deskWork) []deskRow {
		slices.SortFunc(list, func(x, y deskWork) int {
			if c := x.at.Compare(y.at); c != 0 {
				return c
			}
			return y.st.Number - x.st.Number // ties: the newer story first
		})
		list = list[:min(len(list), deskLimit)]
		out := make([]deskRow, 0, len(list))
		for _, w := range list {
			out = append(out, a.deskRow(c, w))
		}
		return out
	}
	d.Groups = []deskGroup{{"missing", l.T("desk.missing"), rows(missing)},
		{"in-progress", l.T("desk.in_progress"), rows(inProgress)}, {"stale", l.T("desk.stale"), rows(stale)}}
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

// deskWork is the work on st into language to; v is the version whose
// headline and time it shows (the source for a missing language).
type deskWork struct {
	st       *story.Story
	from, to string
	v        *story.Version
	at       time.Time
}

// work is the work on st into to, due since the source's publication, else
// the story's creation (the desk lists the oldest first).
func work(st *story.Story, from, to string, v *story.Version) deskWork {
	w := deskWork{st: st, from: from, to: to, v: v, at: st.CreatedAt}
	if !v.PublishedAt.IsZero() {
		w.at = v.PublishedAt
	}
	return w
}

// deskRow describes w for the page.
func (a *Admin) deskRow(c *gin.Context, w deskWork) deskRow {
	u := auth.UserFrom(c)
	l := a.langFor(c, u)
	st, v := w.st, w.v
	r := deskRow{Number: st.Number, Headline: v.Headline, From: langName(l, a.langs, w.from), To: langName(l, a.langs, w.to),
		StatusCode: string(v.Status), Status: l.T(statusNames[v.Status]), Href: translateHref(st.Number, w.to),
		CanWork: auth.CanEditVersion(u, st, w.to), Stale: st.Stale(w.to)}
	if r.Headline == "" {
		r.Headline = l.T("admin.story.untitled")
	}
	if s, ok := a.cat.Section(st.Section); ok {
		r.Section = s.Name.In(l.Code, a.langs.Default())
	}
	if !w.at.IsZero() {
		r.When = l.DateTime(w.at)
	}
	return r
}
