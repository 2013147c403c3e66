// Package feed renders a publication's latest stories as RSS 2.0 and Atom 1.0
// documents for feed readers. It turns plain Go values into bytes and knows
// nothing of HTTP or storage: the caller picks the items (already filtered to
// what readers may see, newest first) and serves the bytes with the content
// type of the format (application/rss+xml, application/atom+xml).
package feed

import (
	"errors"
	"fmt"
	"net/url"
	"time"
)

// Channel describes the feed as a whole: one feed per language and listing.
type Channel struct {
	Title       string
	Description string
	Link        string // absolute URL of the page the feed mirrors
	FeedURL     string // absolute URL the feed itself is served from
	Lang        string // BCP 47 language of the feed ("ko", "en")
	// Updated is when the feed last changed; when zero, the newest item's
	// update time is used, so the same items always give the same bytes.
	Updated time.Time
	Logo    string // absolute URL of the publication's logo, optional
}

// Item is one story in a feed.
type Item struct {
	Title string
	Link  string // absolute URL of the story
	// GUID identifies the story for ever, so readers never show it twice:
	// a tag URI (see TagURI) or the canonical URL without the slug, never
	// something that changes when a headline is edited.
	GUID       string
	Summary    string // plain text
	Published  time.Time
	Updated    time.Time // zero when never updated
	Authors    []string  // display names
	Categories []string
	Image      *Image // lead photo, optional
}

// Image is a story's lead photo as readers fetch it.
type Image struct {
	URL    string // absolute
	Type   string // MIME type, e.g. "image/jpeg"
	Length int64  // bytes; 0 when unknown
	Width  int
	Height int
}

// TagURI returns a tag URI (RFC 4151) such as
// "tag:example.com,2026:news/123/ko". authority is a domain the publisher
// owned on the given date (a year such as "2026" or a day "2026-01-02"), and
// specific names the story inside it. Build it from what never changes (the
// story number and language, not the headline or slug) so the GUID is stable.
func TagURI(authority, date, specific string) string {
	return "tag:" + authority + "," + date + ":" + specific
}

// absURL checks that s is an absolute http(s) URL and returns it in its
// escaped form, so a Hangul slug reaches readers as a valid URI.
func absURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil {
		return "", err
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not an absolute http(s) URL", s)
	}
	return u.String(), nil
}

// isURL reports whether a GUID is a URL a reader may follow, which decides
// RSS's isPermaLink.
func isURL(guid string) bool {
	_, err := absURL(guid)
	return err == nil
}

// checkChannel validates what both formats need from the channel and
// returns its links escaped.
func checkChannel(ch Channel) (link, self, logo string, err error) {
	if ch.Title == "" {
		return "", "", "", errors.New("feed: channel title is empty")
	}
	if link, err = absURL(ch.Link); err != nil {
		return "", "", "", fmt.Errorf("feed: channel link: %w", err)
	}
	if self, err = absURL(ch.FeedURL); err != nil {
		return "", "", "", fmt.Errorf("feed: channel feed URL: %w", err)
	}
	if ch.Logo != "" {
		if logo, err = absURL(ch.Logo); err != nil {
			return "", "", "", fmt.Errorf("feed: channel logo: %w", err)
		}
	}
	return link, self, logo, nil
}

// checked is an item after validation, its URLs escaped.
type checked struct {
	Item
	link, image string
}

// checkItems validates what both formats need from every item.
func checkItems(items []Item) ([]checked, error) {
	out := make([]checked, len(items))
	for i, it := range items {
		c := checked{Item: it}
		var err error
		if it.Title == "" {
			return nil, fmt.Errorf("feed: item %d: title is empty", i)
		}
		if c.link, err = absURL(it.Link); err != nil {
			return nil, fmt.Errorf("feed: item %d %q: link: %w", i, it.Title, err)
		}
		// No fallback to the link for a missing GUID: it would change with the
		// slug, and readers would show an edited story twice. An absolute URI
		// suits both RSS's guid and Atom's id.
		if u, err := url.Parse(it.GUID); err != nil || u.Scheme == "" {
			return nil, fmt.Errorf("feed: item %d %q: GUID %q is not an absolute URI", i, it.Title, it.GUID)
		}
		if it.Published.IsZero() {
			return nil, fmt.Errorf("feed: item %d %q: publication time is zero", i, it.Title)
		}
		if it.Image != nil {
			if c.image, err = absURL(it.Image.URL); err != nil {
				return nil, fmt.Errorf("feed: item %d %q: image: %w", i, it.Title, err)
			}
		}
		out[i] = c
	}
	return out, nil
}

// lastChange is when the item last changed: its update, else its publication.
func (it Item) lastChange() time.Time {
	if it.Updated.After(it.Published) {
		return it.Updated
	}
	return it.Published
}

// updated is the channel's update time, or the newest item's when unset.
func updated(ch Channel, items []checked) time.Time {
	if !ch.Updated.IsZero() {
		return ch.Updated
	}
	var t time.Time
	for _, it := range items {
		if c := it.lastChange(); c.After(t) {
			t = c
		}
	}
	return t
}
