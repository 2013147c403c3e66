package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/newsroom/newsroom/admin"
	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/config"
	"github.com/newsroom/newsroom/handlers"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/locales"
	"github.com/newsroom/newsroom/markdown"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/pagecache"
	"github.com/newsroom/newsroom/photos"
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

func newSite(ctx context.Context, cfg *config.Config, log *slog.Logger, st *store.Store) (*site, error) {
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
	h = handlers.New(handlers.Deps{
		Store: st, Catalog: cat, Cache: pagecache.New(cfg.CacheBytes), Langs: langs, Pages: pages,
		Markdown: md, MarkdownFor: mdFor, Photos: lib, Search: idx, Assets: assets, Log: log, BaseURL: cfg.BaseURL,
		TrustedProxies: cfg.TrustedProxies,
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
		Removed: h.StoryRemoved, FrontsChanged: h.SetFronts, Photos: lib,
	})
	if err != nil {
		return nil, err
	}
	return &site{store: st, catalog: cat, handler: h, admin: adm, auth: authSvc, photos: lib, log: log, search: idx,
		applyIdentity: applyIdentity}, nil
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
		// Tombstones matter for a poll or two; a week covers an instance
		// that was briefly away, and a longer absence reloads everything.
		if _, err := s.store.PurgeDeletions(ctx, time.Now().Add(-7*24*time.Hour)); err != nil {
			s.log.Warn("purging old tombstones", "err", err)
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

// follow picks up stories changed by other instances sharing the database,
// by polling the indexed updated_at (change streams are not available on
// every server we support).
func (s *site) follow(ctx context.Context, every time.Duration) {
	since := time.Now().Add(-time.Minute)
	photosSince, deletedSince := since, since
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		// Overlap the windows a little: clocks of instances differ slightly.
		changed, err := s.store.StoriesChangedSince(ctx, since.Add(-5*time.Second))
		if err != nil {
			s.log.Warn("catching up with other instances", "err", err)
			continue
		}
		if id, err := s.store.Identity(ctx); err == nil {
			if !s.handler.IdentityIs(id) {
				s.applyIdentity(id)
			}
		}
		if fronts, err := s.store.Fronts(ctx); err == nil && !s.handler.FrontsAre(fronts) {
			s.handler.SetFronts(fronts)
		}
		for _, st := range changed {
			if old := s.catalog.Story(st.Number); old != nil && !st.UpdatedAt.After(old.UpdatedAt) {
				continue
			}
			s.handler.StoryChanged(st)
			if st.UpdatedAt.After(since) {
				since = st.UpdatedAt
			}
		}
		if _, err := s.handler.RefreshIfChanged(ctx); err != nil {
			s.log.Warn("catching up with other instances' sections and reporters", "err", err)
		}
		photosSince = s.followPhotos(ctx, photosSince)
		deletedSince = s.followDeletions(ctx, deletedSince)
	}
}

// followPhotos takes in photo details other instances changed since t and
// returns where the next round starts.
func (s *site) followPhotos(ctx context.Context, t time.Time) time.Time {
	changed, err := s.store.PhotosChangedSince(ctx, t.Add(-5*time.Second))
	if err != nil {
		s.log.Warn("catching up with other instances' photos", "err", err)
		return t
	}
	for _, p := range changed {
		s.photos.Changed(p)
		if p.UpdatedAt.After(t) {
			t = p.UpdatedAt
		}
	}
	return t
}

// holds reports whether this instance still has what d deleted.
func (s *site) holds(d store.Deletion) bool {
	switch d.Kind {
	case store.DeletedStory:
		return s.catalog.Story(d.Number()) != nil
	case store.DeletedPhoto:
		_, ok := s.photos.Get(d.Key)
		return ok
	}
	return false
}

// goneFromDB reports whether what d deleted is really gone from the database
// (the tombstone is written before the document goes).
func (s *site) goneFromDB(ctx context.Context, d store.Deletion) (bool, error) {
	var err error
	if d.Kind == store.DeletedStory {
		_, err = s.store.Story(ctx, d.Number())
	} else {
		_, err = s.store.Photo(ctx, d.Key)
	}
	if errors.Is(err, store.ErrNotFound) {
		return true, nil
	}
	return false, err
}

// followDeletions forgets the stories and photos other instances deleted
// since t, once the database confirms they are gone (the tombstone is
// written first), and returns where the next round starts.
func (s *site) followDeletions(ctx context.Context, t time.Time) time.Time {
	dels, err := s.store.DeletionsSince(ctx, t.Add(-5*time.Second))
	if err != nil {
		s.log.Warn("catching up with other instances' deletions", "err", err)
		return t
	}
	// Oldest first, so that a round stopped by an error resumes at it.
	slices.SortFunc(dels, func(a, b store.Deletion) int { return a.At.Compare(b.At) })
	for _, d := range dels {
		if s.holds(d) {
			gone, err := s.goneFromDB(ctx, d)
			switch {
			case err != nil:
				s.log.Warn("catching up with a deletion", "what", d.ID, "err", err)
				return t // again next round
			case gone && d.Kind == store.DeletedStory:
				s.handler.StoryRemoved(d.Number())
			case gone:
				s.photos.Forget(d.Key)
			case time.Since(d.At) < time.Minute:
				// The other instance is between writing the tombstone and
				// deleting: look again next round. (Still there a minute
				// on, that deletion failed, and the tombstone is passed.)
				return t
			}
		}
		if d.At.After(t) {
			t = d.At
		}
	}
	return t
}
