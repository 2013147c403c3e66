package sitemap

import (
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/sitemap/sitemaptest"
)

var kst = time.FixedZone("KST", 9*60*60)

// Test-side view of a urlset, extension elements matched by namespace URI.
type urlsetIn struct {
	XMLName xml.Name   `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	Attrs   []xml.Attr `xml:",any,attr"`
	URLs    []struct {
		Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		LastMod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
		Links   []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
		News *struct {
			Name     string `xml:"http://www.google.com/schemas/sitemap-news/0.9 publication>name"`
			Language string `xml:"http://www.google.com/schemas/sitemap-news/0.9 publication>language"`
			Date     string `xml:"http://www.google.com/schemas/sitemap-news/0.9 publication_date"`
			Title    string `xml:"http://www.google.com/schemas/sitemap-news/0.9 title"`
		} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
		Images []string `xml:"http://www.google.com/schemas/sitemap-image/1.1 image>loc"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

func parseURLSet(t *testing.T, urls []URL) (urlsetIn, []byte) {
	t.Helper()
	out, err := URLSet(urls)
	if err != nil {
		t.Fatal(err)
	}
	var doc urlsetIn
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, out)
	}
	return doc, out
}

// declared lists the namespace prefixes the urlset declares.
func (d urlsetIn) declared() []string {
	var out []string
	for _, a := range d.Attrs {
		if a.Name.Space == "xmlns" {
			out = append(out, a.Name.Local)
		}
	}
	slices.Sort(out)
	return out
}

// bilingual is a story in Korean and English, each version pointing at both
// and at the Korean one as the default.
func bilingual() []URL {
	alts := []Alternate{
		{Hreflang: "ko", Href: "https://news.example.com/ko/news/123/삼성-실적"},
		{Hreflang: "en", Href: "https://news.example.com/en/news/123/samsung-earnings"},
		{Hreflang: "x-default", Href: "https://news.example.com/ko/news/123/삼성-실적"},
	}
	return []URL{
		{Loc: alts[0].Href, LastMod: time.Date(2026, 3, 5, 11, 0, 0, 0, kst), Alternates: alts},
		{Loc: alts[1].Href, LastMod: time.Date(2026, 3, 5, 2, 0, 0, 0, time.UTC), Alternates: alts},
		{Loc: "https://news.example.com/ko/about?a=1&b=2"},
	}
}

func TestURLSetAlternates(t *testing.T) {
	doc, raw := parseURLSet(t, bilingual())
	sitemaptest.Validate(t, "urlset.xsd", raw)

	if got := doc.declared(); !slices.Equal(got, []string{"xhtml"}) {
		t.Errorf("declared prefixes %q, want only xhtml", got)
	}
	if len(doc.URLs) != 3 {
		t.Fatalf("got %d URLs, want 3", len(doc.URLs))
	}
	ko := doc.URLs[0]
	u, err := url.Parse(ko.Loc)
	if err != nil || !u.IsAbs() || u.Path != "/ko/news/123/삼성-실적" || strings.ContainsRune(ko.Loc, '삼') {
		t.Errorf("loc %q: want the Hangul slug percent-encoded in an absolute URL", ko.Loc)
	}
	if ko.LastMod != "2026-03-05T11:00:00+09:00" || doc.URLs[1].LastMod != "2026-03-05T02:00:00Z" {
		t.Errorf("lastmod %q, %q: want W3C datetimes in the given zones", ko.LastMod, doc.URLs[1].LastMod)
	}
	var langs []string
	for _, l := range ko.Links {
		if l.Rel != "alternate" || !strings.HasPrefix(l.Href, "https://news.example.com/") {
			t.Errorf("link %+v: want rel alternate and an absolute href", l)
		}
		langs = append(langs, l.Hreflang)
	}
	if !slices.Equal(langs, []string{"ko", "en", "x-default"}) {
		t.Errorf("hreflangs %q", langs)
	}
	about := doc.URLs[2]
	if about.Loc != "https://news.example.com/ko/about?a=1&b=2" || about.LastMod != "" || len(about.Links) != 0 {
		t.Errorf("plain URL came out as %+v", about)
	}
	if !strings.Contains(string(raw), "about?a=1&amp;b=2") {
		t.Error("& in a loc is not escaped as &amp;")
	}
}

func TestURLSetNews(t *testing.T) {
	pub := time.Date(2026, 3, 5, 9, 30, 0, 0, kst)
	urls := []URL{
		{
			Loc:     "https://news.example.com/ko/news/123/삼성-실적",
			LastMod: pub,
			News: &News{PublicationName: "코리아 비즈니스 & <뉴스>", Language: "ko",
				PublicationDate: pub, Title: "삼성 <실적> & 전망"},
			Images: []string{"https://news.example.com/media/123.jpg"},
		},
		{
			Loc:  "https://news.example.com/en/news/123/samsung-earnings",
			News: &News{PublicationName: "Korea Business News", Language: "en", PublicationDate: pub, Title: "Samsung earnings"},
		},
	}
	doc, raw := parseURLSet(t, urls)
	sitemaptest.Validate(t, "urlset.xsd", raw)

	if got := doc.declared(); !slices.Equal(got, []string{"image", "news"}) {
		t.Errorf("declared prefixes %q, want image and news", got)
	}
	n := doc.URLs[0].News
	if n == nil {
		t.Fatalf("no news:news in\n%s", raw)
	}
	if n.Name != "코리아 비즈니스 & <뉴스>" || n.Language != "ko" || n.Date != "2026-03-05T09:30:00+09:00" || n.Title != "삼성 <실적> & 전망" {
		t.Errorf("news = %+v", *n)
	}
	if !strings.Contains(string(raw), "<news:title>삼성 &lt;실적&gt; &amp; 전망</news:title>") {
		t.Errorf("news title not escaped as expected:\n%s", raw)
	}
	if !slices.Equal(doc.URLs[0].Images, []string{"https://news.example.com/media/123.jpg"}) {
		t.Errorf("images = %q", doc.URLs[0].Images)
	}
	if doc.URLs[1].News == nil || doc.URLs[1].News.Language != "en" {
		t.Errorf("English article: %+v", doc.URLs[1].News)
	}
}

