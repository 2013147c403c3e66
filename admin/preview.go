package admin

import (
	"html/template"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/photos"
)

// previewData is the story as its reader will see it.
type previewData struct {
	Headline, Deck, Date, Byline, Caption string
	Photo, Body                           template.HTML
}

// preview renders the posted story the way its reader will see it, in the
// story's language: headline, deck, date, lead photo, body and byline. The
// body goes through the public pages' renderer, so it is sanitized exactly
// as readers will get it.
func (a *Admin) preview(c *gin.Context) {
	body, headline, deck := c.PostForm("body"), c.PostForm("headline"), c.PostForm("deck")
	if !utf8.ValidString(body+headline+deck) || utf8.RuneCountInString(body) > maxBody ||
		utf8.RuneCountInString(headline) > maxHeadline || utf8.RuneCountInString(deck) > maxDeck {
		a.fail(c, &httpError{status: http.StatusRequestEntityTooLarge, id: "admin.error.too_large"})
		return
	}
	l := a.langs.Get(c.PostForm("lang"))
	if l == nil {
		l = a.langFor(c, nil)
	}
	d := previewData{
		Headline: strings.TrimSpace(headline), Deck: strings.TrimSpace(deck), Date: l.DateTime(a.now()),
		Body: template.HTML(a.md.HTML(body)), // sanitized by the renderer
	}
	if names := a.bylineNames(l, c.PostFormArray("byline")); names != "" {
		d.Byline = l.T("article.byline", "Authors", names)
	}
	if a.photos != nil {
		if ph, ok := a.photos.Get(c.PostForm("photo_id")); ok {
			d.Photo = photos.Picture(ph, l.Code, photos.DefaultSizes, true)
			d.Caption = ph.Caption.In(l.Code, a.langs.Default())
		}
	}
	p := a.page(c, l, "")
	p.Data = d
	html, err := a.pages.RenderPart("story", "article-preview", p)
	if err != nil {
		a.fail(c, err)
		return
	}
	c.Data(http.StatusOK, "text/html; charset=utf-8", html)
}
