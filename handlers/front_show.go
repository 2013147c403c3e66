package handlers

import (
	"context"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"
)

const frontLatest, frontPerSection = 10, 4

type sectionBlock struct {
	Slug, Name, Href string
	List             cardList
}

// frontShow is /{lang}/: the top story, the latest stories and the latest per section.
func (h *Handler) frontShow(c *gin.Context) {
	l := h.langOf(c)
	build := func(context.Context) (*rendered, error) {
		p := h.page(c, l)
		p.Canonical = h.base() + "/" + l.Code + "/"
		p.Description = l.T("page.front.intro", "Name", p.Site.Name)
		paths := map[string]string{}
		for _, code := range h.langs.Codes() {
			paths[code] = "/" + code + "/"
		}
		p.Alternates = h.alternates(paths, "/")
		p.Feeds = feedLinks(l, "/"+l.Code, p.Site.Name)
		var data struct {
			Top      *card
			Latest   cardList
			Sections []sectionBlock
		}
		top, ok := h.cat.Top(l.Code)
		if ok {
			cd := h.card(l, top, true)
			data.Top = &cd
		}
		latest, _ := h.cat.Latest(l.Code, 0, frontLatest+1)
		for _, e := range latest {
			if ok && e.Story.Number == top.Story.Number || len(data.Latest.Items) == frontLatest {
				continue
			}
			data.Latest.Items = append(data.Latest.Items, h.card(l, e, true))
		}
		for _, s := range h.cat.Sections() {
			es, _ := h.cat.BySection(l.Code, s.Slug, 0, frontPerSection)
			if len(es) == 0 {
				continue
			}
			data.Sections = append(data.Sections, sectionBlock{
				Slug: s.Slug, Name: s.Name.In(l.Code, h.langs.Default()),
				Href: "/" + l.Code + "/section/" + url.PathEscape(s.Slug), List: h.cards(l, es, false),
			})
		}
		p.Data = data
		if n, ok := h.unavailableNote(c); ok {
			p.Notice = l.T("notice.only_in", "Lang", h.languageName(l, n))
			p.NoIndex = true
		}
		return &rendered{name: "front", page: p, deps: []string{depList(l.Code)}, uri: "/" + l.Code + "/"}, nil
	}
	if _, ok := h.unavailableNote(c); ok {
		h.serveFresh(c, build)
		return
	}
	h.serveCached(c, "front:"+l.Code, build)
}

// unavailableNote reads ?unavailable=N, set by the language switch on a story
// that has no version in this language, and returns the language the story
// can be read in.
func (h *Handler) unavailableNote(c *gin.Context) (string, bool) {
	raw := c.Query("unavailable")
	if raw == "" || len(raw) > 9 {
		return "", false
	}
	n, err := strconv.Atoi(raw)
	if err != nil {
		return "", false
	}
	st := h.cat.Story(n)
	if st == nil {
		return "", false
	}
	l := h.langOf(c)
	if st.Version(l.Code).Live(h.now()) {
		return "", false
	}
	live := st.LiveLangs(h.langs.Codes(), h.now())
	if len(live) == 0 {
		return "", false
	}
	return live[0], true
}
