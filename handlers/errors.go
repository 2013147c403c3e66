package handlers

import (
	"context"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/render"
	"github.com/newsroom/newsroom/store"
)

// httpError is an error a reader caused or may see: a status, the message to
// show (a locale message ID with arguments) and optionally a link onward.
type httpError struct {
	status int
	id     string
	args   []any
	link   *render.Link
}

func (e *httpError) Error() string { return http.StatusText(e.status) + ": " + e.id }

// statusClientClosed is what the request log records for a request whose
// client left before the answer (nginx's 499): not a server error.
const statusClientClosed = 499

func notFoundErr(id string, link *render.Link, args ...any) error {
	return &httpError{status: http.StatusNotFound, id: id, args: args, link: link}
}

func badRequest(id string, link *render.Link, args ...any) error {
	return &httpError{status: http.StatusBadRequest, id: id, args: args, link: link}
}

func (h *Handler) notFound(c *gin.Context) {
	if h.oldAddress(c) {
		return
	}
	h.fail(c, notFoundErr("error.not_found.body", nil))
}

// fail is the one place where errors become responses: a localized page with
// the right status; details of unexpected errors go to the log, never the page.
func (h *Handler) fail(c *gin.Context, err error) {
	if errors.Is(c.Request.Context().Err(), context.Canceled) {
		// The client went away (closed the tab, scrolled past the image):
		// nobody reads the answer and nothing went wrong here.
		h.log.Info("client gone", "path", c.Request.URL.Path, "err", err)
		c.Status(statusClientClosed)
		return
	}
	l := h.langOf(c)
	var he *httpError
	switch {
	case errors.As(err, &he):
	case errors.Is(err, store.ErrNotFound):
		he = &httpError{status: http.StatusNotFound, id: "error.not_found.body"}
	case errors.Is(err, store.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		h.log.Warn("database unavailable", "path", c.Request.URL.Path, "err", err)
		he = &httpError{status: http.StatusServiceUnavailable, id: "error.unavailable.body"}
	default:
		h.log.Error("request failed", "path", c.Request.URL.Path, "err", err)
		he = &httpError{status: http.StatusInternalServerError, id: "error.internal.body"}
	}
	title := map[int]string{
		http.StatusNotFound:            "error.not_found.title",
		http.StatusGone:                "error.gone.title",
		http.StatusBadRequest:          "error.bad_request.title",
		http.StatusServiceUnavailable:  "error.unavailable.title",
		http.StatusInternalServerError: "error.internal.title",
	}[he.status]
	p := h.page(c, l)
	p.Title = l.T(title)
	p.NoIndex = true
	p.Data = struct {
		Heading, Message string
		Link             *render.Link
	}{l.T(title), l.T(he.id, he.args...), he.link}
	body, rerr := h.pages.Render("error", p)
	if rerr != nil {
		h.log.Error("error page failed", "err", rerr)
		c.Data(he.status, "text/plain; charset=utf-8", []byte(http.StatusText(he.status)))
		return
	}
	c.Header("Cache-Control", "no-store")
	if he.status == http.StatusServiceUnavailable {
		c.Header("Retry-After", "5")
	}
	c.Data(he.status, "text/html; charset=utf-8", body)
}
