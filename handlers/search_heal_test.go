package handlers

import (
	"context"
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/demo"
	"github.com/newsroom/newsroom/embeddb"
	"github.com/newsroom/newsroom/markdown"
	"github.com/newsroom/newsroom/pagecache"
	"github.com/newsroom/newsroom/search"
	"github.com/newsroom/newsroom/sitetest"
	"github.com/newsroom/newsroom/store"
)

// A search index whose catch-up fails (the database went away) keeps
// retrying until it is complete: meanwhile results say they may be
// incomplete and /healthz names it as a detail, and once the database is
// back the index completes without a restart.
func TestSearchCatchUpRetriesUntilComplete(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()
	quiet := slog.New(slog.DiscardHandler)
	srv, err := embeddb.Start(ctx, dir, quiet)
	if err != nil {
		t.Fatal(err)
	}
	client, err := store.Connect(ctx, srv.URI(), 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Disconnect(context.Background())
	st := store.New(client.Database("heal"), time.Second) // no body cache: bodies come from the database
	if err := st.Migrate(ctx, quiet); err != nil {
		t.Fatal(err)
	}
	if err := demo.Install(ctx, st, demo.Load(time.Now())); err != nil {
		t.Fatal(err)
	}
	langs := sitetest.Langs(t)
	pages, assets := sitetest.Reader(t)
	idx, err := search.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	base, _ := url.Parse(testBase)
	h := New(Deps{Store: st, Catalog: sitetest.Catalog(t, st), Cache: pagecache.New(64 << 20), Langs: langs, Pages: pages,
		Search: idx, Markdown: markdown.New(markdown.Options{}), Assets: assets, Log: quiet, BaseURL: base})
	s := &testSite{h: h, srv: h.Router(), store: st}

	// The database goes away before the index is built.
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	go h.runSearch(ctx, 20*time.Millisecond, 3*time.Second)
	eventually(t, "the failed catch-up never said the index is incomplete", func() bool { return h.SearchProgress().Incomplete })
	time.Sleep(300 * time.Millisecond) // several failed attempts
	if r := s.get(t, "/en/search?q=chamber"); !strings.Contains(r.body, "some stories may be missing") {
		t.Errorf("results during a failed catch-up do not say they may be incomplete:\n%s", r.body)
	}

	// Back, at the same address: the index completes on its own.
	srv, err = embeddb.Start(ctx, dir, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	// The next attempt is up to the longest pause away: until then the
	// database answers and the index is still incomplete.
	if r := s.get(t, "/healthz"); r.code != 200 || !strings.Contains(r.body, "search index: incomplete") {
		t.Errorf("/healthz while the index catches up: %d %q, want 200 naming the incomplete index", r.code, r.body)
	}
	eventually(t, "the search index never completed after the database came back", func() bool { return !h.SearchProgress().Incomplete })
	r := s.get(t, "/en/search?q=chamber")
	if strings.Contains(r.body, "some stories may be missing") || !strings.Contains(r.body, "result") {
		t.Errorf("results after the catch-up:\n%s", r.body)
	}
	if r := s.get(t, "/healthz"); r.code != 200 || strings.Contains(r.body, "search") {
		t.Errorf("/healthz after the catch-up: %d %q", r.code, r.body)
	}
}

// eventually polls ok until it holds, failing the test after ten seconds.
func eventually(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatal(what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
