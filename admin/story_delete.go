package admin

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

func deleteHref(n int) string { return "/admin/stories/" + itoa(n) + "/delete" }

// deleteData is the confirmation page before a story is deleted.
type deleteData struct {
	frame
	Number     int
	FormAction string
	Headlines  []versionLink // per language, linking to the editor
	Live       bool          // some version is published or scheduled
	Err        string
}

// storyDeleteShow asks for confirmation before deleting a story.
func (a *Admin) storyDeleteShow(c *gin.Context) {
	st, err := a.deletable(c)
	if err != nil {
		a.fail(c, err)
		return
	}
	a.deletePage(c, http.StatusOK, st, "")
}

// storyDelete deletes a story for good, once the box saying so is ticked:
// the document and its slugs go, its revisions stay as history, readers'
// pages and the search index forget it, and the audit log records who did it.
func (a *Admin) storyDelete(c *gin.Context) {
	st, err := a.deletable(c)
	if err != nil {
		a.fail(c, err)
		return
	}
	u := auth.UserFrom(c)
	l := a.langFor(c, u)
	if c.PostForm("confirm") != "on" {
		a.deletePage(c, http.StatusUnprocessableEntity, st, l.T("admin.delete.confirm_required"))
		return
	}
	ctx := c.Request.Context()
	err = a.store.DeleteStory(ctx, st.Number)
	if errors.Is(err, store.ErrSlugsKept) {
		// The story is gone; a slug left taken only keeps that address
		// from being reused.
		a.log.Warn("deleted story's slugs not released", "story", st.Number, "err", err)
		err = nil
	}
	if err != nil {
		a.fail(c, err)
		return
	}
	a.removed(st.Number)
	var heads []string
	for _, code := range a.langs.Codes() {
		if v := st.Version(code); v != nil {
			heads = append(heads, code+": "+v.Headline)
		}
	}
	// The headlines go in the entry: after this the audit log is where one
	// finds out what the story was.
	e := store.Entry{At: a.now(), Actor: u.ID, Action: store.AuditDelete, Target: itoa(st.Number),
		Detail: strings.Join(heads, " / "), IP: c.ClientIP()}
	if err := a.store.AddAudit(context.WithoutCancel(ctx), e); err != nil {
		a.log.Error("audit", "action", store.AuditDelete, "err", err)
	}
	a.log.Info("story deleted", "story", st.Number, "by", u.ID)
	c.Redirect(http.StatusSeeOther, "/admin/?done=deleted")
}

// deletable loads the story of :number from the database and checks that
// the user may delete it.
func (a *Admin) deletable(c *gin.Context) (*story.Story, error) {
	n, err := strconv.Atoi(c.Param("number"))
	if err != nil || n <= 0 {
		return nil, notFound()
	}
	st, err := a.store.Story(c.Request.Context(), n)
	if err != nil {
		return nil, err
	}
	if !auth.Can(auth.UserFrom(c), auth.ActDelete, st) {
		return nil, auth.ErrForbidden
	}
	return st, nil
}

func (a *Admin) deletePage(c *gin.Context, status int, st *story.Story, msg string) {
	l := a.langFor(c, nil)
	d := deleteData{frame: a.frame(c, l), Number: st.Number, FormAction: deleteHref(st.Number), Err: msg}
	for _, code := range a.langs.Codes() {
		v := st.Version(code)
		if v == nil {
			continue
		}
		label := v.Headline
		if label == "" {
			label = l.T("admin.story.untitled")
		}
		d.Headlines = append(d.Headlines, versionLink{Label: langName(l, a.langs, code) + ": " + label, Href: editHref(st.Number, code), Exists: true})
		if v.Status == story.Published || v.Status == story.Scheduled {
			d.Live = true
		}
	}
	p := a.page(c, l, l.T("admin.delete.title", "Number", st.Number))
	p.Data = d
	a.show(c, status, "story_delete", p)
}
