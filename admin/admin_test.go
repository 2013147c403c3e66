package admin

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/markdown"
	"github.com/newsroom/newsroom/sitetest"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// cheap makes password hashing fast in tests; production uses DefaultParams.
var cheap = auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

const testPassword = "correct horse battery"

// testNewsroom is the newsroom over a scratch database holding the demo
// edition and one account per role.
type testNewsroom struct {
	a     *Admin
	srv   *httptest.Server
	store *store.Store
	cat   *catalog.Catalog
	auth  *auth.Service
	users map[auth.Role]*auth.User
	now   time.Time
}

func newTestNewsroom(t testing.TB, withUsers bool) *testNewsroom {
	t.Helper()
	return newTestNewsroomWith(t, withUsers, nil)
}

// newTestNewsroomWith is newTestNewsroom whose router, when not nil, makes
// the engine the newsroom is mounted on (under /admin) and may add to its
// Deps: the media library, the reader site.
func newTestNewsroomWith(t testing.TB, withUsers bool, router func(tn *testNewsroom, d *Deps) *gin.Engine) *testNewsroom {
	t.Helper()
	return newTestNewsroomOver(t, sitetest.Store(t), withUsers, router)
}

// newTestNewsroomOver is newTestNewsroomWith over the database st.
func newTestNewsroomOver(t testing.TB, st *store.Store, withUsers bool, router func(tn *testNewsroom, d *Deps) *gin.Engine) *testNewsroom {
	t.Helper()
	ctx := context.Background()
	langs := sitetest.Langs(t)
	cat := sitetest.Catalog(t, st)
	svc := auth.New(st, auth.Config{Params: cheap, Log: slog.New(slog.DiscardHandler)})
	base, _ := url.Parse("http://127.0.0.1")
	tn := &testNewsroom{store: st, cat: cat, auth: svc, users: map[auth.Role]*auth.User{}}
	d := Deps{Store: st, Catalog: cat, Auth: svc, Langs: langs, Markdown: markdown.New(markdown.Options{}),
		Log: slog.New(slog.DiscardHandler), BaseURL: base, Changed: func(s *story.Story) { cat.Put(s) }}
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	if router != nil {
		r = router(tn, &d)
	}
	a, err := New(d)
	if err != nil {
		t.Fatal(err)
	}
	tn.a = a
	a.Register(r.Group("/admin"))
	tn.srv = httptest.NewServer(r)
	t.Cleanup(tn.srv.Close)
	if withUsers {
		admin := &auth.User{ID: "root@example.com", Role: store.RoleAdmin}
		for _, nu := range []auth.NewUser{
			{Email: "admin@example.com", Name: "Admin", Role: store.RoleAdmin, Lang: "en"},
			{Email: "editor@example.com", Name: "편집자", Role: store.RoleEditor, Lang: "ko"},
			{Email: "reporter@example.com", Name: "Reporter", Role: store.RoleReporter, Lang: "en", Handle: "jhpark"},
			{Email: "translator@example.com", Name: "Translator", Role: store.RoleTranslator, Lang: "en"},
		} {
			nu.Password = testPassword
			u, err := svc.CreateUser(ctx, admin, nu, "")
			if err != nil {
				t.Fatal(err)
			}
			tn.users[u.Role] = u
		}
	}
	return tn
}

// client is one browser: a cookie jar and the last CSRF token seen.
type client struct {
	t    testing.TB
	tn   *testNewsroom
	http *http.Client
	csrf string
}

func (tn *testNewsroom) client(t testing.TB) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, tn: tn, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

type resp struct {
	code int
	hdr  http.Header
	body string
}

var csrfField = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

func (c *client) do(req *http.Request) resp {
	c.t.Helper()
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if m := csrfField.FindStringSubmatch(string(b)); m != nil {
		c.csrf = m[1]
	}
	return resp{res.StatusCode, res.Header, string(b)}
}

func (c *client) get(path string) resp {
	c.t.Helper()
	req, _ := http.NewRequest("GET", c.tn.srv.URL+path, nil)
	return c.do(req)
}

// post sends a form; the CSRF token of the last page is added unless the
// form has one.
func (c *client) post(path string, form url.Values, hdr ...string) resp {
	c.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf_token"]; !ok && c.csrf != "" {
		form.Set("csrf_token", c.csrf)
	}
	req, _ := http.NewRequest("POST", c.tn.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return c.do(req)
}

// login logs in as the account of role and loads the dashboard (for a CSRF token).
func (tn *testNewsroom) login(t testing.TB, role auth.Role) *client {
	t.Helper()
	c := tn.client(t)
	r := c.post("/admin/login", url.Values{"email": {tn.users[role].Email}, "password": {testPassword}})
	if r.code != http.StatusSeeOther {
		t.Fatalf("login as %s: %d\n%s", role, r.code, r.body)
	}
	if d := c.get("/admin/"); d.code != http.StatusOK {
		t.Fatalf("dashboard as %s: %d", role, d.code)
	}
	return c
}

// storyForm is a valid editor form for action.
func storyForm(action, headline, body string) url.Values {
	return url.Values{"action": {action}, "lang": {"ko"}, "headline": {headline}, "body": {body},
		"section": {"business"}, "tags": {"경제, 댈러스"}, "byline": {"jhpark"}, "base": {"0"}}
}

// create makes a story as c, bylined to jhpark, and returns its number.
func (c *client) create(headline string) int {
	c.t.Helper()
	return c.createBy(headline, "jhpark")
}

// createBy makes a story as c bylined to handle and returns its number.
func (c *client) createBy(headline, handle string) int {
	c.t.Helper()
	f := storyForm("save", headline, "첫 문단.\n\n둘째 문단.")
	f.Set("byline", handle)
	r := c.post("/admin/stories/new", f)
	if r.code != http.StatusSeeOther {
		c.t.Fatalf("create story: %d\n%s", r.code, r.body)
	}
	var n int
	loc := r.hdr.Get("Location")
	if _, err := fmt.Sscanf(loc, "/admin/stories/%d/ko", &n); err != nil {
		c.t.Fatalf("create story: redirect to %q", loc)
	}
	return n
}

func containsAll(s string, subs ...string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}
