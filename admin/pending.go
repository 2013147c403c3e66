package admin

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// maxRejectNote bounds an editor's note on a rejected change.
const maxRejectNote = 1_000

// Audit actions of changes to live versions.
const (
	auditEditLive store.AuditAction = "edit_live"       // an editor's save of a live version
	auditPending  store.AuditAction = "pending"         // a change of a live version kept for review
	auditApprove  store.AuditAction = "pending_approve" // made live by an editor
	auditReject   store.AuditAction = "pending_reject"  // set aside by an editor, with a note
)

// pendingView is what the editor page says about a pending change.
type pendingView struct {
	By, When               string
	Headline, Deck, Body   string
	Mine, CanSettle        bool
	Rejected               bool
	Note, ApproveHref      string
	RejectHref, RejectedBy string
	At                     string // names the change in the approve and reject forms
}

// savePending keeps a save of a live version by someone who may not publish
// as the version's pending change (story.Pending): readers keep the
// published text until an editor approves it.
func (a *Admin) savePending(c *gin.Context, cur *story.Story, lng string, in storyInput, v story.Version, wide *story.Wide) {
	u := auth.UserFrom(c)
	v.Status = story.Published
	p := store.Pending{Number: cur.Number, Lang: lng, Base: in.Base, Version: v, Body: in.Body,
		By: u.ID, At: a.now(), Wide: wide, WideBase: cur.WideRevision}
	err := a.store.SavePending(c.Request.Context(), p)
	if errors.Is(err, store.ErrConflict) {
		a.fail(c, &httpError{status: http.StatusConflict, id: "pending.error.taken"})
		return
	}
	if err != nil {
		a.fail(c, err)
		return
	}
	a.auditLive(c, u, auditPending, cur.Number, lng, "r"+itoa(in.Base+1))
	if wantsJSON(c) {
		c.JSON(http.StatusOK, gin.H{"number": cur.Number, "revision": in.Base, "pending": true,
			"href": editHref(cur.Number, lng), "message": a.langFor(c, u).T("pending.notice.saved")})
		return
	}
	c.Redirect(http.StatusSeeOther, editHref(cur.Number, lng)+"?done=pending")
}

// pendingFor loads the story and its pending change for an editor's
// approve or reject; on failure it has answered.
func (a *Admin) pendingFor(c *gin.Context, step story.Step) (*story.Story, *store.Pending, *auth.User, bool) {
	st, lng, u, ok := a.storyFor(c, func(u *auth.User, st *story.Story, _ string) bool {
		return auth.Can(u, auth.ActApprove, st)
	})
	if !ok {
		return nil, nil, nil, false
	}
	v := st.Version(lng)
	if v == nil {
		a.fail(c, notFound())
		return nil, nil, nil, false
	}
	if _, err := story.Move(v.Status, step, auth.Hand(u, st, lng)); err != nil {
		a.fail(c, &httpError{status: http.StatusConflict, id: "admin.story.not_allowed_now"})
		return nil, nil, nil, false
	}
	p, err := a.store.PendingChange(c.Request.Context(), st.Number, lng)
	if err == nil && p.Rejected {
		err = store.ErrNotFound
	}
	if errors.Is(err, store.ErrNotFound) {
		a.fail(c, &httpError{status: http.StatusNotFound, id: "pending.error.none"})
		return nil, nil, nil, false
	}
	if err != nil {
		a.fail(c, err)
		return nil, nil, nil, false
	}
	// The form names the change the editor saw: a newer one is read first.
	if c.PostForm("at") != p.At.UTC().Format(pendingStamp) {
		a.fail(c, &httpError{status: http.StatusConflict, id: "pending.error.changed"})
		return nil, nil, nil, false
	}
	return st, p, u, true
}

// pendingStamp identifies a pending change in the approve and reject forms.
const pendingStamp = "20060102T150405.000Z"

// pendingApprove makes a pending change the version's head, through the
// one save path of the store: it fails if anything was saved since the
// change was made from the published revision.
func (a *Admin) pendingApprove(c *gin.Context) {
	st, p, u, ok := a.pendingFor(c, story.StepApprove)
	if !ok {
		return
	}
	if p.Wide != nil && p.WideBase != st.WideRevision {
		a.fail(c, &httpError{status: http.StatusConflict, id: "pending.error.stale"})
		return
	}
	v := p.Version
	v.EditedBy = p.By
	v.UpdatedAt = a.now().UTC()
	in := storyInput{Lang: p.Lang, Base: p.Base, Body: p.Body}
	saved, err := a.storeVersion(c, st, st, p.Lang, in, v, p.Wide)
	switch {
	case errors.Is(err, store.ErrConflict):
		a.fail(c, &httpError{status: http.StatusConflict, id: "pending.error.stale"})
		return
	case errors.Is(err, store.ErrExists):
		a.fail(c, &httpError{status: http.StatusConflict, id: "admin.story.slug_taken"})
		return
	case err != nil:
		a.fail(c, err)
		return
	}
	a.changed(saved)
	if err := a.store.DropPending(context.WithoutCancel(c.Request.Context()), p); err != nil {
		a.log.Warn("dropping an approved pending change", "story", p.ID, "err", err)
	}
	a.auditLive(c, u, auditApprove, st.Number, p.Lang, "r"+itoa(saved.Version(p.Lang).Revision)+" · "+p.By)
	c.Redirect(http.StatusSeeOther, editHref(st.Number, p.Lang)+"?done=approved")
}

