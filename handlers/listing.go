package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/story"
)

const perPage = 20

type pager struct {
	L            *lang.Lang
	Page, Pages  int
	Newer, Older string
}

type listingData struct {
	Heading string
	Profile *profileData // on author pages
	Total   int
	List    cardList
	Pager   pager
}

// listing describes one paginated listing: where it lives in each language,
// what it shows and how it is titled.
type listing struct {
	path        func(code string) string // "/ko/section/business"
	fetch       func(code string, offset, limit int) ([]catalog.Entry, int)
	heading     func(l *lang.Lang) string
	description func(l *lang.Lang) string
	dep         string
	withSection bool
	feeds       bool // the listing has RSS and Atom feeds at path+"/feed.xml"
	// author, when set, makes the listing an author page: profile and
	// schema.org Person.
	author *story.Author
}

// serveListing renders page N of a listing. A page past the end is a 404;
// page 1 of an empty listing is a page that says so.
func (h *Handler) serveListing(c *gin.Context, ls listing) {
	l := h.langOf(c)
	n, err := pageParam(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	key := "list:" + ls.path(l.Code) + "?page=" + strconv.Itoa(n)
	h.serveCached(c, key, func(context.Context) (*rendered, error) {
		es, total := ls.fetch(l.Code, (n-1)*perPage, perPage)
		pages := max(1, (total+perPage-1)/perPage)
		if n > pages {
			return nil, notFoundErr("error.not_found.page", nil)
		}
		withPage := func(code string, k int) string {
			if k == 1 {
				return ls.path(code)
			}
			return ls.path(code) + "?page=" + strconv.Itoa(k)
		}
		p := h.page(c, l)
		p.Title = ls.heading(l)
		p.Description = ls.description(l)
		p.Canonical = h.base() + withPage(l.Code, n)
		paths := map[string]string{}
		for _, code := range h.langs.Codes() {
			paths[code] = ls.path(code)
		}
		if n == 1 {
			p.Alternates = h.alternates(paths, "")
		}
		p.Switch = h.switchLinks(l.Code, ls.path)
		if ls.feeds {
			p.Feeds = feedLinks(l, ls.path(l.Code), ls.heading(l))
		} else {
			p.Feeds = feedLinks(l, "/"+l.Code, h.siteName(l))
		}
		pg := pager{L: l, Page: n, Pages: pages}
		if n > 1 {
			pg.Newer = withPage(l.Code, n-1)
		}
		if n < pages {
			pg.Older = withPage(l.Code, n+1)
		}
		data := listingData{Heading: ls.heading(l), Total: total, List: h.cards(l, es, ls.withSection), Pager: pg}
		if ls.author != nil {
			data.Profile = h.profile(l, *ls.author)
			ld, err := h.personJSONLD(l, *ls.author)
			if err != nil {
				return nil, err
			}
			p.JSONLD = ld
		}
		p.Data = data
		return &rendered{name: "listing", page: p, deps: []string{ls.dep, depList(l.Code)}, uri: withPage(l.Code, n)}, nil
	})
}

// latestList is /{lang}/latest: the archive, newest first.
func (h *Handler) latestList(c *gin.Context) {
	h.serveListing(c, listing{
		path:        func(code string) string { return "/" + code + "/latest" },
		fetch:       h.cat.Latest,
		heading:     func(l *lang.Lang) string { return l.T("page.latest.title") },
		description: func(l *lang.Lang) string { return l.T("page.latest.intro", "Name", h.siteName(l)) },
		dep:         depList(h.langOf(c).Code),
		withSection: true,
	})
}

// sectionList is /{lang}/section/{section}.
func (h *Handler) sectionList(c *gin.Context) {
	slug := c.Param("section")
	sec, ok := h.cat.Section(slug)
	if !ok {
		h.fail(c, notFoundErr("error.not_found.section", nil))
		return
	}
	name := func(l *lang.Lang) string { return sec.Name.In(l.Code, h.langs.Default()) }
	h.serveListing(c, listing{
		path: func(code string) string { return "/" + code + "/section/" + url.PathEscape(slug) },
		fetch: func(code string, off, lim int) ([]catalog.Entry, int) {
			return h.cat.BySection(code, slug, off, lim)
		},
		heading: name,
		description: func(l *lang.Lang) string {
			return l.T("page.section.intro", "Section", name(l), "Name", h.siteName(l))
		},
		dep:   depSection(slug),
		feeds: true,
	})
}

// tagPath is the address of a tag's listing; tag is a slug (NormalizeTag).
func tagPath(code, tag string) string { return "/" + code + "/tag/" + url.PathEscape(tag) }

// knownTag returns the tag a /tag/{tag} address names. An address with a
// tag as stored before tags were slugged ("100%-growth", "Seoul Office")
// gets a 301 to its slug's address (suffix: "/feed.xml" and the like); an
// unknown tag a 404. It reports whether the caller should go on.
func (h *Handler) knownTag(c *gin.Context, suffix string) (string, bool) {
	tag := c.Param("tag")
	k := story.NormalizeTag(tag)
	if len(tag) > 200 || k == "" || !h.cat.TagKnown(k) {
		h.fail(c, notFoundErr("error.not_found.tag", nil))
		return "", false
	}
	if k != tag {
		c.Redirect(http.StatusMovedPermanently, tagPath(h.langOf(c).Code, k)+suffix)
		return "", false
	}
	return k, true
}

// tagList is /{lang}/tag/{tag}.
func (h *Handler) tagList(c *gin.Context) {
	tag, ok := h.knownTag(c, "")
	if !ok {
		return
	}
	h.serveListing(c, listing{
		path: func(code string) string { return tagPath(code, tag) },
		fetch: func(code string, off, lim int) ([]catalog.Entry, int) {
			return h.cat.ByTag(code, tag, off, lim)
		},
		heading:     func(l *lang.Lang) string { return l.T("page.tag.title", "Tag", tag) },
		description: func(l *lang.Lang) string { return l.T("page.tag.intro", "Tag", tag, "Name", h.siteName(l)) },
		dep:         depTag(tag),
		withSection: true,
		feeds:       true,
	})
}

// authorList is /{lang}/author/{handle}.
func (h *Handler) authorList(c *gin.Context) {
	a, ok := h.cat.Author(c.Param("handle"))
	if !ok {
		h.fail(c, notFoundErr("error.not_found.author", nil))
		return
	}
	name := func(l *lang.Lang) string { return a.Name.In(l.Code, h.langs.Default()) }
	h.serveListing(c, listing{
		path: func(code string) string { return authorPath(code, a.Handle) },
		fetch: func(code string, off, lim int) ([]catalog.Entry, int) {
			return h.cat.ByAuthor(code, a.Handle, off, lim)
		},
		heading:     func(l *lang.Lang) string { return l.T("page.author.title", "Name", name(l)) },
		description: func(l *lang.Lang) string { return l.T("page.author.intro", "Name", name(l), "Paper", h.siteName(l)) },
		dep:         depAuthor(a.Handle),
		withSection: true,
		author:      &a,
	})
}
