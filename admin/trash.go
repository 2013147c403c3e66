package admin

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// trashRow is one trashed story on the trash page.
type trashRow struct {
	Number              int
	Headline, By        string
	TrashedAt, PurgesOn string
}

type trashData struct {
	frame
	Rows     []trashRow
	CanPurge bool
}

// trashShow lists the trashed stories, newest first, from the catalogue.
func (a *Admin) trashShow(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActTrash)
	if !ok {
		return
	}
	l := a.langFor(c, u)
	d := trashData{frame: a.frame(c, l), CanPurge: auth.Can(u, auth.ActDelete, nil)}
	trashed := a.trashed()
	for _, st := range trashed {
		r := trashRow{Number: st.Number, By: st.TrashedBy, TrashedAt: l.DateTime(st.TrashedAt), PurgesOn: l.Date(st.PurgeAt())}
		for _, code := range append([]string{l.Code}, a.langs.Codes()...) {
			if v := st.Version(code); v != nil && v.Headline != "" {
				r.Headline = v.Headline
				break
			}
		}
		if r.Headline == "" {
			r.Headline = l.T("admin.story.untitled")
		}
		d.Rows = append(d.Rows, r)
	}
	p := a.page(c, l, l.T("trash.title"))
	p.Notice = notice(c, l)
	p.Data = d
	a.show(c, http.StatusOK, "trash", p)
}

// trashed is every story in the trash, most recently trashed first.
func (a *Admin) trashed() []*story.Story {
	var out []*story.Story
	for _, st := range a.cat.All() {
		if st.Trashed() {
			out = append(out, st)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].TrashedAt.After(out[j].TrashedAt) })
	return out
}

// trashedStory is the trashed story named by :number.
func (a *Admin) trashedStory(c *gin.Context) (*story.Story, error) {
	n, err := strconv.Atoi(c.Param("number"))
	if err != nil || n <= 0 || len(c.Param("number")) > 9 {
		return nil, notFound()
	}
	st, err := a.store.Story(c.Request.Context(), n)
	if err != nil {
		return nil, err
	}
	if !st.Trashed() {
		return nil, notFound()
	}
	return st, nil
}

// trashRestore takes a story out of the trash, as it was.
func (a *Admin) trashRestore(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActTrash)
	if !ok {
		return
	}
	st, err := a.trashedStory(c)
	if err != nil {
		a.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	got, err := a.store.RestoreStory(ctx, st.Number)
	if err != nil {
		a.fail(c, err)
		return
	}
	a.changed(got)
	a.audit(ctx, store.Entry{Actor: u.ID, Action: store.AuditRestore, Target: itoa(st.Number),
		Detail: headlines(a.langs.Codes(), st), IP: c.ClientIP()})
	c.Redirect(http.StatusSeeOther, "/admin/trash?done=restored")
}

// trashPurge deletes one trashed story for good (admins only).
func (a *Admin) trashPurge(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActDelete)
	if !ok {
		return
	}
	st, err := a.trashedStory(c)
	if err != nil {
		a.fail(c, err)
		return
	}
	if err := a.purge(c.Request.Context(), st, u.ID, c.ClientIP()); err != nil {
		a.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/admin/trash?done=purged")
}

// trashEmpty deletes every trashed story for good (admins only).
func (a *Admin) trashEmpty(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActDelete)
	if !ok {
		return
	}
	for _, st := range a.trashed() {
		if err := a.purge(c.Request.Context(), st, u.ID, c.ClientIP()); err != nil {
			a.fail(c, err)
			return
		}
	}
	c.Redirect(http.StatusSeeOther, "/admin/trash?done=purged")
}

// purge deletes trashed story st for good: the document and its slugs go
// (store.DeleteStory, which leaves a tombstone for the other instances),
// its revisions stay as history, and the audit log keeps its headlines.
func (a *Admin) purge(ctx context.Context, st *story.Story, by, ip string) error {
	err := a.store.DeleteStory(ctx, st.Number)
	if errors.Is(err, store.ErrSlugsKept) {
		// The story is gone; a slug left taken only keeps that address
		// from being reused.
		a.log.Warn("purged story's slugs not released", "story", st.Number, "err", err)
		err = nil
	}
	if errors.Is(err, store.ErrNotFound) {
		// Purged meanwhile by another instance or request.
		a.removed(st.Number)
		return nil
	}
	if err != nil {
		return err
	}
	a.removed(st.Number)
	a.audit(ctx, store.Entry{Actor: by, Action: store.AuditDelete, Target: itoa(st.Number),
		Detail: headlines(a.langs.Codes(), st), IP: ip})
	a.log.Info("story purged", "story", st.Number, "by", by)
	return nil
}

// PurgeDue deletes for good the stories that have been in the trash longer
// than story.TrashKeep, and returns how many this call purged. With several
// instances each purge is claimed through the jobs collection.
func (a *Admin) PurgeDue(ctx context.Context) int {
	now := a.now()
	purged := 0
	for _, st := range a.trashed() {
		if st.PurgeAt().After(now) {
			continue
		}
		won, err := a.store.ClaimJob(ctx, "purge/"+itoa(st.Number)+"/"+st.TrashedAt.UTC().Format("20060102T150405.000"), SchedulerActor)
		if err == nil && won {
			err = a.purge(ctx, st, SchedulerActor, "")
			if err == nil {
				purged++
			}
		}
		if err != nil {
			a.log.Error("purging a trashed story", "story", st.Number, "err", err)
		}
	}
	return purged
}
