package markdown

import (
	"html"
	"html/template"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// headingClamp keeps headings between h2 and h4: the page's h1 is the
// headline, and levels must not skip for screen readers.
type headingClamp struct{}

func (headingClamp) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			h.Level = min(max(h.Level, 2), 4)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// figure is a block holding one image that stood directly in a paragraph.
// A <figure> may not sit inside a <p>, and reporters put images on lines of
// their own, so such images are lifted out of their paragraph.
type figure struct {
	ast.BaseBlock
}

// kindFigure is registered with goldmark's node kinds, which is how goldmark
// extensions name their nodes.
var kindFigure = ast.NewNodeKind("Figure")

func (f *figure) Kind() ast.NodeKind { return kindFigure }

func (f *figure) Dump(source []byte, level int) { ast.DumpHelper(f, source, level, nil, nil) }

// figureLift splits every paragraph that holds images into the text before,
// a figure per image, and the text after, dropping parts left blank.
// Images nested in links or emphasis stay inline.
type figureLift struct{}

func (figureLift) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var paras []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if c.Kind() == ast.KindImage {
					paras = append(paras, n)
					break
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paras {
		liftImages(p, reader.Source())
	}
}

func liftImages(para ast.Node, source []byte) {
	parent := para.Parent()
	var run ast.Node
	flush := func() {
		if run == nil || blankInline(run, source) {
			run = nil
			return
		}
		// The line breaks around a lifted image would otherwise end up as
		// stray whitespace at the edges of the paragraphs.
		for c := run.FirstChild(); c != nil; c = run.FirstChild() {
			if t, ok := c.(*ast.Text); !ok || strings.TrimSpace(string(t.Value(source))) != "" {
				break
			}
			run.RemoveChild(run, c)
		}
		if t, ok := run.LastChild().(*ast.Text); ok {
			t.SetSoftLineBreak(false)
			t.SetHardLineBreak(false)
		}
		parent.InsertBefore(parent, para, run)
		run = nil
	}
	for c := para.FirstChild(); c != nil; {
		next := c.NextSibling()
		if c.Kind() == ast.KindImage {
			flush()
			fig := &figure{}
			fig.AppendChild(fig, c)
			parent.InsertBefore(parent, para, fig)
		} else {
			if run == nil {
				run = sameBlock(para)
			}
			run.AppendChild(run, c)
		}
		c = next
	}
	flush()
	parent.RemoveChild(parent, para)
}

// sameBlock returns an empty block of para's kind, so that tight list items
// keep rendering without <p>.
func sameBlock(para ast.Node) ast.Node {
	if para.Kind() == ast.KindTextBlock {
		return ast.NewTextBlock()
	}
	return ast.NewParagraph()
}

func blankInline(n ast.Node, source []byte) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok || strings.TrimSpace(string(t.Value(source))) != "" {
			return false
		}
	}
	return true
}

// nodeRenderer renders links, images and figures; goldmark's own renderer
// does the rest.
type nodeRenderer struct {
	image func(id, alt, title string) (template.HTML, bool)
}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindAutoLink, r.autoLink)
	reg.Register(ast.KindImage, r.inlineImage)
	reg.Register(kindFigure, r.figure)
}

func (r *nodeRenderer) link(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	dest := string(util.URLEscape(n.Destination, true))
	if !linkAllowed(dest) {
		// Keep the words, lose the link.
		return ast.WalkContinue, nil
	}
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="` + html.EscapeString(dest) + `"`)
	if len(n.Title) > 0 {
		_, _ = w.WriteString(` title="` + html.EscapeString(unescapeInline(n.Title)) + `"`)
	}
	writeRel(w, dest)
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) autoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	dest := string(util.URLEscape(n.URL(source), false))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
		dest = "mailto:" + dest
	}
	label := html.EscapeString(string(n.Label(source)))
	if !linkAllowed(dest) {
		_, _ = w.WriteString(label)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="` + html.EscapeString(dest) + `"`)
	writeRel(w, dest)
	_, _ = w.WriteString(">" + label + "</a>")
	return ast.WalkContinue, nil
}

// writeRel marks links that leave the site, so that the paper lends them no
// ranking and the destination gets neither a referrer nor window.opener.
func writeRel(w util.BufWriter, dest string) {
	if u, err := url.Parse(dest); err == nil && u.Host != "" {
		_, _ = w.WriteString(` rel="nofollow noopener noreferrer"`)
	}
}

// inlineImage renders an image that sits inside other inline markup (a link,
// a heading, a table cell): a bare <img>, since a figure cannot go there.
// Photos from the library render only as figures, so they are dropped here.
func (r *nodeRenderer) inlineImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	dest := string(util.URLEscape(n.Destination, true))
	if imageAllowed(dest) {
		_, _ = w.WriteString(imgTag(dest, n, source))
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) figure(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n, ok := node.FirstChild().(*ast.Image)
	if !ok {
		return ast.WalkSkipChildren, nil
	}
	title := unescapeInline(n.Title)
	if id, ok := photoID(n.Destination); ok {
		if r.image == nil || id == "" {
			return ast.WalkSkipChildren, nil
		}
		if fig, ok := r.image(id, altText(n, source), title); ok {
			_, _ = w.WriteString(string(fig) + "\n")
		}
		return ast.WalkSkipChildren, nil
	}
	dest := string(util.URLEscape(n.Destination, true))
	if !imageAllowed(dest) {
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString("<figure>" + imgTag(dest, n, source))
	if title != "" {
		_, _ = w.WriteString("<figcaption>" + html.EscapeString(title) + "</figcaption>")
	}
	_, _ = w.WriteString("</figure>\n")
	return ast.WalkSkipChildren, nil
}

func imgTag(dest string, n *ast.Image, source []byte) string {
	return `<img src="` + html.EscapeString(dest) + `" alt="` + html.EscapeString(altText(n, source)) + `" loading="lazy">`
}

func altText(n *ast.Image, source []byte) string {
	var t textWriter
	t.inline(n, source)
	return strings.Join(strings.Fields(t.String()), " ")
}

// photoID reports whether dest names a media-library photo ("photo:<id>").
func photoID(dest []byte) (string, bool) {
	d := strings.TrimSpace(unescapeInline(dest))
	const prefix = "photo:"
	if len(d) < len(prefix) || !strings.EqualFold(d[:len(prefix)], prefix) {
		return "", false
	}
	return strings.TrimSpace(d[len(prefix):]), true
}

// unescapeInline resolves backslash escapes and entities in raw Markdown
// (link titles, destinations), which goldmark leaves as written.
func unescapeInline(b []byte) string {
	return html.UnescapeString(string(util.UnescapePunctuations(b)))
}
