package sitemap

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// skipOrFail skips a test that needs a tool this machine lacks, except in CI
// (CI=true), where a skipped schema check would pass silently.
func skipOrFail(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// xsdDir finds the sitemap schemas: NEWSROOM_XSD_DIR, else shared/xsd beside
// the repository (tests run in the package directory).
func xsdDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("NEWSROOM_XSD_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "xsd")
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "catalog.xml")); err != nil {
		skipOrFail(t, "sitemap schemas not found (set NEWSROOM_XSD_DIR): "+err.Error())
	}
	return dir
}

// xmllint validates doc against schema (a file in the XSD directory) offline:
// the catalog maps the schemas' official URLs to the local copies. It
// returns xmllint's complaint, or "" when the document is valid.
func xmllint(t *testing.T, schema string, doc []byte) string {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		skipOrFail(t, "xmllint not found: install Debian package libxml2-utils to validate sitemaps against their schemas")
	}
	dir := xsdDir(t)
	file := filepath.Join(t.TempDir(), "doc.xml")
	if err := os.WriteFile(file, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--nonet", "--noout", "--schema", filepath.Join(dir, schema), file)
	cmd.Env = append(os.Environ(), "XML_CATALOG_FILES="+filepath.Join(dir, "catalog.xml"))
	out, err := cmd.CombinedOutput()
	if _, failed := err.(*exec.ExitError); failed {
		return strings.TrimSpace(string(out))
	}
	if err != nil {
		t.Fatalf("running xmllint: %v", err)
	}
	return ""
}

// validate fails the test unless doc is valid against schema. It runs as a
// subtest so that, without xmllint, only the schema check is skipped and the
// rest of the test still runs.
func validate(t *testing.T, schema string, doc []byte) {
	t.Helper()
	t.Run("xsd", func(t *testing.T) {
		if msg := xmllint(t, schema, doc); msg != "" {
			t.Errorf("not valid against %s:\n%s\n%s", schema, msg, doc)
		}
	})
}

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
			if xmllint(t, "urlset.xsd", []byte(doc)) == "" {
				t.Errorf("accepted:\n%s", doc)
			}
		})
	}
}
