package wordpress

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsroom/newsroom/markdown"
)

// Media resolves the photos a body refers to.
type Media interface {
	// Photo returns the library photo id for an image address of the old
	// site (any size of it), or false when the photo could not be had.
	Photo(src string) (string, bool)
	// Gallery returns the image addresses of a [gallery] in post id.
	Gallery(post int, ids []string) []string
}

// Converted is a body as Markdown, with what could not be carried over.
type Converted struct {
	Markdown   string
	Shortcodes map[string]int // unknown shortcodes by name
	Missing    []string       // image addresses without a photo
}

// photoMarker stands for photo:<id> while the body passes through the
// sanitizer and the converter, which keep only http(s) and relative URLs.
const photoMarker = "/__wp_import_photo__/"

// convertBody turns a post's raw post_content into the product's Markdown:
// block comments removed (or wpautop's paragraphs added to a classic
// post), shortcodes expanded, images pointed at the photo library,
// embeds made links, the HTML sanitized by the story body policy and
// converted to Markdown with html-to-markdown.
func convertBody(raw string, post int, m Media) Converted {
	return convertBodyWith(mdConverter(), raw, post, m)
}

func convertBodyWith(conv *converter.Converter, raw string, post int, m Media) Converted {
	out := Converted{Shortcodes: map[string]int{}}
	var h string
	if strings.Contains(raw, "<!-- wp:") {
		h = blocks(raw)
	} else {
		h = autop(raw)
	}
	gallery := func(sc shortcode) []string {
		var ids []string
		if s := sc.attrs["ids"]; s != "" {
			ids = strings.Split(s, ",")
		}
		return m.Gallery(post, ids)
	}
	h = expandShortcodes(h, gallery, out.Shortcodes)
	h, out.Missing = rewriteDOM(h, m)
	h = markdown.Sanitize(h)
	md, err := conv.ConvertString(h)
	if err != nil {
		// The converter fails only on a writer error or a panic in a
		// plugin; the sanitized HTML's text is the honest fallback.
		md = stripTags(h)
	}
	out.Markdown = strings.TrimSpace(strings.ReplaceAll(md, "]("+photoMarker, "](photo:"))
	return out
}

var (
	reBlockComment = regexp.MustCompile(`<!--\s*/?wp:[a-z0-9/_-]+(?:\s+\{.*?\})?\s*/?-->`)
	reEmbedBlock   = regexp.MustCompile(`(?s)<!--\s*wp:(?:embed|core-embed/[a-z0-9-]+)\s+(\{.*?\})\s*/?-->(.*?<!--\s*/wp:(?:embed|core-embed/[a-z0-9-]+)\s*-->)?`)
)

// blocks removes Gutenberg's block comments, keeping the HTML they wrap
// (which is already the post's final markup); an embed block, whose HTML
// holds the address only as text, becomes a link.
func blocks(raw string) string {
	raw = reEmbedBlock.ReplaceAllStringFunc(raw, func(c string) string {
		m := reEmbedBlock.FindStringSubmatch(c)
		var attrs struct {
			URL string `json:"url"`
		}
		if json.Unmarshal([]byte(m[1]), &attrs) != nil || !strings.HasPrefix(attrs.URL, "http") {
			return "\n"
		}
		e := html.EscapeString(attrs.URL)
		return "\n" + `<p><a href="` + e + `">` + e + "</a></p>\n"
	})
	return reBlockComment.ReplaceAllString(raw, "\n")
}

