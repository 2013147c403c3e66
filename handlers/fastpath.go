package handlers

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/newsroom/newsroom/pagecache"
)

// Fast wraps the site's router: a GET or HEAD for a page already in the
// cache, at exactly the address the router answered it for (its canonical
// request URI), is served directly with the same headers the router would
// add, skipping routing and middleware: the reader site's hot path is a map
// lookup and a write, like a static file server. Everything else goes to
// next. The shortcut never re-decides which address shows which page; a
// page that was invalidated is forgotten with its address, and the router
// decides again (builds it, or redirects an old slug).
func (h *Handler) Fast(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		p, ok := h.cache.ByURI(r.RequestURI)
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		start := time.Now()
		hd := w.Header()
		hd["Content-Security-Policy"] = readerCSP
		hd["X-Content-Type-Options"] = nosniff
		hd["Referrer-Policy"] = referrerPolicy
		pagecache.Serve(w, r, p, htmlCacheControl)
		if h.observe != nil || h.log.Enabled(r.Context(), slog.LevelInfo) {
			status := p.Status
			if w.Header().Get("Content-Length") == "" {
				status = http.StatusNotModified
			}
			h.logFast(r, status, time.Since(start))
		}
	})
}

// logFast records a request answered from the cache before routing.
func (h *Handler) logFast(r *http.Request, status int, d time.Duration) {
	if h.observe != nil {
		h.observe("cached", status, d)
	}
	if h.log.Enabled(r.Context(), slog.LevelInfo) {
		h.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", status,
			"duration", d.Round(time.Microsecond))
	}
}
