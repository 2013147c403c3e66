// Package wordpress imports a WordPress site from its WXR export files:
// posts and pages with their Polylang or WPML translation pairs, authors,
// categories and tags, photos, comments and every old address as a
// redirect. It reads exports as a stream, so that a large archive imports
// in bounded memory.
package wordpress

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Limits bound what one export item may hold; an item over a limit is
// reported and skipped (or, for a slug, shortened), never half imported.
const (
	MaxBodyBytes   = 4 << 20 // one post's content
	MaxTitleBytes  = 2000
	MaxMetaPerItem = 200
	MaxMetaBytes   = 64 << 10 // one postmeta value
	MaxComments    = 5000     // per post
	maxFieldBytes  = 1 << 20  // any other field
)

// Channel is what an export says about the site.
type Channel struct {
	Title       string
	Link        string
	Language    string // the <language> of the export, e.g. "ko-KR"
	BaseSiteURL string
	BaseBlogURL string
	WXRVersion  string
}

// Author is a <wp:author> of the export.
type Author struct {
	ID          int
	Login       string
	Email       string
	DisplayName string
	FirstName   string
	LastName    string
}

// Term is a category, tag or other taxonomy term (Polylang's language,
// post_translations and term_translations terms included).
type Term struct {
	ID          int
	Taxonomy    string // "category", "post_tag", "language", "post_translations", ...
	Slug        string
	Name        string
	Parent      string
	Description string
}

// TermRef is an item's <category domain="…" nicename="…">name</category>.
type TermRef struct {
	Domain string
	Slug   string
	Name   string
}

// Comment is a <wp:comment> of an item.
type Comment struct {
	ID       int
	Author   string
	URL      string
	Date     time.Time // GMT
	Content  string
	Approved string // "1", "0", "spam", "trash"
	Type     string // "", "comment", "pingback", "trackback"
	Parent   int
}

// Item is one <item>: a post, page, attachment or any other post type.
type Item struct {
	ID            int
	Title         string
	Link          string
	Creator       string
	Content       string
	Excerpt       string
	Date          time.Time // post_date_gmt (or post_date when GMT is zero)
	Modified      time.Time
	Name          string // post_name: the slug, often percent-encoded
	Status        string
	Type          string
	Parent        int
	Password      string
	Sticky        bool
	AttachmentURL string
	Terms         []TermRef
	Meta          map[string]string
	Comments      []Comment
	// Line is where the item starts in its file, for reports.
	Line int
}

// Visitor receives what a WXR stream holds, in document order.
type Visitor struct {
	Channel func(Channel)
	Author  func(Author)
	Term    func(Term)
	Item    func(*Item)
	// Problem receives every problem met; the stream continues unless
	// the problem ends it (then Parse returns an error too).
	Problem func(Problem)
}

// ErrEntities is returned for a document type declaration: no WordPress
// export has one, and its entities (billion laughs, external files) are
// never expanded.
var ErrEntities = errors.New("the file declares a document type with entities, which a WordPress export never has")

// ErrVersion is returned for a WXR version this importer does not know.
var ErrVersion = errors.New("unknown WXR version")

// Parse reads one WXR file from r and calls v for its parts. It returns an
// error for a file it cannot read to the end (malformed or truncated XML,
// entities, an unknown WXR version); everything handed to v before that
// stays valid.
func Parse(r io.Reader, v Visitor) error {
	p := &parser{d: xml.NewDecoder(r), v: v}
	p.d.Strict = true
	// WordPress escapes titles with htmlspecialchars, but plugins write
	// named HTML entities too; they decode as in a browser. Entities
	// declared by the document itself are refused (see ErrEntities).
	p.d.Entity = xml.HTMLEntity
	return p.run()
}

type parser struct {
	d      *xml.Decoder
	v      Visitor
	ch     Channel
	chSent bool
	sawWXR bool
}

func (p *parser) problem(pr Problem) {
	if p.v.Problem != nil {
		p.v.Problem(pr)
	}
}

