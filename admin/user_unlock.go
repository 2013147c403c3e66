package admin

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
)

// userUnlock lifts the login lockout of an account that strangers' guesses
// locked for unknown browsers (auth checks the rights again and audits it).
func (a *Admin) userUnlock(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActManageUsers)
	if !ok {
		return
	}
	if _, err := a.auth.UnlockAccount(c.Request.Context(), u, c.Param("id"), c.ClientIP()); err != nil {
		a.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/admin/users?done=user_unlocked")
}
