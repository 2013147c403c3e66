package handlers

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/story"
)

func TestSearchInBothLanguages(t *testing.T) {
	s := newTestSite(t)
	mou := s.find(t, func(st *story.Story) bool { return bilingual(st) && st.Priority > 0 })
	cases := []struct {
		lang, q string
		want    string // a headline that must be among the results
	}{
		{"ko", "로봇", mou.Versions["ko"].Headline},
		{"ko", "라이프케어로봇", mou.Versions["ko"].Headline},
		{"ko", "상공회의소", mou.Versions["ko"].Headline},
		{"ko", "MOU", mou.Versions["ko"].Headline},
		{"en", "robot", mou.Versions["en"].Headline},
		{"en", "robots", mou.Versions["en"].Headline},
	}
	for _, tc := range cases {
		r := s.get(t, "/"+tc.lang+"/search?q="+url.QueryEscape(tc.q))
		if r.code != 200 {
			t.Fatalf("%s %q: %d", tc.lang, tc.q, r.code)
		}
		plain := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(r.body)
		if !strings.Contains(plain, html(tc.want)) {
			t.Errorf("%s search %q does not find %q", tc.lang, tc.q, tc.want)
		}
		if !strings.Contains(r.body, "<mark>") {
			t.Errorf("%s search %q highlights nothing", tc.lang, tc.q)
		}
		if !strings.Contains(r.body, `<meta name="robots" content="noindex">`) {
			t.Error("search results are indexable")
		}
	}
	if !regexp.MustCompile(`\d+ results? for “robot”`).MatchString(s.get(t, "/en/search?q=robot").body) {
		t.Error("English result count missing")
	}
	mustContain(t, s.get(t, "/ko/search?q=%EB%A1%9C%EB%B4%87").body, "‘로봇’ 검색 결과")
	// Filters: a section the story is not in finds nothing of it.
	other := "community"
	if mou.Section == other {
		other = "business"
	}
	r := s.get(t, "/ko/search?q="+url.QueryEscape("라이프케어로봇")+"&section="+other)
	if strings.Contains(r.body, html(mou.Versions["ko"].Headline)) {
		t.Error("section filter ignored")
	}
	r = s.get(t, "/ko/search?q="+url.QueryEscape("라이프케어로봇")+"&to=2001-01-01")
	if strings.Contains(r.body, html(mou.Versions["ko"].Headline)) {
		t.Error("date filter ignored")
	}
}

func TestSearchNeverFindsDraftsAndForgetsUnpublished(t *testing.T) {
	s := newTestSite(t)
	ctx := context.Background()
	word := "Zorblax"
	st := &story.Story{Section: "business", Byline: []string{s.ed.Authors[0].Handle},
		Versions: map[string]*story.Version{"en": {Headline: word + " opens in Carrollton", Slug: "zorblax-opens", Status: story.Draft}}}
	n, err := s.store.CreateStory(ctx, st, map[string]string{"en": "A " + word + " store."}, "test")
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := s.store.Story(ctx, n)
	s.h.StoryChanged(cur)
	found := func() bool { return strings.Contains(s.get(t, "/en/search?q="+word).body, "opens in Carrollton") }
	if found() {
		t.Fatal("a draft is found by search")
	}
	v := *cur.Versions["en"]
	v.Status, v.PublishedAt = story.Published, time.Now().Add(-time.Second)
	pub, err := s.store.Save(ctx, cur, "en", v.Revision, v, "A "+word+" store.", "test")
	if err != nil {
		t.Fatal(err)
	}
	s.h.StoryChanged(pub)
	if !found() {
		t.Fatal("published story not found")
	}
	v2 := *pub.Versions["en"]
	v2.Status = story.Unpublished
	unpub, err := s.store.Save(ctx, pub, "en", v2.Revision, v2, "A "+word+" store.", "test")
	if err != nil {
		t.Fatal(err)
	}
	s.h.StoryChanged(unpub)
	if found() {
		t.Fatal("unpublished story still found")
	}
}

func TestSearchRefusesBadInputClearly(t *testing.T) {
	s := newTestSite(t)
	for _, tc := range []struct{ path, want string }{
		{"/en/search?q=" + strings.Repeat("x", 201), "at most 200 characters"},
		{"/ko/search?q=a&section=nope", "섹션이 없습니다"},
		{"/en/search?q=a&from=yesterday", "Enter dates as"},
		{"/en/search?q=a&page=x", "whole number"},
	} {
		r := s.get(t, tc.path)
		if r.code != 400 || !strings.Contains(r.body, tc.want) {
			t.Errorf("%s: %d, want 400 with %q", tc.path[:min(len(tc.path), 40)], r.code, tc.want)
		}
	}
	if r := s.get(t, "/en/search?q=%22headline%3A+%2Bfoo+-bar"); r.code != 200 {
		t.Errorf("query syntax characters: %d", r.code)
	}
	if r := s.get(t, "/en/search"); r.code != 200 || !strings.Contains(r.body, `name="q"`) {
		t.Errorf("empty search page: %d", r.code)
	}
}

// TestSearchSaysWhenTheIndexIsBeingRebuilt: while the index is rebuilt in
// the background (a first start on a large archive), results carry a note
// in the reader's language that some stories may be missing; afterwards not.
func TestSearchSaysWhenTheIndexIsBeingRebuilt(t *testing.T) {
	s := newTestSite(t)
	notes := map[string]string{"ko": "검색 색인을 다시 만드는 중", "en": "The search index is being rebuilt"}
	s.h.indexing.Store(true)
	for code, note := range notes {
		mustContain(t, s.get(t, "/"+code+"/search?q=MOU").body, note)
	}
	s.h.indexing.Store(false)
	for code, note := range notes {
		if strings.Contains(s.get(t, "/"+code+"/search?q=MOU").body, note) {
			t.Errorf("%s: rebuild note shown with the index complete", code)
		}
	}
}