func TestURLSetErrors(t *testing.T) {
	news := func() *News {
		return &News{PublicationName: "N", Language: "ko", PublicationDate: time.Date(2026, 3, 5, 0, 0, 0, 0, kst), Title: "T"}
	}
	tests := []struct {
		name string
		url  URL
		want string
	}{
		{"relative loc", URL{Loc: "/ko/news/1"}, "absolute"},
		{"not http", URL{Loc: "ftp://news.example.com/x"}, "absolute"},
		{"loc too long", URL{Loc: "https://news.example.com/" + strings.Repeat("a", 2048)}, "at most 2048"},
		{"bad hreflang", URL{Loc: "https://news.example.com/ko", Alternates: []Alternate{{Hreflang: "korean!", Href: "https://news.example.com/ko"}}}, "hreflang"},
		{"relative alternate", URL{Loc: "https://news.example.com/ko", Alternates: []Alternate{{Hreflang: "en", Href: "/en"}}}, "alternate"},
		{"hreflang twice", URL{Loc: "https://news.example.com/ko", Alternates: []Alternate{
			{Hreflang: "en", Href: "https://news.example.com/en"}, {Hreflang: "en", Href: "https://news.example.com/en2"}}}, "twice"},
		{"news without title", URL{Loc: "https://news.example.com/ko", News: func() *News { n := news(); n.Title = ""; return n }()}, "title"},
		{"news without name", URL{Loc: "https://news.example.com/ko", News: func() *News { n := news(); n.PublicationName = ""; return n }()}, "publication name"},
		{"news language with region", URL{Loc: "https://news.example.com/ko", News: func() *News { n := news(); n.Language = "ko-KR"; return n }()}, "language"},
		{"news language upper case", URL{Loc: "https://news.example.com/ko", News: func() *News { n := news(); n.Language = "KO"; return n }()}, "language"},
		{"news without date", URL{Loc: "https://news.example.com/ko", News: func() *News { n := news(); n.PublicationDate = time.Time{}; return n }()}, "date"},
		{"relative image", URL{Loc: "https://news.example.com/ko", Images: []string{"/media/1.jpg"}}, "image"},
		{"too many images", URL{Loc: "https://news.example.com/ko", Images: slices.Repeat([]string{"https://news.example.com/1.jpg"}, MaxImages+1)}, "images"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := URLSet([]URL{{Loc: "https://news.example.com/"}, tt.url})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
	if _, err := URLSet(nil); err == nil {
		t.Error("empty urlset: no error")
	}
}

func many(n int, withNews bool) []URL {
	urls := make([]URL, n)
	for i := range urls {
		urls[i] = URL{Loc: fmt.Sprintf("https://news.example.com/ko/news/%d", i)}
		if withNews {
			urls[i].News = &News{PublicationName: "N", Language: "ko", PublicationDate: time.Date(2026, 3, 5, 0, 0, 0, 0, kst), Title: "T"}
		}
	}
	return urls
}

// TestURLSetLimits checks that a file past a limit is refused with
// ErrTooLarge, which tells the caller to split, and that the limits
// themselves are allowed.
func TestURLSetLimits(t *testing.T) {
	if _, err := URLSet(many(MaxURLs, false)); err != nil {
		t.Errorf("%d URLs: %v", MaxURLs, err)
	}
	if _, err := URLSet(many(MaxURLs+1, false)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("%d URLs: error %v, want ErrTooLarge", MaxURLs+1, err)
	}
	if _, err := URLSet(many(MaxNews, true)); err != nil {
		t.Errorf("%d news articles: %v", MaxNews, err)
	}
	if _, err := URLSet(many(MaxNews+1, true)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("%d news articles: error %v, want ErrTooLarge", MaxNews+1, err)
	}
	// The byte limit, scaled down: 100 URLs take more than 4 KB.
	out, err := urlSet(many(100, false), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := urlSet(many(100, false), len(out)-1); !errors.Is(err, ErrTooLarge) {
		t.Errorf("one byte over the limit: error %v, want ErrTooLarge", err)
	}
	if _, err := urlSet(many(100, false), len(out)); err != nil {
		t.Errorf("exactly at the limit: %v", err)
	}
}

// BenchmarkURLSet renders a month of a busy site: 3,000 stories, each with
// Korean, English and x-default alternates.
func BenchmarkURLSet(b *testing.B) {
	urls := many(3000, false)
	for i := range urls {
		urls[i].LastMod = time.Date(2026, 3, 5, 0, 0, 0, 0, kst)
		urls[i].Alternates = bilingual()[0].Alternates
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := URLSet(urls); err != nil {
			b.Fatal(err)
		}
	}
}