// pendingReject sets a pending change aside with a note for its author.
func (a *Admin) pendingReject(c *gin.Context) {
	st, p, u, ok := a.pendingFor(c, story.StepReject)
	if !ok {
		return
	}
	note := strings.TrimSpace(c.PostForm("note"))
	if note == "" || utf8.RuneCountInString(note) > maxRejectNote {
		a.fail(c, &httpError{status: http.StatusBadRequest, id: "pending.error.note", args: []any{"Max", maxRejectNote}})
		return
	}
	err := a.store.RejectPending(c.Request.Context(), p, u.ID, note)
	if errors.Is(err, store.ErrConflict) {
		a.fail(c, &httpError{status: http.StatusConflict, id: "pending.error.changed"})
		return
	}
	if err != nil {
		a.fail(c, err)
		return
	}
	a.auditLive(c, u, auditReject, st.Number, p.Lang, "r"+itoa(p.Base+1)+" · "+p.By+": "+note)
	c.Redirect(http.StatusSeeOther, editHref(st.Number, p.Lang)+"?done=rejected")
}

// auditLive records one change to a live version.
func (a *Admin) auditLive(c *gin.Context, u *auth.User, act store.AuditAction, n int, lng, detail string) {
	e := store.Entry{At: a.now(), Actor: u.ID, Action: act, Target: itoa(n) + "/" + lng, Detail: detail, IP: c.ClientIP()}
	if err := a.store.AddAudit(context.WithoutCancel(c.Request.Context()), e); err != nil {
		a.log.Error("audit", "action", act, "err", err)
	}
}

// pendingOf is the pending (or rejected) change of st's live version lng,
// or nil. A failure to read it is logged: the editor then shows the
// published text, and a save still cannot overwrite the change unseen
// (store.SavePending refuses).
func (a *Admin) pendingOf(c *gin.Context, st *story.Story, lng string) *store.Pending {
	if st == nil || st.Version(lng) == nil || st.Version(lng).Status != story.Published {
		return nil
	}
	p, err := a.store.PendingChange(c.Request.Context(), st.Number, lng)
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			a.log.Warn("reading a pending change", "story", st.Number, "lang", lng, "err", err)
		}
		return nil
	}
	return p
}

// pendingInput is the editor form for the author of a pending change:
// their text, from the published revision it was made from.
func (a *Admin) pendingInput(st *story.Story, p *store.Pending) storyInput {
	tmp := *st
	tmp.Versions = map[string]*story.Version{p.Lang: &p.Version}
	if p.Wide != nil {
		tmp.SetWide(*p.Wide)
	}
	in := a.inputOf(&tmp, p.Lang, p.Body)
	in.Base, in.WideBase = p.Base, p.WideBase
	return in
}

// pendingViewOf says what the editor page shows of p to u: its author
// and those who may approve it see it; nobody else.
func (a *Admin) pendingViewOf(c *gin.Context, u *auth.User, st *story.Story, p *store.Pending) *pendingView {
	mine := p.By == u.ID
	settle := auth.Can(u, auth.ActApprove, st) && !p.Rejected
	if !mine && !settle {
		return nil
	}
	if p.Rejected && !mine {
		return nil
	}
	ctx := c.Request.Context()
	base := editHref(p.Number, p.Lang) + "/pending/"
	return &pendingView{By: a.userName(ctx, p.By), When: p.At.In(a.langs.Location()).Format("2006-01-02 15:04"), Headline: p.Version.Headline,
		Deck: p.Version.Deck, Body: p.Body, Mine: mine, CanSettle: settle, Rejected: p.Rejected,
		Note: p.Note, RejectedBy: a.userName(ctx, p.RejectedBy), ApproveHref: base + "approve", RejectHref: base + "reject",
		At: p.At.UTC().Format(pendingStamp)}
}

// pendingRow is one change waiting for an editor, on the dashboard.
type pendingRow struct {
	Number                   int
	Lang, LangName, Headline string
	By, When, Href           string
}

// pendingRows lists the changes waiting for an editor, oldest first. A
// failure to read them is logged and leaves the list empty: the rest of
// the dashboard still shows.
func (a *Admin) pendingRows(c *gin.Context, l *lang.Lang) []pendingRow {
	ctx := c.Request.Context()
	list, err := a.store.PendingChanges(ctx)
	if err != nil {
		a.log.Warn("listing pending changes", "err", err)
		return nil
	}
	names := map[string]string{}
	out := make([]pendingRow, 0, len(list))
	for _, p := range list {
		if _, ok := names[p.By]; !ok {
			names[p.By] = a.userName(ctx, p.By)
		}
		out = append(out, pendingRow{Number: p.Number, Lang: p.Lang, LangName: langName(l, a.langs, p.Lang),
			Headline: p.Version.Headline, By: names[p.By], When: p.At.In(a.langs.Location()).Format("2006-01-02 15:04"),
			Href: editHref(p.Number, p.Lang)})
	}
	return out
}
