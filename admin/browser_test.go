package admin_test

// Browser tests: the newsroom and the reader site in real headless
// Chromium, driven the way a person uses them. They run in the package's
// own test binary, whose TestMain (admin_test.go) starts the embedded database.

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/admin"
	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/browsertest"
	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/handlers"
	"github.com/newsroom/newsroom/markdown"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/pagecache"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/sitetest"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// newBrowser starts headless Chromium with a fresh profile that can reach
// only this machine, asking for Korean pages like a Korean reporter's browser.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	return browsertest.New(t, "admin", "ko-KR,ko")
}

// newPaper serves the reader site and the newsroom over one database with
// the demo edition and the demo accounts.
func newPaper(t *testing.T) (*httptest.Server, *catalog.Catalog) {
	t.Helper()
	srv, cat, _ := buildPaper(t, false)
	return srv, cat
}

// buildPaper is newPaper, with the media library (under /admin/media, in
// the editor and on reader pages, as cmd/newsroom wires it) when withPhotos.
func buildPaper(t *testing.T, withPhotos bool) (*httptest.Server, *catalog.Catalog, *photos.Library) {
	t.Helper()
	ctx := context.Background()
	st := sitetest.Store(t)
	quiet := slog.New(slog.DiscardHandler)
	for _, u := range admin.DemoUsers() {
		created, err := auth.AddUser(ctx, st, u.Email, u.Name, u.Role, u.Password)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.UpdateUser(ctx, created.ID, store.UserChange{Lang: &u.Lang, Handle: &u.Handle}); err != nil {
			t.Fatal(err)
		}
	}
	langs := sitetest.Langs(t)
	pages, assets := sitetest.Reader(t)
	cat := sitetest.Catalog(t, st)
	srv := httptest.NewUnstartedServer(nil)
	base, _ := url.Parse("http://" + srv.Listener.Addr().String())
	md := markdown.New(markdown.Options{})
	authSvc := auth.New(st, auth.Config{Log: quiet})
	var lib *photos.Library
	mdFor := map[string]*markdown.Renderer{}
	if withPhotos {
		var err error
		lib, err = photos.New(ctx, photos.Deps{Store: st, Files: media.NewFiles(st.DB()), CacheDir: t.TempDir(), Log: quiet,
			Auth: authSvc, Langs: langs, Stories: cat.All})
		if err != nil {
			t.Fatal(err)
		}
		for _, code := range langs.Codes() {
			mdFor[code] = markdown.New(markdown.Options{Image: lib.BodyImage(code)})
		}
	}
	h := handlers.New(handlers.Deps{
		Store: st, Catalog: cat, Cache: pagecache.New(16 << 20), Langs: langs, Pages: pages,
		Markdown: md, MarkdownFor: mdFor, Photos: lib, Assets: assets, Log: quiet, BaseURL: base,
	})
	a, err := admin.New(admin.Deps{Store: st, Catalog: cat, Auth: authSvc, Langs: langs,
		Markdown: md, Log: quiet, BaseURL: base, Changed: h.StoryChanged, SectionsChanged: h.Refresh,
		Removed: h.StoryRemoved, FrontsChanged: h.SetFronts, Photos: lib, ImportDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	gin.SetMode(gin.ReleaseMode)
	newsroom := gin.New()
	if lib != nil {
		lib.RegisterAdmin(newsroom.Group(photos.AdminPrefix))
	}
	a.Register(newsroom.Group("/admin"))
	mux := http.NewServeMux()
	mux.Handle("/admin/", newsroom)
	mux.Handle("/", h.Router())
	srv.Config.Handler = mux
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, cat, lib
}

func step(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	s, err := chromedp.Run(sctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("reading %s: %v", sel, err)
	}
	return s
}

func location(t *testing.T, ctx context.Context) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func login(t *testing.T, ctx context.Context, base, email string) {
	t.Helper()
	step(t, ctx, "log in as "+email,
		chromedp.Navigate(base+"/admin/login"),
		chromedp.WaitVisible(chromedp.ID("email")),
		chromedp.SendKeys(chromedp.ID("email"), email),
		chromedp.SendKeys(chromedp.ID("password"), admin.DemoPassword),
		chromedp.Click(chromedp.ID("login")),
		chromedp.WaitVisible(chromedp.ID("logout")),
	)
}

// TestBrowserNewsroom: a reporter writes a Korean story and submits it, is
// refused publishing it, logs out (the old cookie then opens nothing); an
// editor publishes it; a reader finds it on the front page.
func TestBrowserNewsroom(t *testing.T) {
	srv, cat := newPaper(t)
	ctx := newBrowser(t)
	base := srv.URL

	// A wrong password keeps the person on the login page with a message.
	step(t, ctx, "wrong password",
		chromedp.Navigate(base+"/admin/login"),
		chromedp.SendKeys(chromedp.ID("email"), "reporter@demo.newsroom"),
		chromedp.SendKeys(chromedp.ID("password"), "not the password"),
		chromedp.Click(chromedp.ID("login")),
		chromedp.WaitVisible(chromedp.ID("login-error")),
	)
	if msg := text(t, ctx, "#login-error"); !strings.Contains(msg, "비밀번호가 틀렸습니다") {
		t.Errorf("wrong password message: %q", msg)
	}

	login(t, ctx, base, "reporter@demo.newsroom")
	const headline = "댈러스 한인 식품점, 두 번째 매장 연다"
	step(t, ctx, "write a Korean story",
		chromedp.Navigate(base+"/admin/stories/new"),
		chromedp.WaitVisible(chromedp.ID("headline")),
		chromedp.SendKeys(chromedp.ID("headline"), headline),
		chromedp.SendKeys(chromedp.ID("body"), "캐롤턴에 있는 한인 식품점이 플레이노에 두 번째 매장을 연다.\n\n개점은 다음 달이다. "),
		chromedp.SetValue(chromedp.ID("section"), "business"),
		chromedp.SendKeys(chromedp.ID("tags"), "식품, 플레이노"),
	)
	// Type one more syllable through the input method, as a Korean keyboard
	// does: ㅎ → 하 → 한, then commit. Nothing may act on the half-made syllable.
	step(t, ctx, "compose a syllable", chromedp.Focus(chromedp.ID("body")), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for _, s := range []string{"ㅎ", "하", "한"} {
			if _, err := chromedp.Call(ctx, input.ImeSetComposition, input.ImeSetCompositionParams{Text: s, SelectionStart: 1, SelectionEnd: 1}); err != nil {
				return err
			}
		}
		_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: "한"})
		return err
	}))
	body, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("body")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(body, "다음 달이다. 한") || strings.Contains(body, "ㅎ") {
		t.Errorf("body after composing: %q", body)
	}
	step(t, ctx, "submit for review",
		chromedp.Click(chromedp.ID("action-submit")),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
	)
	if n := text(t, ctx, ".notice"); !strings.Contains(n, "검토를 요청했습니다") {
		t.Fatalf("after submitting: notice %q at %s", n, location(t, ctx))
	}
	editURL := location(t, ctx)
	n := findStory(t, cat, headline)
	if v := n.Version("ko"); v.Status != story.InReview {
		t.Fatalf("status after submit: %s", v.Status)
	}

	// The reporter has no publish button, and forging one is refused.
	step(t, ctx, "no publish button for a reporter", chromedp.WaitNotPresent(chromedp.ID("action-publish")))
	step(t, ctx, "forge a publish button",
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(() => { const b = document.createElement("button"); b.name = "action"; b.value = "publish";
				b.id = "forged"; b.textContent = "publish"; document.getElementById("story-form").appendChild(b); return true; })()`)(ctx, tg)
			return err
		}),
		chromedp.Click(chromedp.ID("forged")),
		chromedp.WaitVisible(chromedp.ID("error-message")),
	)
	if msg := text(t, ctx, "#error-message"); !strings.Contains(msg, "할 수 없는 작업입니다") {
		t.Errorf("refusal message: %q", msg)
	}
	if _, live := cat.Live("ko", n.Number); live {
		t.Fatal("a reporter published by forging a button")
	}

	// Logging out ends the session on the server: the old cookie is dead.
	cookies, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{base}})
	if err != nil {
		t.Fatal(err)
	}
	var old string
	for _, c := range cookies.Cookies {
		if c.Name == auth.CookieName {
			old = c.Value
		}
	}
	if old == "" {
		t.Fatal("no session cookie after login")
	}
	step(t, ctx, "log out",
		chromedp.Navigate(base+"/admin/"),
		chromedp.Click(chromedp.ID("logout")),
		chromedp.WaitVisible(chromedp.ID("login")),
	)
	if _, err := chromedp.Call(ctx, network.SetCookie, network.SetCookieParams{Name: auth.CookieName, Value: old, URL: base + "/"}); err != nil {
		t.Fatal(err)
	}
	step(t, ctx, "replay the old cookie", chromedp.Navigate(base+"/admin/"), chromedp.WaitVisible(chromedp.ID("login")))
	if loc := location(t, ctx); !strings.Contains(loc, "/admin/login") {
		t.Errorf("old cookie after logout opened %s", loc)
	}

	// An editor publishes it.
	login(t, ctx, base, "editor@demo.newsroom")
	step(t, ctx, "publish",
		chromedp.Navigate(editURL),
		chromedp.WaitVisible(chromedp.ID("action-publish")),
		chromedp.Click(chromedp.ID("action-publish")),
		chromedp.WaitVisible(chromedp.ID("public-link")),
	)
	if _, live := cat.Live("ko", n.Number); !live {
		t.Fatal("not live after the editor published it")
	}

	// A reader sees it on the front page.
	step(t, ctx, "front page", chromedp.Navigate(base+"/ko/"), chromedp.WaitVisible(chromedp.CSS("main")))
	if front := text(t, ctx, "main"); !strings.Contains(front, headline) {
		t.Errorf("the front page lacks the new story %q", headline)
	}
}

func findStory(t *testing.T, cat *catalog.Catalog, headline string) *story.Story {
	t.Helper()
	for _, st := range cat.All() {
		if v := st.Version("ko"); v != nil && v.Headline == headline {
			return st
		}
	}
	t.Fatalf("no story %q in the catalogue", headline)
	return nil
}

// TestBrowserEditorAids: pasting from a word processor keeps paragraphs,
// autosave waits while a syllable is being composed and then saves a new
// story through the revision-checked save, and the preview shows the
// public renderer's HTML.
func TestBrowserEditorAids(t *testing.T) {
	srv, cat := newPaper(t)
	ctx := newBrowser(t)
	base := srv.URL
	login(t, ctx, base, "reporter@demo.newsroom")
	step(t, ctx, "open a new story",
		chromedp.Navigate(base+"/admin/stories/new"),
		chromedp.WaitVisible(chromedp.ID("body")),
		chromedp.SetValue(chromedp.ID("section"), "community"),
		chromedp.Focus(chromedp.ID("body")),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(() => {
				const dt = new DataTransfer();
				dt.setData("text/html", "<html><body><!--StartFragment--><p class=MsoNormal>첫 문단은<br>두 줄입니다.</p>\n<p class=MsoNormal>둘째 <b>문단</b>.</p><ul><li>하나</li></ul><!--EndFragment--></body></html>");
				dt.setData("text/plain", "첫 문단은 두 줄입니다. 둘째 문단. 하나");
				const ev = new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true});
				document.getElementById("body").dispatchEvent(ev);
				return true; })()`)(ctx, tg)
			return err
		}),
	)
	body, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("body")))
	if err != nil {
		t.Fatal(err)
	}
	if want := "첫 문단은\n두 줄입니다.\n\n둘째 **문단**.\n\n- 하나"; body != want {
		t.Errorf("pasted body = %q, want %q", body, want)
	}

	// Start composing a headline and hold it past the autosave delay.
	step(t, ctx, "compose without committing", chromedp.Focus(chromedp.ID("headline")), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, input.ImeSetComposition, input.ImeSetCompositionParams{Text: "자", SelectionStart: 1, SelectionEnd: 1})
		return err
	}), chromedp.Sleep(7*time.Second))
	if s := text(t, ctx, "#autosave-status"); s != "" {
		t.Errorf("autosave acted during a composition: %q", s)
	}
	if loc := location(t, ctx); !strings.HasSuffix(loc, "/admin/stories/new") {
		t.Errorf("autosave created the story during a composition: %s", loc)
	}
	step(t, ctx, "commit the syllable and wait for autosave", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: "자"})
		return err
	}), chromedp.SendKeys(chromedp.ID("headline"), "동 저장 시험"),
		void(chromedp.Poll[bool](`document.getElementById("autosave-status").textContent.includes("자동 저장했습니다")`)))
	loc := location(t, ctx)
	if !strings.Contains(loc, "/admin/stories/") || strings.HasSuffix(loc, "/new") {
		t.Errorf("after autosave the page is still %s", loc)
	}
	st := findStory(t, cat, "자동 저장 시험")
	if v := st.Version("ko"); v.Status != story.Draft {
		t.Errorf("autosaved story status %s", v.Status)
	}

	// A manual save after autosave carries autosave's revision: no conflict.
	step(t, ctx, "save by hand", chromedp.Click(chromedp.ID("action-save")), chromedp.WaitVisible(chromedp.CSS(".notice")))
	if n := text(t, ctx, ".notice"); !strings.Contains(n, "저장했습니다") {
		t.Errorf("manual save after autosave: %q", n)
	}

	step(t, ctx, "preview",
		chromedp.Click(chromedp.ID("preview-button")),
		chromedp.WaitVisible(chromedp.CSS("#preview li")),
	)
	if html, _ := chromedp.Run(ctx, chromedp.InnerHTML(chromedp.ID("preview"))); !strings.Contains(html, "<li>하나</li>") || !strings.Contains(html, "<p>첫 문단은") {
		t.Errorf("preview HTML: %s", html)
	}
}

// void drops an action's value, to run it among other steps.
func void[T any](a chromedp.Action[T]) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := a(ctx, tg)
		return chromedp.Void{}, err
	}
}
