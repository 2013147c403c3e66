package admin_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/admin"
	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/handlers"
	"github.com/newsroom/newsroom/markdown"
	"github.com/newsroom/newsroom/pagecache"
	"github.com/newsroom/newsroom/sitetest"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// newEmptyPaper serves a paper from nothing, as NEWSROOM_NO_DEMO=true
// starts one: no stories, sections, reporters or accounts.
func newEmptyPaper(t *testing.T) (*httptest.Server, *catalog.Catalog) {
	t.Helper()
	ctx := context.Background()
	quiet := slog.New(slog.DiscardHandler)
	st := store.New(dbtest.Database(t), 5*time.Second)
	if err := st.Migrate(ctx, quiet); err != nil {
		t.Fatal(err)
	}
	langs := sitetest.Langs(t)
	pages, assets := sitetest.Reader(t)
	cat := sitetest.Catalog(t, st)
	srv := httptest.NewUnstartedServer(nil)
	base, _ := url.Parse("http://" + srv.Listener.Addr().String())
	md := markdown.New(markdown.Options{})
	h := handlers.New(handlers.Deps{Store: st, Catalog: cat, Cache: pagecache.New(16 << 20), Langs: langs, Pages: pages,
		Markdown: md, Assets: assets, Log: quiet, BaseURL: base})
	a, err := admin.New(admin.Deps{Store: st, Catalog: cat, Auth: auth.New(st, auth.Config{Log: quiet}), Langs: langs,
		Markdown: md, Log: quiet, BaseURL: base, Changed: h.StoryChanged, SectionsChanged: h.Refresh,
		IdentityChanged: h.SetIdentity, Removed: h.StoryRemoved, FrontsChanged: h.SetFronts})
	if err != nil {
		t.Fatal(err)
	}
	gin.SetMode(gin.ReleaseMode)
	newsroom := gin.New()
	a.Register(newsroom.Group("/admin"))
	mux := http.NewServeMux()
	mux.Handle("/admin/", newsroom)
	mux.Handle("/", h.Fast(h.Router()))
	srv.Config.Handler = mux
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, cat
}

// invite makes an invitation in the users page and returns its link.
func invite(t *testing.T, ctx context.Context, base, email, name, role, handle string) string {
	t.Helper()
	step(t, ctx, "invite "+email,
		chromedp.Navigate(base+"/admin/users"),
		chromedp.WaitVisible(chromedp.ID("user-invite")),
		chromedp.SendKeys(chromedp.ID("inv-email"), email),
		chromedp.SendKeys(chromedp.ID("inv-name"), name),
		chromedp.SetValue(chromedp.ID("inv-role"), role),
		chromedp.SetValue(chromedp.ID("inv-lang"), "ko"),
		chromedp.SendKeys(chromedp.ID("inv-handle"), handle),
		chromedp.Click(chromedp.ID("invite-send")),
		chromedp.WaitVisible(chromedp.ID("invite-link")),
	)
	link, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("invite-link")))
	if err != nil || !strings.HasPrefix(link, base+"/admin/invite/") {
		t.Fatalf("invitation link %q: %v", link, err)
	}
	return link
}

// join opens an invitation link in a fresh session and sets the password.
func join(t *testing.T, ctx context.Context, base, link string) {
	t.Helper()
	step(t, ctx, "log out and open "+link,
		chromedp.Navigate(base+"/admin/"),
		chromedp.Click(chromedp.ID("logout")),
		chromedp.WaitVisible(chromedp.ID("login")),
		chromedp.Navigate(link),
		chromedp.WaitVisible(chromedp.ID("invite-form")),
		chromedp.SendKeys(chromedp.ID("password"), "새 편집국의 첫 비밀번호"),
		chromedp.SendKeys(chromedp.ID("password2"), "새 편집국의 첫 비밀번호"),
		chromedp.Click(chromedp.ID("invite-accept")),
		chromedp.WaitVisible(chromedp.ID("logout")),
	)
}

// logInAs logs out and logs in as email (who joined through join).
func logInAs(t *testing.T, ctx context.Context, base, email string) {
	t.Helper()
	step(t, ctx, "log in as "+email,
		chromedp.Navigate(base+"/admin/"),
		chromedp.Click(chromedp.ID("logout")),
		chromedp.WaitVisible(chromedp.ID("login")),
		chromedp.SendKeys(chromedp.ID("email"), email),
		chromedp.SendKeys(chromedp.ID("password"), "새 편집국의 첫 비밀번호"),
		chromedp.Click(chromedp.ID("login")),
		chromedp.WaitVisible(chromedp.ID("logout")),
	)
}

