package main

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"time"

	"github.com/newsroom/newsroom/admin"
	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/backup"
	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/config"
	"github.com/newsroom/newsroom/follow"
	"github.com/newsroom/newsroom/handlers"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/locales"
	"github.com/newsroom/newsroom/markdown"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/pagecache"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/redirect"
	"github.com/newsroom/newsroom/render"
	"github.com/newsroom/newsroom/search"
	"github.com/newsroom/newsroom/static"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/templates"
)

// site is the reader site assembled from its parts.
type site struct {
	store   *store.Store
	catalog *catalog.Catalog
	handler *handlers.Handler
	admin   *admin.Admin
	auth    *auth.Service
	photos  *photos.Library
	log     *slog.Logger
	search  *search.Index
	cache   *pagecache.Cache
	// redirects is the reader site's table of old addresses.
	redirects *redirect.Table
	// followed is when follow last caught up with other instances (Unix
	// nanoseconds; 0: not yet), for the change-log lag metric.
	followed atomic.Int64
	// applyIdentity puts saved settings into effect: name, address, time
	// zone and default language.
	applyIdentity func(store.Identity)
}

func (s *site) close() {
	if err := s.search.Close(); err != nil {
		s.log.Error("closing the search index", "err", err)
	}
}

// localeFS returns the built-in locale files, overlaid with a folder of
// extra ones when NEWSROOM_LOCALES_DIR is set (a new language without a rebuild).
func localeFS(dir string) fs.FS {
	if dir == "" {
		return locales.FS
	}
	return overlayFS{top: os.DirFS(dir), base: locales.FS}
}

// siteExtras are the optional parts serve adds: metrics and scheduled backups.
type siteExtras struct {
	observe func(route string, status int, d time.Duration)
	backups func() backup.Status
}

func newSite(ctx context.Context, cfg *config.Config, log *slog.Logger, st *store.Store) (*site, error) {
	return newSiteWith(ctx, cfg, log, st, siteExtras{})
}

func newSiteWith(ctx context.Context, cfg *config.Config, log *slog.Logger, st *store.Store, x siteExtras) (*site, error) {
	ident, err := st.Identity(ctx)
	if err != nil {
		return nil, err
	}
	tz, def := identityOverrides(cfg, ident, log)
	langs, err := lang.New(localeFS(cfg.LocalesDir), cfg.Languages, def, tz)
	if err != nil {
		return nil, fmt.Errorf("languages (NEWSROOM_LANGUAGES, NEWSROOM_LOCALES_DIR): %w", err)
	}
	pages, err := render.New(templates.FS, "layout.html", "pages")
	if err != nil {
		return nil, err
	}
	assets, err := static.Load()
	if err != nil {
		return nil, err
	}
	cat := catalog.New(cfg.Languages, time.Now)
	stories, err := st.Stories(ctx)
	if err != nil {
		return nil, err
	}
	sections, err := st.Sections(ctx)
	if err != nil {
		return nil, err
	}
	authors, err := st.Authors(ctx)
	if err != nil {
		return nil, err
	}
	cat.Load(stories, sections, authors)
	redirects, err := loadRedirects(ctx, st, cfg.Languages)
	if err != nil {
		return nil, err
	}
	misses := redirect.NewMisses()
	// New stories are numbered on from the catalogue's highest number, which
	// spares the store a scan for it.
	highest := 0
	for _, s := range stories {
		highest = max(highest, s.Number)
	}
	st.SetNumberHint(highest + 1)
	authSvc := auth.New(st, auth.Config{Log: log})
	// The photo library calls back into the reader site when a photo changes;
	// the site is built after it, so the callback goes through this variable.
	var h *handlers.Handler
	lib, err := photos.New(ctx, photos.Deps{
		Store: st, Files: media.NewFiles(st.DB()), CacheDir: filepath.Join(cfg.DataDir, "media"), Log: log,
		Auth: authSvc, Langs: langs, Stories: cat.All,
		Changed: func(id string) {
			if h != nil {
				h.PhotoChanged(id)
			}
		},
	})
	if err != nil {
		return nil, err
	}
	// One Markdown renderer per language: photos in bodies take their
	// caption and alt text in the page's language.
	mdFor := map[string]*markdown.Renderer{}
	for _, code := range langs.Codes() {
		mdFor[code] = markdown.New(markdown.Options{Image: lib.BodyImage(code)})
	}
	md := mdFor[langs.Default()]
	idx, err := search.Open(filepath.Join(cfg.DataDir, "search"))
	if err != nil {
		return nil, fmt.Errorf("search index in NEWSROOM_DATA_DIR: %w", err)
	}
	cache := pagecache.New(cfg.CacheBytes)
	h = handlers.New(handlers.Deps{
		Store: st, Catalog: cat, Cache: cache, Langs: langs, Pages: pages,
		Markdown: md, MarkdownFor: mdFor, Photos: lib, Search: idx, Assets: assets, Log: log, BaseURL: cfg.BaseURL,
		TrustedProxies: cfg.TrustedProxies, Redirects: redirects, Misses: misses, RequestTimeout: cfg.RequestTimeout,
		Observe: x.observe, Backups: x.backups,
	})
	h.SetIdentity(ident)
	fronts, err := st.Fronts(ctx)
	if err != nil {
		return nil, err
	}
	h.SetFronts(fronts)
	applyIdentity := func(id store.Identity) {
		// Both before the page cache is emptied, so that no page is rebuilt
		// with the old zone or default language.
		tz, def := identityOverrides(cfg, id, log)
		langs.SetLocation(tz)
		if err := langs.SetDefault(def); err != nil { // identityOverrides keeps to configured codes
			log.Error("settings: default language", "err", err)
		}
		h.SetIdentity(id)
	}
	adm, err := admin.New(admin.Deps{
		Store: st, Catalog: cat, Auth: authSvc, Langs: langs, Markdown: md, Log: log, BaseURL: cfg.BaseURL,
		Changed: h.StoryChanged, SectionsChanged: h.Refresh, IdentityChanged: applyIdentity,
		Removed: h.StoryRemoved, FrontsChanged: h.SetFronts, Photos: lib, Backups: x.backups, SearchProgress: h.SearchProgress,
		ImportDir: filepath.Join(cfg.DataDir, "imports"), Redirects: redirects, Misses: misses,
	})
	if err != nil {
		return nil, err
	}
	return &site{store: st, catalog: cat, handler: h, admin: adm, auth: authSvc, photos: lib, log: log, search: idx, redirects: redirects,
		cache: cache, applyIdentity: applyIdentity}, nil
}

