package photos

import (
	"context"
	"errors"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/story"
)

// photoSave saves the edit form: caption, alt text and credit per
// language, and the focal point. Only the fields the form sends change (a
// form without a language's fields leaves them as they are), and only those
// the user may change (rights): a field sent unchanged is let be, a change
// to one the user may not make is refused.
func (l *Library) photoSave(c *gin.Context) {
	u := auth.UserFrom(c)
	p, err := l.lookup(c.Request.Context(), c.Param("id"))
	if err != nil {
		l.fail(c, err)
		return
	}
	r, err := l.rights(c.Request.Context(), u, p)
	if err != nil {
		l.fail(c, err)
		return
	}
	if !r.any(l.langs.Codes()) {
		l.fail(c, auth.ErrForbidden)
		return
	}
	in := Details{Caption: story.Text{}, Alt: story.Text{}, Credit: story.Text{}}
	for _, code := range l.langs.Codes() {
		for field, t := range map[string]story.Text{"caption": in.Caption, "alt": in.Alt, "credit": in.Credit} {
			v, sent := c.GetPostForm(field + "_" + code)
			if !sent || (!r.may(field, code) && strings.TrimSpace(v) == text(p, field)[code]) {
				continue
			}
			if !r.may(field, code) {
				l.fail(c, auth.ErrForbidden)
				return
			}
			t[code] = v
		}
	}
	fx, sentX := c.GetPostForm("focus_x")
	fy, sentY := c.GetPostForm("focus_y")
	if sentX || sentY {
		f := Focus{X: formFloat(fx, p.FocusX), Y: formFloat(fy, p.FocusY)}
		if !r.edit && (math.Abs(f.X-p.FocusX) > 1e-4 || math.Abs(f.Y-p.FocusY) > 1e-4) {
			l.fail(c, auth.ErrForbidden)
			return
		}
		in.Focus = &f
	}
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

// text is a photo's caption, alt text or credit, by field name.
func text(p *Photo, field string) story.Text {
	switch field {
	case "caption":
		return p.Caption
	case "alt":
		return p.Alt
	}
	return p.Credit
}

// rights is what a user may change of one photo.
type rights struct {
	u    *auth.User
	edit bool // everything, in every language (auth.CanEditPhoto)
}

// may reports whether the user may change field ("caption", "alt",
// "credit") in lang.
func (r rights) may(field, lang string) bool {
	return r.edit || (field != "alt" && auth.CanCaptionPhoto(r.u, false, lang))
}

// any reports whether the user may change anything of the photo.
func (r rights) any(langs []string) bool {
	return r.edit || slices.ContainsFunc(langs, func(code string) bool { return r.may("caption", code) })
}

// rights decides what u may change of p. The stories showing p are only
// looked up for users whose right depends on them (reporters).
func (l *Library) rights(ctx context.Context, u *auth.User, p *Photo) (rights, error) {
	r := rights{u: u}
	switch {
	case auth.Can(u, auth.ActEditPhoto, &story.Story{}): // a story of nobody's: any story
		r.edit = true
	case u != nil && auth.Can(u, auth.ActEditPhoto, &story.Story{CreatedBy: u.ID}):
		shownIn, err := l.UsedBy(ctx, p.ID)
		if err != nil {
			return r, err
		}
		r.edit = auth.CanEditPhoto(u, p.UploadedBy, shownIn)
	}
	return r, nil
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
	if !auth.Can(auth.UserFrom(c), auth.ActDeletePhoto, nil) {
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
