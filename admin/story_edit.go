package admin

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// storyNew shows an empty editor; ?lang= picks the language (default: the paper's).
func (a *Admin) storyNew(c *gin.Context) {
	u := auth.UserFrom(c)
	if !auth.Can(u, auth.ActCreateStory, nil) {
		a.fail(c, auth.ErrForbidden)
		return
	}
	lng := c.Query("lang")
	if a.langs.Get(lng) == nil {
		lng = a.langs.Default()
	}
	in := storyInput{Lang: lng}
	if u.Handle != "" {
		if _, ok := a.cat.Author(u.Handle); ok {
			in.Byline = []string{u.Handle}
		}
	}
	a.storyPage(c, http.StatusOK, nil, lng, in, nil, false)
}

// storyEdit shows the editor for one language version, or an empty one
// for a translation not written yet.
func (a *Admin) storyEdit(c *gin.Context) {
	st, lng, err := a.storyParams(c)
	if err != nil {
		a.fail(c, err)
		return
	}
	if !auth.CanEditVersion(auth.UserFrom(c), st, lng) {
		a.fail(c, auth.ErrForbidden)
		return
	}
	body := ""
	if v := st.Version(lng); v != nil {
		body, err = a.store.Body(c.Request.Context(), st.Number, lng, v.Revision)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			a.fail(c, err)
			return
		}
	}
	a.storyPage(c, http.StatusOK, st, lng, a.inputOf(st, lng, body), nil, false)
}

// storyParams reads :number and :lang and loads the story from the
// database (by _id): the editor must start from what is stored, not from a
// catalogue that another instance may not have caught up with.
func (a *Admin) storyParams(c *gin.Context) (*story.Story, string, error) {
	n, err := strconv.Atoi(c.Param("number"))
	lng := c.Param("lang")
	if err != nil || n <= 0 || a.langs.Get(lng) == nil {
		return nil, "", notFound()
	}
	st, err := a.store.Story(c.Request.Context(), n)
	if err != nil {
		return nil, "", err
	}
	return st, lng, nil
}
