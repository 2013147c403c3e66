// Package sitemap renders what search engines read to find the site's pages:
// sitemaps.org urlsets (with hreflang alternates, Google News and image
// extensions), sitemap indexes and robots.txt. It turns plain Go values into
// bytes and knows nothing of HTTP or storage.
//
// The caller decides what goes in each file and splits when a limit is
// reached (this package returns ErrTooLarge rather than splitting, since the
// caller knows how its URLs are grouped, e.g. one sitemap per month). For a
// Google News sitemap the caller also picks the articles: only those
// published in the last 48 hours, at most MaxNews of them. That needs the
// current time, which these pure functions do not take, so only the count
// is checked here.
package sitemap

import (
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"time"

	"golang.org/x/text/language"
)

// Limits from sitemaps.org and Google.
const (
	MaxURLs      = 50_000     // <url> or <sitemap> entries per file
	MaxBytes     = 52_428_800 // 50 MiB per file, uncompressed
	MaxNews      = 1_000      // <news:news> entries per urlset
	MaxImages    = 1_000      // <image:image> entries per <url>
	maxLocLength = 2_048      // characters in a <loc>, after escaping
)

// ErrTooLarge reports a sitemap past MaxURLs, MaxBytes or MaxNews: the
// caller should split it into several files listed by an Index.
var ErrTooLarge = errors.New("sitemap: too large for one file")

// Namespaces of a urlset; extensions are declared only when used.
const (
	nsSitemap = "http://www.sitemaps.org/schemas/sitemap/0.9"
	nsXHTML   = "http://www.w3.org/1999/xhtml"
	nsNews    = "http://www.google.com/schemas/sitemap-news/0.9"
	nsImage   = "http://www.google.com/schemas/sitemap-image/1.1"
)

// URL is one page in a urlset.
type URL struct {
	Loc     string    // absolute
	LastMod time.Time // zero to leave out
	// Alternates are the page's language versions, itself included, and an
	// "x-default" entry for the version shown to other languages.
	Alternates []Alternate
	News       *News    // for a Google News sitemap; nil otherwise
	Images     []string // absolute URLs of the page's images
}

// Alternate is one language version of a page (hreflang).
type Alternate struct {
	Hreflang string // BCP 47 ("ko", "en-US") or "x-default"
	Href     string // absolute
}

// News is what Google News needs about an article.
type News struct {
	PublicationName string // exactly as the publication appears in Google News
	Language        string // ISO 639 code: "ko", "en" ("zh-cn", "zh-tw" for Chinese)
	PublicationDate time.Time
	Title           string
}

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	// Extension prefixes are written literally and declared once here:
	// encoding/xml would otherwise redeclare a namespace on every element.
	XHTML string  `xml:"xmlns:xhtml,attr,omitempty"`
	News  string  `xml:"xmlns:news,attr,omitempty"`
	Image string  `xml:"xmlns:image,attr,omitempty"`
	URLs  []urlEl `xml:"url"`
}

type urlEl struct {
	Loc     string      `xml:"loc"`
	LastMod string      `xml:"lastmod,omitempty"`
	Links   []xhtmlLink `xml:"xhtml:link"`
	News    *newsEl     `xml:"news:news"`
	Images  []imageEl   `xml:"image:image"`
}

type xhtmlLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

type newsEl struct {
	Name     string `xml:"news:publication>news:name"`
	Language string `xml:"news:publication>news:language"`
	Date     string `xml:"news:publication_date"`
	Title    string `xml:"news:title"`
}

type imageEl struct {
	Loc string `xml:"image:loc"`
}

// URLSet renders urls as a sitemaps.org urlset. Dates are W3C datetimes
// (RFC 3339) in the zone the times carry; URLs are percent-encoded, so a
// Hangul slug is valid in <loc>. It returns an error wrapping ErrTooLarge
// past MaxURLs, MaxNews or MaxBytes, and an error for an empty list, which
// the schema does not allow.
func URLSet(urls []URL) ([]byte, error) {
	return urlSet(urls, MaxBytes)
}

