package handlers

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/story"
)

// topHeadline is the lead story's headline element on a front page.
func topHeadline(body string) string {
	i := strings.Index(body, `id="top-headline"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], "</h2>")
	return body[i : i+j]
}

// TestFrontPinsLeadAndBannerThenExpire: a pinned story leads the front page
// of its language only, the banner shows on every page of that language, and
// both go by themselves when their time is up, also for pages the fast path
// had cached.
func TestFrontPinsLeadAndBannerThenExpire(t *testing.T) {
	s := newTestSite(t)
	srv := s.h.Fast(s.srv)
	// Through the fast path, the way the binary serves.
	get := func(path string) resp {
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		return resp{w.Code, w.Header(), w.Body.String()}
	}
	top, ok := s.cat.Top("ko")
	if !ok {
		t.Fatal("no lead story in the demo edition")
	}
	latest, _ := s.cat.Latest("ko", 0, 50)
	pinned := latest[len(latest)-1] // the oldest live Korean story
	if pinned.Story.Number == top.Story.Number {
		t.Fatal("demo edition too small")
	}
	before := get("/ko/")
	if !strings.Contains(topHeadline(before.body), html(top.V.Headline)) {
		t.Fatalf("lead before pinning: %s", topHeadline(before.body))
	}
	until := time.Now().Add(700 * time.Millisecond)
	s.h.SetFronts(map[string]story.Front{"ko": {
		Pins:   []story.Pin{{Number: pinned.Story.Number, Until: until}},
		Banner: story.Banner{Text: "속보: 상공회의소 회장 선출", Href: "/ko/latest", Until: until},
	}})
	ko := get("/ko/")
	if !strings.Contains(topHeadline(ko.body), html(pinned.V.Headline)) {
		t.Errorf("pinned story does not lead: %s", topHeadline(ko.body))
	}
	// Once above the section blocks: not again beside itself in the rail.
	upper, _, _ := strings.Cut(ko.body, `<div class="sections">`)
	if n := strings.Count(upper, html(pinned.V.Headline)); n != 1 {
		t.Errorf("pinned story shown %d times in the lead and rail", n)
	}
	mustContain(t, ko.body, `id="breaking"`, "속보: 상공회의소 회장 선출", `href="/ko/latest"`)
	if a := get(articlePath("ko", top.Story.Number, top.V.Slug)); !strings.Contains(a.body, "속보: 상공회의소 회장 선출") {
		t.Error("banner missing on a Korean article")
	}
	if en := get("/en/"); strings.Contains(en.body, `id="breaking"`) {
		t.Error("the Korean banner shows on the English front page")
	}
	// Once the time is up the page is the automatic one again.
	deadline := time.Now().Add(10 * time.Second)
	for {
		r := get("/ko/")
		if strings.Contains(topHeadline(r.body), html(top.V.Headline)) && !strings.Contains(r.body, `id="breaking"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("pin and banner still shown after they expired: %s", topHeadline(r.body))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestFrontIgnoresPinsReadersCannotSee: a pinned story taken down or in
// the other language only does not lead; the page falls back to newest first.
func TestFrontIgnoresPinsReadersCannotSee(t *testing.T) {
	s := newTestSite(t)
	top, _ := s.cat.Top("ko")
	en := s.find(t, enOnly)
	s.h.SetFronts(map[string]story.Front{"ko": {Pins: []story.Pin{{Number: en.Number}, {Number: 99999}}}})
	r := s.get(t, "/ko/")
	if r.code != http.StatusOK || !strings.Contains(topHeadline(r.body), html(top.V.Headline)) {
		t.Errorf("lead with unusable pins: %d %s", r.code, topHeadline(r.body))
	}
}
