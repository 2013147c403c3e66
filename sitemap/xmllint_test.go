package sitemap

import (
	"testing"

	"github.com/newsroom/newsroom/sitemap/sitemaptest"
)

// TestSchemasBite checks that the schema check rejects what it should, so a
// passing validation means something: a news entry without its title, and
// an element from a namespace the schemas do not know.
func TestSchemasBite(t *testing.T) {
	bad := map[string]string{
		"news without title": `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://news.example.com/ko/news/1</loc>
    <news:news><news:publication><news:name>N</news:name><news:language>ko</news:language></news:publication>
      <news:publication_date>2026-03-05</news:publication_date></news:news></url>
</urlset>`,
		"unknown namespace": `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:x="urn:example:unknown">
  <url><loc>https://news.example.com/ko/news/1</loc><x:thing/></url>
</urlset>`,
		"lastmod not a W3C date": `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://news.example.com/ko/news/1</loc><lastmod>Thu, 05 Mar 2026 11:00:00 +0900</lastmod></url>
</urlset>`,
	}
	for name, doc := range bad {
		t.Run(name, func(t *testing.T) {
			if sitemaptest.Lint(t, "urlset.xsd", []byte(doc)) == "" {
				t.Errorf("accepted:\n%s", doc)
			}
		})
	}
}
