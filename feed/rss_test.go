package feed

import (
	"encoding/xml"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// Test-side view of an RSS document; namespaced elements are matched by
// namespace URI, so a wrong or missing xmlns declaration fails the test.
type rssIn struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel struct {
		// Before Link: encoding/xml gives an element to the first field that
		// matches, and a field without a namespace matches any namespace.
		AtomLink struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
			Type string `xml:"type,attr"`
		} `xml:"http://www.w3.org/2005/Atom link"`
		Title         string `xml:"title"`
		Link          string `xml:"link"`
		Description   string `xml:"description"`
		Language      string `xml:"language"`
		LastBuildDate string `xml:"lastBuildDate"`
		Image         struct {
			URL   string `xml:"url"`
			Title string `xml:"title"`
			Link  string `xml:"link"`
		} `xml:"image"`
		Items []struct {
			Title       string `xml:"title"`
			Link        string `xml:"link"`
			Description string `xml:"description"`
			GUID        struct {
				IsPermaLink string `xml:"isPermaLink,attr"`
				Value       string `xml:",chardata"`
			} `xml:"guid"`
			PubDate    string   `xml:"pubDate"`
			Creators   []string `xml:"http://purl.org/dc/elements/1.1/ creator"`
			Categories []string `xml:"category"`
			Enclosure  *struct {
				URL    string `xml:"url,attr"`
				Length string `xml:"length,attr"`
				Type   string `xml:"type,attr"`
			} `xml:"enclosure"`
			Media *struct {
				URL    string `xml:"url,attr"`
				Type   string `xml:"type,attr"`
				Medium string `xml:"medium,attr"`
				Width  string `xml:"width,attr"`
				Height string `xml:"height,attr"`
			} `xml:"http://search.yahoo.com/mrss/ content"`
		} `xml:"item"`
	} `xml:"channel"`
}

func parseRSS(t *testing.T, ch Channel, its []Item) (rssIn, string) {
	t.Helper()
	out, err := RSS(ch, its)
	if err != nil {
		t.Fatal(err)
	}
	var doc rssIn
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, out)
	}
	return doc, string(out)
}

func TestRSSChannel(t *testing.T) {
	doc, raw := parseRSS(t, channel(), items())
	c := doc.Channel
	if !strings.HasPrefix(raw, `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Errorf("no XML declaration: %.60s", raw)
	}
	checks := []struct{ name, got, want string }{
		{"version", doc.Version, "2.0"},
		{"title", c.Title, "코리아 비즈니스 & <뉴스>"},
		{"link", c.Link, "https://news.example.com/ko"},
		{"description", c.Description, "한인 경제 소식"},
		{"language", c.Language, "ko"},
		// No channel update time: the newest item change stands in.
		{"lastBuildDate", c.LastBuildDate, "Thu, 05 Mar 2026 11:00:00 +0900"},
		{"atom:link href", c.AtomLink.Href, "https://news.example.com/ko/feed.xml"},
		{"atom:link rel", c.AtomLink.Rel, "self"},
		{"atom:link type", c.AtomLink.Type, "application/rss+xml"},
		{"image url", c.Image.URL, "https://news.example.com/static/logo.png"},
		{"image link", c.Image.Link, "https://news.example.com/ko"},
	}
	for _, ck := range checks {
		if ck.got != ck.want {
			t.Errorf("%s = %q, want %q", ck.name, ck.got, ck.want)
		}
	}
	if !strings.Contains(raw, "<title>코리아 비즈니스 &amp; &lt;뉴스&gt;</title>") {
		t.Errorf("channel title not escaped as expected:\n%s", raw)
	}
}

func TestRSSItems(t *testing.T) {
	doc, raw := parseRSS(t, channel(), items())
	its := doc.Channel.Items
	if len(its) != 2 {
		t.Fatalf("got %d items, want 2", len(its))
	}
	first, second := its[0], its[1]

	if first.Title != "삼성 <실적> & 전망" {
		t.Errorf("title = %q", first.Title)
	}
	if !strings.Contains(raw, "<title>삼성 &lt;실적&gt; &amp; 전망</title>") {
		t.Errorf("item title not escaped as expected:\n%s", raw)
	}
	if first.Description != "3분기 영업이익 \"급증\" & 전망 <상향>" {
		t.Errorf("description = %q", first.Description)
	}
	// The Hangul slug is percent-encoded yet decodes back to the same words.
	u, err := url.Parse(first.Link)
	if err != nil || !u.IsAbs() || u.Path != "/ko/news/123/삼성-실적" || strings.ContainsRune(first.Link, '삼') {
		t.Errorf("link = %q (path %q, err %v): want an escaped absolute URL", first.Link, u.Path, err)
	}
	if first.GUID.Value != "tag:news.example.com,2026:news/123/ko" || first.GUID.IsPermaLink != "false" {
		t.Errorf("tag GUID = %+v, want isPermaLink false", first.GUID)
	}
	if second.GUID.Value != "https://news.example.com/ko/news/122" || second.GUID.IsPermaLink != "true" {
		t.Errorf("URL GUID = %+v, want isPermaLink true", second.GUID)
	}
	pub, err := time.Parse(time.RFC1123Z, first.PubDate)
	if err != nil || !pub.Equal(items()[0].Published) {
		t.Errorf("pubDate %q: parsed %v, %v; want RFC 1123Z of the publication time", first.PubDate, pub, err)
	}
	if !slices.Equal(first.Creators, []string{"홍길동", "Jane Kim"}) {
		t.Errorf("dc:creator = %q", first.Creators)
	}
	if !slices.Equal(first.Categories, []string{"경제", "반도체"}) {
		t.Errorf("categories = %q", first.Categories)
	}
	if e := first.Enclosure; e == nil || e.URL != "https://news.example.com/media/123.jpg" || e.Length != "48213" || e.Type != "image/jpeg" {
		t.Errorf("enclosure = %+v", e)
	}
	if m := first.Media; m == nil || m.URL != "https://news.example.com/media/123.jpg" || m.Medium != "image" || m.Width != "1200" || m.Height != "800" {
		t.Errorf("media:content = %+v", m)
	}
	if second.Enclosure != nil || second.Media != nil || len(second.Categories) != 0 {
		t.Errorf("item without photo or categories got some: %+v", second)
	}
}

// TestRSSImageWithoutLength checks that a photo of unknown size still
// reaches readers through media:content, without an invalid enclosure.
func TestRSSImageWithoutLength(t *testing.T) {
	its := items()
	its[0].Image.Length = 0
	doc, _ := parseRSS(t, channel(), its)
	got := doc.Channel.Items[0]
	if got.Enclosure != nil {
		t.Errorf("enclosure without length: %+v", got.Enclosure)
	}
	if got.Media == nil || got.Media.URL != its[0].Image.URL {
		t.Errorf("media:content = %+v", got.Media)
	}
}

// TestRSSEmpty checks that a listing with nothing published yet still gives
// a valid channel.
func TestRSSEmpty(t *testing.T) {
	ch := channel()
	ch.Logo = ""
	doc, raw := parseRSS(t, ch, nil)
	if len(doc.Channel.Items) != 0 || doc.Channel.LastBuildDate != "" || strings.Contains(raw, "<image>") {
		t.Errorf("empty feed:\n%s", raw)
	}
}
