package photos

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/store"
)

// The names a photo's files have under /media/<id>/: renditions (640.jpg,
// 640.webp) and thumbnails (thumb-320-r2.jpg, square-160-r0.jpg). The
// original has no name here: it is never served.
var (
	renditionFile = regexp.MustCompile(`^([1-9][0-9]{0,4})\.(jpg|webp)$`)
	thumbFile     = regexp.MustCompile(`^(thumb|square)-([1-9][0-9]{0,3})-r([0-9]{1,6})\.jpg$`)
)

const immutable = "public, max-age=31536000, immutable"

// mediaRetryAfter is what a photo request answered 503 during a database
// outage is told to wait.
const mediaRetryAfter = 10 * time.Second

// ServeMedia answers GET and HEAD /media/:id/:file with a rendition or a
// thumbnail: a strong ETag, 304 for a matching If-None-Match, and caching
// for good, since what a URL names never changes (a new crop gets a new
// thumbnail URL). Unknown photos and names get 404.
func (l *Library) ServeMedia(c *gin.Context) {
	id, file := c.Param("id"), c.Param("file")
	var (
		data  []byte
		etag  string
		err   error
		ctype = "image/jpeg"
		cache = immutable
	)
	if m := renditionFile.FindStringSubmatch(file); m != nil {
		w, _ := strconv.Atoi(m[1]) // the pattern allows digits only
		format := media.JPEG
		if m[2] == "webp" {
			format, ctype = media.WebP, "image/webp"
		}
		data, etag, err = l.Rendition(c.Request.Context(), id, w, format)
	} else if m := thumbFile.FindStringSubmatch(file); m != nil {
		w, _ := strconv.Atoi(m[2])
		rev, _ := strconv.Atoi(m[3])
		var p *Photo
		if p, err = l.lookup(c.Request.Context(), id); err == nil {
			if rev != p.CropRev {
				// An old page names an earlier crop: show the current
				// one, but only briefly, since this URL's answer changed.
				cache = "public, max-age=300"
			}
			data, etag, err = l.Thumbnail(c.Request.Context(), id, m[1], w)
		}
	} else {
		err = ErrNotFound
	}
	h := c.Writer.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	switch {
	case errors.Is(err, ErrNotFound):
		h.Set("Cache-Control", "public, max-age=60")
		c.String(http.StatusNotFound, "404 page not found")
		return
	case errors.Is(c.Request.Context().Err(), context.Canceled):
		// The client went away (a thumbnail scrolled past): not a server error.
		l.log.Info("photos: client gone", "photo", id, "file", file, "err", err)
		c.Status(statusClientClosed)
		return
	case errors.Is(err, store.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		// Not in this instance's cache, and the database is not answering.
		l.log.Warn("photos: database unavailable for a photo file", "photo", id, "file", file, "err", err)
		h.Set("Cache-Control", "no-store")
		h.Set("Retry-After", strconv.Itoa(int(mediaRetryAfter.Seconds())))
		c.String(http.StatusServiceUnavailable, "503 service unavailable")
		return
	case err != nil:
		l.log.Error("photos: serving a photo file", "photo", id, "file", file, "err", err)
		h.Set("Cache-Control", "no-store")
		c.String(http.StatusInternalServerError, "500 internal server error")
		return
	}
	h.Set("ETag", etag)
	h.Set("Cache-Control", cache)
	if etagMatch(c.GetHeader("If-None-Match"), etag) {
		c.Status(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Content-Type", ctype)
	c.Status(http.StatusOK)
	if c.Request.Method != http.MethodHead {
		_, _ = c.Writer.Write(data) // the client went away; nothing to do
	}
}

// etagMatch reports whether an If-None-Match header names etag (or is "*").
func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}
