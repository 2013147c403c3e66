package photos

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
)

// uploadShow is the upload page: a file picker and a drop zone; the script
// sends each file on its own with a progress bar, and the form works
// without it (multipart, all files in one request).
func (l *Library) uploadShow(c *gin.Context) {
	if !mayUpload(auth.UserFrom(c)) {
		l.fail(c, auth.ErrForbidden)
		return
	}
	lg := l.langFor(c, nil)
	p := l.page(c, lg, lg.T("photos.upload.title"))
	p.Data = struct {
		frame
		MaxMB int64
	}{l.frame(c), l.limits.MaxBytes >> 20}
	l.show(c, http.StatusOK, "upload", p)
}

// uploadReadTime is how long a client may take to send an upload: 25 MB
// at about 4 Mbit/s.
const uploadReadTime = 60 * time.Second

// allowUploadTime lifts the server's read and write deadlines, sized for
// pages, to what an upload may take: sending it, waiting for room and being
// processed. Past those the client still gets its answer (ErrBusy), so the
// connection must not be cut before.
func (l *Library) allowUploadTime(c *gin.Context) {
	now := time.Now()
	rc := http.NewResponseController(c.Writer)
	if err := rc.SetReadDeadline(now.Add(uploadReadTime)); err != nil {
		l.log.Warn("photos: lifting the read deadline of an upload", "err", err)
	}
	if err := rc.SetWriteDeadline(now.Add(uploadReadTime + l.gate.wait + l.uploadTime + 10*time.Second)); err != nil {
		l.log.Warn("photos: lifting the write deadline of an upload", "err", err)
	}
}

type uploaded struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Existing is true when the same bytes were uploaded before: the
	// photo is the one they made then.
	Existing bool   `json:"existing,omitempty"`
	Edit     string `json:"edit"`
	Thumb    string `json:"thumb"`
}

// uploadReceive takes one photo as the request body (the script's way:
// ?name= gives the file name, the CSRF token comes in a header), or the
// upload form's multipart body.
func (l *Library) uploadReceive(c *gin.Context) {
	u := auth.UserFrom(c)
	if !mayUpload(u) {
		l.fail(c, auth.ErrForbidden)
		return
	}
	if isMultipart(c) {
		l.uploadMultipart(c, u)
		return
	}
	p, existing, err := l.Upload(c.Request.Context(), c.Query("name"), c.Request.Body, u.ID)
	if err != nil {
		l.fail(c, err)
		return
	}
	status := http.StatusCreated
	if existing {
		status = http.StatusOK
	}
	c.JSON(status, uploaded{ID: p.ID, Name: p.Name, Existing: existing, Edit: AdminPrefix + "/photo/" + p.ID, Thumb: ThumbURL(p, CropWide, 320)})
}

// uploadMultipart stores the files of the upload form (parsed, with its
// CSRF token, by auth.CSRF; files beyond maxFormMemory wait on disk). It
// answers with the library page, or the first refusal.
func (l *Library) uploadMultipart(c *gin.Context, u *auth.User) {
	form := c.Request.MultipartForm
	if form == nil {
		l.fail(c, &httpError{status: http.StatusBadRequest, id: "photos.error.bad_form"})
		return
	}
	n := 0
	for _, fh := range form.File["file"] {
		f, err := fh.Open()
		if err != nil {
			l.fail(c, fmt.Errorf("photos: reading an uploaded file: %w", err))
			return
		}
		_, _, err = l.Upload(c.Request.Context(), fh.Filename, f, u.ID)
		f.Close()
		if err != nil {
			l.fail(c, err)
			return
		}
		n++
	}
	c.Redirect(http.StatusSeeOther, AdminPrefix+"/?uploaded="+strconv.Itoa(n))
}
