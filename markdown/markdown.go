// Package markdown turns the Markdown that reporters write into the HTML of
// article pages and of the editor's preview, and into plain text for search,
// descriptions and word counts. There is one renderer so that what an editor
// previews is exactly what readers get.
package markdown

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Options configure a Renderer.
type Options struct {
	// Image, when set, renders an image whose src is "photo:<id>" (a photo
	// from the media library): it returns the full HTML of a <figure> and
	// true, or false to drop the image. alt and title are plain text, to be
	// escaped by the callback. Its output goes through the same
	// sanitizer as everything else, so it must keep to the allowed elements
	// (figure, figcaption, img with src/alt/title/width/height/srcset/sizes/
	// loading/decoding). Without Image, photo: images are dropped.
	Image func(id, alt, title string) (template.HTML, bool)
}

// Renderer renders story bodies to sanitized HTML. It is built once and is
// safe for concurrent use: goldmark and bluemonday keep no per-call state.
type Renderer struct {
	md     goldmark.Markdown
	policy *bluemonday.Policy
}

// New builds a Renderer.
func New(opts Options) *Renderer {
	nodes := &nodeRenderer{image: opts.Image}
	md := goldmark.New(
		goldmark.WithExtensions(extensions()...),
		goldmark.WithParserOptions(
			// No auto heading IDs and no {#id} attribute syntax: ids written
			// by reporters could collide with the page's own.
			parser.WithASTTransformers(
				util.Prioritized(headingClamp{}, 100),
				util.Prioritized(figureLift{}, 110),
			),
		),
		goldmark.WithRendererOptions(
			// Raw HTML passes through goldmark untouched and is cleaned by
			// bluemonday afterwards; hard wraps stay off because reporters
			// wrap lines in the editor without meaning a <br>.
			html.WithUnsafe(),
			renderer.WithNodeRenderers(util.Prioritized(nodes, 100)),
		),
	)
	return &Renderer{md: md, policy: newPolicy()}
}

// extensions are the GFM-ish extensions both the HTML and the text parsers
// use, so that Plain sees the same structure as HTML. The typographer is
// left out on purpose: it turns Korean quotation marks into the wrong ones.
func extensions() []goldmark.Extender {
	return []goldmark.Extender{
		extension.Strikethrough,
		extension.Linkify,
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
	}
}

// HTML renders md to sanitized HTML, ready for a page.
func (r *Renderer) HTML(md string) template.HTML {
	var buf bytes.Buffer
	if err := r.md.Convert([]byte(normalize(md)), &buf); err != nil {
		// Convert fails only when its writer fails, and a bytes.Buffer does
		// not; should that ever change, an empty body is the safe answer.
		return ""
	}
	return template.HTML(r.policy.SanitizeBytes(buf.Bytes()))
}

// normalize makes line endings uniform so that positions and blank-line
// detection do not depend on the editor the text came from.
func normalize(md string) string {
	if !strings.Contains(md, "\r") {
		return md
	}
	md = strings.ReplaceAll(md, "\r\n", "\n")
	return strings.ReplaceAll(md, "\r", "\n")
}
