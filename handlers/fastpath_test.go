package handlers

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/story"
)

func TestFastPathServesWhatTheRouterWouldAndFollowsInvalidation(t *testing.T) {
	s := newTestSite(t)
	fast := s.h.Fast(s.srv)
	get := func(h http.Handler, uri string) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", uri, nil))
		return w
	}
	first := get(fast, "/en/") // a miss: built by the router, remembered
	again := get(fast, "/en/") // a hit: served by the fast path
	if again.Code != 200 || again.Body.String() != first.Body.String() {
		t.Fatalf("fast path answered %d with different bytes", again.Code)
	}
	for _, hdr := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Etag", "Cache-Control", "Vary"} {
		if again.Header().Get(hdr) != first.Header().Get(hdr) || again.Header().Get(hdr) == "" {
			t.Errorf("%s: fast %q, router %q", hdr, again.Header().Get(hdr), first.Header().Get(hdr))
		}
	}
	// A publish invalidates the page: the fast path misses and the router rebuilds it.
	ctx := context.Background()
	st := &story.Story{Section: "business", Byline: []string{s.ed.Authors[0].Handle},
		Versions: map[string]*story.Version{"en": {Headline: "Fast path sees the news", Slug: "fast-path-news", Status: story.Published, PublishedAt: time.Now().Add(-time.Second)}}}
	n, err := s.store.CreateStory(ctx, st, map[string]string{"en": "Body."}, "test")
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := s.store.Story(ctx, n)
	s.h.StoryChanged(cur)
	if !strings.Contains(get(fast, "/en/").Body.String(), "Fast path sees the news") {
		t.Fatal("fast path served a stale front page")
	}
	// Only a page's canonical address takes the shortcut: not other query
	// strings that the router answers with the same page.
	get(fast, "/en/latest?utm=1")
	if _, ok := s.h.cache.ByURI("/en/latest?utm=1"); ok {
		t.Error("an arbitrary query string takes the fast path")
	}
	get(fast, "/en/latest")
	if _, ok := s.h.cache.ByURI("/en/latest"); !ok {
		t.Error("a listing does not take the fast path")
	}
}

func TestFastPathRedirectsAnOldSlugOnceTheNewPageIsCached(t *testing.T) {
	s := newTestSite(t)
	fast := s.h.Fast(s.srv)
	get := func(uri string) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		fast.ServeHTTP(w, httptest.NewRequest("GET", uri, nil))
		return w
	}
	ctx := context.Background()
	st := &story.Story{Section: "business", Byline: []string{s.ed.Authors[0].Handle},
		Versions: map[string]*story.Version{"en": {Headline: "Slug before", Slug: "slug-before", Status: story.Published, PublishedAt: time.Now().Add(-time.Minute)}}}
	n, err := s.store.CreateStory(ctx, st, map[string]string{"en": "Body."}, "test")
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := s.store.Story(ctx, n)
	s.h.StoryChanged(cur)
	old := "/en/news/" + itoa(n) + "/slug-before"
	get(old)
	if w := get(old); w.Code != 200 { // now answered by the fast path
		t.Fatalf("old slug before the change: %d", w.Code)
	}
	v := *cur.Versions["en"]
	v.Slug = "slug-after"
	saved, err := s.store.Save(ctx, cur, "en", v.Revision, v, "Body.", "test")
	if err != nil {
		t.Fatal(err)
	}
	s.h.StoryChanged(saved)
	fresh := "/en/news/" + itoa(n) + "/slug-after"
	for range 2 { // cached, and then answered by the fast path
		if w := get(fresh); w.Code != 200 {
			t.Fatalf("new slug: %d", w.Code)
		}
	}
	for range 2 {
		w := get(old)
		if w.Code != http.StatusMovedPermanently || w.Header().Get("Location") != fresh {
			t.Fatalf("old slug after the change: %d, Location %q; want 301 to %s", w.Code, w.Header().Get("Location"), fresh)
		}
	}
}
