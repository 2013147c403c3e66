package feed

import (
	"encoding/xml"
	"errors"
	"fmt"
	"time"
)

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Sub     string      `xml:"subtitle,omitempty"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Logo    string      `xml:"logo,omitempty"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href   string `xml:"href,attr"`
	Rel    string `xml:"rel,attr"`
	Type   string `xml:"type,attr,omitempty"`
	Length int64  `xml:"length,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Links      []atomLink     `xml:"link"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Authors    []atomPerson   `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Summary    string         `xml:"summary,omitempty"`
}

// Atom renders the channel and items as an Atom 1.0 (RFC 4287) document.
// The feed's id is its own URL and each entry's id is the item's GUID.
// Dates are RFC 3339 in the zone the times carry. The channel title is
// named as the feed's author, which Atom requires for entries without a
// byline of their own.
func Atom(ch Channel, items []Item) ([]byte, error) {
	link, self, logo, err := checkChannel(ch)
	if err != nil {
		return nil, err
	}
	its, err := checkItems(items)
	if err != nil {
		return nil, err
	}
	up := updated(ch, its)
	if up.IsZero() {
		return nil, errors.New("feed: atom: channel update time is zero and there are no items to take it from")
	}
	doc := atomFeed{
		Lang:    ch.Lang,
		ID:      self,
		Title:   ch.Title,
		Sub:     ch.Description,
		Updated: up.Format(time.RFC3339),
		Links: []atomLink{
			{Href: self, Rel: "self", Type: "application/atom+xml"},
			{Href: link, Rel: "alternate", Type: "text/html"},
		},
		Author:  atomPerson{Name: ch.Title},
		Logo:    logo,
		Entries: make([]atomEntry, len(its)),
	}
	for i, it := range its {
		doc.Entries[i] = atomEntryOf(it)
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("feed: atom %q: %w", ch.FeedURL, err)
	}
	return append([]byte(xml.Header), out...), nil
}

func atomEntryOf(it checked) atomEntry {
	e := atomEntry{
		ID:        it.GUID,
		Title:     it.Title,
		Links:     []atomLink{{Href: it.link, Rel: "alternate", Type: "text/html"}},
		Published: it.Published.Format(time.RFC3339),
		Updated:   it.lastChange().Format(time.RFC3339),
		Summary:   it.Summary,
	}
	for _, a := range it.Authors {
		e.Authors = append(e.Authors, atomPerson{Name: a})
	}
	for _, c := range it.Categories {
		e.Categories = append(e.Categories, atomCategory{Term: c})
	}
	if img := it.Image; img != nil {
		e.Links = append(e.Links, atomLink{Href: it.image, Rel: "enclosure", Type: img.Type, Length: img.Length})
	}
	return e
}
