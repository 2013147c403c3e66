package markdown

import (
	"bytes"
	"html"
	"strings"
	"sync"
	"unicode"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// textParser parses for the text functions, which are plain functions
// rather than Renderer methods. It is built on first use and never changed,
// so sharing it is as safe as sharing a Renderer.
var textParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extensions()...)).Parser()
})

// stripTags removes all markup from raw HTML blocks, and the contents of
// script and style with it, for Plain.
var stripTags = sync.OnceValue(func() *bluemonday.Policy {
	return bluemonday.StrictPolicy().AddSpaceWhenStrippingTag(true)
})

func parse(md string) (*ast.Document, []byte) {
	src := []byte(normalize(md))
	doc := textParser().Parse(text.NewReader(src))
	return doc.(*ast.Document), src
}

// Plain returns the text of md without markup or URLs, one paragraph (or
// heading, list item, table) per block, blocks separated by blank lines.
// Image alt text is left out: it describes a picture, not the story.
func Plain(md string) string {
	doc, src := parse(md)
	return strings.Join(blocks(doc, src), "\n\n")
}

// Excerpt returns the text of the first paragraph, cut to at most maxRunes
// runes (the "…" included) at a word boundary, or at a character boundary
// when a single word is too long. Text is NFC-normalized first, so a Korean
// syllable typed as separate jamo is never split.
func Excerpt(md string, maxRunes int) string {
	doc, src := parse(md)
	var first string
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() != ast.KindParagraph {
			continue
		}
		var t textWriter
		t.inline(n, src)
		if s := t.String(); strings.TrimSpace(s) != "" {
			first = s
			break
		}
	}
	if first == "" {
		if bs := blocks(doc, src); len(bs) > 0 {
			first = bs[0]
		}
	}
	return cut(strings.Join(strings.Fields(first), " "), maxRunes)
}

// Words counts the words of md's text: whitespace-separated runs holding a
// letter or digit, which for Korean is the eojeol count.
func Words(md string) int {
	n := 0
	for _, f := range strings.Fields(Plain(md)) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0 {
			n++
		}
	}
	return n
}

// Paragraphs returns the Markdown source of md's top-level blocks in order
// (a whole list or quote is one block; a link reference definition is a
// block of its own), without surrounding blank lines. Joining them with
// blank lines renders as md does.
func Paragraphs(md string) []string {
	doc, src := parse(md)
	var starts []int
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		pos := n.Pos()
		if pos < 0 {
			// No position: the block belongs with the one before it.
			continue
		}
		pos = bytes.LastIndexByte(src[:pos], '\n') + 1
		if len(starts) > 0 && pos <= starts[len(starts)-1] {
			continue
		}
		starts = append(starts, pos)
	}
	var out []string
	for i, s := range starts {
		end := len(src)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		if b := strings.TrimRightFunc(string(src[s:end]), unicode.IsSpace); strings.TrimSpace(b) != "" {
			out = append(out, b)
		}
	}
	return out
}

// blocks returns the text of each leaf block of doc, skipping empty ones.
func blocks(doc ast.Node, src []byte) []string {
	var out []string
	add := func(s string) {
		// Collapse what tags and line breaks leave behind, so that blank
		// lines appear only between blocks.
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			if f := strings.Fields(l); len(f) > 0 {
				lines = append(lines, strings.Join(f, " "))
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\n"))
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
			var t textWriter
			t.inline(n, src)
			add(t.String())
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			add(string(n.Lines().Value(src)))
		case *ast.HTMLBlock:
			raw := n.Lines().Value(src)
			if n.HasClosure() {
				raw = append(raw, n.ClosureLine.Value(src)...)
			}
			add(html.UnescapeString(stripTags().Sanitize(string(raw))))
		case *east.Table:
			var rows []string
			for row := n.FirstChild(); row != nil; row = row.NextSibling() {
				var cells []string
				for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
					var t textWriter
					t.inline(cell, src)
					if s := strings.TrimSpace(t.String()); s != "" {
						cells = append(cells, s)
					}
				}
				if len(cells) > 0 {
					rows = append(rows, strings.Join(cells, " "))
				}
			}
			add(strings.Join(rows, "\n"))
		case *ast.LinkReferenceDefinition:
		default:
			return ast.WalkContinue, nil
		}
		return ast.WalkSkipChildren, nil
	})
	return out
}

// textWriter collects the text of inline nodes: words, code and link text,
// but no URLs, images or tags, and nothing between inline <script> or
// <style> tags.
type textWriter struct {
	strings.Builder
	hidden bool
}

func (t *textWriter) inline(n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			if !t.hidden {
				if c.IsRaw() {
					t.Write(c.Value(src))
				} else {
					t.WriteString(unescapeInline(c.Value(src)))
				}
			}
			if c.HardLineBreak() {
				t.WriteByte('\n')
			} else if c.SoftLineBreak() {
				t.WriteByte(' ')
			}
		case *ast.String:
			if !t.hidden {
				t.Write(c.Value)
			}
		case *ast.RawHTML:
			tag := strings.ToLower(string(c.Segments.Value(src)))
			switch {
			case strings.HasPrefix(tag, "<script"), strings.HasPrefix(tag, "<style"):
				t.hidden = true
			case strings.HasPrefix(tag, "</script"), strings.HasPrefix(tag, "</style"):
				t.hidden = false
			}
		case *ast.AutoLink, *ast.Image:
		default:
			t.inline(c, src)
		}
	}
}
