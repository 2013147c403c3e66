package handlers

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/story"
)

// publishTagged publishes an English story carrying tags as stored (the
// way stories saved before tags were slugged may carry them).
func (s *testSite) publishTagged(t testing.TB, headline string, tags ...string) int {
	t.Helper()
	ctx := context.Background()
	st := &story.Story{Section: "business", Tags: tags, Byline: []string{s.ed.Authors[0].Handle},
		Versions: map[string]*story.Version{"en": {Headline: headline, Slug: story.Slugify(headline), Status: story.Draft}}}
	n, err := s.store.CreateStory(ctx, st, map[string]string{"en": "Body."}, "test")
	if err != nil {
		t.Fatal(err)
	}
	cur, err := s.store.Story(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	v := *cur.Versions["en"]
	v.Status, v.PublishedAt = story.Published, time.Now().Add(-time.Second)
	saved, err := s.store.Save(ctx, cur, "en", v.Revision, v, "Body.", "test")
	if err != nil {
		t.Fatal(err)
	}
	s.h.StoryChanged(saved)
	return n
}

// TestOddTagsResolveAndTheirFeedsWork: stories tagged before tags were
// slugged ("100%-growth", "24/7", a control character) get tag links that
// lead to their listing and feeds, never to a 404 or a 500.
func TestOddTagsResolveAndTheirFeedsWork(t *testing.T) {
	s := newTestSite(t)
	n := s.publishTagged(t, "Exporters report record year", "100%-growth", "24/7", "bad\x01tag", "Seoul Office")
	art := s.get(t, "/en/news/"+itoa(n)+"/exporters-report-record-year")
	if art.code != http.StatusOK {
		t.Fatalf("article: %d", art.code)
	}
	links := regexp.MustCompile(`href="(/en/tag/[^"]+)"`).FindAllStringSubmatch(art.body, -1)
	if len(links) != 4 {
		t.Fatalf("tag links %v, want 4", links)
	}
	for _, m := range links {
		href := strings.ReplaceAll(m[1], "&amp;", "&")
		r := s.get(t, href)
		if r.code != http.StatusOK || !strings.Contains(r.body, "Exporters report record year") {
			t.Errorf("tag link %s: %d", href, r.code)
		}
		for _, feed := range []string{"/feed.xml", "/atom.xml"} {
			if f := s.get(t, href+feed); f.code != http.StatusOK || !strings.Contains(f.body, "Exporters report record year") {
				t.Errorf("%s%s: %d\n%.300s", href, feed, f.code, f.body)
			}
		}
	}
	// The addresses the old links had still lead there.
	for _, old := range []string{"/en/tag/100%25-growth", "/en/tag/100%25-growth/feed.xml", "/en/tag/bad%01tag", "/en/tag/Seoul%20Office"} {
		r := s.get(t, old)
		if r.code != http.StatusMovedPermanently {
			t.Errorf("%s: %d, want a 301 to the tag's address", old, r.code)
			continue
		}
		if loc := r.hdr.Get("Location"); s.get(t, loc).code != http.StatusOK {
			t.Errorf("%s → %s: not found", old, loc)
		}
	}
	if r := s.get(t, "/en/tag/"+url.PathEscape("no-such-tag")); r.code != http.StatusNotFound {
		t.Errorf("unknown tag: %d", r.code)
	}
}

func TestNewTagsAreSluggedWhenMade(t *testing.T) {
	for in, want := range map[string]string{
		"100%-growth": "100-growth", "24/7": "24-7", "bad\x01tag": "bad-tag", " Seoul  Office ": "seoul-office",
		"무역 협정": "무역-협정", "a?b#c": "a-b-c", "%%%": "",
	} {
		if got := story.NormalizeTag(in); got != want {
			t.Errorf("NormalizeTag(%q) = %q, want %q", in, got, want)
		}
	}
}
