package handlers

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/redirect"
)

// rootRedirect sends / to the reader's language: cookie, Accept-Language, default.
func (h *Handler) rootRedirect(c *gin.Context) {
	// /?p=12 and the like: a previous site's address of one page
	if c.Request.URL.RawQuery != "" && h.oldAddress(c) {
		return
	}
	c.Header("Vary", "Cookie, Accept-Language")
	c.Header("Cache-Control", "private, no-cache")
	c.Redirect(http.StatusFound, "/"+h.preferredLang(c.Request)+"/")
}

// languageSwitch is /lang/{code}?next=/{code}/...: remember the choice in a
// cookie, then go on. next must be a path inside that language, so the switch
// can't be used to send readers to another site.
func (h *Handler) languageSwitch(c *gin.Context) {
	code := c.Param("code")
	if h.langs.Get(code) == nil {
		h.fail(c, notFoundErr("error.not_found.body", nil))
		return
	}
	home := "/" + code + "/"
	next := redirect.Local(c.Query("next"), home, home)
	http.SetCookie(c.Writer, &http.Cookie{
		Name: langCookie, Value: code, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: strings.HasPrefix(h.base(), "https://"),
	})
	c.Header("Cache-Control", "no-store")
	c.Redirect(http.StatusFound, next)
}
