package handlers

import (
	"html/template"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/render"
	"github.com/newsroom/newsroom/story"
)

// page starts the envelope shared by all reader pages. The language switch
// defaults to the other languages' front pages; pages with a counterpart
// (a story, a listing) replace it.
func (h *Handler) page(c *gin.Context, l *lang.Lang) *render.Page {
	p := &render.Page{
		L:    l,
		Lang: l.Code,
		Site: render.Site{Name: h.siteName(l), BaseURL: h.base(), CSS: h.assets.URL("site.css"),
			Icon: h.assets.URL("icon.svg"), Touch: h.assets.URL("touch-icon.png"), Year: h.now().In(h.langs.Location()).Year(),
			Contact: h.contact()},
	}
	p.Switch = h.switchLinks(l.Code, func(code string) string { return "/" + code + "/" })
	for _, s := range h.cat.Sections() {
		href := "/" + l.Code + "/section/" + url.PathEscape(s.Slug)
		p.Nav = append(p.Nav, render.Link{Label: s.Name.In(l.Code, h.langs.Default()), Href: href,
			Current: c != nil && c.Request.URL.Path == href})
	}
	p.Feeds = nil
	p.Banner = h.banner(l.Code)
	return p
}

// switchLinks makes the language switch: each link goes through /lang/{code}
// so the choice is remembered in a cookie, then on to target(code).
func (h *Handler) switchLinks(current string, target func(code string) string) []render.Link {
	var out []render.Link
	for _, code := range h.langs.Codes() {
		out = append(out, render.Link{
			Lang: code, Label: h.langs.Get(code).Name(), Current: code == current,
			Href: "/lang/" + code + "?next=" + url.QueryEscape(target(code)),
		})
	}
	return out
}

// alternates lists hreflang links for the languages that have the page,
// plus x-default (the paper's default language when it has one, else the first).
func (h *Handler) alternates(paths map[string]string, xDefault string) []render.Link {
	var out []render.Link
	for _, code := range h.langs.Codes() {
		if p, ok := paths[code]; ok {
			out = append(out, render.Link{Lang: code, Href: h.base() + p})
		}
	}
	if xDefault == "" {
		if p, ok := paths[h.langs.Default()]; ok {
			xDefault = p
		} else if len(out) > 0 {
			xDefault = strings.TrimPrefix(out[0].Href, h.base())
		}
	}
	if xDefault != "" {
		out = append(out, render.Link{Lang: "x-default", Href: h.base() + xDefault})
	}
	return out
}

// articlePath is the canonical path of a language version.
func articlePath(lang string, n int, slug string) string {
	return "/" + lang + "/news/" + itoa(n) + "/" + url.PathEscape(slug)
}

// card is a story as listings show it.
type card struct {
	Href, Headline, Deck, Summary string
	SectionName, SectionHref      string
	Date, ISO                     string
	Byline                        string
	Thumb                         *thumb
}

// thumb is a listing thumbnail: a 3:2 crop around the photo's focal point.
type thumb struct {
	Src, Srcset, Alt string
	Width, Height    int
}

type cardList struct {
	Items []card
}

func (h *Handler) card(l *lang.Lang, e catalog.Entry, withSection bool) card {
	cd := card{
		Href:     articlePath(e.Lang, e.Story.Number, e.V.Slug),
		Headline: e.V.Headline, Deck: e.V.Deck, Summary: e.V.Summary,
		Date: l.DateTime(e.V.PublishedAt), ISO: l.ISO(e.V.PublishedAt),
		Byline: h.byline(l, e.Story.Byline, false),
		Thumb:  h.thumb(l, e.Story),
	}
	if withSection {
		if s, ok := h.cat.Section(e.Story.Section); ok {
			cd.SectionName = s.Name.In(l.Code, h.langs.Default())
			cd.SectionHref = "/" + l.Code + "/section/" + url.PathEscape(s.Slug)
		}
	}
	return cd
}

func (h *Handler) cards(l *lang.Lang, es []catalog.Entry, withSection bool) cardList {
	out := cardList{Items: make([]card, 0, len(es))}
	for _, e := range es {
		out.Items = append(out.Items, h.card(l, e, withSection))
	}
	return out
}

// bylineLinks is the article's byline with each name linking to the
// author page: the locale's frame and separators around escaped names.
func (h *Handler) bylineLinks(l *lang.Lang, handles []string) template.HTML {
	var names []string
	for _, hd := range handles {
		a, ok := h.cat.Author(hd)
		if !ok {
			continue
		}
		label := l.T("article.byline_author", "Name", a.Name.In(l.Code, h.langs.Default()), "Title", a.Title.In(l.Code, h.langs.Default()))
		names = append(names, `<a href="`+template.HTMLEscapeString(authorPath(l.Code, a.Handle))+`" rel="author">`+template.HTMLEscapeString(label)+`</a>`)
	}
	if len(names) == 0 {
		return ""
	}
	// The message texts are ours; only the names came from people, and
	// they are escaped above.
	return template.HTML(l.T("article.byline", "Authors", strings.Join(names, l.T("article.byline_separator"))))
}

// byline renders reporters the way the language writes them: "홍길동 기자",
// "By Gil-dong Hong, Staff Reporter". full adds the "By" frame.
func (h *Handler) byline(l *lang.Lang, handles []string, full bool) string {
	var names []string
	for _, hd := range handles {
		a, ok := h.cat.Author(hd)
		if !ok {
			continue
		}
		names = append(names, l.T("article.byline_author", "Name", a.Name.In(l.Code, h.langs.Default()), "Title", a.Title.In(l.Code, h.langs.Default())))
	}
	if len(names) == 0 {
		return ""
	}
	joined := strings.Join(names, l.T("article.byline_separator"))
	if !full {
		return joined
	}
	return l.T("article.byline", "Authors", joined)
}

// languageName names language code in l's language ("영어", "English"),
// falling back to the language's own name when l's locale does not list it.
func (h *Handler) languageName(l *lang.Lang, code string) string {
	id := "lang.name_of." + code
	if s := l.T(id); s != id && s != "" {
		return s
	}
	if o := h.langs.Get(code); o != nil {
		return o.Name()
	}
	return code
}

// pageParam reads ?page=N: absent means 1; anything but a positive whole
// number is a bad request.
func pageParam(c *gin.Context) (int, error) {
	raw, ok := c.GetQuery("page")
	if !ok {
		return 1, nil
	}
	if len(raw) == 0 || len(raw) > 6 {
		return 0, badRequest("error.bad_request.page", nil)
	}
	n := 0
	for _, r := range raw {
		if r < '0' || r > '9' {
			return 0, badRequest("error.bad_request.page", nil)
		}
		n = n*10 + int(r-'0')
	}
	if n < 1 {
		return 0, badRequest("error.bad_request.page", nil)
	}
	return n, nil
}

// thumb is the card's picture, or nil when the story has no lead photo.
func (h *Handler) thumb(l *lang.Lang, st *story.Story) *thumb {
	ph, ok := h.leadPhoto(st)
	if !ok {
		return nil
	}
	return &thumb{
		Src:    photos.ThumbURL(ph, photos.CropWide, 320),
		Srcset: photos.ThumbURL(ph, photos.CropWide, 320) + " 320w, " + photos.ThumbURL(ph, photos.CropWide, 640) + " 640w",
		Alt:    ph.Alt.In(l.Code, h.langs.Default()), Width: 320, Height: 213,
	}
}
