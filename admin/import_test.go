package admin

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/redirect"
	"github.com/newsroom/newsroom/store"
)

const wpFixture = "../wordpress/testdata/polylang.xml"

// upload posts the export file as the import page's form does.
func (c *client) upload(t *testing.T, path, file string, fields ...string) resp {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	fields = append(fields, "csrf_token", c.csrf)
	for i := 0; i+1 < len(fields); i += 2 {
		if err := w.WriteField(fields[i], fields[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	part, err := w.CreateFormFile("export", "export.xml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := io.Copy(part, f); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("POST", c.tn.srv.URL+path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.do(req)
}

// waitImport reloads the import page until the run in progress ends.
func (c *client) waitImport(t *testing.T) resp {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		r := c.get("/admin/import")
		if !strings.Contains(r.body, `id="import-progress"`) {
			return r
		}
		if time.Now().After(deadline) {
			t.Fatal("import still running after a minute")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func importNewsroom(t *testing.T) *testNewsroom {
	return newTestNewsroomWith(t, true, func(tn *testNewsroom, d *Deps) *gin.Engine {
		d.ImportDir = t.TempDir()
		d.Redirects = redirect.New([]string{"ko", "en"})
		d.Misses = redirect.NewMisses()
		return gin.New()
	})
}

func TestImportPageDryRunThenImport(t *testing.T) {
	tn := importNewsroom(t)
	ed := tn.login(t, store.RoleEditor)
	if r := ed.get("/admin/import"); r.code != http.StatusForbidden {
		t.Fatalf("editor sees the import page: %d", r.code)
	}
	c := tn.login(t, store.RoleAdmin)
	before := len(tn.cat.All())
	c.get("/admin/import")
	if r := c.upload(t, "/admin/import", wpFixture); r.code != http.StatusSeeOther {
		t.Fatalf("upload: %d\n%s", r.code, r.body)
	}
	r := c.waitImport(t)
	if !containsAll(r.body, "What the import would do", "Translation pairs (one story, two languages)</th><td>1<",
		"Translations whose source is missing", "Category 경제 → section economy", `id="run-import"`) {
		t.Fatalf("dry run report:\n%s", r.body)
	}
	if n := len(tn.cat.All()); n != before {
		t.Fatalf("the dry run wrote stories: %d, was %d", n, before)
	}
	if r := c.post("/admin/import/run", nil); r.code != http.StatusSeeOther {
		t.Fatalf("run: %d\n%s", r.code, r.body)
	}
	r = c.waitImport(t)
	if !containsAll(r.body, "What the import did") {
		t.Fatalf("import report:\n%s", r.body)
	}
	if n := len(tn.cat.All()); n != before+9 {
		t.Errorf("catalogue: %d stories, want %d", n, before+9)
	}
	if to, ok := tn.a.redirects.Lookup(&url.URL{Path: "/", RawQuery: "p=101"}); !ok || !strings.HasPrefix(to, "/en/news/") {
		t.Errorf("?p=101 → %q %v", to, ok)
	}
}

func TestRedirectsPageAddsOnlySitePaths(t *testing.T) {
	tn := importNewsroom(t)
	tn.a.misses.Note("/2019/old-story/", time.Now())
	c := tn.login(t, store.RoleAdmin)
	if r := c.get("/admin/redirects"); !strings.Contains(r.body, "/2019/old-story/") {
		t.Fatalf("monitor lacks the miss:\n%s", r.body)
	}
	r := c.post("/admin/redirects", url.Values{"from": {"/2019/old-story/"}, "to": {"//evil.example/"}})
	if r.code != http.StatusBadRequest || !strings.Contains(r.body, "Give a path on this site") {
		t.Fatalf("off-site target: %d", r.code)
	}
	if r := c.post("/admin/redirects", url.Values{"from": {"/2019/old-story/"}, "to": {"/en/"}}); r.code != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.code, r.body)
	}
	if to, ok := tn.a.redirects.Lookup(&url.URL{Path: "/2019/old-story/"}); !ok || to != "/en/" {
		t.Errorf("lookup → %q %v", to, ok)
	}
	if r := c.get("/admin/redirects"); strings.Contains(r.body, "<code>/2019/old-story/</code>") {
		t.Error("the redirected address is still listed as a miss")
	}
}

func TestSettingHidesOldComments(t *testing.T) {
	tn := importNewsroom(t)
	c := tn.login(t, store.RoleAdmin)
	if r := c.get("/admin/settings"); !strings.Contains(r.body, `id="hide_old_comments"`) || strings.Contains(r.body, "value=\"1\" checked") {
		t.Fatalf("settings page: the box is missing or already ticked")
	}
	if r := c.post("/admin/settings", url.Values{"hide_old_comments": {"1"}}); r.code != http.StatusSeeOther {
		t.Fatalf("save: %d", r.code)
	}
	id, err := tn.store.Identity(t.Context())
	if err != nil || !id.HideOldComments {
		t.Fatalf("not saved: %+v %v", id, err)
	}
	if r := c.get("/admin/settings"); !strings.Contains(r.body, `value="1" checked`) {
		t.Error("the saved choice is not shown")
	}
}

// Photos downloaded on the admin's request go through the same guard as
// --fetch-media: never from inside the network.
func TestImportPageFetchesPhotosSafely(t *testing.T) {
	inside := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("the import reached an internal address: %s", r.URL)
	}))
	t.Cleanup(inside.Close)
	data, err := os.ReadFile(wpFixture)
	if err != nil {
		t.Fatal(err)
	}
	export := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(export, bytes.ReplaceAll(data, []byte("https://old.example.com/wp-content/"), []byte(inside.URL+"/wp-content/")), 0o644); err != nil {
		t.Fatal(err)
	}
	tn := importNewsroom(t)
	c := tn.login(t, store.RoleAdmin)
	c.get("/admin/import")
	if r := c.upload(t, "/admin/import", export, "fetch_media", "1"); r.code != http.StatusSeeOther {
		t.Fatalf("upload: %d", r.code)
	}
	if r := c.waitImport(t); !strings.Contains(r.body, "refused: a private, loopback or link-local address") {
		t.Errorf("dry run report does not show the refusal:\n%s", r.body)
	}
}
