package handlers

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/pagecache"
	"github.com/newsroom/newsroom/render"
)

// htmlCacheControl lets browsers and a CDN keep reader pages briefly; the
// ETag makes revalidation cheap.
const htmlCacheControl = "public, max-age=60, stale-while-revalidate=30"

// rendered is what a page builder returns: the page to render, the cache
// dependencies of its data, and the request URI at which the router answers
// with it (its canonical address; empty keeps it from the fast path).
type rendered struct {
	name string
	page *render.Page
	deps []string
	uri  string
}

// serveCached answers from the page cache, building the page on a miss.
// Concurrent misses of one page share one build, and a page built from data
// that a concurrent write has since changed is not stored (pagecache.Load).
func (h *Handler) serveCached(c *gin.Context, key string, build func(ctx context.Context) (*rendered, error)) {
	if p, ok := h.cache.Get(key); ok {
		pagecache.Serve(c.Writer, c.Request, p, htmlCacheControl)
		return
	}
	p, err := h.cache.Load(c.Request.Context(), key, func(ctx context.Context) (*pagecache.Page, []string, error) {
		r, err := build(ctx)
		if err != nil {
			return nil, nil, err
		}
		body, err := h.pages.Render(r.name, r.page)
		if err != nil {
			return nil, nil, err
		}
		p := pagecache.Build(http.StatusOK, "text/html; charset=utf-8", body)
		p.URI = r.uri
		return p, r.deps, nil
	})
	if err != nil {
		h.fail(c, err)
		return
	}
	pagecache.Serve(c.Writer, c.Request, p, htmlCacheControl)
}

// serveFresh renders without caching (pages whose variants are unbounded).
func (h *Handler) serveFresh(c *gin.Context, build func(ctx context.Context) (*rendered, error)) {
	r, err := build(c.Request.Context())
	if err != nil {
		h.fail(c, err)
		return
	}
	body, err := h.pages.Render(r.name, r.page)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-cache")
	c.Data(http.StatusOK, "text/html; charset=utf-8", body)
}
