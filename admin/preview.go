package admin

import (
	"net/http"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
)

// preview renders the posted Markdown with the public pages' renderer (so
// it is sanitized exactly as readers will get it) and returns the fragment.
func (a *Admin) preview(c *gin.Context) {
	body := c.PostForm("body")
	if !utf8.ValidString(body) || utf8.RuneCountInString(body) > maxBody {
		a.fail(c, &httpError{status: http.StatusRequestEntityTooLarge, id: "admin.error.too_large"})
		return
	}
	c.Data(http.StatusOK, "text/html; charset=utf-8", []byte(a.md.HTML(body)))
}