// router is the whole site: the reader pages and the newsroom under /admin.
func (s *site) router() http.Handler {
	r := s.handler.Router()
	// The media library first, on its own group: uploads are larger than
	// the newsroom's body limit, and its routes check session, CSRF token
	// and role themselves.
	s.photos.RegisterAdmin(r.Group(photos.AdminPrefix))
	s.admin.Register(r.Group("/admin"))
	return r
}

// purgeSessions sweeps expired sessions now and then: the embedded server
// has no TTL indexes, so expiry is done in code.
func (s *site) purgeSessions(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := s.auth.PurgeSessions(ctx); err != nil {
			s.log.Warn("purging expired sessions", "err", err)
		} else if n > 0 {
			s.log.Info("expired sessions purged", "count", n)
		}
		// The change log is pruned here too, for a single instance that
		// runs no follower (an instance away longer reloads everything).
		if _, err := s.store.PruneChanges(ctx, time.Now().Add(-store.ChangeRetention)); err != nil {
			s.log.Warn("pruning the change log", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// identityOverrides applies the time zone and default language saved on the
// settings page over the configuration's; invalid saved values are logged
// and the configuration's are kept.
func identityOverrides(cfg *config.Config, id store.Identity, log *slog.Logger) (*time.Location, string) {
	tz, def := cfg.TimeZone, cfg.DefaultLanguage
	if id.TimeZone != "" {
		if loc, err := time.LoadLocation(id.TimeZone); err == nil {
			tz = loc
		} else {
			log.Warn("settings: ignoring the saved time zone", "time_zone", id.TimeZone)
		}
	}
	if id.DefaultLanguage != "" {
		if slices.Contains(cfg.Languages, id.DefaultLanguage) {
			def = id.DefaultLanguage
		} else {
			log.Warn("settings: ignoring the saved default language (not in NEWSROOM_LANGUAGES)", "language", id.DefaultLanguage)
		}
	}
	return tz, def
}

// follower keeps this instance in step with the others sharing the
// database, from the change log; since is when the catalogue was loaded.
func (s *site) follower(since time.Time) *follow.Follower {
	return follow.New(follow.Deps{
		Store: s.store, Log: s.log,
		Stories: s.handler.StoriesChanged, StoryGone: s.handler.StoryRemoved,
		Photo: s.photos.Changed, PhotoGone: s.photos.Forget,
		People: func(ctx context.Context) error {
			_, err := s.handler.RefreshIfChanged(ctx)
			return err
		},
		Settings: func(id store.Identity) {
			if !s.handler.IdentityIs(id) {
				s.applyIdentity(id)
			}
		},
		Fronts: func(ctx context.Context) error {
			fronts, err := s.store.Fronts(ctx)
			if err == nil && !s.handler.FrontsAre(fronts) {
				s.handler.SetFronts(fronts)
			}
			return err
		},
		Redirects: func(ctx context.Context) error {
			rs, err := s.store.Redirects(ctx)
			for _, r := range rs {
				s.redirects.Put(r.From, r.To)
			}
			return err
		},
		Reload:   s.reload,
		CaughtUp: func(at time.Time) { s.followed.Store(at.UnixNano()) },
	}, since)
}

// reload reloads everything this instance keeps in memory.
func (s *site) reload(ctx context.Context) error {
	if err := s.handler.Reload(ctx); err != nil {
		return err
	}
	if err := s.photos.Load(ctx); err != nil {
		return err
	}
	id, err := s.store.Identity(ctx)
	if err != nil {
		return err
	}
	s.applyIdentity(id)
	rs, err := s.store.Redirects(ctx)
	for _, r := range rs {
		s.redirects.Put(r.From, r.To)
	}
	return err
}

// loadRedirects reads the old addresses (an imported site's, and those
// admins added) into the table the reader site asks when no route matches.
// Those added later, through any instance, reach it through the change log.
func loadRedirects(ctx context.Context, st *store.Store, langs []string) (*redirect.Table, error) {
	rs, err := st.Redirects(ctx)
	if err != nil {
		return nil, err
	}
	t := redirect.New(langs)
	for _, r := range rs {
		t.Put(r.From, r.To)
	}
	return t, nil
}
