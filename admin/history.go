package admin

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
	"github.com/newsroom/newsroom/textdiff"
)

// historyRow is one revision in the history list.
type historyRow struct {
	Revision           int
	By, At, Status     string
	Headline           string
	Words              int
	Minor, Head        bool
	CheckedA, CheckedB bool
}

type historyData struct {
	frame
	Number                 int
	LangName, EditHref     string
	Href, RestoreHref      string
	Rows                   []historyRow
	A, B                   int
	HeadlineDiff, BodyDiff template.HTML
	CanRestore             bool
	Head                   int
}

// canReadHistory: whoever may edit the version, and translators and
// editors, who read any story's history to follow its source.
func canReadHistory(u *auth.User, st *story.Story, lng string) bool {
	return auth.CanEditVersion(u, st, lng) || auth.Can(u, auth.ActTranslate, st)
}

// historyShow lists a language version's revisions and shows the word
// diff between two of them (?a=&b=, default the last two).
func (a *Admin) historyShow(c *gin.Context) {
	st, lng, u, ok := a.storyFor(c, canReadHistory)
	if !ok {
		return
	}
	v := st.Version(lng)
	if v == nil {
		a.fail(c, notFound())
		return
	}
	ctx := c.Request.Context()
	l := a.langFor(c, u)
	revs, err := a.store.Revisions(ctx, st.Number, lng, v.Revision)
	if err != nil {
		a.fail(c, err)
		return
	}
	d := historyData{frame: a.frame(c, l), Number: st.Number, LangName: langName(l, a.langs, lng),
		EditHref: editHref(st.Number, lng), Href: editHref(st.Number, lng) + "/history",
		RestoreHref: editHref(st.Number, lng) + "/history/restore",
		CanRestore:  auth.CanEditVersion(u, st, lng), Head: v.Revision}
	d.A, d.B = pick(c.Query("a"), v.Revision-1, v.Revision), pick(c.Query("b"), v.Revision, v.Revision)
	if d.A > d.B {
		d.A, d.B = d.B, d.A
	}
	names := map[string]string{}
	for _, r := range revs {
		if _, ok := names[r.By]; !ok {
			names[r.By] = a.userName(ctx, r.By)
		}
		row := historyRow{Revision: r.Revision, By: names[r.By], At: l.DateTime(r.At), Headline: r.Version.Headline,
			Words: r.Version.Words, Minor: r.Version.Minor, Head: r.Revision == v.Revision,
			CheckedA: r.Revision == d.A, CheckedB: r.Revision == d.B}
		if id, ok := statusNames[r.Version.Status]; ok {
			row.Status = l.T(id)
		}
		d.Rows = append(d.Rows, row)
	}
	if d.A >= 1 && d.A != d.B {
		ra, err := a.store.Revision(ctx, st.Number, lng, d.A)
		if err == nil {
			var rb *store.Revision
			if rb, err = a.store.Revision(ctx, st.Number, lng, d.B); err == nil {
				d.HeadlineDiff = textdiff.HTML(textdiff.Diff(ra.Version.Headline, rb.Version.Headline))
				d.BodyDiff = textdiff.HTML(textdiff.Diff(ra.Body, rb.Body))
			}
		}
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			a.fail(c, err)
			return
		}
	}
	p := a.page(c, l, l.T("history.title", "Number", st.Number, "Lang", d.LangName))
	if r, err := strconv.Atoi(c.Query("restored")); err == nil {
		p.Notice = l.T("history.restored", "Revision", r)
	}
	p.Data = d
	a.show(c, http.StatusOK, "history", p)
}

// pick reads a revision number from the query, within 1..head, or def.
func pick(q string, def, head int) int {
	n, err := strconv.Atoi(q)
	if err != nil || n < 1 || n > head {
		n = def
	}
	return max(n, 1)
}

// historyRestore makes an old revision's text the head again, as a new
// revision saved through the same revision check as any save: restoring
// from a history page that is out of date is a conflict, not an overwrite.
// The version keeps its workflow state, slug and story-wide fields.
func (a *Admin) historyRestore(c *gin.Context) {
	st, lng, u, ok := a.storyFor(c, auth.CanEditVersion)
	if !ok {
		return
	}
	v := st.Version(lng)
	rev, err1 := strconv.Atoi(c.PostForm("revision"))
	base, err2 := strconv.Atoi(c.PostForm("base"))
	if v == nil || err1 != nil || err2 != nil || rev < 1 || rev >= v.Revision {
		a.fail(c, &httpError{status: http.StatusBadRequest, id: "admin.error.bad_form"})
		return
	}
	if base != v.Revision {
		a.fail(c, &httpError{status: http.StatusConflict, id: "history.changed_meanwhile"})
		return
	}
	// A restore is a save: of a live version by someone who may not
	// publish, it waits for an editor (story.Pending).
	to, err := story.Move(v.Status, story.StepSave, auth.Hand(u, st, lng))
	if err != nil {
		a.fail(c, auth.ErrForbidden)
		return
	}
	ctx := c.Request.Context()
	old, err := a.store.Revision(ctx, st.Number, lng, rev)
	if err != nil {
		a.fail(c, err)
		return
	}
	next := *v
	next.Headline, next.Deck, next.Summary, next.Words = old.Version.Headline, old.Version.Deck, old.Version.Summary, old.Version.Words
	next.EditedBy = u.ID
	if next.Status == story.Published {
		next.UpdatedAt = a.now().UTC()
	}
	story.Stamp(v, &next, false)
	if to == story.Pending {
		a.savePending(c, st, lng, storyInput{Lang: lng, Base: base, Body: old.Body}, next, nil)
		return
	}
	saved, err := a.store.Save(ctx, st, lng, base, next, old.Body, u.ID)
	if errors.Is(err, store.ErrConflict) {
		a.fail(c, &httpError{status: http.StatusConflict, id: "history.changed_meanwhile"})
		return
	}
	if err != nil {
		a.fail(c, err)
		return
	}
	a.changed(saved)
	e := store.Entry{At: a.now(), Actor: u.ID, Action: auditRestore, Target: itoa(st.Number) + "/" + lng,
		Detail: itoa(rev) + " → " + itoa(saved.Version(lng).Revision), IP: c.ClientIP()}
	if err := a.store.AddAudit(context.WithoutCancel(ctx), e); err != nil {
		a.log.Error("audit", "action", auditRestore, "err", err)
	}
	c.Redirect(http.StatusSeeOther, editHref(st.Number, lng)+"/history?restored="+itoa(rev))
}
