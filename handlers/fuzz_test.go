package handlers

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzReaderURLs asks the reader site for any address a client can send:
// none may answer with a server error or put a control character in a
// redirect. The seeds run in every `go test`; `go test -fuzz FuzzReaderURLs
// ./handlers/` explores further.
func FuzzReaderURLs(f *testing.F) {
	s := newTestSite(f)
	n := s.publishTagged(f, "Exporters report record year", "100%-growth", "24/7", "bad\x01tag", "Seoul Office", "무역")
	art := "/en/news/" + itoa(n)
	for _, seed := range []string{
		"/", "/en/", "/ko/latest?page=2", "/en/latest?page=-1", "/en/latest?page=99999999999999999999",
		art, art + "/exporters-report-record-year", art + "/%25", art + "/%00", "/en/news/0", "/en/news/-1", "/en/news/1e9",
		"/en/tag/100%25-growth", "/en/tag/100%25-growth/feed.xml", "/en/tag/100%25-growth/atom.xml",
		"/en/tag/24%2F7", "/en/tag/24%2F7/feed.xml", "/en/tag/24/7", "/en/tag/bad%01tag/atom.xml", "/en/tag/%00",
		"/en/tag/%7F/feed.xml", "/en/tag/%25", "/en/tag/%25/feed.xml", "/en/tag/Seoul%20Office/feed.xml",
		"/ko/tag/%EB%AC%B4%EC%97%AD", "/en/tag/%ff", "/en/tag/%c0%af", "/en/tag/" + strings.Repeat("a", 300),
		"/en/section/%00/feed.xml", "/en/section/business/atom.xml", "/en/author/%0a", "/en/author/%25",
		"/en/search?q=%ff", "/en/search?q=%00", "/en/search?q=무역&from=2026-13-45&to=x&page=-3", "/en/search?q=*",
		"/en/search?q=" + strings.Repeat("%EB%AC%B4", 400), "/lang/en?next=%00", "/lang/en?next=/en/%0d%0a",
		"/lang/xx?next=/", "/sitemap.xml", "/sitemaps/9999-99.xml", "/sitemaps/news.xml", "/sitemaps/%00.xml",
		"/robots.txt", "/static/%00", "/static/../../etc/passwd", "/en/feed.xml?x=%zz", "/%ff", "/en//news//1",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, target string) {
		u, err := url.ParseRequestURI(target)
		if err != nil || !strings.HasPrefix(target, "/") {
			return // net/http answers 400 before any handler sees it
		}
		for _, method := range []string{"GET", "HEAD"} {
			req := httptest.NewRequest(method, "/", nil)
			req.URL, req.RequestURI = u, target
			w := httptest.NewRecorder()
			s.srv.ServeHTTP(w, req)
			if w.Code >= 500 {
				t.Fatalf("%s %q: %d", method, target, w.Code)
			}
			if loc := w.Header().Get("Location"); strings.ContainsFunc(loc, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
				t.Fatalf("%s %q: Location %q", method, target, loc)
			}
			if w.Code == http.StatusOK && method == "GET" && w.Body.Len() == 0 {
				t.Fatalf("GET %q: 200 with no body", target)
			}
		}
	})
}
