package photos

import (
	"errors"
	"io"
	"net/http"
	"strconv"

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

type uploaded struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Edit  string `json:"edit"`
	Thumb string `json:"thumb"`
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
	p, err := l.Upload(c.Request.Context(), c.Query("name"), c.Request.Body, u.ID)
	if err != nil {
		l.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, uploaded{ID: p.ID, Name: p.Name, Edit: AdminPrefix + "/photo/" + p.ID, Thumb: ThumbURL(p, CropWide, 320)})
}

// uploadMultipart reads the form's parts as they arrive, so a large upload
// is never held whole: the CSRF token first (the form puts it first), then
// the files, one at a time. It answers with the library page, or the first
// refusal.
func (l *Library) uploadMultipart(c *gin.Context, u *auth.User) {
	mr, err := c.Request.MultipartReader()
	if err != nil {
		l.fail(c, &httpError{status: http.StatusBadRequest, id: "photos.error.bad_form"})
		return
	}
	part, err := mr.NextPart()
	if err != nil || part.FormName() != auth.CSRFField {
		l.fail(c, &httpError{status: http.StatusForbidden, id: "photos.error.csrf"})
		return
	}
	token, err := io.ReadAll(io.LimitReader(part, 200))
	if err != nil || !auth.ValidCSRF(auth.SessionFrom(c), string(token)) {
		l.fail(c, &httpError{status: http.StatusForbidden, id: "photos.error.csrf"})
		return
	}
	n := 0
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			l.fail(c, &httpError{status: http.StatusBadRequest, id: "photos.error.bad_form"})
			return
		}
		if part.FormName() != "file" || part.FileName() == "" {
			continue
		}
		if _, err := l.Upload(c.Request.Context(), part.FileName(), part, u.ID); err != nil {
			l.fail(c, err)
			return
		}
		n++
	}
	c.Redirect(http.StatusSeeOther, AdminPrefix+"/?uploaded="+strconv.Itoa(n))
}
