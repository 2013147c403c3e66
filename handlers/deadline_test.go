package handlers

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/gin-gonic/gin"
)

// TestRequestTimeoutIsTheHandlersDeadline: NEWSROOM_REQUEST_TIMEOUT bounds
// what a handler waits for (here, something as slow as a stuck database),
// and the reader gets the localized "try again" page when it passes.
func TestRequestTimeoutIsTheHandlersDeadline(t *testing.T) {
	s := newTestSite(t)
	s.h.requestTimeout = 3 * time.Second
	r := s.h.Router()
	r.GET("/en/slow", func(c *gin.Context) {
		<-c.Request.Context().Done() // a call that would otherwise never return
		s.h.fail(c, c.Request.Context().Err())
	})
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		w := httptest.NewRecorder()
		r.ServeHTTP(w, httptest.NewRequest("GET", "/en/slow", nil))
		if took := time.Since(start); took != 3*time.Second {
			t.Errorf("the handler was stopped after %s, want the request timeout of 3s", took)
		}
		if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
			t.Errorf("status %d, Retry-After %q; want 503 with Retry-After", w.Code, w.Header().Get("Retry-After"))
		}
		if !strings.Contains(w.Body.String(), `lang="en"`) {
			t.Error("the error page is not in the reader's language")
		}
	})
}
