package textdiff

import (
	"html/template"
	"strings"
)

// HTML renders chunks for a history or conflict page: deleted text in
// <del>, inserted text in <ins>, everything escaped, each blank-line
// separated paragraph in its own <p> and single line breaks as <br>. A
// change that spans paragraphs is closed and reopened at each paragraph
// boundary so the markup stays well nested.
func HTML(chunks []Chunk) template.HTML {
	var h htmlWriter
	for _, c := range chunks {
		s := c.Text
		for len(s) > 0 {
			start, end := nextBlank(s)
			if start < 0 {
				h.text(c.Op, s)
				break
			}
			h.text(c.Op, s[:start])
			h.paragraphBreak()
			s = s[end:]
		}
	}
	return template.HTML(h.finish())
}

type htmlWriter struct {
	b    strings.Builder
	open bool // inside a <p>
}

func (h *htmlWriter) text(op Op, s string) {
	if s == "" {
		return
	}
	if !h.open {
		// Whitespace left over at the start of a paragraph shows nothing.
		if strings.TrimSpace(s) == "" && op == Equal {
			return
		}
		h.b.WriteString("<p>")
		h.open = true
	}
	tag := ""
	switch op {
	case Insert:
		tag = "ins"
	case Delete:
		tag = "del"
	}
	if tag != "" {
		h.b.WriteString("<" + tag + ">")
	}
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			h.b.WriteString("<br>\n")
		}
		h.b.WriteString(template.HTMLEscapeString(strings.TrimSuffix(line, "\r")))
	}
	if tag != "" {
		h.b.WriteString("</" + tag + ">")
	}
}

func (h *htmlWriter) paragraphBreak() {
	if h.open {
		h.b.WriteString("</p>\n")
		h.open = false
	}
}

func (h *htmlWriter) finish() string {
	h.paragraphBreak()
	return h.b.String()
}