// urlSet is URLSet with the byte limit as a parameter, so tests can reach it
// without building 50 MB.
func urlSet(urls []URL, maxBytes int) ([]byte, error) {
	if len(urls) == 0 {
		return nil, errors.New("sitemap: urlset: no URLs")
	}
	if len(urls) > MaxURLs {
		return nil, fmt.Errorf("sitemap: urlset: %d URLs, at most %d: %w", len(urls), MaxURLs, ErrTooLarge)
	}
	doc := urlset{URLs: make([]urlEl, len(urls))}
	news := 0
	for i, u := range urls {
		el, err := urlElOf(u)
		if err != nil {
			return nil, fmt.Errorf("sitemap: urlset: url %d: %w", i, err)
		}
		doc.URLs[i] = el
		if el.Links != nil {
			doc.XHTML = nsXHTML
		}
		if el.News != nil {
			doc.News = nsNews
			news++
		}
		if el.Images != nil {
			doc.Image = nsImage
		}
	}
	if news > MaxNews {
		return nil, fmt.Errorf("sitemap: urlset: %d news articles, at most %d: %w", news, MaxNews, ErrTooLarge)
	}
	return marshal(doc, "urlset", maxBytes)
}

var newsLanguage = regexp.MustCompile(`^(zh-cn|zh-tw|[a-z]{2,3})$`)

func urlElOf(u URL) (urlEl, error) {
	var el urlEl
	var err error
	if el.Loc, err = loc(u.Loc); err != nil {
		return el, err
	}
	el.LastMod = w3cTime(u.LastMod)
	seen := map[string]bool{}
	for _, a := range u.Alternates {
		if a.Hreflang != "x-default" {
			if _, err := language.Parse(a.Hreflang); err != nil {
				return el, fmt.Errorf("%s: hreflang %q: %w", el.Loc, a.Hreflang, err)
			}
		}
		if seen[a.Hreflang] {
			return el, fmt.Errorf("%s: hreflang %q twice", el.Loc, a.Hreflang)
		}
		seen[a.Hreflang] = true
		href, err := loc(a.Href)
		if err != nil {
			return el, fmt.Errorf("%s: alternate %q: %w", el.Loc, a.Hreflang, err)
		}
		el.Links = append(el.Links, xhtmlLink{Rel: "alternate", Hreflang: a.Hreflang, Href: href})
	}
	if n := u.News; n != nil {
		switch {
		case n.PublicationName == "":
			return el, fmt.Errorf("%s: news: publication name is empty", el.Loc)
		case !newsLanguage.MatchString(n.Language):
			return el, fmt.Errorf("%s: news: language %q is not a lower-case ISO 639 code", el.Loc, n.Language)
		case n.PublicationDate.IsZero():
			return el, fmt.Errorf("%s: news: publication date is zero", el.Loc)
		case n.Title == "":
			return el, fmt.Errorf("%s: news: title is empty", el.Loc)
		}
		el.News = &newsEl{Name: n.PublicationName, Language: n.Language,
			Date: w3cTime(n.PublicationDate), Title: n.Title}
	}
	if len(u.Images) > MaxImages {
		return el, fmt.Errorf("%s: %d images, at most %d", el.Loc, len(u.Images), MaxImages)
	}
	for _, img := range u.Images {
		src, err := loc(img)
		if err != nil {
			return el, fmt.Errorf("%s: image: %w", el.Loc, err)
		}
		el.Images = append(el.Images, imageEl{Loc: src})
	}
	return el, nil
}

// loc checks that s is an absolute http(s) URL short enough for a sitemap
// and returns it percent-encoded, as sitemaps.org asks.
func loc(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil {
		return "", err
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not an absolute http(s) URL", s)
	}
	out := u.String()
	if len(out) > maxLocLength {
		return "", fmt.Errorf("%.60q...: %d characters, at most %d", out, len(out), maxLocLength)
	}
	return out, nil
}

// w3cTime formats t as a W3C datetime, or "" for the zero time.
func w3cTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// marshal encodes a sitemap document with its XML declaration and enforces
// the byte limit, which only the encoded size can tell.
func marshal(doc any, what string, maxBytes int) ([]byte, error) {
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("sitemap: %s: %w", what, err)
	}
	out = append([]byte(xml.Header), out...)
	if len(out) > maxBytes {
		return nil, fmt.Errorf("sitemap: %s: %d bytes, at most %d: %w", what, len(out), maxBytes, ErrTooLarge)
	}
	return out, nil
}
