package handlers

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/lang"
)

const maxURLBytes = 2048

func itoa(n int) string { return strconv.Itoa(n) }

// recoverPanic turns a panic into the 500 page instead of a dropped connection.
func (h *Handler) recoverPanic(c *gin.Context) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			h.fail(c, fmt.Errorf("panic: %v", v))
			c.Abort()
		}
	}()
	c.Next()
}

// logRequest writes one line per request, without query strings, addresses or
// cookies (no personal data).
func (h *Handler) logRequest(c *gin.Context) {
	start := time.Now()
	c.Next()
	if h.observe != nil {
		route := c.FullPath()
		if route == "" {
			route = "unmatched"
		}
		h.observe(route, c.Writer.Status(), time.Since(start))
	}
	if h.log.Enabled(c.Request.Context(), slog.LevelInfo) {
		h.log.Info("request", "method", c.Request.Method, "path", c.Request.URL.Path,
			"status", c.Writer.Status(), "duration", time.Since(start).Round(time.Microsecond))
	}
}

// guardRequest bounds every request: its URL, its encoding and its time.
func (h *Handler) guardRequest(c *gin.Context) {
	u := c.Request.URL
	if len(u.RawPath)+len(u.Path)+len(u.RawQuery) > maxURLBytes {
		h.fail(c, badRequest("error.bad_request.too_long", nil))
		c.Abort()
		return
	}
	if !utf8.ValidString(u.Path) || !validQuery(u.RawQuery) {
		h.fail(c, badRequest("error.bad_request.encoding", nil))
		c.Abort()
		return
	}
	// The request's deadline (NEWSROOM_REQUEST_TIMEOUT) bounds the whole
	// handler: every database call also carries its own, shorter one
	// (NEWSROOM_DB_TIMEOUT), but a handler making several stops at this one.
	// Pages answered by Fast, from memory, need none.
	if h.requestTimeout > 0 {
		ctx, cancel := context.WithTimeout(c.Request.Context(), h.requestTimeout)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
	}
	c.Next()
}

func validQuery(raw string) bool {
	if raw == "" {
		return true
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return false
	}
	for k, vs := range q {
		if !utf8.ValidString(k) {
			return false
		}
		for _, v := range vs {
			if !utf8.ValidString(v) {
				return false
			}
		}
	}
	return true
}

// securityHeaders: reader pages run no inline script and may not be framed elsewhere.
func (h *Handler) securityHeaders(c *gin.Context) {
	hd := c.Writer.Header()
	hd["Content-Security-Policy"] = readerCSP
	hd["X-Content-Type-Options"] = nosniff
	hd["Referrer-Policy"] = referrerPolicy
	c.Next()
}

// Header values shared by every response (never modified).
var (
	readerCSP      = []string{"default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"}
	nosniff        = []string{"nosniff"}
	referrerPolicy = []string{"strict-origin-when-cross-origin"}
)

type ctxKey int

const langKey ctxKey = 0

// withLang fixes the language of a /{lang}/ route for the handlers after it.
func (h *Handler) withLang(code string) gin.HandlerFunc {
	l := h.langs.Get(code)
	return func(c *gin.Context) {
		c.Set("lang", l)
		c.Next()
	}
}

// langOf returns the route's language, or, outside a language prefix, the
// reader's: cookie, then Accept-Language, then the paper's default.
func (h *Handler) langOf(c *gin.Context) *lang.Lang {
	if v, ok := c.Get("lang"); ok {
		return v.(*lang.Lang)
	}
	// Before routing (or for a bad request inside /{lang}/), the prefix still tells.
	p := strings.TrimPrefix(c.Request.URL.Path, "/")
	if i := strings.IndexByte(p, '/'); i > 0 {
		if l := h.langs.Get(p[:i]); l != nil {
			return l
		}
	}
	return h.langs.Get(h.preferredLang(c.Request))
}

const langCookie = "lang"

func (h *Handler) preferredLang(r *http.Request) string {
	if ck, err := r.Cookie(langCookie); err == nil && h.langs.Get(ck.Value) != nil {
		return ck.Value
	}
	return h.langs.Match(r.Header.Get("Accept-Language"))
}
