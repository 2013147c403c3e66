package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/wordpress"
)

const fixture = "../../wordpress/testdata/polylang.xml"

// The dry run writes nothing to the database, prints the report and
// writes the mapping file that the real run then reads back.
func TestImportWordPressDryRunThenImport(t *testing.T) {
	db := dbtest.Database(t)
	t.Setenv("MONGODB_URI", dbtest.URI(t))
	t.Setenv("NEWSROOM_DATABASE", db.Name())
	t.Setenv("NEWSROOM_DATA_DIR", t.TempDir())
	mapping := filepath.Join(t.TempDir(), "mapping.toml")
	var out bytes.Buffer
	err := run(context.Background(), []string{"import", "wordpress", "--dry-run", "--write-mapping", mapping, fixture}, &out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"What would be created:", "translation pairs (one story, two languages) 1", "orphan_translation: 1", "[fancy_box] ×1", "Dry run: nothing written"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out.String())
		}
	}
	if n, _ := counts(t, db); n != 0 {
		t.Fatalf("dry run wrote %d stories", n)
	}
	m, err := os.ReadFile(mapping)
	if err != nil {
		t.Fatal(err)
	}
	// The paper decides the economy categories go to its business section.
	edited := strings.ReplaceAll(string(m), `= "economy"`, `= "business"`)
	if edited == string(m) {
		t.Fatalf("mapping file without the category decision:\n%s", m)
	}
	if err := os.WriteFile(mapping, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	err = run(context.Background(), []string{"import", "wordpress", "--mapping", mapping, "--uploads", "../../wordpress/testdata/uploads", fixture}, &out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "category 경제 → section business") {
		t.Errorf("mapping not followed:\n%s", out.String())
	}
	if n, photos := counts(t, db); n != 9 || photos != 1 {
		t.Errorf("%d stories, %d photos; want 9 and 1", n, photos)
	}
}

func TestImportWordPressRefusesMissingFile(t *testing.T) {
	err := run(context.Background(), []string{"import", "wordpress", "--dry-run", "no-such-export.xml"}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "no-such-export.xml") {
		t.Errorf("err = %v", err)
	}
}

// Every old address of the imported site answers, through one 301, with a
// live page in the same language; reader pages are untouched.
func TestImportedSiteOldAddressesRedirect(t *testing.T) {
	cfg := testConfig(t, map[string]string{"NEWSROOM_DATA_DIR": t.TempDir()})
	ctx := context.Background()
	db := dbtest.Database(t)
	st := store.New(db, 10*time.Second)
	if err := st.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	lib, err := photos.New(ctx, photos.Deps{Store: st, Files: media.NewFiles(db), CacheDir: filepath.Join(cfg.DataDir, "media"), Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = wordpress.Import(ctx, wordpress.Paths{fixture}, wordpress.Deps{Store: st, Photos: lib},
		wordpress.Options{Languages: cfg.Languages, Uploads: "../../wordpress/testdata/uploads", Permalinks: "/archives/%post_id%"})
	if err != nil {
		t.Fatal(err)
	}
	s, err := newSite(ctx, cfg, slog.New(slog.DiscardHandler), st)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.close)
	srv := s.handler.Router()
	get := func(path string) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		return w
	}
	tests := []struct{ old, lang, text string }{
		{"/?p=100", "ko", "한미 무역 협정 10주년"},
		{"/?p=101", "en", "Ten years of the Korea-US trade agreement"},
		{"/ko/2019/03/%ed%95%9c%eb%af%b8-%eb%ac%b4%ec%97%ad/", "ko", "한미 무역 협정 10주년"},
		{"/2019/03/한미-무역/", "ko", "한미 무역 협정 10주년"},
		{"/en/2019/03/korus-ten-years/", "en", "Ten years"},
		{"/2019/03/korus-ten-years/?lang=en", "en", "Ten years"},
		{"/archives/101", "en", "Ten years"},
		{"/about/team/", "en", "Our team"},
		{"/category/economy/", "ko", "경제"},
		{"/en/category/economy/", "en", "Economy"},
		{"/tag/trade/", "ko", ""},
		{"/author/jkim/", "ko", "김지수"},
		{"/feed/", "ko", "<rss"},
		{"/en/category/economy/feed/", "en", "<rss"},
	}
	for _, tt := range tests {
		w := get(tt.old)
		if w.Code != 301 {
			t.Errorf("%s: %d, want 301", tt.old, w.Code)
			continue
		}
		to := w.Header().Get("Location")
		page := get(to)
		if page.Code != 200 {
			t.Errorf("%s → %s: %d", tt.old, to, page.Code)
			continue
		}
		if !strings.HasPrefix(to, "/"+tt.lang+"/") || !strings.Contains(page.Body.String(), tt.text) {
			t.Errorf("%s → %s: not the %s page with %q", tt.old, to, tt.lang, tt.text)
		}
	}
	// --verify walks a list of the old site's addresses against the running site.
	live := httptest.NewServer(srv)
	t.Cleanup(live.Close)
	list := filepath.Join(t.TempDir(), "old-urls.txt")
	if err := os.WriteFile(list, []byte("https://old.example.com/?p=100\nhttps://old.example.com/en/2019/03/korus-ten-years/\nhttps://old.example.com/ko/2019/03/gone-forever/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err = run(ctx, []string{"import", "wordpress", "--base-url", live.URL, "--verify", list}, &out, io.Discard)
	if err == nil || !strings.Contains(out.String(), "FAIL https://old.example.com/ko/2019/03/gone-forever/: answered 404") ||
		!strings.Contains(out.String(), "2 of 3 old addresses") {
		t.Errorf("verify: %v\n%s", err, out.String())
	}
	// Comments from the old site show read-only under the story, threaded;
	// a setting hides them.
	ko := get(get("/?p=100").Header().Get("Location")).Body.String()
	if !strings.Contains(ko, "이전 사이트의 댓글") || !strings.Contains(ko, "좋은 기사 감사합니다.") ||
		!strings.Contains(ko, `class="depth-1"`) || strings.Contains(ko, "cheap pills") {
		t.Errorf("comments not shown as they should be")
	}
	id, err := st.Identity(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id.HideOldComments = true
	s.handler.SetIdentity(id)
	if ko := get(get("/?p=100").Header().Get("Location")).Body.String(); strings.Contains(ko, "좋은 기사 감사합니다.") {
		t.Error("hidden comments still shown")
	}
	// The photo's old address, in any size WordPress made, goes to a rendition.
	w := get("/wp-content/uploads/2019/03/%ED%96%89%EC%82%AC-300x200.jpg")
	if w.Code != 301 || !strings.HasPrefix(w.Header().Get("Location"), "/media/") {
		t.Errorf("upload: %d → %q", w.Code, w.Header().Get("Location"))
	}
	// An address no rule knows is a 404 and shows in the monitor.
	if w := get("/2019/03/never-existed/"); w.Code != 404 {
		t.Errorf("unknown old address: %d", w.Code)
	}
	if top := s.handler.Misses().Top(10); len(top) != 2 || top[0].Path != "/2019/03/never-existed/" {
		t.Errorf("404 monitor: %+v", top)
	}
}
