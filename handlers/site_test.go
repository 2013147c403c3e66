package handlers

import (
	"compress/gzip"
	"context"
	"github.com/newsroom/newsroom/sitetest"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/demo"
	"github.com/newsroom/newsroom/markdown"
	"github.com/newsroom/newsroom/pagecache"
	"github.com/newsroom/newsroom/search"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

const testBase = "https://news.example.com"

type testSite struct {
	h     *Handler
	srv   http.Handler
	store *store.Store
	cat   *catalog.Catalog
	ed    demo.Edition
}

// newTestSite builds the reader site over a scratch database holding the demo edition.
func newTestSite(t testing.TB) *testSite {
	t.Helper()
	ctx := context.Background()
	st := store.New(dbtest.Database(t), 3*time.Second)
	if err := st.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	ed := demo.Load(time.Now())
	if err := demo.Install(ctx, st, ed); err != nil {
		t.Fatal(err)
	}
	return buildSite(t, st, ed)
}

func buildSite(t testing.TB, st *store.Store, ed demo.Edition) *testSite {
	t.Helper()
	return buildSiteWith(t, st, ed, true)
}

// buildSiteWith builds the site, with or without a search index (the
// archive benchmarks measure pages, not indexing 30,000 documents).
func buildSiteWith(t testing.TB, st *store.Store, ed demo.Edition, withSearch bool) *testSite {
	t.Helper()
	ctx := context.Background()
	langs := sitetest.Langs(t)
	pages, assets := sitetest.Reader(t)
	cat := sitetest.Catalog(t, st)
	base, _ := url.Parse(testBase)
	var idx *search.Index
	if withSearch {
		var err error
		if idx, err = search.OpenMemory(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { idx.Close() })
	}
	h := New(Deps{
		Store: st, Catalog: cat, Cache: pagecache.New(64 << 20), Langs: langs, Pages: pages, Search: idx,
		Markdown: markdown.New(markdown.Options{}), Assets: assets, Log: slog.New(slog.DiscardHandler),
		BaseURL: base,
	})
	if _, err := h.CatchUpSearch(ctx, false); err != nil {
		t.Fatal(err)
	}
	return &testSite{h: h, srv: h.Router(), store: st, cat: cat, ed: ed}
}

type resp struct {
	code int
	hdr  http.Header
	body string
}

func (s *testSite) get(t testing.TB, path string, hdr ...string) resp {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	s.srv.ServeHTTP(w, req)
	body := w.Body.Bytes()
	if w.Header().Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(w.Body)
		if err != nil {
			t.Fatal(err)
		}
		body, _ = io.ReadAll(zr)
	}
	return resp{w.Code, w.Header(), string(body)}
}

// find returns the first demo story matching ok, with its number as stored.
func (s *testSite) find(t testing.TB, ok func(*story.Story) bool) *story.Story {
	t.Helper()
	for _, st := range s.cat.All() {
		if ok(st) {
			return st
		}
	}
	t.Fatal("no such story in the demo edition")
	return nil
}

func bilingual(st *story.Story) bool { return st.Version("ko") != nil && st.Version("en") != nil }
func koOnly(st *story.Story) bool    { return st.Version("ko") != nil && st.Version("en") == nil }
func enOnly(st *story.Story) bool    { return st.Version("en") != nil && st.Version("ko") == nil }

func TestRootRedirectsByCookieThenAcceptLanguageThenDefault(t *testing.T) {
	s := newTestSite(t)
	cases := []struct {
		name string
		hdr  []string
		want string
	}{
		{"nothing: site default", nil, "/ko/"},
		{"accept-language en", []string{"Accept-Language", "en-US,en;q=0.9"}, "/en/"},
		{"accept-language ko", []string{"Accept-Language", "ko-KR,ko;q=0.9,en;q=0.5"}, "/ko/"},
		{"unknown language: default", []string{"Accept-Language", "fr-FR"}, "/ko/"},
		{"cookie beats header", []string{"Accept-Language", "ko-KR", "Cookie", "lang=en"}, "/en/"},
		{"bad cookie ignored", []string{"Accept-Language", "en", "Cookie", "lang=xx"}, "/en/"},
	}
	for _, tc := range cases {
		r := s.get(t, "/", tc.hdr...)
		if r.code != http.StatusFound || r.hdr.Get("Location") != tc.want {
			t.Errorf("%s: %d → %q, want 302 → %q", tc.name, r.code, r.hdr.Get("Location"), tc.want)
		}
		if v := r.hdr.Get("Vary"); !strings.Contains(v, "Cookie") || !strings.Contains(v, "Accept-Language") {
			t.Errorf("%s: Vary = %q", tc.name, v)
		}
	}
}

