package photos

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/render"
	"github.com/newsroom/newsroom/story"
)

// langFields are one language's texts of a photo in the edit form.
type langFields struct {
	Code, Name           string
	Caption, Alt, Credit string
	AltMissing           bool
	CanCaption           bool // caption and credit
}

type renditionRow struct {
	Width, Height int
	JPEG, WebP    string // sizes, formatted
	Saved         string // WebP's saving over JPEG, "34%"
}

type editData struct {
	frame
	Photo          *Photo
	Preview        string // URL of the preview image
	PreviewW       int
	PreviewH       int
	FocusX, FocusY string
	Langs          []langFields
	Uploaded       string
	Size           string
	Renditions     []renditionRow
	Markdown       string
	CanEdit        bool // everything, every language
	CanSave        bool // something
	CanDelete      bool
	Error          string
	UsedBy         []render.Link // set when a delete was refused
}

// photoEdit shows a photo with its per-language caption, alt text and
// credit, the focal point and, for editors, the delete button.
func (l *Library) photoEdit(c *gin.Context) {
	p, err := l.lookup(c.Request.Context(), c.Param("id"))
	if err != nil {
		l.fail(c, err)
		return
	}
	l.editPage(c, http.StatusOK, p, nil, "", nil)
}

// editPage renders the edit page; in (when not nil) are the texts as typed,
// errMsg a message for the form, usedBy the stories refusing a delete.
func (l *Library) editPage(c *gin.Context, status int, p *Photo, in *Details, errMsg string, usedBy []*story.Story) {
	lg := l.langFor(c, nil)
	u := auth.UserFrom(c)
	r, err := l.rights(c.Request.Context(), u, p)
	if err != nil {
		l.fail(c, err)
		return
	}
	d := editData{
		frame: l.frame(c), Photo: p, CanEdit: r.edit, CanSave: r.any(l.langs.Codes()),
		CanDelete: auth.Can(u, auth.ActDeletePhoto, nil), Error: errMsg,
		Uploaded: lg.DateTime(p.UploadedAt), Size: lg.Size(p.Size),
		Markdown: Markdown(p, lg.Code),
	}
	// What was typed (in), over what is stored.
	focus := Focus{X: p.FocusX, Y: p.FocusY}
	if in != nil && in.Focus != nil {
		focus = *in.Focus
	}
	var typed *Photo
	if in != nil {
		typed = &Photo{Caption: in.Caption, Alt: in.Alt, Credit: in.Credit}
	}
	shownText := func(field, code string) string {
		if typed != nil {
			if v, ok := text(typed, field)[code]; ok {
				return v
			}
		}
		return text(p, field)[code]
	}
	d.FocusX = strconv.FormatFloat(focus.X, 'f', 3, 64)
	d.FocusY = strconv.FormatFloat(focus.Y, 'f', 3, 64)
	for _, code := range l.langs.Codes() {
		d.Langs = append(d.Langs, langFields{
			Code: code, Name: l.langs.Get(code).Name(),
			Caption: shownText("caption", code), Alt: shownText("alt", code), Credit: shownText("credit", code),
			AltMissing: AltMissing(p, code), CanCaption: r.may("caption", code),
		})
	}
	if rs := renditions(p, media.JPEG); len(rs) > 0 {
		r := fallback(rs)
		d.Preview, d.PreviewW, d.PreviewH = URL(p, r.Width, media.JPEG), r.Width, r.Height
	}
	for _, j := range renditions(p, media.JPEG) {
		row := renditionRow{Width: j.Width, Height: j.Height, JPEG: lg.Size(int64(j.Size))}
		if w, ok := findRendition(p, j.Width, media.WebP); ok {
			row.WebP = lg.Size(int64(w.Size))
			row.Saved = strconv.Itoa(100-100*w.Size/max(1, j.Size)) + "%"
		}
		d.Renditions = append(d.Renditions, row)
	}
	for _, st := range usedBy {
		d.UsedBy = append(d.UsedBy, l.storyLink(st, lg.Code))
	}
	page := l.page(c, lg, lg.T("photos.edit.title"))
	if c.Query("saved") != "" && errMsg == "" {
		page.Notice = lg.T("photos.edit.saved")
	}
	page.Data = d
	l.show(c, status, "edit", page)
}

// storyLink names a story by its headline in lang (else any version) and
// links to its editor.
func (l *Library) storyLink(st *story.Story, lang string) render.Link {
	codes := append([]string{lang}, l.langs.Codes()...)
	for _, code := range codes {
		if v := st.Version(code); v != nil {
			return render.Link{Lang: code, Label: v.Headline, Href: "/admin/stories/" + strconv.Itoa(st.Number) + "/" + code}
		}
	}
	return render.Link{Label: "#" + strconv.Itoa(st.Number), Href: "/admin/stories/" + strconv.Itoa(st.Number) + "/" + lang}
}
