package feed

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"time"
)

// Namespaces an RSS feed declares; encoding/xml would redeclare a namespace
// on every element that uses it, so the prefixes are written literally and
// declared once on <rss>.
const (
	nsAtom  = "http://www.w3.org/2005/Atom"
	nsDC    = "http://purl.org/dc/elements/1.1/"
	nsMedia = "http://search.yahoo.com/mrss/"
)

type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Media   string     `xml:"xmlns:media,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language,omitempty"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Self          rssLink   `xml:"atom:link"`
	Image         *rssImage `xml:"image"`
	Items         []rssItem `xml:"item"`
}

type rssLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssImage struct {
	URL   string `xml:"url"`
	Title string `xml:"title"`
	Link  string `xml:"link"`
}

type rssItem struct {
	Title       string        `xml:"title"`
	Link        string        `xml:"link"`
	Description string        `xml:"description,omitempty"`
	GUID        rssGUID       `xml:"guid"`
	PubDate     string        `xml:"pubDate"`
	Creators    []string      `xml:"dc:creator"`
	Categories  []string      `xml:"category"`
	Enclosure   *rssEnclosure `xml:"enclosure"`
	Media       *mediaContent `xml:"media:content"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type rssEnclosure struct {
	URL    string `xml:"url,attr"`
	Length int64  `xml:"length,attr"`
	Type   string `xml:"type,attr"`
}

type mediaContent struct {
	URL      string `xml:"url,attr"`
	Type     string `xml:"type,attr,omitempty"`
	Medium   string `xml:"medium,attr"`
	FileSize int64  `xml:"fileSize,attr,omitempty"`
	Width    int    `xml:"width,attr,omitempty"`
	Height   int    `xml:"height,attr,omitempty"`
}

// RSS renders the channel and items as an RSS 2.0 document. Dates are in
// RFC 1123 with a numeric zone, in the zone the times carry; authors become
// dc:creator, since RSS's own <author> must be an e-mail address. A lead
// photo becomes media:content, and also an enclosure when its length and
// type are known, because RSS 2.0 requires both on an enclosure.
func RSS(ch Channel, items []Item) ([]byte, error) {
	link, self, logo, err := checkChannel(ch)
	if err != nil {
		return nil, err
	}
	its, err := checkItems(items)
	if err != nil {
		return nil, err
	}
	doc := rssDoc{
		Version: "2.0", Atom: nsAtom, DC: nsDC, Media: nsMedia,
		Channel: rssChannel{
			Title:       ch.Title,
			Link:        link,
			Description: ch.Description,
			Language:    ch.Lang,
			Self:        rssLink{Href: self, Rel: "self", Type: "application/rss+xml"},
			Items:       make([]rssItem, len(its)),
		},
	}
	if t := updated(ch, its); !t.IsZero() {
		doc.Channel.LastBuildDate = t.Format(time.RFC1123Z)
	}
	if logo != "" {
		doc.Channel.Image = &rssImage{URL: logo, Title: ch.Title, Link: link}
	}
	for i, it := range its {
		doc.Channel.Items[i] = rssItemOf(it)
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("feed: rss %q: %w", ch.FeedURL, err)
	}
	return append([]byte(xml.Header), out...), nil
}

func rssItemOf(it checked) rssItem {
	r := rssItem{
		Title:       it.Title,
		Link:        it.link,
		Description: it.Summary,
		GUID:        rssGUID{IsPermaLink: strconv.FormatBool(isURL(it.GUID)), Value: it.GUID},
		PubDate:     it.Published.Format(time.RFC1123Z),
		Creators:    it.Authors,
		Categories:  it.Categories,
	}
	if img := it.Image; img != nil {
		r.Media = &mediaContent{URL: it.image, Type: img.Type, Medium: "image",
			FileSize: img.Length, Width: img.Width, Height: img.Height}
		if img.Length > 0 && img.Type != "" {
			r.Enclosure = &rssEnclosure{URL: it.image, Length: img.Length, Type: img.Type}
		}
	}
	return r
}
