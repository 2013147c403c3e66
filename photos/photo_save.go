package photos

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/story"
)

// photoSave saves the edit form: caption, alt text and credit per
// language, and the focal point.
func (l *Library) photoSave(c *gin.Context) {
	if !mayEdit(auth.UserFrom(c)) {
		l.fail(c, auth.ErrForbidden)
		return
	}
	p, err := l.lookup(c.Request.Context(), c.Param("id"))
	if err != nil {
		l.fail(c, err)
		return
	}
	in := Details{Caption: story.Text{}, Alt: story.Text{}, Credit: story.Text{}}
	for _, code := range l.langs.Codes() {
		in.Caption[code] = c.PostForm("caption_" + code)
		in.Alt[code] = c.PostForm("alt_" + code)
		in.Credit[code] = c.PostForm("credit_" + code)
	}
	in.FocusX = formFloat(c.PostForm("focus_x"), p.FocusX)
	in.FocusY = formFloat(c.PostForm("focus_y"), p.FocusY)
	if _, err := l.Update(c.Request.Context(), p.ID, in); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) {
			l.editPage(c, http.StatusUnprocessableEntity, p, &in, l.langFor(c, nil).T(fe.ID, fe.Args...), nil)
			return
		}
		l.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, AdminPrefix+"/photo/"+p.ID+"?saved=1")
}

// formFloat reads a focal point coordinate; percentages are accepted too,
// since that is what people type.
func formFloat(s string, def float64) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return def
	}
	if v > 1 {
		v /= 100
	}
	return v
}

// photoDelete deletes a photo no story uses; otherwise the edit page comes
// back listing the stories that do.
func (l *Library) photoDelete(c *gin.Context) {
	if !mayDelete(auth.UserFrom(c)) {
		l.fail(c, auth.ErrForbidden)
		return
	}
	err := l.Delete(c.Request.Context(), c.Param("id"))
	var iu *InUseError
	if errors.As(err, &iu) {
		p, lerr := l.lookup(c.Request.Context(), c.Param("id"))
		if lerr != nil {
			l.fail(c, lerr)
			return
		}
		lg := l.langFor(c, nil)
		l.editPage(c, http.StatusConflict, p, nil, lg.N("photos.delete.in_use", len(iu.Stories)), iu.Stories)
		return
	}
	if err != nil {
		l.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, AdminPrefix+"/?deleted=1")
}
