package markdown

import (
	"regexp"
	"sync"

	"github.com/microcosm-cc/bluemonday"
)

// srcsetCandidate is one "url descriptor" of a srcset whose URL is http(s)
// or site-relative: bluemonday checks src and href, but not srcset.
const srcsetCandidate = `(?:https?://|/)[^\s,]+(?:\s+[0-9]+(?:\.[0-9]+)?[wx])?`

// newPolicy is the allow-list for story bodies: what Markdown produces, the
// figure markup of photos, and nothing that can run script or restyle the
// page. Anything not listed is removed, keeping its text.
func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	// Parseable http, https, mailto and relative URLs only; bluemonday
	// decodes entities before checking, and rejects whitespace inside URLs.
	// (Not AllowStandardURLs: it puts nofollow on the site's own links too.)
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(true)
	p.AllowURLSchemes("http", "https", "mailto")

	p.AllowElements("p", "br", "hr", "h2", "h3", "h4", "blockquote",
		"ul", "ol", "li", "em", "strong", "del", "code", "pre",
		"figure", "figcaption",
		"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td")
	p.AllowAttrs("start").Matching(regexp.MustCompile(`^[0-9]{1,9}$`)).OnElements("ol")
	p.AllowAttrs("align").Matching(regexp.MustCompile(`^(?:left|center|right)$`)).OnElements("th", "td")
	// A photo's credit in its caption (photos.Figure) is styled apart.
	p.AllowElements("span")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^credit$`)).OnElements("span")
	// Fenced code keeps its language for a future highlighter.
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^language-[A-Za-z0-9_+#.-]{1,40}$`)).OnElements("code")

	p.AllowAttrs("href", "title").OnElements("a")
	// Only the rel values this package sets; bluemonday adds nofollow and
	// noreferrer to any fully qualified link that arrives without them
	// (raw HTML anchors), and noreferrer implies noopener in browsers.
	p.AllowAttrs("rel").Matching(regexp.MustCompile(`^(?:nofollow|noopener|noreferrer)(?: (?:nofollow|noopener|noreferrer))*$`)).OnElements("a")
	p.RequireNoFollowOnFullyQualifiedLinks(true)
	p.RequireNoReferrerOnFullyQualifiedLinks(true)

	p.AllowAttrs("src", "alt", "title").OnElements("img")
	p.AllowAttrs("width", "height").Matching(regexp.MustCompile(`^[0-9]{1,5}$`)).OnElements("img")
	srcset := regexp.MustCompile(`(?i)^\s*` + srcsetCandidate + `(?:\s*,\s*` + srcsetCandidate + `)*\s*$`)
	p.AllowAttrs("srcset").Matching(srcset).OnElements("img")
	p.AllowAttrs("sizes").Matching(regexp.MustCompile(`^[A-Za-z0-9\s(),.:%-]{1,200}$`)).OnElements("img")
	p.AllowAttrs("loading").Matching(regexp.MustCompile(`^(?:lazy|eager)$`)).OnElements("img")
	p.AllowAttrs("decoding").Matching(regexp.MustCompile(`^(?:async|sync|auto)$`)).OnElements("img")
	return p
}

// bodyPolicy is built once; a bluemonday policy is safe for concurrent use
// once built.
var bodyPolicy = sync.OnceValue(newPolicy)

// Sanitize cleans HTML that arrives from outside (an import) by the same
// allow-list as rendered story bodies, before it is turned into Markdown.
func Sanitize(html string) string {
	return bodyPolicy().Sanitize(html)
}
