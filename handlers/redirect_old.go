package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/redirect"
)

// oldAddress answers an address no route matched from the redirect table
// (an imported site's old addresses): a 301 to where the page lives now.
// It reports false when the table has nothing, after counting the address
// for the 404 monitor.
func (h *Handler) oldAddress(c *gin.Context) bool {
	r := c.Request
	if h.redirects == nil || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
		return false
	}
	if to, ok := h.redirects.Lookup(r.URL); ok {
		c.Header("Cache-Control", "public, max-age=86400")
		c.Redirect(http.StatusMovedPermanently, to)
		return true
	}
	if h.misses != nil {
		h.misses.Note(r.URL.RequestURI(), h.now())
	}
	return false
}

// Misses is the 404 monitor's count (nil when not kept).
func (h *Handler) Misses() *redirect.Misses { return h.misses }

// Redirects is the redirect table (nil when none).
func (h *Handler) Redirects() *redirect.Table { return h.redirects }
