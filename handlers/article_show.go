package handlers

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/render"
	"github.com/newsroom/newsroom/story"
)

type articleData struct {
	Headline, Deck           string
	SectionName, SectionHref string
	Published, PublishedISO  string
	Updated, UpdatedISO      string
	Photo                    template.HTML
	Caption, Credit          string
	TranslatedFrom           string
	SourceCorrected          *render.Link // the original was corrected after this translation was made
	Body                     template.HTML
	Correction               string
	Byline                   template.HTML // names link to the author pages
	Tags                     []render.Link
	Comments                 []commentView // from a previous site, read-only
}

// commentView is one carried-over comment as the article shows it.
type commentView struct {
	Author, Date, DateISO, Body string
	Depth                       int // 0 for a comment, 1.. for replies
}

// storyNumber reads the {number} path segment; anything but a plain number
// names no story.
func storyNumber(c *gin.Context) (int, bool) {
	raw := c.Param("number")
	if raw == "" || len(raw) > 9 || raw[0] == '0' {
		return 0, false
	}
	n, err := strconv.Atoi(raw)
	return n, err == nil && n > 0
}

// articleShow is /{lang}/news/{number}/{slug}. Without the slug, or with an
// old or wrong one, it redirects to the canonical address.
func (h *Handler) articleShow(c *gin.Context) {
	l := h.langOf(c)
	n, ok := storyNumber(c)
	if !ok {
		h.fail(c, notFoundErr("error.not_found.story", nil))
		return
	}
	e, ok := h.cat.Live(l.Code, n)
	if !ok {
		h.fail(c, h.missingStory(l, n))
		return
	}
	canonical := articlePath(l.Code, n, e.V.Slug)
	if c.Param("slug") != e.V.Slug {
		c.Header("Cache-Control", "public, max-age=300")
		c.Redirect(http.StatusMovedPermanently, canonical)
		return
	}
	h.serveCached(c, "article:"+l.Code+":"+strconv.Itoa(n), func(ctx context.Context) (*rendered, error) {
		return h.renderArticle(ctx, c, l, e, canonical)
	})
}

// missingStory explains a story that readers can't see in this language: a
// 404 that links to the version in another language when there is one.
func (h *Handler) missingStory(l *lang.Lang, n int) error {
	st := h.cat.Story(n)
	if st == nil {
		return notFoundErr("error.not_found.story", nil)
	}
	if st.Trashed() {
		// It was here and an editor took it away: say so (410), so
		// that search engines drop the address.
		return &httpError{status: http.StatusGone, id: "error.gone.story"}
	}
	for _, code := range st.LiveLangs(h.langs.Codes(), h.now()) {
		name := h.languageName(l, code)
		return notFoundErr("error.not_found.other_language", &render.Link{
			Lang: code, Label: st.Versions[code].Headline,
			Href: articlePath(code, n, st.Versions[code].Slug),
		}, "Lang", name)
	}
	return notFoundErr("error.not_found.story", nil)
}

func (h *Handler) renderArticle(ctx context.Context, c *gin.Context, l *lang.Lang, e catalog.Entry, canonical string) (*rendered, error) {
	st, v := e.Story, e.V
	body, err := h.store.Body(ctx, st.Number, l.Code, v.Revision)
	if err != nil {
		return nil, err
	}
	now := h.now()
	p := h.page(c, l)
	p.Title = v.Headline
	p.Description = v.Summary
	if p.Description == "" {
		p.Description = v.Deck
	}
	p.Canonical = h.base() + canonical
	paths := map[string]string{}
	for _, code := range st.LiveLangs(h.langs.Codes(), now) {
		paths[code] = articlePath(code, st.Number, st.Versions[code].Slug)
	}
	p.Alternates = h.alternates(paths, "")
	p.Switch = h.switchLinks(l.Code, func(code string) string {
		if path, ok := paths[code]; ok {
			return path
		}
		return "/" + code + "/?unavailable=" + strconv.Itoa(st.Number)
	})
	d := articleData{
		Headline: v.Headline, Deck: v.Deck,
		Published: l.DateTime(v.PublishedAt), PublishedISO: l.ISO(v.PublishedAt),
		Body:       h.md[l.Code].HTML(body),
		Correction: v.Correction,
		Byline:     h.bylineLinks(l, st.Byline),
	}
	if ph, ok := h.leadPhoto(st); ok {
		d.Photo = photos.Picture(ph, l.Code, photos.DefaultSizes, true) // the lead photo loads eagerly
		d.Caption, d.Credit = ph.Caption.In(l.Code, h.langs.Default()), ph.Credit.In(l.Code, h.langs.Default())
	}
	if v.WasUpdated() {
		d.Updated, d.UpdatedISO = l.DateTime(v.UpdatedAt), l.ISO(v.UpdatedAt)
	}
	if v.TranslatedFrom != "" {
		from := h.languageName(l, v.TranslatedFrom)
		if name := h.translatorName(ctx, l, v.TranslatedBy); name != "" {
			d.TranslatedFrom = l.T("article.translated_from_by", "Lang", from, "Name", name)
		} else {
			d.TranslatedFrom = l.T("article.translated_from", "Lang", from)
		}
	}
	if story.SourceNewerCorrection(st, l.Code) {
		if src := st.Version(v.TranslatedFrom); src.Live(now) {
			d.SourceCorrected = &render.Link{Lang: v.TranslatedFrom, Href: articlePath(v.TranslatedFrom, st.Number, src.Slug),
				Label: l.T("article.source_corrected", "Lang", h.languageName(l, v.TranslatedFrom))}
		}
	}
	if s, ok := h.cat.Section(st.Section); ok {
		d.SectionName = s.Name.In(l.Code, h.langs.Default())
		d.SectionHref = "/" + l.Code + "/section/" + url.PathEscape(s.Slug)
	}
	for _, t := range st.Tags {
		if k := story.NormalizeTag(t); k != "" {
			d.Tags = append(d.Tags, render.Link{Label: t, Href: tagPath(l.Code, k)})
		}
	}
	if d.Comments, err = h.oldComments(ctx, l, st.Number); err != nil {
		return nil, err
	}
	if err := h.articleMeta(p, l, st, v, paths); err != nil {
		return nil, err
	}
	p.Data = d
	return &rendered{name: "article", page: p, deps: []string{depStory(st.Number)}, uri: canonical}, nil
}

// translatorName is how readers see who translated a version: the byline
// name of the translator's reporter profile, else their account name. An
// account that is gone leaves the credit out rather than failing the page.
func (h *Handler) translatorName(ctx context.Context, l *lang.Lang, userID string) string {
	if userID == "" {
		return ""
	}
	u, err := h.store.User(ctx, userID)
	if err != nil {
		return ""
	}
	if a, ok := h.cat.Author(u.Handle); ok && u.Handle != "" {
		return a.Name.In(l.Code, h.langs.Default())
	}
	return u.Name
}
