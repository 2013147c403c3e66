// Package admin is the newsroom under /admin: login, the dashboard, the
// story editor with its review and publishing workflow, and the admin pages
// for users, sections and the audit log. Pages are rendered on the server in
// each user's language; a small script (no build step) adds the Markdown
// toolbar, preview and autosave.
package admin

import (
	"context"
	"fmt"
	"github.com/newsroom/newsroom/backup"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/markdown"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/redirect"
	"github.com/newsroom/newsroom/render"
	"github.com/newsroom/newsroom/search"
	"github.com/newsroom/newsroom/static"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
	"github.com/newsroom/newsroom/templates"
)

// Deps are what the newsroom is built from; Store, Catalog, Auth, Langs,
// Markdown and BaseURL are required.
type Deps struct {
	Store    *store.Store
	Catalog  *catalog.Catalog
	Auth     *auth.Service
	Langs    *lang.Set
	Markdown *markdown.Renderer
	Log      *slog.Logger
	BaseURL  *url.URL
	// Changed is called after every story write with the story as stored:
	// it updates the reader catalogue and the page cache.
	Changed func(*story.Story)
	// SectionsChanged is called after a section is added or changed; it
	// should reload sections into the catalogue and purge the page cache
	// (handlers.Handler.Refresh). Without it the catalogue is updated here
	// and cached reader pages keep the old names until they expire.
	SectionsChanged func(context.Context) error
	// IdentityChanged applies a saved paper identity to the reader site
	// (handlers.Handler.SetIdentity); nil leaves it to the next start.
	IdentityChanged func(store.Identity)
	// Removed is called after a story is deleted
	// (handlers.Handler.StoryRemoved: catalogue, page cache, search
	// index); nil only drops it from the catalogue.
	Removed func(number int)
	// FrontsChanged applies the editors' saved front pages to the reader
	// site (handlers.Handler.SetFronts); nil leaves it to the next start.
	FrontsChanged func(map[string]story.Front)
	// Photos is the media library, for the lead photo picker, photos in
	// bodies and the alt text check before publishing; nil leaves all
	// three out.
	Photos *photos.Library
	// ImportDir is where uploaded WordPress exports are kept while they are
	// imported (in the data dir); empty turns the import page's upload off.
	ImportDir string
	// Redirects is the reader site's table of old addresses and Misses its
	// 404 monitor; the import and the monitor's form add to the table.
	Redirects *redirect.Table
	Misses    *redirect.Misses
	Now       func() time.Time
	// Backups reports the scheduled backups (shown on the settings page);
	// nil means they are off.
	Backups func() backup.Status
	// SearchProgress tells whether the search index is still catching up
	// (the dashboard says so); nil: never.
	SearchProgress func() search.Progress
}

// Admin holds the newsroom's pages; nothing here changes per request
// except the one-way "some user exists" flag.
type Admin struct {
	store    *store.Store
	cat      *catalog.Catalog
	auth     *auth.Service
	langs    *lang.Set
	md       *markdown.Renderer
	log      *slog.Logger
	baseURL  string
	secure   bool
	changed  func(*story.Story)
	sections func(context.Context) error
	identity func(store.Identity)
	removed  func(int)
	fronts   func(map[string]story.Front)
	photos   *photos.Library
	search   func() search.Progress
	now      func() time.Time
	backups  func() backup.Status // nil: no scheduled backups

	importDir string
	imports   importJob
	redirects *redirect.Table
	misses    *redirect.Misses

	pages  *render.Renderer
	assets *static.Assets
	cop    *http.CrossOriginProtection

	// hasUsers turns true once an account is known to exist; from then on
	// the setup page is gone for good without asking the database again.
	hasUsers atomic.Bool
}

// New builds the newsroom. It fails when a template does not parse.
func New(d Deps) (*Admin, error) {
	if d.Store == nil || d.Catalog == nil || d.Auth == nil || d.Langs == nil || d.Markdown == nil || d.BaseURL == nil {
		return nil, fmt.Errorf("admin: missing dependencies")
	}
	sub, err := fs.Sub(templates.AdminFS, "admin")
	if err != nil {
		return nil, fmt.Errorf("admin: templates: %w", err)
	}
	pages, err := render.New(sub, "layout.html", "pages")
	if err != nil {
		return nil, fmt.Errorf("admin: %w", err)
	}
	assets, err := static.FromFS(sub, "static", "/admin/static/")
	if err != nil {
		return nil, err
	}
	a := &Admin{
		store: d.Store, cat: d.Catalog, auth: d.Auth, langs: d.Langs, md: d.Markdown, log: d.Log,
		baseURL: d.BaseURL.String(), secure: d.BaseURL.Scheme == "https",
		changed: d.Changed, sections: d.SectionsChanged, identity: d.IdentityChanged, removed: d.Removed,
		fronts: d.FrontsChanged, photos: d.Photos, search: d.SearchProgress, now: d.Now, backups: d.Backups, importDir: d.ImportDir, redirects: d.Redirects, misses: d.Misses,
		pages: pages, assets: assets, cop: http.NewCrossOriginProtection(),
	}
	if a.log == nil {
		a.log = slog.Default()
	}
	if a.now == nil {
		a.now = time.Now
	}
	if a.changed == nil {
		a.changed = func(st *story.Story) { a.cat.Put(st) }
	}
	if a.removed == nil {
		a.removed = func(n int) { a.cat.Remove(n) }
	}
	return a, nil
}
