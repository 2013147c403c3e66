package handlers

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/newsroom/newsroom/story"
)

// TestAuthorPageShowsTheProfileAndPerson: an author page shows the title,
// bio and links in the reader's language and says who the person is in
// schema.org terms; the article's byline links to it.
func TestAuthorPageShowsTheProfileAndPerson(t *testing.T) {
	s := newTestSite(t)
	ctx := context.Background()
	st := s.find(t, func(st *story.Story) bool { return len(st.Byline) > 0 && st.Version("ko") != nil })
	a, ok := s.cat.Author(st.Byline[0])
	if !ok {
		t.Fatal("demo byline without a profile")
	}
	a.Title = story.Text{"ko": "서울 특파원", "en": "Seoul correspondent"}
	a.Bio = story.Text{"ko": "무역과 한인 경제를 취재한다.", "en": "Covers trade and Korean-American business."}
	a.Links = []string{"https://example.org/~reporter"}
	if _, err := s.store.UpdatePerson(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.h.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lang, title, bio string }{
		{"ko", "서울 특파원", "무역과 한인 경제를 취재한다."},
		{"en", "Seoul correspondent", "Covers trade and Korean-American business."},
	} {
		r := s.get(t, "/"+tc.lang+"/author/"+a.Handle)
		if r.code != http.StatusOK {
			t.Fatalf("%s author page: %d", tc.lang, r.code)
		}
		mustContain(t, r.body, `id="profile"`, html(a.Name[tc.lang]), tc.title, tc.bio, `href="https://example.org/~reporter"`)
		_, ld, _ := strings.Cut(r.body, `<script type="application/ld+json">`)
		ld, _, _ = strings.Cut(ld, "</script>")
		var page struct {
			Type   string `json:"@type"`
			Person struct {
				Type                             string `json:"@type"`
				Name, JobTitle, Description, URL string
				SameAs                           []string
			} `json:"mainEntity"`
		}
		if err := json.Unmarshal([]byte(ld), &page); err != nil {
			t.Fatalf("%s JSON-LD: %v in %q", tc.lang, err, ld)
		}
		if p := page.Person; page.Type != "ProfilePage" || p.Type != "Person" || p.Name != a.Name[tc.lang] || p.JobTitle != tc.title ||
			p.Description != tc.bio || len(p.SameAs) != 1 || !strings.HasSuffix(p.URL, "/"+tc.lang+"/author/"+a.Handle) {
			t.Errorf("%s JSON-LD: %+v", tc.lang, page)
		}
	}
	v := st.Version("ko")
	art := s.get(t, articlePath("ko", st.Number, v.Slug))
	mustContain(t, art.body, `<a href="/ko/author/`+a.Handle+`" rel="author">`+html(a.Name["ko"])+" 서울 특파원</a>")
}
