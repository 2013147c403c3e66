package wordpress

import (
	"regexp"
	"strconv"
	"strings"
)

// autop is WordPress's wpautop (wp-includes/formatting.php) ported rule by
// rule: a classic-editor post is stored without <p> and WordPress adds the
// paragraphs when it shows the post, so an import must do the same or the
// post collapses into one block. Go's regexp has no look-behind and no
// back-references; the two rules that use them are written out by hand.
func autop(text string) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	text += "\n"

	// <pre> blocks are left alone: swapped for placeholders, put back at the end.
	var pres []string
	if strings.Contains(text, "<pre") {
		parts := strings.Split(text, "</pre>")
		last := parts[len(parts)-1]
		var b strings.Builder
		for _, part := range parts[:len(parts)-1] {
			start := strings.Index(part, "<pre")
			if start < 0 { // malformed HTML
				b.WriteString(part)
				continue
			}
			b.WriteString(part[:start])
			b.WriteString(prePlaceholder(len(pres)))
			pres = append(pres, part[start:]+"</pre>")
		}
		b.WriteString(last)
		text = b.String()
	}

	text = reBrBr.ReplaceAllString(text, "\n\n")
	text = reBlockOpen.ReplaceAllString(text, "\n\n$1")
	text = reBlockClose.ReplaceAllString(text, "$1\n\n")
	text = reHr.ReplaceAllString(text, "$1\n\n")
	text = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text)
	// Newlines inside tags (attributes over several lines) are kept out of the way.
	text = replaceInTags(text, "\n", " <!-- wpnl --> ")

	if strings.Contains(text, "<option") {
		text = reOptionOpen.ReplaceAllString(text, "<option")
		text = reOptionClose.ReplaceAllString(text, "</option>")
	}
	if strings.Contains(text, "</object>") {
		text = reObjectOpen.ReplaceAllString(text, "$1")
		text = reObjectClose.ReplaceAllString(text, "</object>")
		text = reParamEmbed.ReplaceAllString(text, "$1")
	}
	if strings.Contains(text, "<source") || strings.Contains(text, "<track") {
		text = reAVOpen.ReplaceAllString(text, "$1")
		text = reAVClose.ReplaceAllString(text, "$1")
		text = reSourceTrack.ReplaceAllString(text, "$1")
	}
	if strings.Contains(text, "<figcaption") {
		text = reFigcaptionOpen.ReplaceAllString(text, "$1")
		text = reFigcaptionClose.ReplaceAllString(text, "</figcaption>")
	}

	text = reManyNewlines.ReplaceAllString(text, "\n\n")
	var b strings.Builder
	for _, para := range reParaSplit.Split(text, -1) {
		if para == "" {
			continue
		}
		b.WriteString("<p>" + strings.Trim(para, "\n") + "</p>\n")
	}
	text = b.String()

	text = reEmptyP.ReplaceAllString(text, "")
	text = reUnclosedP.ReplaceAllString(text, "<p>$1</p></$2>")
	text = reWrappedBlock.ReplaceAllString(text, "$1")
	text = reWrappedLi.ReplaceAllString(text, "$1")
	text = rePBlockquote.ReplaceAllString(text, "<blockquote$1><p>")
	text = strings.ReplaceAll(text, "</blockquote></p>", "</p></blockquote>")
	text = rePBeforeBlock.ReplaceAllString(text, "$1")
	text = reBlockBeforeP.ReplaceAllString(text, "$1")

	// Remaining single newlines become <br />, except inside script,
	// style, svg and math, and where a <br /> is already.
	text = preserveNewlines(text)
	text = strings.NewReplacer("<br>", "<br />", "<br/>", "<br />").Replace(text)
	text = newlinesToBr(text)
	text = strings.ReplaceAll(text, "<WPPreserveNewline />", "\n")

	text = reBlockThenBr.ReplaceAllString(text, "$1")
	text = reBrThenBlock.ReplaceAllString(text, "$1")
	text = reTrailingNewlineP.ReplaceAllString(text, "</p>")

	for i, pre := range pres {
		text = strings.Replace(text, prePlaceholder(i), pre, 1)
	}
	if strings.Contains(text, "<!-- wpnl -->") {
		text = strings.NewReplacer(" <!-- wpnl --> ", "\n", "<!-- wpnl -->", "\n").Replace(text)
	}
	return text
}

func prePlaceholder(i int) string { return "<pre wp-pre-tag-" + strconv.Itoa(i) + "></pre>" }

const allBlocks = `(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)`