func TestFrontPageInBothLanguages(t *testing.T) {
	s := newTestSite(t)
	lead := s.find(t, func(st *story.Story) bool { return bilingual(st) && st.Priority > 0 })
	for _, l := range []string{"ko", "en"} {
		r := s.get(t, "/"+l+"/")
		if r.code != 200 {
			t.Fatalf("/%s/: %d", l, r.code)
		}
		mustContain(t, r.body,
			`<html lang="`+l+`">`,
			`<link rel="canonical" href="`+testBase+`/`+l+`/">`,
			`hreflang="ko" href="`+testBase+`/ko/"`,
			`hreflang="en" href="`+testBase+`/en/"`,
			`hreflang="x-default" href="`+testBase+`/"`,
			html(lead.Versions[l].Headline),
			`href="/lang/`+other(l)+`?next=%2F`+other(l)+`%2F"`,
			`class="skip-link"`,
		)
		if r.hdr.Get("ETag") == "" || !strings.Contains(r.hdr.Get("Cache-Control"), "public") {
			t.Errorf("/%s/ headers: %v", l, r.hdr)
		}
	}
	ko := s.get(t, "/ko/").body
	mustContain(t, ko, "달라스 코리안 비즈니스 저널", "최신 기사")
	en := s.get(t, "/en/").body
	mustContain(t, en, "Dallas Korean Business Journal", "Latest news")
}

func other(l string) string {
	if l == "ko" {
		return "en"
	}
	return "ko"
}

func html(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")
	return r.Replace(s)
}

