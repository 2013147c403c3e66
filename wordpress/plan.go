package wordpress

import (
	"fmt"
	"io"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/elliotchance/phpserialize"

	"github.com/newsroom/newsroom/redirect"
)

// Source opens the export files, once per pass (the import reads them
// twice: first what they hold, then the bodies).
type Source interface {
	Files() []string
	Open(name string) (io.ReadCloser, error)
}

// post is what the first pass keeps of a post or page: no body, and
// little else, since a large export has hundreds of thousands.
type post struct {
	ID     int
	Lang   string
	Group  string // translation group: Polylang's pll_… term, or "wpml/<trid>"
	Status string
}

// attachment is a media item of the export.
type attachment struct {
	ID      int
	URL     string
	Parent  int
	Title   string
	Alt     string
	Caption string
	Credit  string
	Lang    string
}

// plan is what the first pass learnt: who, which terms, which posts pair
// up, which photos exist.
type plan struct {
	channel     Channel
	authors     map[string]Author // by login
	authorOrder []string
	guests      map[string]Author // Co-Authors Plus guest authors, by slug (cap-…)
	terms       map[int]Term
	termBySlug  map[string]Term           // "<taxonomy>/<slug>"
	langs       map[string]bool           // Polylang languages of the export
	groups      map[string]map[string]int // group → lang → post id (declared)
	termGroups  map[int]int               // term id → the first term id of its translation group
	posts       map[int]*post
	order       []int // posts in file order
	attachments map[int]*attachment
	byUpload    map[string]int // normalized uploads path → attachment id
	seen        map[int]bool
	interned    map[string]string
}

// intern shares one copy of the few distinct values (languages, states)
// that every post repeats.
func (p *plan) intern(s string) string {
	if v, ok := p.interned[s]; ok {
		return v
	}
	if len(p.interned) < 1000 {
		p.interned[s] = s
	}
	return s
}

func newPlan() *plan {
	return &plan{authors: map[string]Author{}, guests: map[string]Author{}, terms: map[int]Term{}, termBySlug: map[string]Term{},
		langs: map[string]bool{}, groups: map[string]map[string]int{}, termGroups: map[int]int{}, posts: map[int]*post{},
		attachments: map[int]*attachment{}, byUpload: map[string]int{}, seen: map[int]bool{}, interned: map[string]string{}}
}

// isStory reports whether an item of post_type t becomes a story.
func isStory(t string) bool { return t == "post" || t == "page" }

// scan is the first pass over every file.
func scan(src Source, r *Report) (*plan, error) {
	p := newPlan()
	for _, name := range src.Files() {
		f, err := src.Open(name)
		if err != nil {
			return nil, err
		}
		err = Parse(f, Visitor{
			Channel: func(c Channel) {
				if p.channel.WXRVersion == "" {
					p.channel = c
				}
			},
			Author:  p.author,
			Term:    func(t Term) { p.term(t, r) },
			Item:    func(it *Item) { p.item(it, r) },
			Problem: r.add,
		})
		f.Close()
		if err != nil {
			// The file's items up to the error are kept; the rest of it is lost.
			r.add(Problem{Kind: ProblemFile, Detail: name + ": " + err.Error()})
		}
	}
	p.pairTerms(r)
	return p, nil
}

func (p *plan) author(a Author) {
	if a.Login == "" {
		return
	}
	if _, ok := p.authors[a.Login]; !ok {
		p.authorOrder = append(p.authorOrder, a.Login)
	}
	p.authors[a.Login] = a
}

func (p *plan) term(t Term, r *Report) {
	if t.ID == 0 && t.Slug == "" {
		return
	}
	t.Slug = decodeSlug(t.Slug)
	if t.Taxonomy != "post_translations" && t.Taxonomy != "term_translations" {
		// (translation groups are kept only as the pairs they declare)
		if t.ID != 0 {
			p.terms[t.ID] = t
		}
		p.termBySlug[t.Taxonomy+"/"+t.Slug] = t
	}
	switch t.Taxonomy {
	case "language":
		p.langs[t.Slug] = true
	case "post_translations", "term_translations":
		m, err := phpMap(t.Description)
		if err != nil {
			r.add(Problem{Kind: ProblemSerialized, Item: t.ID, Detail: t.Taxonomy + " " + t.Slug + ": " + err.Error()})
			return
		}
		p.groups[t.Taxonomy+"/"+t.Slug] = m
	}
}

