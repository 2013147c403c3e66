// Package sitemaptest validates sitemaps against the official schemas with
// xmllint, offline, for the tests of any package that produces them.
package sitemaptest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// skipOrFail skips a test that needs a tool this machine lacks, except in CI
// (CI=true), where a skipped schema check would pass silently.
func skipOrFail(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// xsdDir finds the sitemap schemas: NEWSROOM_XSD_DIR, else shared/xsd beside
// the repository (tests run in their package directory, one level down).
func xsdDir(t testing.TB) string {
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

// Lint validates doc against schema (a file in the XSD directory) offline:
// the catalog maps the schemas' official URLs to the local copies. It
// returns xmllint's complaint, or "" when the document is valid.
func Lint(t *testing.T, schema string, doc []byte) string {
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

// Validate fails the test unless doc is valid against schema. It runs as a
// subtest so that, without xmllint, only the schema check is skipped and the
// rest of the test still runs.
func Validate(t *testing.T, schema string, doc []byte) {
	t.Helper()
	t.Run("xsd", func(t *testing.T) {
		if msg := Lint(t, schema, doc); msg != "" {
			t.Errorf("not valid against %s:\n%s\n%s", schema, msg, doc)
		}
	})
}
