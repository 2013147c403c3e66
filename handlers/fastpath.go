package handlers

import (
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/newsroom/newsroom/pagecache"
)

// paths remembers which cache key answered a request URI, so that a repeat
// request for a cached page skips routing and middleware altogether: the
// reader site's hot path is a map lookup and a write, like a static file
// server. Only URIs without a query, or with just ?page=N, are remembered,
// so random query strings cannot grow the map.
type paths struct{ m sync.Map } // request URI → cache key

func (p *paths) remember(uri, key string) {
	if i := strings.IndexByte(uri, '?'); i >= 0 && !strings.HasPrefix(uri[i+1:], "page=") {
		return
	}
	if strings.Count(uri, "?") > 1 || strings.Contains(uri, "&") {
		return
	}
	p.m.Store(uri, key)
}

func (p *paths) key(uri string) (string, bool) {
	v, ok := p.m.Load(uri)
	if !ok {
		return "", false
	}
	return v.(string), true
}

// Fast wraps the site's router: a GET or HEAD for a page already in the
// cache is served directly, with the same headers the router would add;
// everything else goes to next. A page that was invalidated is simply not
// found, and the router builds it again.
func (h *Handler) Fast(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			if key, ok := h.paths.key(r.RequestURI); ok {
				if p, ok := h.cache.Get(key); ok {
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
					return
				}
			}
		}
		next.ServeHTTP(w, r)
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