func (p *parser) run() error {
	for {
		tok, err := p.d.Token()
		if err == io.EOF {
			if !p.sawWXR {
				return fmt.Errorf("wordpress: not a WordPress export (no <channel> with a WXR version)")
			}
			return nil
		}
		if err != nil {
			return p.syntax(err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			if strings.HasPrefix(strings.ToUpper(strings.TrimSpace(string(t))), "DOCTYPE") {
				return ErrEntities
			}
		case xml.StartElement:
			if err := p.start(t); err != nil {
				return err
			}
		}
	}
}

func (p *parser) syntax(err error) error {
	line, _ := p.d.InputPos()
	if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected EOF") {
		return fmt.Errorf("wordpress: the file ends in the middle (truncated?) at line %d: %w", line, err)
	}
	return fmt.Errorf("wordpress: malformed XML at line %d: %w", line, err)
}

func isWP(n xml.Name) bool {
	return strings.Contains(n.Space, "wordpress.org/export/") && !strings.Contains(n.Space, "/excerpt/")
}

func (p *parser) start(t xml.StartElement) error {
	switch {
	case t.Name.Space == "" && (t.Name.Local == "channel" || t.Name.Local == "rss"):
		return nil // its children come as further tokens
	case t.Name.Local == "item":
		p.sendChannel()
		it, err := p.item(t)
		if err != nil {
			return err
		}
		if it != nil && p.v.Item != nil {
			p.v.Item(it)
		}
		return nil
	case isWP(t.Name) && t.Name.Local == "wxr_version":
		s, err := p.text(t, 100)
		if err != nil {
			return err
		}
		p.ch.WXRVersion, p.sawWXR = s, true
		switch s {
		case "1.0", "1.1", "1.2":
			return nil
		}
		return fmt.Errorf("wordpress: WXR version %q: %w (1.0 to 1.2 are)", s, ErrVersion)
	case isWP(t.Name) && t.Name.Local == "author":
		a, err := p.author(t)
		if err == nil && p.v.Author != nil {
			p.v.Author(a)
		}
		return err
	case isWP(t.Name) && (t.Name.Local == "category" || t.Name.Local == "tag" || t.Name.Local == "term"):
		tm, err := p.term(t)
		if err == nil && p.v.Term != nil {
			p.v.Term(tm)
		}
		return err
	case isWP(t.Name) && (t.Name.Local == "base_site_url" || t.Name.Local == "base_blog_url"):
		s, err := p.text(t, maxFieldBytes)
		if t.Name.Local == "base_site_url" {
			p.ch.BaseSiteURL = s
		} else {
			p.ch.BaseBlogURL = s
		}
		return err
	case t.Name.Space == "" && (t.Name.Local == "title" || t.Name.Local == "link" || t.Name.Local == "language"):
		s, err := p.text(t, maxFieldBytes)
		switch t.Name.Local {
		case "title":
			p.ch.Title = s
		case "link":
			p.ch.Link = s
		case "language":
			p.ch.Language = s
		}
		return err
	}
	return p.d.Skip()
}

func (p *parser) sendChannel() {
	if !p.chSent && p.v.Channel != nil {
		p.v.Channel(p.ch)
	}
	p.chSent = true
}

// text reads the character data of the element t started, up to its end;
// child elements are skipped. Text over max bytes is an error of the item
// (errTooLong), read to the end all the same so the stream stays in step.
func (p *parser) text(t xml.StartElement, max int) (string, error) {
	var b strings.Builder
	long := false
	for {
		tok, err := p.d.Token()
		if err != nil {
			return "", p.syntax(err)
		}
		switch x := tok.(type) {
		case xml.CharData:
			if b.Len()+len(x) > max {
				long = true
				continue
			}
			b.Write(x)
		case xml.StartElement:
			if err := p.d.Skip(); err != nil {
				return "", p.syntax(err)
			}
		case xml.EndElement:
			if long {
				return "", &tooLongError{field: t.Name.Local, max: max}
			}
			return b.String(), nil
		}
	}
}

