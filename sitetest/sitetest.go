// Package sitetest builds, for tests, the pieces of the demo paper that
// several packages' tests start from: a scratch database holding the demo
// edition, the paper's two languages, the catalogue loaded from the
// database, and the reader site's templates and static files. Each failure
// stops the test, so callers read as a list of what they need.
//
// Tests that use Store must run under dbtest.Main (their TestMain).
package sitetest

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/demo"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/locales"
	"github.com/newsroom/newsroom/render"
	"github.com/newsroom/newsroom/static"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/templates"
)

// Codes are the demo paper's languages, the default first.
var Codes = []string{"ko", "en"}

// Store is a migrated scratch database holding the demo edition as of now
// (stories, sections, authors; no newsroom accounts).
func Store(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	st := store.New(dbtest.Database(t), 5*time.Second)
	if err := st.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	if err := demo.Install(ctx, st, demo.Load(time.Now())); err != nil {
		t.Fatal(err)
	}
	return st
}

// Langs is Korean and English, Korean the default, on Chicago time: the
// demo paper's settings.
func Langs(t testing.TB) *lang.Set {
	t.Helper()
	tz, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Fatal(err)
	}
	langs, err := lang.New(locales.FS, Codes, Codes[0], tz)
	if err != nil {
		t.Fatal(err)
	}
	return langs
}

// Catalog is a catalogue of st's stories, sections and authors, as the
// site loads it at start.
func Catalog(t testing.TB, st *store.Store) *catalog.Catalog {
	t.Helper()
	ctx := context.Background()
	stories, err := st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	secs, err := st.Sections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	auths, err := st.Authors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cat := catalog.New(Codes, time.Now)
	cat.Load(stories, secs, auths)
	return cat
}

// Reader is the reader site's page templates and static files.
func Reader(t testing.TB) (*render.Renderer, *static.Assets) {
	t.Helper()
	pages, err := render.New(templates.FS, "layout.html", "pages")
	if err != nil {
		t.Fatal(err)
	}
	assets, err := static.Load()
	if err != nil {
		t.Fatal(err)
	}
	return pages, assets
}
