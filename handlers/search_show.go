package handlers

import (
	"context"
	"html/template"
	"net/url"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/render"
	"github.com/newsroom/newsroom/search"
)

const maxQueryRunes = 200

type searchHit struct {
	Href, SectionName, Date, ISO string
	Headline, Snippet            template.HTML // from the index: escaped text with <mark>
}

type searchData struct {
	Query, Section, From, To string
	Sections                 []render.Link
	Searched                 bool
	Indexing                 bool // the index is being rebuilt: say results may be missing
	Total                    int
	Hits                     []searchHit
	Pager                    pager
}

// searchShow is /{lang}/search?q=…&section=…&from=YYYY-MM-DD&to=YYYY-MM-DD&page=N.
func (h *Handler) searchShow(c *gin.Context) {
	l := h.langOf(c)
	q, err := h.searchQuery(c, l)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.serveFresh(c, func(context.Context) (*rendered, error) {
		p := h.page(c, l)
		p.Title = l.T("page.search.title")
		p.NoIndex = true
		p.Canonical = h.base() + "/" + l.Code + "/search"
		p.Switch = h.switchLinks(l.Code, func(code string) string { return "/" + code + "/search" })
		d := searchData{Query: q.Text, Section: q.Section}
		if !q.From.IsZero() {
			d.From = q.From.Format(time.DateOnly)
		}
		if !q.To.IsZero() {
			d.To = q.To.Add(-24 * time.Hour).Format(time.DateOnly)
		}
		for _, s := range h.cat.Sections() {
			d.Sections = append(d.Sections, render.Link{Href: s.Slug, Label: s.Name.In(l.Code, h.langs.Default()), Current: s.Slug == q.Section})
		}
		if q.Text != "" && h.search != nil {
			res, err := h.search.Search(q)
			if err != nil {
				return nil, err
			}
			if q.Page > 1 && q.Page > res.Pages {
				return nil, notFoundErr("error.not_found.page", nil)
			}
			d.Searched, d.Total, d.Indexing = true, res.Total, h.indexing.Load()
			for _, hit := range res.Hits {
				e, ok := h.cat.Live(l.Code, hit.Number)
				if !ok {
					continue // unpublished a moment ago; the index catches up
				}
				cd := h.card(l, e, true)
				d.Hits = append(d.Hits, searchHit{Href: cd.Href, SectionName: cd.SectionName, Date: cd.Date, ISO: cd.ISO,
					Headline: hit.Headline, Snippet: hit.Snippet})
			}
			d.Pager = pager{L: l, Page: max(q.Page, 1), Pages: max(res.Pages, 1)}
			link := func(n int) string {
				v := url.Values{"q": {q.Text}}
				if q.Section != "" {
					v.Set("section", q.Section)
				}
				if d.From != "" {
					v.Set("from", d.From)
				}
				if d.To != "" {
					v.Set("to", d.To)
				}
				if n > 1 {
					v.Set("page", strconv.Itoa(n))
				}
				return "/" + l.Code + "/search?" + v.Encode()
			}
			if d.Pager.Page > 1 {
				d.Pager.Newer = link(d.Pager.Page - 1)
			}
			if d.Pager.Page < d.Pager.Pages {
				d.Pager.Older = link(d.Pager.Page + 1)
			}
		}
		p.Data = d
		return &rendered{name: "search", page: p}, nil
	})
}

// searchQuery reads and bounds the search form; anything malformed is a
// 400 with a message, never silently cut.
func (h *Handler) searchQuery(c *gin.Context, l *lang.Lang) (search.Query, error) {
	q := search.Query{Lang: l.Code, Text: c.Query("q"), Section: c.Query("section")}
	if utf8.RuneCountInString(q.Text) > maxQueryRunes {
		return q, badRequest("error.bad_request.query_too_long", nil, "Max", maxQueryRunes)
	}
	if q.Section != "" {
		if _, ok := h.cat.Section(q.Section); !ok {
			return q, badRequest("error.bad_request.section", nil)
		}
	}
	for _, f := range []struct {
		name string
		into *time.Time
		add  time.Duration
	}{{"from", &q.From, 0}, {"to", &q.To, 24 * time.Hour}} {
		raw := c.Query(f.name)
		if raw == "" {
			continue
		}
		t, err := time.ParseInLocation(time.DateOnly, raw, h.langs.Location())
		if err != nil {
			return q, badRequest("error.bad_request.date", nil)
		}
		*f.into = t.Add(f.add) // "to" includes the whole day
	}
	page, err := pageParam(c)
	if err != nil {
		return q, err
	}
	q.Page = page
	return q, nil
}
