package handlers

import (
	"context"
	"fmt"
	"net/http"
	"strings"
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
	_, detail := c.GetQuery("detail")
	// A search index still catching up is a detail, not a failure: every
	// page but search results is complete.
	p := h.SearchProgress()
	if detail || p.Incomplete {
		var b strings.Builder
		b.WriteString("ok\n")
		if detail {
			b.WriteString("database: ok\n" + h.backupDetail() + "\n")
		}
		if p.Incomplete {
			fmt.Fprintf(&b, "search index: incomplete, %d of %d documents indexed\n", p.Done, p.Total)
		} else if detail {
			b.WriteString("search index: complete\n")
		}
		c.String(http.StatusOK, "%s", b.String())
		return
	}
	c.String(http.StatusOK, "ok\n")
}

// backupDetail is the last scheduled backup's outcome, for whoever keeps the
// site up (no paths or error text: /healthz is public).
func (h *Handler) backupDetail() string {
	if h.backups == nil {
		return "backup: off"
	}
	st := h.backups()
	switch {
	case st.At.IsZero():
		return "backup: none yet; next due " + st.Next.UTC().Format(time.RFC3339)
	case st.OK():
		return fmt.Sprintf("backup: ok at %s (%d bytes, took %s)", st.At.UTC().Format(time.RFC3339), st.Bytes, st.Took.Round(time.Millisecond))
	}
	last := "never"
	if !st.LastGood.IsZero() {
		last = st.LastGood.UTC().Format(time.RFC3339)
	}
	return fmt.Sprintf("backup: FAILED at %s; last good %s", st.At.UTC().Format(time.RFC3339), last)
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
