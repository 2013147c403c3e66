package admin

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/markdown"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// The editor's buttons (the form's "action" field): the workflow's steps
// (story.Move decides who may take which, from which state).
const (
	actSave      = string(story.StepSave)
	actAutosave  = string(story.StepAutosave)
	actSubmit    = string(story.StepSubmit)
	actPublish   = string(story.StepPublish)
	actSchedule  = string(story.StepSchedule)
	actUnpublish = string(story.StepUnpublish)
)

// done names the notice shown after each action.
var done = map[string]string{
	actSave: "saved", actAutosave: "saved", actSubmit: "submitted", actPublish: "published",
	actSchedule: "scheduled", actUnpublish: "unpublished",
}

// storyCreate saves a new story (first save or first autosave).
func (a *Admin) storyCreate(c *gin.Context) {
	lng := c.PostForm("lang")
	if a.langs.Get(lng) == nil {
		lng = a.langs.Default()
	}
	a.saveVersion(c, nil, lng)
}

// storySave saves a language version and applies the workflow button pressed.
func (a *Admin) storySave(c *gin.Context) {
	st, lng, err := a.storyParams(c)
	if err != nil {
		a.fail(c, err)
		return
	}
	joinParagraphs(c) // the side-by-side editor sends paragraphs
	a.saveVersion(c, st, lng)
}

// saveVersion is the one save path: editor form, workflow buttons and
// autosave all check rights, fields and the revision the same way.
func (a *Admin) saveVersion(c *gin.Context, cur *story.Story, lng string) {
	u := auth.UserFrom(c)
	l := a.langFor(c, u)
	ctx := c.Request.Context()
	var keep *story.Story
	if storyWideLocked(u, cur) {
		keep = cur
	}
	in, f := a.readStory(c, l, keep)
	in.Lang = lng

	cand := cur
	if cand == nil {
		cand = &story.Story{CreatedBy: u.ID}
	}
	from := story.Draft
	var old *story.Version
	if cur != nil {
		old = cur.Version(lng)
	}
	if old != nil {
		from = old.Status
	}

	// The workflow: a refused right is a 403 whatever the fields say.
	to, moveErr := story.Move(from, story.Step(in.Action), auth.Hand(u, cur, lng))
	switch err := moveErr; {
	case errors.Is(err, story.ErrNotYours):
		a.fail(c, auth.ErrForbidden)
		return
	case errors.Is(err, story.ErrUnknownStep):
		a.fail(c, &httpError{status: http.StatusBadRequest, id: "admin.error.bad_form"})
		return
	case err != nil:
		a.fail(c, &httpError{status: http.StatusConflict, id: "admin.story.not_allowed_now"})
		return
	}

	slug, at, photo := a.checkVersion(f, cand, from, in)
	if !f.ok() {
		a.renderStoryError(c, cur, lng, in, f.Errs)
		return
	}

	// The revision the editor started from must still be the head, and the
	// story-wide fields merge with what others changed since the form was
	// loaded (their own revision): a change of them through another
	// language is kept, and only a field both changed is a conflict.
	tags, _ := parseTags(in.Tags) // checked by readStory
	mine := story.Wide{Section: in.Section, Tags: tags, Byline: in.Byline, Photo: photo, Priority: cand.Priority}
	wide, wideChanged, clashes, err := a.mergeWide(ctx, cur, in, mine, keep != nil)
	if err != nil {
		a.fail(c, err)
		return
	}
	head := 0
	if old != nil {
		head = old.Revision
	}
	if in.Base != head || len(clashes) > 0 {
		a.conflict(c, cur, lng, mergedInput(in, cur, lng, wide), clashes)
		return
	}

	v := a.nextVersion(c, cur, old, in, slug, to, at)
	var wideNew *story.Wide
	if cur == nil || wideChanged {
		wideNew = &wide
	}
	if to == story.Pending {
		a.savePending(c, cur, lng, in, v, wideNew)
		return
	}
	saved, err := a.storeVersion(c, cur, cand, lng, in, v, wideNew)
	if errors.Is(err, store.ErrConflict) {
		a.conflict(c, cur, lng, mergedInput(in, cur, lng, wide), nil)
		return
	}
	if errors.Is(err, store.ErrExists) {
		f.fail("slug", l.T("admin.story.slug_taken"))
		a.renderStoryError(c, cur, lng, in, f.Errs)
		return
	}
	if err != nil {
		a.fail(c, err)
		return
	}
	a.changed(saved)
	a.auditStory(c, u, in.Action, saved.Number, lng)
	sv := saved.Version(lng)
	if from == story.Published && to == story.Published {
		a.auditLive(c, u, auditEditLive, saved.Number, lng, "r"+itoa(sv.Revision))
	}

	if wantsJSON(c) {
		// The page keeps its story-wide fields: it may move on to the
		// stored revision of them only when it shows what is stored.
		wideRev := in.WideBase
		if saved.Wide().Same(mine, lng) {
			wideRev = saved.WideRevision
		}
		c.JSON(http.StatusOK, gin.H{"number": saved.Number, "revision": sv.Revision, "wide_revision": wideRev, "href": editHref(saved.Number, lng),
			"slug": sv.Slug, "message": l.T("admin.autosave.saved", "Time", a.now().In(a.langs.Location()).Format("15:04:05"))})
		return
	}
	back := editHref(saved.Number, lng)
	if c.PostForm("view") == viewTranslate {
		back = translateHref(saved.Number, lng)
	}
	c.Redirect(http.StatusSeeOther, back+"?done="+done[in.Action])
}

