package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsroom/newsroom/config"
	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/demo"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

func testConfig(t *testing.T, env map[string]string) *config.Config {
	t.Helper()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfg, err := config.Load(fs, nil, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestThirdLanguageIsConfigurationPlusLocaleFiles runs the site with ja added
// by configuration and a test locale folder only.
func TestThirdLanguageIsConfigurationPlusLocaleFiles(t *testing.T) {
	cfg := testConfig(t, map[string]string{
		"NEWSROOM_DATA_DIR":    t.TempDir(),
		"NEWSROOM_LANGUAGES":   "ko,en,ja",
		"NEWSROOM_LOCALES_DIR": "testdata/locales",
		"NEWSROOM_BASE_URL":    "https://news.example.com",
	})
	ctx := context.Background()
	st := store.New(dbtest.Database(t), 3*time.Second)
	if err := st.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	if err := demo.Install(ctx, st, demo.Load(time.Now())); err != nil {
		t.Fatal(err)
	}
	s, err := newSite(ctx, cfg, slog.New(slog.DiscardHandler), st)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.close)
	srv := s.handler.Router()
	get := func(path string, hdr ...string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", path, nil)
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, req)
		return w
	}
	if w := get("/", "Accept-Language", "ja-JP,ja;q=0.9"); w.Header().Get("Location") != "/ja/" {
		t.Fatalf("ja reader sent to %q", w.Header().Get("Location"))
	}
	front := get("/ja/")
	body := front.Body.String()
	for _, want := range []string{`<html lang="ja">`, "ダラス・コリアン・ビジネス・ジャーナル", `hreflang="ja" href="https://news.example.com/ja/"`,
		`hreflang="ko"`, "日本語", "最新記事"} {
		if !strings.Contains(body, want) {
			t.Errorf("/ja/ lacks %q", want)
		}
	}
	// Demo stories have no Japanese version: a Japanese 404 that links onward.
	var n int
	for _, st := range s.catalog.All() {
		if st.Version("ko") != nil && st.Version("en") != nil {
			n = st.Number
			break
		}
	}
	nf := get("/ja/news/" + itoa(n))
	if nf.Code != 404 || !strings.Contains(nf.Body.String(), "この記事は") {
		t.Fatalf("/ja/news/%d: %d", n, nf.Code)
	}
	// Give another story a Japanese version: it shows with Japanese dates and
	// joins the hreflang alternates of its Korean and English versions.
	var m *story.Story
	for _, st := range s.catalog.All() {
		if st.Number != n && st.Version("ko").Live(time.Now()) && st.Version("en").Live(time.Now()) {
			m = st
			break
		}
	}
	v := story.Version{Headline: "ダラスの韓国系商工会議所が協定", Slug: "dallas-mou-ja", Status: story.Published, PublishedAt: time.Now().Add(-time.Minute)}
	saved, err := st.Save(ctx, m, "ja", 0, v, "本文です。", "test")
	if err != nil {
		t.Fatal(err)
	}
	s.handler.StoryChanged(saved)
	ja := get("/ja/news/" + itoa(m.Number) + "/dallas-mou-ja").Body.String()
	if !strings.Contains(ja, "ダラスの韓国系商工会議所が協定") || !strings.Contains(ja, "掲載") {
		t.Fatal("Japanese article not served")
	}
	body = ja
	ko := get("/ko/news/" + itoa(m.Number) + "/" + m.Versions["ko"].Slug)
	if !strings.Contains(ko.Body.String(), `<link rel="alternate" hreflang="ja" href="https://news.example.com/ja/news/`+itoa(m.Number)+`/dallas-mou-ja">`) {
		t.Errorf("Korean version lacks the ja alternate (status %d)", ko.Code)
	}
	if regexp.MustCompile(`\d{4}年\d{1,2}月\d{1,2}日\([日月火水木金土]\) \d\d:\d\d`).FindString(body) == "" {
		t.Error("no Japanese-style date on /ja/ (from format.ja.toml)")
	}
	// Korean pages now offer Japanese as an alternative listing language.
	if !strings.Contains(get("/ko/latest").Body.String(), `hreflang="ja"`) {
		t.Error("Korean listing has no ja alternate")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestUnreachableMongoDBFailsFastWithAClearMessage(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	t.Setenv("MONGODB_URI", "mongodb://"+addr+"/?connectTimeoutMS=1000")
	start := time.Now()
	var stderr bytes.Buffer
	err = run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0", "--data-dir", t.TempDir()}, io.Discard, &stderr)
	if err == nil || !strings.Contains(err.Error(), "MONGODB_URI") {
		t.Fatalf("error %v, want one naming MONGODB_URI", err)
	}
	if d := time.Since(start); d > 12*time.Second {
		t.Fatalf("took %s", d)
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// waitHealthy polls /healthz until the server answers 200. The first start
// loads the demo edition, which takes far longer on a loaded machine (a CI
// host running other packages' tests) than on an idle one: allow a minute.
func waitHealthy(t *testing.T, addr string) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("server never became healthy")
}

func TestSecondProcessOnTheSameDataDirIsRefused(t *testing.T) {
	dir := t.TempDir()
	addr := freeAddr(t)
	t.Setenv("NEWSROOM_NO_DEMO", "true")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", addr, "--data-dir", dir}, io.Discard, io.Discard)
	}()
	waitHealthy(t, addr)
	err := run(context.Background(), []string{"demo", "--data-dir", dir}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "is in use by another") || !strings.Contains(err.Error(), dir) {
		t.Fatalf("second process: %v", err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("first process ended with %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("first process did not shut down")
	}
}

func TestServeAnswersAndShutsDownGracefully(t *testing.T) {
	dir := t.TempDir()
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var buf bytes.Buffer
	logs := &syncWriter{w: &buf}
	go func() {
		done <- run(ctx, []string{"--addr", addr, "--data-dir", dir}, io.Discard, logs)
	}()
	waitHealthy(t, addr)
	front, err := http.Get("http://" + addr + "/ko/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(front.Body)
	front.Body.Close()
	if front.StatusCode != 200 || !strings.Contains(string(b), "달라스") {
		t.Fatalf("front page %d", front.StatusCode)
	}
	cancel()
	if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	logs.mu.Lock()
	out := buf.String()
	logs.mu.Unlock()
	if !strings.Contains(out, "embedded") || !strings.Contains(out, "demo edition loaded") {
		t.Errorf("logs do not say which database is in use: %s", out)
	}
}

// syncWriter lets the server's goroutines log while the test reads.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// TestInstancesCatchUpWithEachOther runs two sites on one database, as two
// app instances would with MONGODB_URI: a story published through one shows
// on the other's front page once it polls.
func TestInstancesCatchUpWithEachOther(t *testing.T) {
	cfg := testConfig(t, map[string]string{"NEWSROOM_DATA_DIR": t.TempDir()})
	cfgB := *cfg
	cfgB.DataDir = t.TempDir() // another instance, another machine
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db := dbtest.Database(t)
	stA := store.New(db, 3*time.Second)
	if err := stA.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	if err := demo.Install(ctx, stA, demo.Load(time.Now())); err != nil {
		t.Fatal(err)
	}
	a, err := newSite(ctx, cfg, slog.New(slog.DiscardHandler), stA)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.close)
	b, err := newSite(ctx, &cfgB, slog.New(slog.DiscardHandler), store.New(db, 3*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.close)
	go b.follower(time.Now()).Run(ctx, 100*time.Millisecond)
	srvB := b.handler.Router()
	frontB := func() string {
		w := httptest.NewRecorder()
		srvB.ServeHTTP(w, httptest.NewRequest("GET", "/en/", nil))
		return w.Body.String()
	}
	headline := "Plano council approves Korean cultural center"
	if strings.Contains(frontB(), headline) {
		t.Fatal("story there before it was written")
	}
	st := &story.Story{Section: "community", Byline: []string{a.catalog.Authors()[0].Handle},
		Versions: map[string]*story.Version{"en": {Headline: headline, Slug: story.Slugify(headline), Status: story.Published, PublishedAt: time.Now().Add(-time.Second)}}}
	n, err := stA.CreateStory(ctx, st, map[string]string{"en": "The council voted 6-1."}, "test")
	if err != nil {
		t.Fatal(err)
	}
	eventually := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatal(what)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	eventually("the other instance never showed the new story", func() bool { return strings.Contains(frontB(), headline) })

	// Deleted on A, the story is gone from B's pages too.
	if err := stA.DeleteStory(ctx, n); err != nil {
		t.Fatal(err)
	}
	eventually("the other instance still shows a story deleted on the first", func() bool { return !strings.Contains(frontB(), headline) })

	// A time zone and default language saved on A's settings page apply on
	// A at once and on B within a poll: the pages' times carry Seoul's offset
	// instead of Chicago's, and / sends readers to English.
	frontA := func() string {
		w := httptest.NewRecorder()
		a.handler.Router().ServeHTTP(w, httptest.NewRequest("GET", "/en/", nil))
		return w.Body.String()
	}
	if !strings.Contains(frontB(), "-06:00\"") || !strings.Contains(frontA(), "-06:00\"") {
		t.Fatal("front pages do not show Chicago times to begin with")
	}
	// html/template writes the offset's + as &#43; in attributes.
	seoul := func(page string) bool {
		return strings.Contains(page, `&#43;09:00"`) && !strings.Contains(page, `-06:00"`)
	}
	rootB := func() string { // where / sends a reader who states no language
		w := httptest.NewRecorder()
		srvB.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
		return w.Header().Get("Location")
	}
	if got := rootB(); got != "/ko/" {
		t.Fatalf("/ sends a reader with no preference to %q, want the configured default /ko/", got)
	}
	id := store.Identity{TimeZone: "Asia/Seoul", DefaultLanguage: "en", UpdatedAt: time.Now().UTC().Truncate(time.Millisecond)}
	if err := stA.PutIdentity(ctx, id); err != nil {
		t.Fatal(err)
	}
	a.applyIdentity(id) // what A's settings page does after saving
	if !seoul(frontA()) {
		t.Error("the instance whose settings changed still shows Chicago times")
	}
	eventually("the other instance never took the new time zone and default language", func() bool {
		return seoul(frontB()) && rootB() == "/en/"
	})

	// A section added on A can be chosen on B and names B's listing.
	if err := stA.PutSection(ctx, story.Section{Slug: "food", Name: story.Text{"ko": "음식", "en": "Food"}, Order: 9}); err != nil {
		t.Fatal(err)
	}
	eventually("a section added on the first instance never reached the other", func() bool {
		_, ok := b.catalog.Section("food")
		return ok
	})
	if changed, err := b.handler.RefreshIfChanged(ctx); err != nil || changed {
		t.Errorf("sections and reporters unchanged, yet RefreshIfChanged = %v, %v (it would empty the page cache every poll)", changed, err)
	}

	// A photo uploaded on A joins B's library and B serves it; its new alt
	// text on A reaches B; deleted on A, B serves it no more (not even from
	// its own disk cache).
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, image.NewRGBA(image.Rect(0, 0, 600, 400)), nil); err != nil {
		t.Fatal(err)
	}
	p, _, err := a.photos.Upload(ctx, "council.jpg", &jpg, "test")
	if err != nil {
		t.Fatal(err)
	}
	eventually("a photo uploaded on the first instance never joined the other's library (its picker and editor)", func() bool {
		_, ok := b.photos.Get(p.ID)
		return ok
	})
	thumbB := func() int {
		w := httptest.NewRecorder()
		srvB.ServeHTTP(w, httptest.NewRequest("GET", photos.ThumbURL(p, photos.CropWide, 320), nil))
		return w.Code
	}
	if code := thumbB(); code != http.StatusOK {
		t.Fatalf("the other instance serves the new photo's thumbnail with %d", code)
	}
	if _, err := a.photos.Update(ctx, p.ID, photos.Details{Alt: story.Text{"en": "Council chamber"}}); err != nil {
		t.Fatal(err)
	}
	eventually("the photo's new alt text never reached the other instance", func() bool {
		q, ok := b.photos.Get(p.ID)
		return ok && q.Alt["en"] == "Council chamber"
	})
	if err := a.photos.Delete(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	eventually("the other instance still serves a photo deleted on the first", func() bool { return thumbB() == http.StatusNotFound })
}

func TestUserAddReadsThePasswordFromStdin(t *testing.T) {
	dir := t.TempDir()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdin
	os.Stdin = r
	t.Cleanup(func() { os.Stdin = old })
	fmt.Fprintln(w, "correct horse battery staple")
	w.Close()
	var out bytes.Buffer
	err = run(context.Background(), []string{"user", "add", "--email", "Chief@Example.com", "--role", "admin", "--data-dir", dir}, &out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "added chief@example.com (admin)") {
		t.Fatalf("output %q", out.String())
	}
	// A bad role is refused with the reason.
	os.Stdin, _ = os.Open(os.DevNull)
	err = run(context.Background(), []string{"user", "add", "--email", "x@example.com", "--role", "boss", "--data-dir", dir}, io.Discard, io.Discard)
	if err == nil {
		t.Fatal("bad role accepted")
	}
}
