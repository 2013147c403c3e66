package admin

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
)

// meSave changes the logged-in user's newsroom language.
func (a *Admin) meSave(c *gin.Context) {
	u := *auth.UserFrom(c)
	code := c.PostForm("lang")
	if a.langs.Get(code) == nil {
		a.fail(c, &httpError{status: http.StatusBadRequest, id: "admin.error.bad_form"})
		return
	}
	u.Lang = code
	if err := a.store.UpdateUser(c.Request.Context(), &u); err != nil {
		a.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/admin/?done=prefs_saved")
}