func mustContain(t testing.TB, body string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

func TestArticleCanonicalRedirectsAndAlternates(t *testing.T) {
	s := newTestSite(t)
	st := s.find(t, bilingual)
	n := itoa(st.Number)
	ko, en := st.Versions["ko"], st.Versions["en"]
	koPath := "/ko/news/" + n + "/" + url.PathEscape(ko.Slug)
	enPath := "/en/news/" + n + "/" + url.PathEscape(en.Slug)

	r := s.get(t, koPath)
	if r.code != 200 {
		t.Fatalf("%s: %d", koPath, r.code)
	}
	mustContain(t, r.body,
		`<html lang="ko">`, "<h1>"+html(ko.Headline)+"</h1>",
		`<link rel="canonical" href="`+testBase+koPath+`">`,
		`hreflang="ko" href="`+testBase+koPath+`"`,
		`hreflang="en" href="`+testBase+enPath+`"`,
		`hreflang="x-default" href="`+testBase+koPath+`"`,
		`href="/lang/en?next=`+url.QueryEscape(enPath)+`"`,
		"기자", // Korean byline style: name + 기자
		"입력 <time",
	)
	if regexp.MustCompile(`\d{4}년 \d{1,2}월 \d{1,2}일\([월화수목금토일]\) 오[전후] \d{1,2}:\d\d`).FindString(r.body) == "" {
		t.Error("no Korean-style date on the Korean article")
	}
	re := s.get(t, enPath)
	mustContain(t, re.body, "By ", "Published <time")
	if regexp.MustCompile(`(Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{1,2}, \d{4}, \d{1,2}:\d\d [ap]\.m\.`).FindString(re.body) == "" {
		t.Error("no AP-style date on the English article")
	}

	for _, p := range []string{"/ko/news/" + n, "/ko/news/" + n + "/wrong-slug"} {
		r := s.get(t, p)
		if r.code != http.StatusMovedPermanently || r.hdr.Get("Location") != koPath {
			t.Errorf("%s: %d → %q, want 301 → %q", p, r.code, r.hdr.Get("Location"), koPath)
		}
	}
	// The Hangul slug arrives percent-encoded and must match.
	if !strings.Contains(koPath, "%") {
		t.Logf("note: slug %q has no Hangul", ko.Slug)
	}
}

func TestStoryInOneLanguageOnly(t *testing.T) {
	s := newTestSite(t)
	st := s.find(t, koOnly)
	n := itoa(st.Number)
	koPath := "/ko/news/" + n + "/" + url.PathEscape(st.Versions["ko"].Slug)
	r := s.get(t, koPath)
	if r.code != 200 {
		t.Fatalf("%d", r.code)
	}
	if strings.Contains(r.body, `<link rel="alternate" hreflang="en"`) {
		t.Error("hreflang lists an English version that does not exist")
	}
	switchHref := `/lang/en?next=` + url.QueryEscape("/en/?unavailable="+n)
	mustContain(t, r.body, `href="`+html(switchHref)+`"`)

	// Following the switch: the cookie is set and the English front page explains.
	sw := s.get(t, switchHref)
	if sw.code != http.StatusFound || sw.hdr.Get("Location") != "/en/?unavailable="+n || !strings.Contains(sw.hdr.Get("Set-Cookie"), "lang=en") {
		t.Fatalf("switch: %d %v", sw.code, sw.hdr)
	}
	front := s.get(t, "/en/?unavailable="+n)
	mustContain(t, front.body, "This story is available in Korean only")

	// The English address of a Korean-only story: 404 that links to the Korean one.
	nf := s.get(t, "/en/news/"+n)
	if nf.code != 404 {
		t.Fatalf("/en/news/%s: %d", n, nf.code)
	}
	mustContain(t, nf.body, "This story is available in Korean only", `href="`+koPath+`"`)

	st2 := s.find(t, enOnly)
	front2 := s.get(t, "/ko/?unavailable="+itoa(st2.Number))
	mustContain(t, front2.body, "이 기사는 영어로만 제공됩니다")
}

func TestErrorsAreLocalizedNeverServerErrors(t *testing.T) {
	s := newTestSite(t)
	draft := s.find(t, bilingual)
	cases := []struct {
		path   string
		hdr    []string
		status int
		want   string
	}{
		{"/fr/", []string{"Accept-Language", "en"}, 404, "Page not found"},
		{"/fr/", []string{"Accept-Language", "ko"}, 404, "페이지를 찾을 수 없습니다"},
		{"/ko/news/999999", nil, 404, "기사를 찾을 수 없습니다"},
		{"/en/news/999999/x", nil, 404, "find that story"},
		{"/en/news/abc", nil, 404, "Page not found"},
		{"/en/news/0" + itoa(draft.Number), nil, 404, "Page not found"},
		{"/ko/latest?page=abc", nil, 400, "페이지 번호"},
		{"/en/latest?page=0", nil, 400, "whole number"},
		{"/en/latest?page=-1", nil, 400, "whole number"},
		{"/en/latest?page=99999", nil, 404, "does not exist"},
		{"/ko/section/nope", nil, 404, "섹션이 없습니다"},
		{"/en/tag/no-such-tag", nil, 404, "No stories"},
		{"/en/author/nobody", nil, 404, "no such reporter"},
		{"/ko/news/1/%FF%FE", nil, 400, "읽을 수 없는 문자"},
		{"/en/tag/%C3%28", nil, 400, "contains characters that can"},
		{"/en/latest?page=%FF", nil, 400, "contains characters that can"},
		{"/en/" + strings.Repeat("a", 3000), nil, 400, "too long"},
	}
	for _, tc := range cases {
		r := s.get(t, tc.path, tc.hdr...)
		if r.code != tc.status || !strings.Contains(r.body, tc.want) {
			t.Errorf("%s: %d, want %d with %q", tc.path, r.code, tc.status, tc.want)
		}
	}
}

func TestListingsInBothLanguages(t *testing.T) {
	s := newTestSite(t)
	st := s.find(t, bilingual)
	for _, l := range []string{"ko", "en"} {
		for _, p := range []string{
			"/" + l + "/latest",
			"/" + l + "/section/" + st.Section,
			"/" + l + "/tag/" + url.PathEscape(st.Tags[0]),
			"/" + l + "/author/" + st.Byline[0],
		} {
			r := s.get(t, p)
			if r.code != 200 {
				t.Errorf("%s: %d", p, r.code)
				continue
			}
			mustContain(t, r.body, html(st.Versions[l].Headline), `<link rel="canonical" href="`+testBase+p+`">`,
				`hreflang="`+other(l)+`"`, `<meta name="description"`)
		}
	}
}

func TestPagination(t *testing.T) {
	s := newTestSite(t)
	var stories []*story.Story
	var bodies []map[string]string
	err := demo.Archive(45, 7, time.Now(), func(d demo.Story) error {
		if d.Story.Version("en") != nil {
			stories, bodies = append(stories, &d.Story), append(bodies, d.Bodies)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.store.ImportStories(context.Background(), stories, bodies, "test"); err != nil {
		t.Fatal(err)
	}
	for _, st := range stories {
		s.h.StoryChanged(st)
	}
	_, total := s.cat.Latest("en", 0, 1)
	pages := (total + perPage - 1) / perPage
	if pages < 2 {
		t.Fatalf("only %d pages", pages)
	}
	last := s.get(t, "/en/latest?page="+itoa(pages))
	if last.code != 200 || !strings.Contains(last.body, `rel="prev"`) || strings.Contains(last.body, `rel="next"`) {
		t.Fatalf("last page: %d", last.code)
	}
	mustContain(t, last.body, "Page "+itoa(pages)+" of "+itoa(pages), itoa(total)+" stories")
	if r := s.get(t, "/en/latest?page="+itoa(pages+1)); r.code != 404 {
		t.Fatalf("past the end: %d", r.code)
	}
	first := s.get(t, "/en/latest")
	mustContain(t, first.body, `href="/en/latest?page=2" rel="next"`)
}

func TestCachedPagesRevalidateAndCompress(t *testing.T) {
	s := newTestSite(t)
	r := s.get(t, "/ko/", "Accept-Encoding", "gzip")
	if r.hdr.Get("Content-Encoding") != "gzip" || !strings.Contains(r.hdr.Get("Vary"), "Accept-Encoding") {
		t.Fatalf("headers %v", r.hdr)
	}
	etag := r.hdr.Get("ETag")
	nm := s.get(t, "/ko/", "If-None-Match", etag, "Accept-Encoding", "gzip")
	if nm.code != http.StatusNotModified || nm.body != "" {
		t.Fatalf("If-None-Match: %d", nm.code)
	}
	css := regexp.MustCompile(`href="(/static/site\.[0-9a-f]+\.css)"`).FindStringSubmatch(r.body)
	if css == nil {
		t.Fatal("no hashed stylesheet link")
	}
	cr := s.get(t, css[1])
	if cr.code != 200 || !strings.Contains(cr.hdr.Get("Cache-Control"), "immutable") || !strings.Contains(cr.body, "keep-all") {
		t.Fatalf("stylesheet: %d %v", cr.code, cr.hdr)
	}
}

func TestPublishShowsOnFrontPageAndArticleChangesInvalidate(t *testing.T) {
	s := newTestSite(t)
	before := s.get(t, "/en/")
	ctx := context.Background()
	st := &story.Story{Section: "business", Tags: []string{"trade"}, Byline: []string{s.ed.Authors[0].Handle},
		Versions: map[string]*story.Version{"en": {Headline: "Texas chamber opens Seoul office", Slug: "texas-chamber-opens-seoul-office", Status: story.Draft}}}
	n, err := s.store.CreateStory(ctx, st, map[string]string{"en": "The chamber said so."}, "test")
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := s.store.Story(ctx, n)
	s.h.StoryChanged(cur)
	if strings.Contains(s.get(t, "/en/").body, "Texas chamber opens Seoul office") {
		t.Fatal("a draft is on the front page")
	}
	v := *cur.Versions["en"]
	v.Status, v.PublishedAt = story.Published, time.Now().Add(-time.Second)
	saved, err := s.store.Save(ctx, cur, "en", v.Revision, v, "The chamber said so.", "test")
	if err != nil {
		t.Fatal(err)
	}
	s.h.StoryChanged(saved)
	after := s.get(t, "/en/")
	if !strings.Contains(after.body, "Texas chamber opens Seoul office") || after.hdr.Get("ETag") == before.hdr.Get("ETag") {
		t.Fatal("published story not on the front page")
	}
	art := s.get(t, "/en/news/"+itoa(n)+"/texas-chamber-opens-seoul-office")
	if art.code != 200 {
		t.Fatalf("article %d", art.code)
	}
	v2 := *saved.Versions["en"]
	v2.Headline = "Texas chamber opens Seoul office, its first in Asia"
	v2.UpdatedAt = time.Now()
	saved2, err := s.store.Save(ctx, saved, "en", v2.Revision, v2, "The chamber said so on Tuesday.", "test")
	if err != nil {
		t.Fatal(err)
	}
	s.h.StoryChanged(saved2)
	art2 := s.get(t, "/en/news/"+itoa(n)+"/texas-chamber-opens-seoul-office")
	mustContain(t, art2.body, "its first in Asia", "on Tuesday")
}

func TestDatabaseDownGives503(t *testing.T) {
	// A client of its own, so that cutting it leaves other tests' alone.
	client, err := mongo.Connect(options.Client().ApplyURI(dbtest.URI(t)))
	if err != nil {
		t.Fatal(err)
	}
	db := client.Database(dbtest.Database(t).Name())
	ctx := context.Background()
	st0 := store.New(db, 2*time.Second)
	if err := st0.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	if err := demo.Install(ctx, st0, demo.Load(time.Now())); err != nil {
		t.Fatal(err)
	}
	s := buildSite(t, st0, demo.Edition{})
	st := s.find(t, bilingual)
	path := "/en/news/" + itoa(st.Number) + "/" + url.PathEscape(st.Versions["en"].Slug)
	// Cut the connection: the article body is not cached yet.
	if err := client.Disconnect(ctx); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	r := s.get(t, path)
	if r.code != http.StatusServiceUnavailable || !strings.Contains(r.body, "Temporarily unavailable") {
		t.Fatalf("%d %s", r.code, r.body[:min(200, len(r.body))])
	}
	if d := time.Since(start); d > 6*time.Second {
		t.Fatalf("took %s", d)
	}
	if h := s.get(t, "/healthz"); h.code != http.StatusServiceUnavailable {
		t.Fatalf("healthz %d", h.code)
	}
}

func TestTranslationCreditsTheTranslator(t *testing.T) {
	s := newTestSite(t)
	ctx := context.Background()
	if err := s.store.CreateUser(ctx, &store.User{ID: "mina@example.com", Email: "mina@example.com", Name: "Mina Seo", Role: store.RoleTranslator}); err != nil {
		t.Fatal(err)
	}
	st := s.find(t, koOnly)
	v := story.Version{Headline: "Dry cleaner passes to the next generation", Slug: "dry-cleaner-next-generation", Status: story.Published,
		PublishedAt: time.Now().Add(-time.Minute), TranslatedFrom: "ko", TranslatedBy: "mina@example.com"}
	saved, err := s.store.Save(ctx, st, "en", 0, v, "Translated body.", "mina@example.com")
	if err != nil {
		t.Fatal(err)
	}
	s.h.StoryChanged(saved)
	en := s.get(t, "/en/news/"+itoa(st.Number)+"/dry-cleaner-next-generation")
	mustContain(t, en.body, "Translated from Korean by Mina Seo.")
	ko := s.get(t, "/ko/news/"+itoa(st.Number)+"/"+url.PathEscape(st.Versions["ko"].Slug))
	mustContain(t, ko.body, `<link rel="alternate" hreflang="en"`)
	if strings.Contains(en.body, "mina@example.com") {
		t.Error("the translator's email address is on a public page")
	}
}

func TestTranslationReadersHearOfALaterCorrectionToTheOriginal(t *testing.T) {
	s := newTestSite(t)
	ctx := context.Background()
	st := s.find(t, func(st *story.Story) bool { return bilingual(st) && st.Versions["ko"].Correction == "" })
	ko, en := *st.Versions["ko"], *st.Versions["en"]
	en.TranslatedFrom, en.SourceRevision = "ko", ko.Revision
	body, _ := s.store.Body(ctx, st.Number, "en", en.Revision)
	cur, err := s.store.Save(ctx, st, "en", en.Revision, en, body, "test")
	if err != nil {
		t.Fatal(err)
	}
	s.h.StoryChanged(cur)
	enPath := "/en/news/" + itoa(st.Number) + "/" + url.PathEscape(en.Slug)
	if strings.Contains(s.get(t, enPath).body, "original was corrected") {
		t.Fatal("notice shown before any correction")
	}
	// The Korean original gets a correction.
	prev := ko
	ko.Correction = "업무협약 참석자 수를 바로잡았습니다."
	ko.UpdatedAt = time.Now()
	story.Stamp(&prev, &ko, false)
	kbody, _ := s.store.Body(ctx, st.Number, "ko", prev.Revision)
	cur, err = s.store.Save(ctx, cur, "ko", prev.Revision, ko, kbody, "test")
	if err != nil {
		t.Fatal(err)
	}
	s.h.StoryChanged(cur)
	r := s.get(t, enPath)
	mustContain(t, r.body, "The Korean original was corrected after this translation was made",
		`href="/ko/news/`+itoa(st.Number)+`/`+url.PathEscape(ko.Slug)+`"`)
}

func TestUpdatedStoriesSayWhenAndShowTheCorrection(t *testing.T) {
	s := newTestSite(t)
	st := s.find(t, func(st *story.Story) bool { return bilingual(st) && st.Versions["en"].Correction != "" })
	for _, l := range []string{"ko", "en"} {
		v := st.Versions[l]
		r := s.get(t, "/"+l+"/news/"+itoa(st.Number)+"/"+url.PathEscape(v.Slug))
		want := map[string]string{"ko": "수정 <time", "en": "Updated <time"}[l]
		mustContain(t, r.body, want, html(v.Correction), map[string]string{"ko": "바로잡습니다", "en": "Correction"}[l])
	}
	fresh := s.find(t, func(st *story.Story) bool { return bilingual(st) && !st.Versions["en"].WasUpdated() })
	r := s.get(t, "/en/news/"+itoa(fresh.Number)+"/"+url.PathEscape(fresh.Versions["en"].Slug))
	if strings.Contains(r.body, "Updated <time") {
		t.Error("a story never changed after publication says Updated")
	}
}

func TestLanguageSwitchLocationHasNoControlCharacters(t *testing.T) {
	s := newTestSite(t)
	cases := map[string]string{
		"/en/\x00":                    "/en/",
		"/en/x\x01":                   "/en/",
		"/en/\x7f":                    "/en/",
		"/en/%00":                     "/en/",
		"/en/%01x":                    "/en/",
		"/en/%7F":                     "/en/",
		"/en/?q=%00":                  "/en/",
		"/en/%0D%0ASet-Cookie:%20a=b": "/en/",
		"https://evil.example/en/":    "/en/",
		"/en/search?q=무역":             "/en/search?q=%EB%AC%B4%EC%97%AD",
		"/en/tag/100%25-growth":       "/en/tag/100%25-growth",
	}
	for next, want := range cases {
		r := s.get(t, "/lang/en?next="+url.QueryEscape(next))
		loc := r.hdr.Get("Location")
		if r.code != http.StatusFound || loc != want {
			t.Errorf("/lang/en?next=%q: %d, Location %q, want %q", next, r.code, loc, want)
		}
	}
}
