package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/newsroom/newsroom/backup"
)

// cli runs `newsroom args…` in this process and returns what it printed.
func cli(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := run(context.Background(), args, &out, io.Discard)
	return out.String(), err
}

// openedSite is the site on the embedded database in dir, as serve builds it.
func openedSite(t *testing.T, dir string) (*site, *database) {
	t.Helper()
	ctx := context.Background()
	cfg := testConfig(t, map[string]string{"NEWSROOM_DATA_DIR": dir, "NEWSROOM_NO_DEMO": "true"})
	log := slog.New(slog.DiscardHandler)
	db, err := openDatabase(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.close)
	s, err := newSite(ctx, cfg, log, db.store)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.close)
	if _, err := s.handler.CatchUpSearch(ctx, false); err != nil {
		t.Fatal(err)
	}
	return s, db
}

var (
	locRE       = regexp.MustCompile(`<loc>([^<]+)</loc>`)
	newsLastMod = regexp.MustCompile(`(?s)/sitemaps/news.xml</loc>\s*<lastmod>[^<]*`)
	mediaRE     = regexp.MustCompile(`(/media/[0-9a-f]+/[A-Za-z0-9.-]+)`)
)

// readerPages fetches every page in the site's sitemaps, with the front pages,
// a search, and every photo file the pages show.
func readerPages(t *testing.T, s *site) map[string][]byte {
	t.Helper()
	r := s.router()
	fetch := func(path string) []byte {
		w := httptest.NewRecorder()
		r.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != 200 {
			t.Fatalf("%s: %d", path, w.Code)
		}
		return w.Body.Bytes()
	}
	pathOf := func(loc string) string {
		u, err := url.Parse(loc)
		if err != nil {
			t.Fatal(err)
		}
		return u.RequestURI()
	}
	pages := map[string][]byte{}
	queue := []string{"/sitemap.xml", "/sitemaps/news.xml", "/ko/", "/en/", "/ko/search?q=" + url.QueryEscape("한인"), "/en/search?q=trade"}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if _, ok := pages[p]; ok {
			continue
		}
		body := fetch(p)
		pages[p] = body
		if strings.HasPrefix(p, "/sitemap") {
			for _, m := range locRE.FindAllSubmatch(body, -1) {
				queue = append(queue, pathOf(string(m[1])))
			}
		}
		for _, m := range mediaRE.FindAllSubmatch(body, -1) {
			queue = append(queue, string(m[1]))
		}
	}
	return pages
}

// The paper backed up, restored into a new data dir, serves the same reader
// site: every URL of its sitemaps, the photos they show and search.
func TestRestoredPaperServesTheSamePagesFromANewDataDir(t *testing.T) {
	ctx := context.Background()
	from, to := t.TempDir(), t.TempDir()
	demoRun(t, "--data-dir", from)
	file := filepath.Join(t.TempDir(), "paper.zip")
	if out, err := cli(t, "backup", "--data-dir", from, "--out", file); err != nil || !strings.Contains(out, file) {
		t.Fatalf("backup: %q, %v", out, err)
	}
	if out, err := cli(t, "restore", "--data-dir", to, file); err != nil || !strings.Contains(out, "search index rebuilt") {
		t.Fatalf("restore: %q, %v", out, err)
	}
	// A second restore into the now used database is refused.
	if _, err := cli(t, "restore", "--data-dir", to, file); !errors.Is(err, backup.ErrNotEmpty) {
		t.Fatalf("restore over a paper without --force: %v", err)
	}

	before, dbBefore := openedSite(t, from)
	after, dbAfter := openedSite(t, to)
	want, got := readerPages(t, before), readerPages(t, after)
	var photos int
	for p, body := range want {
		if strings.HasPrefix(p, "/media/") {
			photos++
		}
		if p == "/sitemap.xml" { // the news sitemap's lastmod is the time it was generated
			body, got[p] = newsLastMod.ReplaceAll(body, nil), newsLastMod.ReplaceAll(got[p], nil)
		}
		if !bytes.Equal(body, got[p]) {
			t.Errorf("%s differs after the restore (%d bytes before, %d after)", p, len(body), len(got[p]))
		}
	}
	if len(want) < 20 || photos == 0 || len(got) != len(want) {
		t.Fatalf("compared %d pages (%d photo files); the restored site has %d", len(want), photos, len(got))
	}
	for _, coll := range []string{"stories", "revisions", "photos", "users", "sections", "photos.files", "photos.chunks"} {
		a, err := dbBefore.store.DB().Collection(coll).CountDocuments(ctx, bson.D{})
		if err != nil {
			t.Fatal(err)
		}
		b, err := dbAfter.store.DB().Collection(coll).CountDocuments(ctx, bson.D{})
		if err != nil {
			t.Fatal(err)
		}
		if a != b || a == 0 {
			t.Errorf("%s: %d before, %d after the restore", coll, a, b)
		}
	}
	t.Logf("%d reader URLs (%d photo files) identical", len(want), photos)
}

// While serve holds the embedded database, newsroom backup goes through its
// socket, and the site keeps answering.
func TestBackupWhileTheSiteRuns(t *testing.T) {
	dir := t.TempDir()
	demoRun(t, "--data-dir", dir)
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", addr, "--data-dir", dir}, io.Discard, io.Discard)
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Error(err)
		}
	}()
	waitHealthy(t, addr)
	file := filepath.Join(t.TempDir(), "live.zip")
	if _, err := cli(t, "backup", "--data-dir", dir, "--out", file); err != nil {
		t.Fatalf("backup beside the running site: %v", err)
	}
	m, err := backup.Verify(file)
	if err != nil {
		t.Fatal(err)
	}
	var stories int64
	for _, p := range m.Parts {
		if p.Collection == "stories" {
			stories = p.Count
		}
	}
	if want := editionSize(); stories != want {
		t.Fatalf("the live backup holds %d stories, want %d", stories, want)
	}
	if code, _ := httpGet(t, "http://"+addr+"/ko/"); code != 200 {
		t.Fatalf("front page after the backup: %d", code)
	}
}
