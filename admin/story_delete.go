package admin

import (
	"context"
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
	PurgeDays  int
}

// storyDeleteShow asks for confirmation before moving a story to the trash.
func (a *Admin) storyDeleteShow(c *gin.Context) {
	st, err := a.deletable(c)
	if err != nil {
		a.fail(c, err)
		return
	}
	a.deletePage(c, http.StatusOK, st)
}

// storyDelete moves a story to the trash: readers lose it at once (its
// addresses answer 410 Gone), editors can restore it from /admin/trash for
// story.TrashKeep, and the audit log records who did it.
func (a *Admin) storyDelete(c *gin.Context) {
	st, err := a.deletable(c)
	if err != nil {
		a.fail(c, err)
		return
	}
	u := auth.UserFrom(c)
	if st.Trashed() {
		c.Redirect(http.StatusSeeOther, "/admin/trash")
		return
	}
	ctx := c.Request.Context()
	got, err := a.store.TrashStory(ctx, st.Number, u.ID)
	if err != nil {
		a.fail(c, err)
		return
	}
	a.changed(got)
	a.audit(ctx, store.Entry{Actor: u.ID, Action: store.AuditTrash, Target: itoa(st.Number),
		Detail: headlines(a.langs.Codes(), st), IP: c.ClientIP()})
	c.Redirect(http.StatusSeeOther, "/admin/trash?done=trashed")
}

// headlines is a story's headlines in every language, for the audit log:
// after a purge it is where one finds out what the story was.
func headlines(codes []string, st *story.Story) string {
	var heads []string
	for _, code := range codes {
		if v := st.Version(code); v != nil {
			heads = append(heads, code+": "+v.Headline)
		}
	}
	return strings.Join(heads, " / ")
}

// audit appends e (at now) to the audit log; a failure is logged, not shown:
// the action it records has happened.
func (a *Admin) audit(ctx context.Context, e store.Entry) {
	e.At = a.now()
	if err := a.store.AddAudit(context.WithoutCancel(ctx), e); err != nil {
		a.log.Error("audit", "action", e.Action, "err", err)
	}
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
	if !auth.Can(auth.UserFrom(c), auth.ActTrash, st) {
		return nil, auth.ErrForbidden
	}
	return st, nil
}

func (a *Admin) deletePage(c *gin.Context, status int, st *story.Story) {
	l := a.langFor(c, nil)
	d := deleteData{frame: a.frame(c, l), Number: st.Number, FormAction: deleteHref(st.Number),
		PurgeDays: int(story.TrashKeep.Hours() / 24)}
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
