package static

import (
	"strings"
	"testing"
	"testing/fstest"
)

// One loader names every surface's files: by a hash of their content,
// under the surface's prefix, so a changed file gets a new URL.
func TestFromFSNamesFilesByTheirContent(t *testing.T) {
	fsys := fstest.MapFS{"static/admin.css": {Data: []byte("body{}")}, "static/admin.js": {Data: []byte("1")}}
	a, err := FromFS(fsys, "static", "/admin/static/")
	if err != nil {
		t.Fatal(err)
	}
	u := a.URL("admin.css")
	if !strings.HasPrefix(u, "/admin/static/admin.") || !strings.HasSuffix(u, ".css") || u == "/admin/static/admin.css" {
		t.Fatalf("URL = %q", u)
	}
	f, ok := a.ByURL(u)
	if !ok || string(f.Body) != "body{}" || !strings.HasPrefix(f.ContentType, "text/css") {
		t.Fatalf("ByURL(%q) = %+v, %v", u, f, ok)
	}
	if _, ok := a.ByURL("/admin/static/admin.css"); ok {
		t.Error("the unhashed name is served")
	}
	fsys["static/admin.css"] = &fstest.MapFile{Data: []byte("body{color:red}")}
	b, err := FromFS(fsys, "static", "/admin/static/")
	if err != nil {
		t.Fatal(err)
	}
	if b.URL("admin.css") == u {
		t.Error("a changed file kept its URL")
	}
	if _, err := FromFS(fstest.MapFS{}, "static", "/x/"); err == nil {
		t.Error("an empty folder loaded")
	}
}
