package sitemap

import (
	"encoding/xml"
	"errors"
	"fmt"
	"time"
)

// Entry is one sitemap file listed in an index.
type Entry struct {
	Loc     string    // absolute URL of the sitemap file
	LastMod time.Time // when anything in it last changed; zero to leave out
}

type sitemapIndex struct {
	XMLName  xml.Name    `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapEl `xml:"sitemap"`
}

type sitemapEl struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// Index renders a sitemaps.org sitemap index listing the given sitemap
// files, with the same date and URL rules as URLSet. It returns an error
// wrapping ErrTooLarge past MaxURLs entries or MaxBytes.
func Index(sitemaps []Entry) ([]byte, error) {
	if len(sitemaps) == 0 {
		return nil, errors.New("sitemap: index: no sitemaps")
	}
	if len(sitemaps) > MaxURLs {
		return nil, fmt.Errorf("sitemap: index: %d sitemaps, at most %d: %w", len(sitemaps), MaxURLs, ErrTooLarge)
	}
	doc := sitemapIndex{Sitemaps: make([]sitemapEl, len(sitemaps))}
	for i, e := range sitemaps {
		l, err := loc(e.Loc)
		if err != nil {
			return nil, fmt.Errorf("sitemap: index: entry %d: %w", i, err)
		}
		doc.Sitemaps[i] = sitemapEl{Loc: l, LastMod: w3cTime(e.LastMod)}
	}
	return marshal(doc, "index", MaxBytes)
}
