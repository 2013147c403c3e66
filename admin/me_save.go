package admin

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/store"
)

// meSave changes the logged-in user's newsroom language, and nothing else
// of the account: an admin's change of its role made meanwhile stays.
func (a *Admin) meSave(c *gin.Context) {
	u := auth.UserFrom(c)
	code := c.PostForm("lang")
	if a.langs.Get(code) == nil {
		a.fail(c, &httpError{status: http.StatusBadRequest, id: "admin.error.bad_form"})
		return
	}
	if _, err := a.store.UpdateUser(c.Request.Context(), u.ID, store.UserChange{Lang: &code}); err != nil {
		a.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/admin/?done=prefs_saved")
}
