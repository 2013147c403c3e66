package handlers

import (
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/feed"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/pagecache"
	"github.com/newsroom/newsroom/render"
	"github.com/newsroom/newsroom/story"
)

const feedItems = 30

// feedSource is one listing offered as a feed.
type feedSource struct {
	key   string // "front", "section/business", "tag/trade"
	title func(l *lang.Lang) string
	page  string // the listing's path in this language
	fetch func(code string, off, lim int) ([]catalog.Entry, int)
	dep   string
}

// feedLinks are the autodiscovery links of a listing's feeds.
func feedLinks(_ *lang.Lang, base string, title string) []render.Link {
	return []render.Link{
		{Type: "rss", Label: title + " (RSS)", Href: base + "/feed.xml"},
		{Type: "atom", Label: title + " (Atom)", Href: base + "/atom.xml"},
	}
}

func (h *Handler) langFeed(c *gin.Context) {
	l := h.langOf(c)
	h.serveFeed(c, feedSource{
		key: "front", title: func(l *lang.Lang) string { return h.siteName(l) },
		page: "/" + l.Code + "/", fetch: h.cat.Latest, dep: depList(l.Code),
	})
}

func (h *Handler) sectionFeed(c *gin.Context) {
	l := h.langOf(c)
	slug := c.Param("section")
	sec, ok := h.cat.Section(slug)
	if !ok {
		h.fail(c, notFoundErr("error.not_found.section", nil))
		return
	}
	h.serveFeed(c, feedSource{
		key: "section/" + slug,
		title: func(l *lang.Lang) string {
			return l.T("feed.section_title", "Section", sec.Name.In(l.Code, h.langs.Default()), "Name", h.siteName(l))
		},
		page: "/" + l.Code + "/section/" + url.PathEscape(slug),
		fetch: func(code string, off, lim int) ([]catalog.Entry, int) {
			return h.cat.BySection(code, slug, off, lim)
		},
		dep: depSection(slug),
	})
}

func (h *Handler) tagFeed(c *gin.Context) {
	l := h.langOf(c)
	tag, ok := h.knownTag(c, "/"+path.Base(c.Request.URL.Path))
	if !ok {
		return
	}
	h.serveFeed(c, feedSource{
		key:   "tag/" + tag,
		title: func(l *lang.Lang) string { return l.T("feed.tag_title", "Tag", tag, "Name", h.siteName(l)) },
		page:  tagPath(l.Code, tag),
		fetch: func(code string, off, lim int) ([]catalog.Entry, int) {
			return h.cat.ByTag(code, tag, off, lim)
		},
		dep: depTag(tag),
	})
}

// serveFeed answers …/feed.xml (RSS 2.0) and …/atom.xml (Atom) from the cache.
func (h *Handler) serveFeed(c *gin.Context, src feedSource) {
	l := h.langOf(c)
	atom := strings.HasSuffix(c.Request.URL.Path, "/atom.xml")
	key := "feed:" + l.Code + ":" + src.key + ":" + strconv.FormatBool(atom)
	if p, ok := h.cache.Get(key); ok {
		pagecache.Serve(c.Writer, c.Request, p, htmlCacheControl)
		return
	}
	gen := h.cache.Generation()
	es, _ := src.fetch(l.Code, 0, feedItems)
	ch := feed.Channel{
		Title: src.title(l), Description: l.T("page.front.intro", "Name", h.siteName(l)),
		Link: h.base() + src.page, FeedURL: h.base() + strings.TrimSuffix(src.page, "/") + "/" + feedFile(atom), Lang: l.Code,
	}
	items := make([]feed.Item, 0, len(es))
	for _, e := range es {
		items = append(items, h.feedItem(l, e))
	}
	if len(items) > 0 {
		ch.Updated = items[0].Updated
	} else {
		ch.Updated = h.now()
	}
	var body []byte
	var err error
	ct := "application/rss+xml; charset=utf-8"
	if atom {
		body, err = feed.Atom(ch, items)
		ct = "application/atom+xml; charset=utf-8"
	} else {
		body, err = feed.RSS(ch, items)
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	p := pagecache.Build(http.StatusOK, ct, body)
	h.cache.Put(key, gen, []string{src.dep, depList(l.Code)}, p)
	pagecache.Serve(c.Writer, c.Request, p, htmlCacheControl)
}

// feedFile is the file name of a listing's feed, under the listing's
// address (built from the listing, never from the request's path, which
// holds the tag decoded).
func feedFile(atom bool) string {
	if atom {
		return "atom.xml"
	}
	return "feed.xml"
}

func (h *Handler) feedItem(l *lang.Lang, e catalog.Entry) feed.Item {
	v := e.V
	it := feed.Item{
		Title:     v.Headline,
		Link:      h.base() + articlePath(e.Lang, e.Story.Number, v.Slug),
		GUID:      feed.TagURI(h.host(), v.PublishedAt.UTC().Format("2006-01-02"), "news/"+strconv.Itoa(e.Story.Number)+"/"+e.Lang),
		Summary:   v.Summary,
		Published: v.PublishedAt.In(h.langs.Location()),
		Updated:   v.PublishedAt.In(h.langs.Location()),
	}
	if v.WasUpdated() {
		it.Updated = v.UpdatedAt.In(h.langs.Location())
	}
	if it.Summary == "" {
		it.Summary = v.Deck
	}
	for _, hd := range e.Story.Byline {
		if a, ok := h.cat.Author(hd); ok {
			it.Authors = append(it.Authors, a.Name.In(l.Code, h.langs.Default()))
		}
	}
	if s, ok := h.cat.Section(e.Story.Section); ok {
		it.Categories = append(it.Categories, s.Name.In(l.Code, h.langs.Default()))
	}
	for _, t := range e.Story.Tags {
		if k := story.NormalizeTag(t); k != "" {
			it.Categories = append(it.Categories, k)
		}
	}
	if img := h.leadImage(e.Story); img != nil {
		it.Image = img
	}
	return it
}

// host is the base URL's host, the authority of tag: GUIDs.
func (h *Handler) host() string {
	u, err := url.Parse(h.base())
	if err != nil {
		return "localhost"
	}
	return u.Hostname()
}