type tooLongError struct {
	field string
	max   int
}

func (e *tooLongError) Error() string {
	return fmt.Sprintf("%s is longer than %d bytes", e.field, e.max)
}

// children calls f for each child element of the element being read, with
// its text already read (f gets "" and must not read when it wants the
// element's own children: then it returns true from want).
func (p *parser) children(want func(xml.StartElement) bool, f func(xml.StartElement, string) error) error {
	for {
		tok, err := p.d.Token()
		if err != nil {
			return p.syntax(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			if want != nil && want(x) {
				if err := f(x, ""); err != nil {
					return err
				}
				continue
			}
			s, err := p.text(x, maxFieldBytes)
			var tl *tooLongError
			if errors.As(err, &tl) {
				// a field other than the body over a megabyte: keep nothing of it
				s, err = "", nil
			}
			if err != nil {
				return err
			}
			if err := f(x, s); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

func (p *parser) author(xml.StartElement) (Author, error) {
	var a Author
	err := p.children(nil, func(t xml.StartElement, s string) error {
		switch t.Name.Local {
		case "author_id":
			a.ID, _ = strconv.Atoi(strings.TrimSpace(s)) // a bad id leaves 0: the login is the key
		case "author_login":
			a.Login = strings.TrimSpace(s)
		case "author_email":
			a.Email = strings.TrimSpace(s)
		case "author_display_name":
			a.DisplayName = strings.TrimSpace(s)
		case "author_first_name":
			a.FirstName = strings.TrimSpace(s)
		case "author_last_name":
			a.LastName = strings.TrimSpace(s)
		}
		return nil
	})
	return a, err
}

func (p *parser) term(t xml.StartElement) (Term, error) {
	var tm Term
	switch t.Name.Local {
	case "category":
		tm.Taxonomy = "category"
	case "tag":
		tm.Taxonomy = "post_tag"
	}
	err := p.children(nil, func(c xml.StartElement, s string) error {
		s = strings.TrimSpace(s)
		switch c.Name.Local {
		case "term_id":
			tm.ID, _ = strconv.Atoi(s) // checked by the caller: 0 is reported
		case "term_taxonomy":
			tm.Taxonomy = s
		case "category_nicename", "tag_slug", "term_slug":
			tm.Slug = s
		case "cat_name", "tag_name", "term_name":
			tm.Name = s
		case "category_parent", "term_parent":
			tm.Parent = s
		case "category_description", "tag_description", "term_description":
			tm.Description = s
		}
		return nil
	})
	return tm, err
}

// item reads one <item>. An item it cannot use (a body over the limit) is
// reported and comes back nil; a syntax error ends the stream.
func (p *parser) item(t xml.StartElement) (*Item, error) {
	line, _ := p.d.InputPos()
	it := &Item{Line: line, Meta: map[string]string{}}
	var skip error
	var dateLocal, dateGMT string
	want := func(c xml.StartElement) bool {
		n := c.Name.Local
		return n == "category" || n == "encoded" || (isWP(c.Name) && (n == "postmeta" || n == "comment"))
	}
	err := p.children(want, func(c xml.StartElement, s string) error {
		n := c.Name.Local
		switch {
		case n == "category":
			ref := TermRef{}
			for _, a := range c.Attr {
				switch a.Name.Local {
				case "domain":
					ref.Domain = a.Value
				case "nicename":
					ref.Slug = a.Value
				}
			}
			name, err := p.text(c, maxFieldBytes)
			if err != nil && !isTooLong(err) {
				return err
			}
			ref.Name = strings.TrimSpace(name)
			if ref.Domain != "" {
				it.Terms = append(it.Terms, ref)
			}
		case n == "encoded":
			body, err := p.text(c, MaxBodyBytes)
			if isTooLong(err) {
				skip = err
				return nil
			}
			if err != nil {
				return err
			}
			if strings.Contains(c.Name.Space, "/excerpt/") {
				it.Excerpt = body
			} else {
				it.Content = body
			}
		case n == "postmeta":
			return p.meta(it)
		case n == "comment":
			cm, err := p.comment()
			if err != nil {
				return err
			}
			if len(it.Comments) < MaxComments {
				it.Comments = append(it.Comments, cm)
			}
		case n == "title" && c.Name.Space == "":
			it.Title = s
		case n == "link" && c.Name.Space == "":
			it.Link = strings.TrimSpace(s)
		case n == "creator":
			it.Creator = strings.TrimSpace(s)
		case !isWP(c.Name):
		case n == "post_id":
			it.ID, _ = strconv.Atoi(strings.TrimSpace(s)) // 0 is reported by the caller
		case n == "post_date":
			dateLocal = s
		case n == "post_date_gmt":
			dateGMT = s
		case n == "post_modified_gmt":
			it.Modified = wpTime(s)
		case n == "post_name":
			it.Name = strings.TrimSpace(s)
		case n == "status":
			it.Status = strings.TrimSpace(s)
		case n == "post_type":
			it.Type = strings.TrimSpace(s)
		case n == "post_parent":
			it.Parent, _ = strconv.Atoi(strings.TrimSpace(s)) // not a number: no parent
		case n == "post_password":
			it.Password = s
		case n == "is_sticky":
			it.Sticky = strings.TrimSpace(s) == "1"
		case n == "attachment_url":
			it.AttachmentURL = strings.TrimSpace(s)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	it.Date = wpTime(dateGMT)
	if it.Date.IsZero() {
		// Drafts have a zero GMT date; their local date is what there is.
		it.Date = wpTime(dateLocal)
	}
	if skip != nil {
		p.problem(Problem{Kind: ProblemTooLarge, Item: it.ID, Detail: skip.Error()})
		return nil, nil
	}
	if len(it.Title) > MaxTitleBytes {
		it.Title = truncateUTF8(it.Title, MaxTitleBytes)
		p.problem(Problem{Kind: ProblemTitleLong, Item: it.ID})
	}
	return it, nil
}

func isTooLong(err error) bool {
	var tl *tooLongError
	return errors.As(err, &tl)
}

func (p *parser) meta(it *Item) error {
	var k, v string
	err := p.children(nil, func(c xml.StartElement, s string) error {
		switch c.Name.Local {
		case "meta_key":
			k = s
		case "meta_value":
			v = s
		}
		return nil
	})
	if err == nil && k != "" && len(it.Meta) < MaxMetaPerItem && len(v) <= MaxMetaBytes {
		if _, dup := it.Meta[k]; !dup {
			it.Meta[k] = v
		}
	}
	return err
}

func (p *parser) comment() (Comment, error) {
	var cm Comment
	err := p.children(nil, func(c xml.StartElement, s string) error {
		switch c.Name.Local {
		case "comment_id":
			cm.ID, _ = strconv.Atoi(strings.TrimSpace(s)) // 0: still shown, not threaded
		case "comment_author":
			cm.Author = strings.TrimSpace(s)
		case "comment_author_url":
			cm.URL = strings.TrimSpace(s)
		case "comment_date_gmt":
			cm.Date = wpTime(s)
		case "comment_content":
			cm.Content = s
		case "comment_approved":
			cm.Approved = strings.TrimSpace(s)
		case "comment_type":
			cm.Type = strings.TrimSpace(s)
		case "comment_parent":
			cm.Parent, _ = strconv.Atoi(strings.TrimSpace(s)) // not a number: top level
		}
		return nil
	})
	return cm, err
}

// wpTime reads WordPress's "2006-01-02 15:04:05"; the zero date
// "0000-00-00 00:00:00" and anything unreadable give the zero time.
func wpTime(s string) time.Time {
	t, err := time.Parse(time.DateTime, strings.TrimSpace(s))
	if err != nil || t.Year() < 1970 {
		return time.Time{}
	}
	return t.UTC()
}

func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "")
}
