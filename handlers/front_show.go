package handlers

import (
	"context"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/story"
)

// The front page's slots: the lead, the stories beside it (pinned ones
// first), the rail of latest headlines and the latest per section.
const frontSecondary, frontRail, frontPerSection = 4, 8, 4

type sectionBlock struct {
	Slug, Name, Href string
	List             cardList
}

type frontData struct {
	Top       *card
	Secondary cardList
	Latest    cardList
	Sections  []sectionBlock
}

// frontShow is /{lang}/: the lead story and the ones beside it (the
// editors' pins in their order, then the newest), the latest headlines and
// the latest per section.
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
		p.Data = h.frontSlots(l)
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

// frontSlots fills the front page: pinned stories that readers can see,
// in the editors' order, then the catalogue's top story and the newest,
// each story once.
func (h *Handler) frontSlots(l *lang.Lang) frontData {
	var lead []catalog.Entry
	seen := map[int]bool{}
	take := func(e catalog.Entry) {
		if !seen[e.Story.Number] {
			seen[e.Story.Number] = true
			lead = append(lead, e)
		}
	}
	for _, n := range h.front(l.Code).PinsAt(h.now()) {
		if e, ok := h.cat.Live(l.Code, n); ok {
			take(e)
		}
	}
	if top, ok := h.cat.Top(l.Code); ok && len(lead) == 0 {
		take(top)
	}
	latest, _ := h.cat.Latest(l.Code, 0, 1+frontSecondary+frontRail+story.MaxPins)
	var rail []catalog.Entry
	for _, e := range latest {
		switch {
		case seen[e.Story.Number]:
		case len(lead) < 1+frontSecondary:
			take(e)
		case len(rail) < frontRail:
			rail = append(rail, e)
		}
	}
	var d frontData
	for i, e := range lead {
		if i == 0 {
			cd := h.card(l, e, true)
			d.Top = &cd
			continue
		}
		d.Secondary.Items = append(d.Secondary.Items, h.card(l, e, true))
	}
	d.Latest = h.cards(l, rail, false)
	for _, s := range h.cat.Sections() {
		es, _ := h.cat.BySection(l.Code, s.Slug, 0, frontPerSection)
		if len(es) == 0 {
			continue
		}
		d.Sections = append(d.Sections, sectionBlock{
			Slug: s.Slug, Name: s.Name.In(l.Code, h.langs.Default()),
			Href: "/" + l.Code + "/section/" + url.PathEscape(s.Slug), List: h.cards(l, es, false),
		})
	}
	return d
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
	if st.LiveIn(l.Code, h.now()) {
		return "", false
	}
	live := st.LiveLangs(h.langs.Codes(), h.now())
	if len(live) == 0 {
		return "", false
	}
	return live[0], true
}