// phpMap decodes Polylang's serialized {language: id} map.
func phpMap(s string) (map[string]int, error) {
	if len(s) > 64<<10 {
		return nil, fmt.Errorf("serialized value of %d bytes", len(s))
	}
	var raw map[any]any
	if err := phpserialize.Unmarshal([]byte(s), &raw); err != nil {
		return nil, fmt.Errorf("does not decode: %w", err)
	}
	out := map[string]int{}
	for k, v := range raw {
		lang, ok := k.(string)
		if !ok {
			return nil, fmt.Errorf("key %v is not a language", k)
		}
		switch n := v.(type) {
		case int64:
			out[lang] = int(n)
		case string:
			id, err := strconv.Atoi(n)
			if err != nil {
				return nil, fmt.Errorf("%s: %q is not an id", lang, n)
			}
			out[lang] = id
		default:
			return nil, fmt.Errorf("%s: %v is not an id", lang, v)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no language in %q", truncateUTF8(s, 80))
	}
	return out, nil
}

func (p *plan) item(it *Item, r *Report) {
	if it.ID <= 0 {
		r.add(Problem{Kind: ProblemNoID, Detail: fmt.Sprintf("item %q at line %d", truncateUTF8(it.Title, 80), it.Line)})
		return
	}
	if p.seen[it.ID] {
		r.add(Problem{Kind: ProblemDuplicateID, Item: it.ID, Detail: truncateUTF8(it.Title, 80)})
		return
	}
	p.seen[it.ID] = true
	switch {
	case it.Type == "attachment":
		a := &attachment{ID: it.ID, URL: it.AttachmentURL, Parent: it.Parent, Title: plainText(it.Title),
			Alt: it.Meta["_wp_attachment_image_alt"], Caption: plainText(it.Excerpt), Credit: it.Meta["_media_credit"], Lang: itemLang(it)}
		p.attachments[it.ID] = a
		if k := uploadKey(a.URL); k != "" {
			p.byUpload[k] = a.ID
		}
	case it.Type == "guest-author":
		login := firstNonEmpty(it.Meta["cap-user_login"], it.Name)
		p.guests["cap-"+login] = Author{ID: it.ID, Login: login, Email: it.Meta["cap-user_email"],
			DisplayName: firstNonEmpty(it.Meta["cap-display_name"], plainText(it.Title))}
	case isStory(it.Type):
		pt := &post{ID: it.ID, Lang: p.intern(itemLang(it)), Status: p.intern(it.Status)}
		for _, t := range it.Terms {
			if t.Domain == "post_translations" {
				pt.Group = "post_translations/" + decodeSlug(t.Slug)
			}
		}
		if g := it.Meta["_wpml_import_translation_group"]; g != "" && pt.Group == "" {
			pt.Group = "wpml/" + g
			if p.groups[pt.Group] == nil {
				p.groups[pt.Group] = map[string]int{}
			}
			if _, dup := p.groups[pt.Group][pt.Lang]; !dup {
				p.groups[pt.Group][pt.Lang] = pt.ID
			}
		}
		p.posts[it.ID] = pt
		p.order = append(p.order, it.ID)
	}
}

// itemLang is the language an item is in: Polylang's language term, or
// WPML's import meta; "" when the site has no translation plugin.
func itemLang(it *Item) string {
	for _, t := range it.Terms {
		if t.Domain == "language" {
			return strings.ToLower(t.Slug)
		}
	}
	return strings.ToLower(it.Meta["_wpml_import_language_code"])
}

// pairTerms links categories and tags that Polylang declares translations
// of each other.
func (p *plan) pairTerms(r *Report) {
	keys := make([]string, 0, len(p.groups))
	for k := range p.groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !strings.HasPrefix(k, "term_translations/") {
			continue
		}
		first := 0
		for _, l := range sortedKeys(p.groups[k]) {
			id := p.groups[k][l]
			if first == 0 {
				first = id
			}
			p.termGroups[id] = first
		}
	}
}

// decodeSlug percent-decodes a WordPress slug (Korean slugs are stored
// encoded), keeping the raw text when it does not decode.
func decodeSlug(s string) string {
	if d, err := url.PathUnescape(s); err == nil {
		return d
	}
	return s
}

// uploadKey is redirect.UploadKey: one notion of which upload an address is.
func uploadKey(u string) string { return redirect.UploadKey(u) }