// checkVersion checks what the form's fields say beyond their own limits
// (readStory): the slug, the time to publish at, the lead photo and its alt
// text. It returns them as the save stores them; messages go into f.
func (a *Admin) checkVersion(f *fields, cand *story.Story, from story.Status, in storyInput) (string, time.Time, story.Photo) {
	l, lng := f.l, in.Lang
	slug, bad := slugFor(in)
	if bad != "" {
		f.fail("slug", l.T(bad))
	} else if a.slugTaken(lng, slug, cand.Number) {
		f.fail("slug", l.T("admin.story.slug_taken"))
	}
	at := a.now()
	if in.Action == actSchedule {
		t, ok := a.parseSchedule(in.ScheduleAt)
		switch {
		case !ok:
			f.fail("schedule_at", l.T("admin.story.schedule_invalid"))
		case !t.After(a.now()):
			f.fail("schedule_at", l.T("admin.story.schedule_past"))
		}
		at = t
	}
	photo, known := a.leadPhoto(cand.Photo, lng, in.Photo)
	if !known {
		f.fail("photo_id", l.T("admin.photo.unknown"))
	} else if needsAlt(in.Action, from) {
		if missing := a.missingAlt(photo, lng, in.Body); len(missing) > 0 {
			f.fail("photo_alt", l.T("admin.photo.alt_missing", "Lang", langName(l, a.langs, lng)))
		}
	}
	return slug, at, photo
}

// nextVersion is the language version a save stores: the stored one (or a
// new one) with the form's text and the workflow step of the button pressed.
func (a *Admin) nextVersion(c *gin.Context, cur *story.Story, old *story.Version, in storyInput, slug string, to story.Status, at time.Time) story.Version {
	u := auth.UserFrom(c)
	lng := in.Lang
	v := story.Version{Lang: lng}
	if old != nil {
		v = *old
	} else if cur != nil && len(cur.Versions) > 0 {
		v.TranslatedFrom = a.originalLang(cur, lng)
		v.SourceRevision = sourceRevisionFor(c, cur, v.TranslatedFrom)
		if u.Role == store.RoleTranslator {
			v.TranslatedBy = u.ID
		}
	}
	v.Headline, v.Deck, v.Summary = strings.TrimSpace(in.Headline), strings.TrimSpace(in.Deck), strings.TrimSpace(in.Summary)
	v.Correction, v.Slug = strings.TrimSpace(in.Correction), slug
	v.Words, v.EditedBy = markdown.Words(in.Body), u.ID
	now := a.now().UTC()
	wasLive := v.Status == story.Published
	v.Status = to
	switch in.Action {
	case actPublish:
		v.ScheduledAt = time.Time{}
		if v.PublishedAt.IsZero() {
			v.PublishedAt = now
		}
	case actSchedule:
		v.ScheduledAt = at.UTC()
	}
	if wasLive && v.Status == story.Published {
		v.UpdatedAt = now // shown to readers as "Updated"
	}
	// A minor edit ("no translation update needed"), or a save that leaves
	// the text as it was (a workflow step), leaves translations current.
	minor := c.PostForm("minor") == "on"
	story.Stamp(old, &v, minor || a.sameText(c.Request.Context(), cur, old, &v, in.Body))
	v.Minor = minor && old != nil
	return v
}

