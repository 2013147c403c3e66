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
	u, ok := a.userMay(c, auth.ActCreateStory)
	if !ok {
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
	st, lng, _, ok := a.storyFor(c, auth.CanEditVersion)
	if !ok {
		return
	}
	body := ""
	if v := st.Version(lng); v != nil {
		var err error
		body, err = a.store.Body(c.Request.Context(), st.Number, lng, v.Revision)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			a.fail(c, err)
			return
		}
	}
	in := a.inputOf(st, lng, body)
	// The author of a change waiting for approval goes on with it.
	if p := a.pendingOf(c, st, lng); p != nil && !p.Rejected && p.By == auth.UserFrom(c).ID {
		in = a.pendingInput(st, p)
	}
	a.storyPage(c, http.StatusOK, st, lng, in, nil, false)
}

// storyFor is storyParams for a handler the logged-in user must be let
// into by may (given the user, story and language). On failure it has
// answered the request already, and ok is false.
func (a *Admin) storyFor(c *gin.Context, may func(*auth.User, *story.Story, string) bool) (st *story.Story, lng string, u *auth.User, ok bool) {
	st, lng, err := a.storyParams(c)
	if err != nil {
		a.fail(c, err)
		return nil, "", nil, false
	}
	u = auth.UserFrom(c)
	if !may(u, st, lng) {
		a.fail(c, auth.ErrForbidden)
		return nil, "", nil, false
	}
	return st, lng, u, true
}

// storyParams reads :number and :lang and finds the story. Pages that only
// show it (the editor, history, the translation view) take it from the
// in-memory catalogue: a database read by _id is a scan of the stories on
// the embedded server, and what they show is checked again when saved (the
// save names the revision it started from, so an editor opened on a
// catalogue that had not yet caught up with another instance ends in the
// conflict page, never in an overwrite). Actions load it from the database.
func (a *Admin) storyParams(c *gin.Context) (*story.Story, string, error) {
	n, err := strconv.Atoi(c.Param("number"))
	lng := c.Param("lang")
	if err != nil || n <= 0 || a.langs.Get(lng) == nil {
		return nil, "", notFound()
	}
	if c.Request.Method == http.MethodGet {
		if st := a.cat.Story(n); st != nil {
			return st, lng, nil
		}
	}
	st, err := a.store.Story(c.Request.Context(), n)
	if err != nil {
		return nil, "", err
	}
	return st, lng, nil
}
