// Package handlers answers HTTP requests: the reader site now, the newsroom
// later. Handlers are methods on one Handler built once in main.
package handlers

import (
	"context"
	"github.com/newsroom/newsroom/backup"
	"log/slog"
	"maps"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/markdown"
	"github.com/newsroom/newsroom/pagecache"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/redirect"
	"github.com/newsroom/newsroom/render"
	"github.com/newsroom/newsroom/search"
	"github.com/newsroom/newsroom/static"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// Handler holds what the pages need; nothing here changes per request.
type Handler struct {
	store          *store.Store
	cat            *catalog.Catalog
	cache          *pagecache.Cache
	langs          *lang.Set
	pages          *render.Renderer
	md             map[string]*markdown.Renderer // per language: body photo captions follow the page's language
	photos         *photos.Library               // nil: no photos (some tests)
	search         *search.Index                 // nil: no search (some tests)
	assets         *static.Assets
	statics        map[string]*pagecache.Page // hashed URL → compressed once, at start
	log            *slog.Logger
	observe        func(route string, status int, d time.Duration) // nil: no metrics
	backups        func() backup.Status                            // nil: no scheduled backups
	baseURL        string                                          // from the configuration
	trustedProxies []string
	requestTimeout time.Duration                          // deadline of each routed request; 0 for none
	ident          atomic.Pointer[store.Identity]         // the paper's identity as admins set it
	indexing       atomic.Bool                            // the search index is incomplete until a catch-up succeeds
	searchDone     atomic.Int64                           // documents indexed by the catch-up under way
	searchTotal    atomic.Int64                           // documents the catch-up under way indexes
	searchWanted   chan struct{}                          // asks RunSearch for another catch-up
	redirects      *redirect.Table                        // old addresses (an imported site's); nil: none
	misses         *redirect.Misses                       // the 404 monitor; nil: not kept
	fronts         atomic.Pointer[map[string]story.Front] // the editors' front pages by language
	frontMu        sync.Mutex                             // guards frontTimer
	frontTimer     *time.Timer                            // empties the cache when the next pin or banner expires
	now            func() time.Time
}

// Deps are the parts a Handler is built from.
type Deps struct {
	Store    *store.Store
	Catalog  *catalog.Catalog
	Cache    *pagecache.Cache
	Langs    *lang.Set
	Pages    *render.Renderer
	Markdown *markdown.Renderer
	// MarkdownFor, when set, gives each language its own renderer (body
	// photos' captions and alt text in that language); Markdown is the fallback.
	MarkdownFor map[string]*markdown.Renderer
	Photos      *photos.Library
	Search      *search.Index
	Assets      *static.Assets
	Log         *slog.Logger
	BaseURL     *url.URL
	// TrustedProxies may set X-Forwarded-For; nil trusts none.
	TrustedProxies []string
	// Redirects are old addresses asked only when no route matches;
	// Misses counts those that find nothing (the 404 monitor).
	Redirects *redirect.Table
	Misses    *redirect.Misses
	// RequestTimeout is the deadline of each request the router handles
	// (NEWSROOM_REQUEST_TIMEOUT); 0 sets none.
	RequestTimeout time.Duration
	Now            func() time.Time
	// Observe, when set, is told of every answered request: the route
	// pattern ("cached" for pages answered before routing), status, time.
	Observe func(route string, status int, d time.Duration)
	// Backups reports the scheduled backups for /healthz?detail; nil: off.
	Backups func() backup.Status
}

// New builds the Handler.
func New(d Deps) *Handler {
	now := d.Now
	if now == nil {
		now = time.Now
	}
	statics := map[string]*pagecache.Page{}
	for _, a := range d.Assets.All() {
		statics[a.URL] = pagecache.Build(200, a.ContentType, a.Body)
	}
	return &Handler{
		store: d.Store, cat: d.Catalog, cache: d.Cache, langs: d.Langs, pages: d.Pages, md: markdownFor(d), photos: d.Photos, search: d.Search,
		assets: d.Assets, statics: statics, log: d.Log, baseURL: d.BaseURL.String(), now: now,
		trustedProxies: d.TrustedProxies, redirects: d.Redirects, misses: d.Misses, searchWanted: make(chan struct{}, 1), requestTimeout: d.RequestTimeout,
		observe: d.Observe, backups: d.Backups,
	}
}

func markdownFor(d Deps) map[string]*markdown.Renderer {
	m := map[string]*markdown.Renderer{}
	for _, code := range d.Langs.Codes() {
		if r := d.MarkdownFor[code]; r != nil {
			m[code] = r
		} else {
			m[code] = d.Markdown
		}
	}
	return m
}

// PhotoChanged drops cached pages after a photo's caption, credit, alt text
// or crop changed (rare: the whole cache goes).
func (h *Handler) PhotoChanged(string) { h.cache.Purge() }

// SetIdentity applies the paper's identity (settings page) to every page.
func (h *Handler) SetIdentity(id store.Identity) {
	h.ident.Store(&id)
	h.cache.Purge()
}

// IdentityIs reports whether id is the identity in effect (an instance
// polling for another's settings change applies only a newer one).
func (h *Handler) IdentityIs(id store.Identity) bool {
	cur := h.ident.Load()
	return cur != nil && cur.UpdatedAt.Equal(id.UpdatedAt)
}

// siteName is the paper's name in l's language: the settings first, then the locale.
func (h *Handler) siteName(l *lang.Lang) string {
	if id := h.ident.Load(); id != nil {
		if n := id.Name[l.Code]; n != "" {
			return n
		}
	}
	return l.T("site.name")
}

// base is the site's absolute address without a trailing slash.
func (h *Handler) base() string {
	if id := h.ident.Load(); id != nil && id.BaseURL != "" {
		return id.BaseURL
	}
	return h.baseURL
}

// logoURL is the publisher logo for structured data.
func (h *Handler) logoURL() string {
	if id := h.ident.Load(); id != nil && id.LogoURL != "" {
		return id.LogoURL
	}
	return h.base() + h.assets.URL("logo.png")
}

// contact is the paper's contact line for the footer, if set.
func (h *Handler) contact() string {
	if id := h.ident.Load(); id != nil {
		return id.Contact
	}
	return ""
}

// StoryChanged brings the catalogue and the page cache up to date after a
// write to story st (nil old: new story). It is the one place that knows which
// pages show what.
func (h *Handler) StoryChanged(st *story.Story) {
	old := h.cat.Put(st)
	if old == h.cat.Story(st.Number) {
		return // an older snapshot than the catalogue's: nothing to change
	}
	h.cache.Invalidate(affected(old, st)...)
	h.indexStory(context.Background(), st)
}

// StoryRemoved forgets a deleted story.
func (h *Handler) StoryRemoved(n int) {
	old := h.cat.Remove(n)
	h.cache.Invalidate(affected(old, nil)...)
	if old != nil && h.search != nil {
		for _, code := range h.langs.Codes() {
			if err := h.search.Delete(n, code); err != nil {
				h.log.Error("search: remove", "story", n, "err", err)
			}
		}
	}
}

// Refresh reloads sections and reporters into the catalogue; every page may
// show their names, so the whole cache goes.
func (h *Handler) Refresh(ctx context.Context) error {
	_, err := h.refresh(ctx, true)
	return err
}

// RefreshIfChanged reloads sections and reporters and, only when another
// instance changed them, puts them in the catalogue and empties the page
// cache. It reports whether they had changed.
func (h *Handler) RefreshIfChanged(ctx context.Context) (bool, error) {
	return h.refresh(ctx, false)
}

func (h *Handler) refresh(ctx context.Context, always bool) (bool, error) {
	secs, err := h.store.Sections(ctx)
	if err != nil {
		return false, err
	}
	auths, err := h.store.Authors(ctx)
	if err != nil {
		return false, err
	}
	if !always && sameSections(h.cat.Sections(), secs) && sameAuthors(h.cat.Authors(), auths) {
		return false, nil
	}
	h.cat.PutSections(secs)
	h.cat.PutAuthors(auths)
	h.cache.Purge()
	return true, nil
}

// sameSections reports whether a (the catalogue's, in order) and b (from
// the database) hold the same sections.
func sameSections(a, b []story.Section) bool {
	b = slices.Clone(b)
	slices.SortStableFunc(b, func(x, y story.Section) int { return x.Order - y.Order })
	return slices.EqualFunc(a, b, func(x, y story.Section) bool {
		return x.Slug == y.Slug && x.Order == y.Order && maps.Equal(x.Name, y.Name)
	})
}

// sameAuthors reports whether a (the catalogue's, by handle) and b hold the
// same reporters.
func sameAuthors(a, b []story.Author) bool {
	b = slices.Clone(b)
	slices.SortFunc(b, func(x, y story.Author) int { return strings.Compare(x.Handle, y.Handle) })
	return slices.EqualFunc(a, b, func(x, y story.Author) bool {
		return x.Handle == y.Handle && x.Email == y.Email && maps.Equal(x.Name, y.Name) && maps.Equal(x.Title, y.Title) &&
			x.UpdatedAt.Equal(y.UpdatedAt)
	})
}

// Cache dependency tags: a page is tagged with what it shows, and a change to
// a story invalidates exactly the pages that show it.
func depStory(n int) string      { return "story:" + itoa(n) }
func depList(l string) string    { return "list:" + l }
func depSection(s string) string { return "section:" + s }
func depTag(t string) string     { return "tag:" + t }
func depAuthor(a string) string  { return "author:" + a }

func affected(old, cur *story.Story) []string {
	deps := []string{depSitemaps}
	for _, st := range []*story.Story{old, cur} {
		if st == nil {
			continue
		}
		deps = append(deps, depStory(st.Number), depSection(st.Section))
		for l := range st.Versions {
			deps = append(deps, depList(l))
		}
		for _, t := range st.Tags {
			deps = append(deps, depTag(story.NormalizeTag(t)))
		}
		for _, a := range st.Byline {
			deps = append(deps, depAuthor(a))
		}
	}
	return deps
}
