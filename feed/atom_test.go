package feed

import (
	"encoding/xml"
	"slices"
	"strings"
	"testing"
	"time"
)

type atomLinkIn struct {
	Href   string `xml:"href,attr"`
	Rel    string `xml:"rel,attr"`
	Type   string `xml:"type,attr"`
	Length string `xml:"length,attr"`
}

// Test-side view of an Atom document, every element in the Atom namespace.
type atomIn struct {
	XMLName xml.Name     `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string       `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string       `xml:"http://www.w3.org/2005/Atom id"`
	Title   string       `xml:"http://www.w3.org/2005/Atom title"`
	Updated string       `xml:"http://www.w3.org/2005/Atom updated"`
	Links   []atomLinkIn `xml:"http://www.w3.org/2005/Atom link"`
	Author  []string     `xml:"http://www.w3.org/2005/Atom author>name"`
	Logo    string       `xml:"http://www.w3.org/2005/Atom logo"`
	Entries []struct {
		ID         string       `xml:"http://www.w3.org/2005/Atom id"`
		Title      string       `xml:"http://www.w3.org/2005/Atom title"`
		Links      []atomLinkIn `xml:"http://www.w3.org/2005/Atom link"`
		Published  string       `xml:"http://www.w3.org/2005/Atom published"`
		Updated    string       `xml:"http://www.w3.org/2005/Atom updated"`
		Authors    []string     `xml:"http://www.w3.org/2005/Atom author>name"`
		Categories []struct {
			Term string `xml:"term,attr"`
		} `xml:"http://www.w3.org/2005/Atom category"`
		Summary string `xml:"http://www.w3.org/2005/Atom summary"`
	} `xml:"http://www.w3.org/2005/Atom entry"`
}

func parseAtom(t *testing.T, ch Channel, its []Item) (atomIn, string) {
	t.Helper()
	out, err := Atom(ch, its)
	if err != nil {
		t.Fatal(err)
	}
	var doc atomIn
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, out)
	}
	return doc, string(out)
}

func link(links []atomLinkIn, rel string) atomLinkIn {
	for _, l := range links {
		if l.Rel == rel {
			return l
		}
	}
	return atomLinkIn{}
}

func TestAtomFeed(t *testing.T) {
	ch := channel()
	ch.Updated = time.Date(2026, 3, 5, 12, 0, 0, 0, time.UTC)
	doc, raw := parseAtom(t, ch, items())
	checks := []struct{ name, got, want string }{
		{"xml:lang", doc.Lang, "ko"},
		{"id", doc.ID, "https://news.example.com/ko/feed.xml"},
		{"title", doc.Title, "코리아 비즈니스 & <뉴스>"},
		{"updated", doc.Updated, "2026-03-05T12:00:00Z"},
		{"self", link(doc.Links, "self").Href, "https://news.example.com/ko/feed.xml"},
		{"self type", link(doc.Links, "self").Type, "application/atom+xml"},
		{"alternate", link(doc.Links, "alternate").Href, "https://news.example.com/ko"},
		{"logo", doc.Logo, "https://news.example.com/static/logo.png"},
	}
	for _, ck := range checks {
		if ck.got != ck.want {
			t.Errorf("%s = %q, want %q", ck.name, ck.got, ck.want)
		}
	}
	// Atom needs an author for entries without a byline: the publication.
	if !slices.Equal(doc.Author, []string{"코리아 비즈니스 & <뉴스>"}) {
		t.Errorf("feed author = %q", doc.Author)
	}
	if !strings.Contains(raw, "<title>코리아 비즈니스 &amp; &lt;뉴스&gt;</title>") {
		t.Errorf("feed title not escaped as expected:\n%s", raw)
	}
}

func TestAtomEntries(t *testing.T) {
	doc, raw := parseAtom(t, channel(), items())
	if doc.Updated != "2026-03-05T11:00:00+09:00" {
		t.Errorf("feed updated = %q, want the newest entry's change", doc.Updated)
	}
	if len(doc.Entries) != 2 {
		t.Fatalf("got %d entries, want 2", len(doc.Entries))
	}
	e := doc.Entries[0]
	if e.ID != "tag:news.example.com,2026:news/123/ko" {
		t.Errorf("id = %q", e.ID)
	}
	if e.Title != "삼성 <실적> & 전망" || !strings.Contains(raw, "<title>삼성 &lt;실적&gt; &amp; 전망</title>") {
		t.Errorf("title = %q, or not escaped in:\n%s", e.Title, raw)
	}
	if alt := link(e.Links, "alternate"); alt.Href != "https://news.example.com/ko/news/123/%EC%82%BC%EC%84%B1-%EC%8B%A4%EC%A0%81" {
		t.Errorf("alternate link = %q", alt.Href)
	}
	if enc := link(e.Links, "enclosure"); enc.Href != "https://news.example.com/media/123.jpg" || enc.Type != "image/jpeg" || enc.Length != "48213" {
		t.Errorf("enclosure link = %+v", enc)
	}
	for name, got := range map[string]string{"published": e.Published, "updated": e.Updated} {
		if _, err := time.Parse(time.RFC3339, got); err != nil {
			t.Errorf("%s %q is not RFC 3339: %v", name, got, err)
		}
	}
	if e.Published != "2026-03-05T09:30:00+09:00" || e.Updated != "2026-03-05T11:00:00+09:00" {
		t.Errorf("published %q updated %q", e.Published, e.Updated)
	}
	if !slices.Equal(e.Authors, []string{"홍길동", "Jane Kim"}) {
		t.Errorf("authors = %q", e.Authors)
	}
	if len(e.Categories) != 2 || e.Categories[0].Term != "경제" || e.Categories[1].Term != "반도체" {
		t.Errorf("categories = %+v", e.Categories)
	}
	if e.Summary != "3분기 영업이익 \"급증\" & 전망 <상향>" {
		t.Errorf("summary = %q", e.Summary)
	}
	// Never updated: Atom still requires <updated>, the publication time.
	if second := doc.Entries[1]; second.Updated != second.Published || second.Updated != "2026-03-04T18:00:00+09:00" {
		t.Errorf("second entry published %q updated %q", second.Published, second.Updated)
	}
}

func TestAtomNeedsUpdateTime(t *testing.T) {
	if _, err := Atom(channel(), nil); err == nil {
		t.Error("empty feed without an update time: no error")
	}
	ch := channel()
	ch.Updated = time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	doc, _ := parseAtom(t, ch, nil)
	if doc.Updated != "2026-03-05T00:00:00Z" || len(doc.Entries) != 0 {
		t.Errorf("empty feed: updated %q, %d entries", doc.Updated, len(doc.Entries))
	}
}
