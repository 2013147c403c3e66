package admin

import (
	"html/template"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/story"
	"github.com/newsroom/newsroom/textdiff"
)

// conflictData is the conflict page: the user's text (kept whole, in
// hidden fields and on screen), the text saved meanwhile, and the
// differences, with three ways out.
type conflictData struct {
	frame
	Mine                   storyInput // as typed, with Base moved to the current head
	Theirs                 storyInput // the head as stored now
	TheirBy, TheirAt       string
	HeadlineDiff, BodyDiff template.HTML
	FormAction, EditHref   string
	View                   string // "translate" when the side-by-side editor sent it
	Wide                   []wideClash
}

// conflict answers a save that started from a revision that is no longer
// the head, or that changed a story-wide field someone else changed since
// (clashes names those fields). Autosave gets JSON (the editor's script then offers to submit
// the form, which lands here as a page); a form post gets the conflict
// page. Nothing is stored either way.
func (a *Admin) conflict(c *gin.Context, cur *story.Story, lng string, in storyInput, clashes []string) {
	l := a.langFor(c, nil)
	href := ""
	if cur != nil {
		href = editHref(cur.Number, lng)
	}
	if wantsJSON(c) {
		c.JSON(http.StatusConflict, gin.H{"error": l.T("admin.story.conflict"), "current": href})
		return
	}
	if cur == nil {
		// A new story cannot meet someone else's save; show the form again.
		a.storyPage(c, http.StatusConflict, cur, lng, in, nil, true)
		return
	}
	ctx := c.Request.Context()
	// Read the head again: the conflict may come from the insert race, in
	// which case cur is older than what won.
	st, err := a.store.Story(ctx, cur.Number)
	if err != nil {
		a.fail(c, err)
		return
	}
	d := conflictData{frame: a.frame(c, l), Mine: in, FormAction: editHref(st.Number, lng), EditHref: editHref(st.Number, lng)}
	if c.PostForm("view") == viewTranslate {
		d.View = viewTranslate
	}
	d.Mine.Base = 0
	d.Theirs = storyInput{Lang: lng}
	if v := st.Version(lng); v != nil {
		rev, err := a.store.Revision(ctx, st.Number, lng, v.Revision)
		if err != nil {
			a.fail(c, err)
			return
		}
		d.Theirs = a.inputOf(st, lng, rev.Body)
		d.Mine.Base = v.Revision
		d.TheirBy = a.userName(ctx, rev.By)
		d.TheirAt = l.DateTime(rev.At)
	}
	d.Wide = a.wideClashes(l, clashes, in, st, lng)
	d.HeadlineDiff = textdiff.HTML(textdiff.Diff(d.Theirs.Headline, in.Headline))
	d.BodyDiff = textdiff.HTML(textdiff.Diff(d.Theirs.Body, in.Body))
	p := a.page(c, l, l.T("conflict.title", "Number", st.Number))
	p.Data = d
	a.show(c, http.StatusConflict, "conflict", p)
}
