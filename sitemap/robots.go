package sitemap

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
)

// Robots renders a robots.txt that lets every crawler in except under the
// disallow paths, and names the sitemaps. Sitemap URLs may be relative to
// baseURL (robots.txt needs them absolute); disallow paths must start with
// "/". An empty disallow list allows everything.
func Robots(baseURL string, sitemapURLs []string, disallow []string) ([]byte, error) {
	base, err := url.Parse(baseURL)
	if err != nil || !base.IsAbs() || base.Host == "" {
		return nil, fmt.Errorf("sitemap: robots: base URL %q is not absolute", baseURL)
	}
	var b bytes.Buffer
	b.WriteString("User-agent: *\n")
	if len(disallow) == 0 {
		b.WriteString("Disallow:\n")
	}
	for _, p := range disallow {
		// A line break in a path would let it write rules of its own.
		if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\r\n#") {
			return nil, fmt.Errorf("sitemap: robots: disallow path %q must start with / and be one line without #", p)
		}
		fmt.Fprintf(&b, "Disallow: %s\n", p)
	}
	if len(sitemapURLs) > 0 {
		b.WriteString("\n")
	}
	for _, s := range sitemapURLs {
		ref, err := url.Parse(s)
		if err != nil {
			return nil, fmt.Errorf("sitemap: robots: sitemap %q: %w", s, err)
		}
		abs, err := loc(base.ResolveReference(ref).String())
		if err != nil {
			return nil, fmt.Errorf("sitemap: robots: sitemap: %w", err)
		}
		fmt.Fprintf(&b, "Sitemap: %s\n", abs)
	}
	return b.Bytes(), nil
}
