package handlers

import (
	"net/http"
	"sort"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/pagecache"
	"github.com/newsroom/newsroom/sitemap"
	"github.com/newsroom/newsroom/story"
)

const (
	xmlType       = "application/xml; charset=utf-8"
	sitemapMaxAge = "public, max-age=300"
	newsWindow    = 48 * time.Hour
)

// depSitemaps tags every sitemap: any published change may alter them.
const depSitemaps = "sitemaps"

// liveStories groups the live versions per story, each story once, with the
// month (paper's time zone) of its first publication in any language.
func (h *Handler) liveStories() map[string][]*story.Story {
	seen := map[int]bool{}
	months := map[string][]*story.Story{}
	for _, code := range h.langs.Codes() {
		es, total := h.cat.Latest(code, 0, 1)
		es, _ = h.cat.Latest(code, 0, max(total, len(es)))
		for _, e := range es {
			if seen[e.Story.Number] {
				continue
			}
			seen[e.Story.Number] = true
			first := h.firstPublished(e.Story)
			m := first.In(h.langs.Location()).Format("2006-01")
			months[m] = append(months[m], e.Story)
		}
	}
	return months
}

func (h *Handler) firstPublished(st *story.Story) time.Time {
	var first time.Time
	for _, code := range st.LiveLangs(h.langs.Codes(), h.now()) {
		if t := st.Versions[code].PublishedAt; first.IsZero() || t.Before(first) {
			first = t
		}
	}
	return first
}

func lastMod(v *story.Version) time.Time {
	if v.WasUpdated() {
		return v.UpdatedAt
	}
	return v.PublishedAt
}

// sitemapIndex is /sitemap.xml: one sitemap per month plus the news sitemap.
func (h *Handler) sitemapIndex(c *gin.Context) {
	h.serveXML(c, "sitemap:index", func() ([]byte, error) {
		months := h.liveStories()
		keys := make([]string, 0, len(months))
		for m := range months {
			keys = append(keys, m)
		}
		sort.Sort(sort.Reverse(sort.StringSlice(keys)))
		entries := []sitemap.Entry{{Loc: h.base() + "/sitemaps/news.xml", LastMod: h.now()}}
		for _, m := range keys {
			var newest time.Time
			for _, st := range months[m] {
				for _, code := range st.LiveLangs(h.langs.Codes(), h.now()) {
					if t := lastMod(st.Versions[code]); t.After(newest) {
						newest = t
					}
				}
			}
			entries = append(entries, sitemap.Entry{Loc: h.base() + "/sitemaps/" + m + ".xml", LastMod: newest})
		}
		return sitemap.Index(entries)
	})
}

// sitemapMonth is /sitemaps/{yyyy-mm}.xml: every live language version of the
// stories first published that month, each with its hreflang alternates.
func (h *Handler) sitemapMonth(c *gin.Context) {
	name := c.Param("file")
	if name == "news.xml" {
		h.sitemapNews(c)
		return
	}
	month, ok := monthOf(name)
	if !ok {
		h.fail(c, notFoundErr("error.not_found.body", nil))
		return
	}
	h.serveXML(c, "sitemap:"+month, func() ([]byte, error) {
		stories := h.liveStories()[month]
		if len(stories) == 0 {
			return nil, notFoundErr("error.not_found.body", nil)
		}
		sort.Slice(stories, func(i, j int) bool { return stories[i].Number < stories[j].Number })
		var urls []sitemap.URL
		for _, st := range stories {
			urls = append(urls, h.sitemapURLs(st)...)
		}
		return sitemap.URLSet(urls)
	})
}

// sitemapNews is the Google News sitemap: versions published in the last 48 hours.
func (h *Handler) sitemapNews(c *gin.Context) {
	h.serveXML(c, "sitemap:news", func() ([]byte, error) {
		cutoff := h.now().Add(-newsWindow)
		var urls []sitemap.URL
		for _, code := range h.langs.Codes() {
			es, _ := h.cat.Latest(code, 0, sitemap.MaxNews)
			for _, e := range es {
				if e.V.PublishedAt.Before(cutoff) || len(urls) == sitemap.MaxNews {
					break
				}
				urls = append(urls, h.newsURL(e))
			}
		}
		if len(urls) == 0 {
			// The schema needs one <url>; an empty news sitemap lists the front page.
			return sitemap.URLSet([]sitemap.URL{{Loc: h.base() + "/" + h.langs.Default() + "/", LastMod: h.now()}})
		}
		return sitemap.URLSet(urls)
	})
}

func (h *Handler) newsURL(e catalog.Entry) sitemap.URL {
	u := h.sitemapURLs(e.Story)
	for _, x := range u {
		if x.Loc == h.base()+articlePath(e.Lang, e.Story.Number, e.V.Slug) {
			x.News = &sitemap.News{
				PublicationName: h.siteName(h.langs.Get(e.Lang)), Language: e.Lang,
				PublicationDate: e.V.PublishedAt.In(h.langs.Location()), Title: e.V.Headline,
			}
			return x
		}
	}
	return sitemap.URL{}
}

// sitemapURLs lists a story's live versions, each carrying all alternates.
func (h *Handler) sitemapURLs(st *story.Story) []sitemap.URL {
	paths := map[string]string{}
	live := st.LiveLangs(h.langs.Codes(), h.now())
	for _, code := range live {
		paths[code] = articlePath(code, st.Number, st.Versions[code].Slug)
	}
	var alts []sitemap.Alternate
	if len(live) > 1 {
		for _, a := range h.alternates(paths, "") {
			alts = append(alts, sitemap.Alternate{Hreflang: a.Lang, Href: a.Href})
		}
	}
	var out []sitemap.URL
	for _, code := range live {
		u := sitemap.URL{Loc: h.base() + paths[code], LastMod: lastMod(st.Versions[code]).In(h.langs.Location()), Alternates: alts}
		if img := h.leadImage(st); img != nil {
			u.Images = []string{img.URL}
		}
		out = append(out, u)
	}
	return out
}

func monthOf(name string) (string, bool) {
	if len(name) != len("2006-01.xml") || name[7:] != ".xml" {
		return "", false
	}
	if _, err := time.Parse("2006-01", name[:7]); err != nil {
		return "", false
	}
	return name[:7], true
}

// robots is /robots.txt, pointing crawlers at the sitemaps.
func (h *Handler) robots(c *gin.Context) {
	body, err := sitemap.Robots(h.base(), []string{h.base() + "/sitemap.xml", h.base() + "/sitemaps/news.xml"},
		[]string{"/admin/", "/lang/"})
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Cache-Control", sitemapMaxAge)
	c.Data(http.StatusOK, "text/plain; charset=utf-8", body)
}

func (h *Handler) serveXML(c *gin.Context, key string, build func() ([]byte, error)) {
	if p, ok := h.cache.Get(key); ok {
		pagecache.Serve(c.Writer, c.Request, p, sitemapMaxAge)
		return
	}
	gen := h.cache.Generation()
	body, err := build()
	if err != nil {
		h.fail(c, err)
		return
	}
	p := pagecache.Build(http.StatusOK, xmlType, body)
	h.cache.Put(key, gen, []string{depSitemaps}, p)
	pagecache.Serve(c.Writer, c.Request, p, sitemapMaxAge)
}