// rewriteDOM points images at the photo library (dropping those without a
// photo), moves a figure's caption into its image's title (which the
// product shows as the caption), unwraps links around images that lead to
// the image file itself, and turns iframes (embeds) into links.
func rewriteDOM(h string, m Media) (string, []string) {
	body := &html.Node{Type: html.ElementNode, DataAtom: atom.Body, Data: "body"}
	nodes, err := html.ParseFragment(strings.NewReader(h), body)
	if err != nil {
		return h, nil
	}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	var missing []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				switch c.DataAtom {
				case atom.Img:
					src := attr(c, "src")
					id, ok := m.Photo(src)
					if !ok {
						if src != "" {
							missing = append(missing, src)
						}
						n.RemoveChild(c)
						c = next
						continue
					}
					c.Attr = []html.Attribute{{Key: "src", Val: photoMarker + id}, {Key: "alt", Val: attr(c, "alt")}}
					if t := figcaption(c); t != "" {
						c.Attr = append(c.Attr, html.Attribute{Key: "title", Val: t})
					}
				case atom.Iframe, atom.Video, atom.Audio:
					if src := attr(c, "src"); strings.HasPrefix(src, "http") {
						a := &html.Node{Type: html.ElementNode, DataAtom: atom.A, Data: "a", Attr: []html.Attribute{{Key: "href", Val: src}}}
						a.AppendChild(&html.Node{Type: html.TextNode, Data: src})
						p := &html.Node{Type: html.ElementNode, DataAtom: atom.P, Data: "p"}
						p.AppendChild(a)
						n.InsertBefore(p, c)
					}
					n.RemoveChild(c)
					c = next
					continue
				case atom.Figcaption:
					if hasImg(c.Parent) {
						n.RemoveChild(c)
						c = next
						continue
					}
				}
			}
			walk(c)
			if c.Type == html.ElementNode && c.DataAtom == atom.A && onlyImage(c) {
				// a link around an image to its larger size: keep the image
				img := c.FirstChild
				for img != nil && img.Type != html.ElementNode {
					img = img.NextSibling
				}
				if img != nil {
					c.RemoveChild(img)
					n.InsertBefore(img, c)
				}
				n.RemoveChild(c)
			}
			c = next
		}
	}
	walk(body)
	var b strings.Builder
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			return h, missing
		}
	}
	return b.String(), missing
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// figcaption is the text of the figcaption of the figure img is in.
func figcaption(img *html.Node) string {
	for p := img.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.Figure {
			for c := p.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.DataAtom == atom.Figcaption {
					return strings.Join(strings.Fields(textOf(c)), " ")
				}
			}
			return ""
		}
	}
	return ""
}

func hasImg(n *html.Node) bool {
	if n == nil {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Img || hasImg(c) {
			return true
		}
	}
	return false
}

// onlyImage reports whether link a holds one image and no text, and leads
// to an image file (WordPress's "link to media file").
func onlyImage(a *html.Node) bool {
	imgs := 0
	for c := a.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && c.DataAtom == atom.Img:
			imgs++
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		default:
			return false
		}
	}
	href := strings.ToLower(attr(a, "href"))
	return imgs == 1 && (strings.Contains(href, "/wp-content/uploads/") || strings.HasPrefix(attr(a.FirstChild, "src"), photoMarker) ||
		strings.HasSuffix(href, ".jpg") || strings.HasSuffix(href, ".jpeg") || strings.HasSuffix(href, ".png") || strings.HasSuffix(href, ".webp") || strings.HasSuffix(href, ".gif"))
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return b.String()
}

func stripTags(h string) string {
	nodes, err := html.ParseFragment(strings.NewReader(h), &html.Node{Type: html.ElementNode, DataAtom: atom.Body, Data: "body"})
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(textOf(n))
	}
	return b.String()
}

// mdConverter builds the HTML-to-Markdown converter: CommonMark with GFM
// tables and strikethrough, the Markdown the editor writes.
func mdConverter() *converter.Converter {
	return converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(), commonmark.NewCommonmarkPlugin(), table.NewTablePlugin(), strikethrough.NewStrikethroughPlugin(),
	))
}

// plainText is s without HTML, entities decoded, space collapsed: for
// headlines, summaries and decks.
func plainText(s string) string {
	return strings.Join(strings.Fields(stripTags(s)), " ")
}