// storeVersion stores v (and, when wide is not nil, the story-wide fields)
// with the slug claimed: a new story, or a new revision of cur. A slug
// another story holds is store.ErrExists, a lost race store.ErrConflict.
func (a *Admin) storeVersion(c *gin.Context, cur, cand *story.Story, lng string, in storyInput, v story.Version, wide *story.Wide) (*story.Story, error) {
	ctx := c.Request.Context()
	by := auth.UserFrom(c).ID
	if cur == nil {
		next := *cand
		next.SetWide(*wide)
		next.Versions = map[string]*story.Version{lng: &v}
		n, err := a.store.CreateStory(ctx, &next, map[string]string{lng: in.Body}, by)
		if err != nil {
			return nil, err
		}
		if cerr := a.store.ClaimSlug(ctx, lng, v.Slug, n); cerr != nil {
			a.log.Warn("slug claimed by another story meanwhile", "story", n, "slug", v.Slug, "err", cerr)
		}
		// CreateStory filled in the number, times and revision: next is the
		// story as stored, and reading it back would cost a scan on the
		// embedded server.
		return &next, nil
	}
	if err := a.store.ClaimSlug(ctx, lng, v.Slug, cur.Number); err != nil {
		return nil, err
	}
	var saved *story.Story
	var err error
	if wide != nil {
		saved, err = a.store.SaveWide(ctx, cur, lng, in.Base, v, in.Body, by, *wide)
	} else {
		saved, err = a.store.Save(ctx, cur, lng, in.Base, v, in.Body, by)
	}
	if old := cur.Version(lng); err == nil && old != nil && old.Slug != v.Slug {
		if rerr := a.store.ReleaseSlug(context.WithoutCancel(ctx), lng, old.Slug, cur.Number); rerr != nil {
			a.log.Warn("releasing old slug", "story", cur.Number, "slug", old.Slug, "err", rerr)
		}
	}
	return saved, err
}

// originalLang is the language a new version of st translates: the paper's
// default language if st has it, else any version st has.
func (a *Admin) originalLang(st *story.Story, lng string) string {
	if d := a.langs.Default(); d != lng && st.Version(d) != nil {
		return d
	}
	for _, code := range a.langs.Codes() {
		if code != lng && st.Version(code) != nil {
			return code
		}
	}
	return ""
}

// auditStory records the workflow actions the audit log keeps.
func (a *Admin) auditStory(c *gin.Context, u *auth.User, action string, n int, lng string) {
	acts := map[string]store.AuditAction{actPublish: store.AuditPublish, actUnpublish: store.AuditUnpublish,
		actSchedule: auditSchedule, actSubmit: auditSubmit}
	act, ok := acts[action]
	if !ok {
		return
	}
	e := store.Entry{At: a.now(), Actor: u.ID, Action: act, Target: itoa(n) + "/" + lng, IP: c.ClientIP()}
	if err := a.store.AddAudit(context.WithoutCancel(c.Request.Context()), e); err != nil {
		a.log.Error("audit", "action", act, "err", err)
	}
}

// Workflow steps the audit log keeps besides store's own actions.
const (
	auditSchedule store.AuditAction = "schedule"
	auditSubmit   store.AuditAction = "submit"
	auditRestore  store.AuditAction = "restore"
)