// TestBrowserFirstWeek: a paper from nothing. The first admin sets it up
// with its name, invites a reporter and an editor; the reporter joins from
// her link and writes a story under her own byline; the editor publishes it
// and pins it as the lead; her later edit of the live story waits for
// approval and goes live only when the editor approves it; then the editor
// trashes it (readers get 410 Gone) and restores it.
func TestBrowserFirstWeek(t *testing.T) {
	srv, cat := newEmptyPaper(t)
	ctx := newBrowser(t)
	base := srv.URL

	step(t, ctx, "set up the paper",
		chromedp.Navigate(base+"/admin/login"),
		chromedp.WaitVisible(chromedp.ID("paper_ko")),
		chromedp.SendKeys(chromedp.ID("email"), "chief@hkbn.example.com"),
		chromedp.SendKeys(chromedp.ID("name"), "편집국장"),
		chromedp.SendKeys(chromedp.ID("password"), "편집국장의 긴 비밀번호"),
		chromedp.SendKeys(chromedp.ID("password2"), "편집국장의 긴 비밀번호"),
		chromedp.SendKeys(chromedp.ID("paper_ko"), "휴스턴 한인 경제신문"),
		chromedp.SendKeys(chromedp.ID("paper_en"), "Houston Korean Business News"),
		chromedp.SendKeys(chromedp.ID("contact"), "9801 Bellaire Blvd, Houston, TX 77036"),
		chromedp.Submit(chromedp.ID("paper_ko")),
		chromedp.WaitVisible(chromedp.ID("logout")),
	)
	reporterLink := invite(t, ctx, base, "ahn@hkbn.example.com", "안미향", "reporter", "mihyang-ahn")
	editorLink := invite(t, ctx, base, "desk@hkbn.example.com", "이편집", "editor", "")

	join(t, ctx, base, reporterLink)
	const headline = "휴스턴 한인 마트, 케이티에 2호점"
	step(t, ctx, "the reporter writes a story",
		chromedp.Navigate(base+"/admin/stories/new"),
		chromedp.WaitVisible(chromedp.ID("headline")),
		chromedp.SendKeys(chromedp.ID("headline"), headline),
		chromedp.SendKeys(chromedp.ID("body"), "벨에어에 있는 한인 마트가 케이티에 두 번째 매장을 연다.\n\n개점은 내년 봄이다."),
		chromedp.WaitVisible(chromedp.CSS(`input[name=byline][value="mihyang-ahn"]:checked`)),
		chromedp.Click(chromedp.ID("action-submit")),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
	)
	var st *story.Story
	for _, s := range cat.All() {
		if v := s.Version("ko"); v != nil && v.Headline == headline {
			st = s
		}
	}
	if st == nil || len(st.Byline) != 1 || st.Byline[0] != "mihyang-ahn" {
		t.Fatalf("the reporter's story: %+v", st)
	}
	n := strconv.Itoa(st.Number)

	join(t, ctx, base, editorLink)
	step(t, ctx, "the editor publishes it and pins it as the lead",
		chromedp.Navigate(base+"/admin/stories/"+n+"/ko"),
		chromedp.WaitVisible(chromedp.ID("action-publish")),
		chromedp.Click(chromedp.ID("action-publish")),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
		chromedp.Navigate(base+"/admin/front?lang=ko"),
		chromedp.WaitVisible(chromedp.ID("pin_0")),
		chromedp.SetValue(chromedp.ID("pin_0"), n),
		chromedp.Click(chromedp.ID("front-save")),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
		chromedp.Navigate(base+"/ko/"),
		chromedp.WaitVisible(chromedp.ID("top-headline")),
	)
	if lead := text(t, ctx, "#top-headline"); lead != headline {
		t.Errorf("lead story: %q", lead)
	}
	if name := text(t, ctx, ".paper-name"); name != "휴스턴 한인 경제신문" {
		t.Errorf("masthead: %q", name)
	}
	step(t, ctx, "read it", chromedp.Click(chromedp.CSS("#top-headline a")), chromedp.WaitVisible(chromedp.CSS(".byline a")))
	if by := text(t, ctx, ".byline a"); !strings.Contains(by, "안미향") {
		t.Errorf("byline: %q", by)
	}
	article := location(t, ctx)
	// Ask the server, not the browser's copy (reader pages may be kept a minute).
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}

	// The reporter's later edit of the live story waits for approval.
	const revised = "휴스턴 한인 마트, 케이티에 2호점 3월 개점"
	logInAs(t, ctx, base, "ahn@hkbn.example.com")
	step(t, ctx, "the reporter edits the live story",
		chromedp.Navigate(base+"/admin/stories/"+n+"/ko"),
		chromedp.WaitVisible(chromedp.ID("pending-hint")),
		chromedp.SetValue(chromedp.ID("headline"), revised),
		chromedp.Click(chromedp.ID("action-save")),
		chromedp.WaitVisible(chromedp.ID("pending")),
		chromedp.Navigate(article),
		chromedp.WaitVisible(chromedp.CSS("article h1")),
	)
	if h := text(t, ctx, "article h1"); h != headline {
		t.Errorf("live headline before approval: %q", h)
	}
	logInAs(t, ctx, base, "desk@hkbn.example.com")
	step(t, ctx, "the editor approves it from the dashboard",
		chromedp.Navigate(base+"/admin/"),
		chromedp.Click(chromedp.CSS("#pending-changes a")),
		chromedp.WaitVisible(chromedp.ID("pending-approve")),
		chromedp.Click(chromedp.ID("pending-approve")),
		chromedp.WaitNotPresent(chromedp.ID("pending")),
		chromedp.Navigate(article),
		chromedp.WaitVisible(chromedp.CSS("article h1")),
	)
	if h := text(t, ctx, "article h1"); h != revised {
		t.Errorf("live headline after approval: %q", h)
	}

	step(t, ctx, "the editor moves it to the trash",
		chromedp.Navigate(base+"/admin/stories/"+n+"/delete"),
		chromedp.WaitVisible(chromedp.ID("delete-confirm")),
		chromedp.Click(chromedp.ID("delete-confirm")),
		chromedp.WaitVisible(chromedp.ID("restore-"+n)),
	)
	resp, err := chromedp.RunResponse(ctx, chromedp.Navigate(article))
	if err != nil || resp.Status != http.StatusGone {
		t.Errorf("article in the trash: %v, %v", resp, err)
	}
	step(t, ctx, "and restores it",
		chromedp.Navigate(base+"/admin/trash"),
		chromedp.Click(chromedp.ID("restore-"+n)),
		chromedp.WaitVisible(chromedp.ID("trash-none")),
	)
	resp, err = chromedp.RunResponse(ctx, chromedp.Navigate(article))
	if err != nil || resp.Status != http.StatusOK {
		t.Errorf("article after restoring: %v, %v", resp, err)
	}
}