var (
	reBrBr             = regexp.MustCompile(`<br\s*/?>\s*<br\s*/?>`)
	reBlockOpen        = regexp.MustCompile(`(<` + allBlocks + `[\s/>])`)
	reBlockClose       = regexp.MustCompile(`(</` + allBlocks + `>)`)
	reHr               = regexp.MustCompile(`(<hr\s*?/?>)`)
	reOptionOpen       = regexp.MustCompile(`\s*<option`)
	reOptionClose      = regexp.MustCompile(`</option>\s*`)
	reObjectOpen       = regexp.MustCompile(`(<object[^>]*>)\s*`)
	reObjectClose      = regexp.MustCompile(`\s*</object>`)
	reParamEmbed       = regexp.MustCompile(`\s*(</?(?:param|embed)[^>]*>)\s*`)
	reAVOpen           = regexp.MustCompile(`([<\[](?:audio|video)[^>\]]*[>\]])\s*`)
	reAVClose          = regexp.MustCompile(`\s*([<\[]/(?:audio|video)[>\]])`)
	reSourceTrack      = regexp.MustCompile(`\s*(<(?:source|track)[^>]*>)\s*`)
	reFigcaptionOpen   = regexp.MustCompile(`\s*(<figcaption[^>]*>)`)
	reFigcaptionClose  = regexp.MustCompile(`</figcaption>\s*`)
	reManyNewlines     = regexp.MustCompile(`\n\n+`)
	reParaSplit        = regexp.MustCompile(`\n\s*\n`)
	reEmptyP           = regexp.MustCompile(`<p>\s*</p>`)
	reUnclosedP        = regexp.MustCompile(`<p>([^<]+)</(div|address|form)>`)
	reWrappedBlock     = regexp.MustCompile(`<p>\s*(</?` + allBlocks + `[^>]*>)\s*</p>`)
	reWrappedLi        = regexp.MustCompile(`<p>(<li.+?)</p>`)
	rePBlockquote      = regexp.MustCompile(`(?i)<p><blockquote([^>]*)>`)
	rePBeforeBlock     = regexp.MustCompile(`<p>\s*(</?` + allBlocks + `[^>]*>)`)
	reBlockBeforeP     = regexp.MustCompile(`(</?` + allBlocks + `[^>]*>)\s*</p>`)
	reBlockThenBr      = regexp.MustCompile(`(</?` + allBlocks + `[^>]*>)\s*<br />`)
	reBrThenBlock      = regexp.MustCompile(`<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)`)
	reTrailingNewlineP = regexp.MustCompile("\n</p>$")
	reRawElement       = regexp.MustCompile(`(?s)<(script|style|svg|math).*?</(script|style|svg|math)>`)
	reNewlineToBr      = regexp.MustCompile(`\s*\n`)
)

// preserveNewlines is WordPress's _autop_newline_preservation_helper over
// '/<(script|style|svg|math).*?<\/\\1>/s': the back-reference is checked by hand.
func preserveNewlines(text string) string {
	return reRawElement.ReplaceAllStringFunc(text, func(m string) string {
		sub := reRawElement.FindStringSubmatch(m)
		if sub[1] != sub[2] {
			return m
		}
		return strings.ReplaceAll(m, "\n", "<WPPreserveNewline />")
	})
}

// newlinesToBr is preg_replace('|(?<!<br />)\s*\n|', "<br />\n"): a run of
// space ending in a newline becomes <br />, unless a <br /> stands right
// before the run.
func newlinesToBr(text string) string {
	var b strings.Builder
	last := 0
	for _, m := range reNewlineToBr.FindAllStringIndex(text, -1) {
		start := m[0]
		// The PHP engine tries each start position; a match whose own
		// start follows "<br />" fails there, and the next try begins
		// one character later inside the run of space.
		for start < m[1]-1 && strings.HasSuffix(text[:start], "<br />") {
			start++
		}
		if strings.HasSuffix(text[:start], "<br />") {
			continue
		}
		b.WriteString(text[last:start])
		b.WriteString("<br />\n")
		last = m[1]
	}
	b.WriteString(text[last:])
	return b.String()
}

// replaceInTags is wp_replace_in_html_tags for one needle: it replaces
// from with to inside HTML tags and comments only, never in text.
func replaceInTags(text, from, to string) string {
	if !strings.Contains(text, from) {
		return text
	}
	var b strings.Builder
	for len(text) > 0 {
		i := strings.IndexByte(text, '<')
		if i < 0 {
			b.WriteString(text)
			break
		}
		b.WriteString(text[:i])
		text = text[i:]
		end := "<"
		if strings.HasPrefix(text, "<!--") {
			end = "-->"
		}
		var j int
		if end == "-->" {
			j = strings.Index(text[4:], "-->")
			if j >= 0 {
				j += 4 + 3
			}
		} else {
			j = strings.IndexByte(text[1:], '>')
			if k := strings.IndexByte(text[1:], '<'); k >= 0 && (j < 0 || k < j) {
				// "<" that is not a tag ("a < b"): text, not a tag
				b.WriteByte('<')
				text = text[1:]
				continue
			}
			if j >= 0 {
				j += 2
			}
		}
		if j < 0 {
			b.WriteString(text)
			break
		}
		b.WriteString(strings.ReplaceAll(text[:j], from, to))
		text = text[j:]
	}
	return b.String()
}
