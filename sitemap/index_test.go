package sitemap

import (
	"encoding/xml"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/sitemap/sitemaptest"
)

func TestIndex(t *testing.T) {
	entries := []Entry{
		{Loc: "https://news.example.com/sitemaps/2026-03.xml", LastMod: time.Date(2026, 3, 5, 11, 0, 0, 0, kst)},
		{Loc: "https://news.example.com/sitemaps/2026-02.xml", LastMod: time.Date(2026, 2, 28, 23, 0, 0, 0, time.UTC)},
		{Loc: "https://news.example.com/sitemaps/news.xml"},
	}
	out, err := Index(entries)
	if err != nil {
		t.Fatal(err)
	}
	sitemaptest.Validate(t, "sitemapindex.xsd", out)

	var doc struct {
		XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
		Sitemaps []struct {
			Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
			LastMod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
		} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemap"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, out)
	}
	want := []struct{ loc, lastmod string }{
		{"https://news.example.com/sitemaps/2026-03.xml", "2026-03-05T11:00:00+09:00"},
		{"https://news.example.com/sitemaps/2026-02.xml", "2026-02-28T23:00:00Z"},
		{"https://news.example.com/sitemaps/news.xml", ""},
	}
	if len(doc.Sitemaps) != len(want) {
		t.Fatalf("got %d sitemaps, want %d", len(doc.Sitemaps), len(want))
	}
	for i, w := range want {
		if got := doc.Sitemaps[i]; got.Loc != w.loc || got.LastMod != w.lastmod {
			t.Errorf("sitemap %d = %+v, want %+v", i, got, w)
		}
	}
}

func TestIndexErrors(t *testing.T) {
	if _, err := Index(nil); err == nil {
		t.Error("empty index: no error")
	}
	if _, err := Index([]Entry{{Loc: "/sitemaps/1.xml"}}); err == nil || !strings.Contains(err.Error(), "absolute") {
		t.Errorf("relative loc: error %v", err)
	}
	if _, err := Index(make([]Entry, MaxURLs+1)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("%d entries: error %v, want ErrTooLarge", MaxURLs+1, err)
	}
}
