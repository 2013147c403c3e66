package handlers

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/pagecache"
)

// health answers 200 when the database answers, 503 otherwise; a load
// balancer polls it.
func (h *Handler) health(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	c.Header("Cache-Control", "no-store")
	if err := h.store.Ping(ctx); err != nil {
		h.log.Warn("health check failed", "err", err)
		c.String(http.StatusServiceUnavailable, "database unavailable\n")
		return
	}
	// A search index still catching up is a detail, not a failure: every
	// page but search results is complete.
	if p := h.SearchProgress(); p.Incomplete {
		c.String(http.StatusOK, "ok\nsearch index: incomplete, %d of %d documents indexed\n", p.Done, p.Total)
		return
	}
	c.String(http.StatusOK, "ok\n")
}

// staticFile serves embedded assets by their hashed names, cacheable forever.
func (h *Handler) staticFile(c *gin.Context) {
	p, ok := h.statics[c.Request.URL.Path]
	if !ok {
		h.fail(c, notFoundErr("error.not_found.body", nil))
		return
	}
	pagecache.Serve(c.Writer, c.Request, p, "public, max-age=31536000, immutable")
}
