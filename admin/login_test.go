package admin

import (
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/store"
)

func TestLoginLogoutEndsSessionOnServer(t *testing.T) {
	tn := newTestNewsroom(t, true)
	c := tn.client(t)
	if r := c.get("/admin/"); r.code != http.StatusSeeOther || !strings.HasPrefix(r.hdr.Get("Location"), "/admin/login?next=") {
		t.Fatalf("dashboard without a session: %d %q", r.code, r.hdr.Get("Location"))
	}
	r := c.post("/admin/login", url.Values{"email": {"editor@example.com"}, "password": {"wrong password!"}})
	if r.code != http.StatusUnauthorized || !strings.Contains(r.body, "이메일 또는 비밀번호가 틀렸습니다") && !strings.Contains(r.body, "Wrong email or password") {
		t.Fatalf("wrong password: %d\n%s", r.code, r.body)
	}
	if !strings.Contains(r.body, `value="editor@example.com"`) {
		t.Error("the typed email is not kept after a failed login")
	}
	r = c.post("/admin/login", url.Values{"email": {"Editor@Example.com"}, "password": {testPassword}, "next": {"/admin/stories/new"}})
	if r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/admin/stories/new" {
		t.Fatalf("login: %d %q", r.code, r.hdr.Get("Location"))
	}
	ck := r.hdr.Get("Set-Cookie")
	for _, want := range []string{"HttpOnly", "SameSite=Lax"} {
		if !strings.Contains(ck, want) {
			t.Errorf("session cookie %q lacks %s", ck, want)
		}
	}
	d := c.get("/admin/")
	if d.code != http.StatusOK || !strings.Contains(d.body, "대시보드") {
		t.Fatalf("dashboard in the editor's language (ko): %d", d.code)
	}
	old := c.http.Jar.Cookies(mustURL(tn.srv.URL))
	if r := c.post("/admin/logout", nil); r.code != http.StatusSeeOther {
		t.Fatalf("logout: %d", r.code)
	}
	// The old cookie, replayed, no longer opens anything.
	replay := tn.client(t)
	replay.http.Jar.SetCookies(mustURL(tn.srv.URL), old)
	if r := replay.get("/admin/"); r.code != http.StatusSeeOther {
		t.Fatalf("old session cookie after logout: %d", r.code)
	}
	entries, err := tn.store.Audit(t.Context(), 10)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[store.AuditAction]bool{}
	for _, e := range entries {
		seen[e.Action] = true
	}
	for _, a := range []store.AuditAction{store.AuditLogin, store.AuditLoginFailed, store.AuditLogout} {
		if !seen[a] {
			t.Errorf("audit log lacks %s", a)
		}
	}
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

// TestOperatorInjection: fields sent as MongoDB operators are other field
// names to the form, so they log nobody in and change nothing.
func TestOperatorInjection(t *testing.T) {
	tn := newTestNewsroom(t, true)
	c := tn.client(t)
	cases := []url.Values{
		{"email": {"editor@example.com"}, "password[$ne]": {""}},
		{"email[$ne]": {""}, "password[$ne]": {""}},
		{"email": {`{"$ne": ""}`}, "password": {`{"$ne": ""}`}},
		{"email": {"editor@example.com"}, "password": {`{"$gt": ""}`}},
	}
	for _, form := range cases {
		r := c.post("/admin/login", form)
		if r.code == http.StatusSeeOther {
			t.Errorf("login with %v succeeded", form)
		}
	}
	r := c.post("/admin/login", url.Values{"email": {"editor@example.com"}, "password": {testPassword}}, "Content-Type", "application/json")
	if r.code == http.StatusSeeOther {
		t.Error("a JSON body was read as a form")
	}
	// Logged in, an operator in the story number or a field has no effect either.
	ed := tn.login(t, "editor")
	if r := ed.get("/admin/stories/%7B%22$ne%22:1%7D/ko"); r.code != http.StatusNotFound {
		t.Errorf("story number as an operator: %d", r.code)
	}
	form := storyForm("save", "연산자 시험", "본문")
	form.Set("section[$ne]", "x")
	form.Set("section", `{"$ne": ""}`)
	if r := ed.post("/admin/stories/new", form); r.code != http.StatusUnprocessableEntity || !strings.Contains(r.body, "목록에서 섹션을 고르세요") {
		t.Errorf("section as an operator: %d", r.code)
	}
}

func TestSetupOnlyOnEmptyDatabase(t *testing.T) {
	tn := newTestNewsroom(t, false)
	c := tn.client(t)
	if r := c.get("/admin/login"); r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/admin/setup" {
		t.Fatalf("login page on an empty database: %d %q", r.code, r.hdr.Get("Location"))
	}
	bad := url.Values{"email": {"chief@example.com"}, "name": {"편집국장"}, "lang": {"ko"}, "password": {"short"}, "password2": {"short"},
		"paper_ko": {"휴스턴 한인 경제신문"}, "base_url": {"javascript:alert(1)"}}
	r := c.post("/admin/setup", bad)
	if r.code != http.StatusUnprocessableEntity || !strings.Contains(r.body, `value="편집국장"`) || !strings.Contains(r.body, "10자 이상") ||
		!strings.Contains(r.body, `value="휴스턴 한인 경제신문"`) || !strings.Contains(elementOf(r.body, "paper_en", "</p>"), "field-error") ||
		!strings.Contains(elementOf(r.body, "base_url", "</p>"), "field-error") {
		t.Fatalf("short password, no English name, a bad address: %d\n%s", r.code, r.body)
	}
	good := url.Values{"email": {"chief@example.com"}, "name": {"편집국장"}, "lang": {"ko"}, "password": {testPassword}, "password2": {testPassword},
		"paper_ko": {"휴스턴 한인 경제신문"}, "paper_en": {"Houston Korean Business News"}, "base_url": {"https://hkbn.example.com/"},
		"contact": {"9801 Bellaire Blvd, Houston, TX 77036"}}
	if r := c.post("/admin/setup", good); r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/admin/" {
		t.Fatalf("setup: %d %q\n%s", r.code, r.hdr.Get("Location"), r.body)
	}
	if r := c.get("/admin/users"); r.code != http.StatusOK || !strings.Contains(r.body, "chief@example.com") {
		t.Fatalf("first admin cannot manage users: %d", r.code)
	}
	// The paper is the new one's, not the demo's.
	id, err := tn.store.Identity(t.Context())
	if err != nil || id.Name["ko"] != "휴스턴 한인 경제신문" || id.Name["en"] != "Houston Korean Business News" ||
		id.BaseURL != "https://hkbn.example.com" || id.Contact != "9801 Bellaire Blvd, Houston, TX 77036" {
		t.Errorf("identity after setup: %+v, %v", id, err)
	}
	// Second time round the page is gone, for everyone.
	other := tn.client(t)
	if r := other.get("/admin/setup"); r.code != http.StatusSeeOther {
		t.Errorf("setup page after the first admin: %d", r.code)
	}
	good.Set("email", "intruder@example.com")
	if r := other.post("/admin/setup", good); r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/admin/login" {
		t.Errorf("second setup: %d %q", r.code, r.hdr.Get("Location"))
	}
	if _, err := tn.store.User(t.Context(), "intruder@example.com"); err == nil {
		t.Error("a second setup created an account")
	}
}

func TestHeadersAndCSRF(t *testing.T) {
	tn := newTestNewsroom(t, true)
	c := tn.login(t, "editor")
	r := c.get("/admin/")
	want := map[string]string{
		"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "Cache-Control": "no-store", "X-Frame-Options": "DENY",
	}
	for k, v := range want {
		if got := r.hdr.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if csp := r.hdr.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP = %q", csp)
	}
	if strings.Contains(r.body, "<script>") {
		t.Error("inline script on a newsroom page")
	}
	// A POST without the session's token is refused, and changes nothing.
	form := storyForm("save", "토큰 없음", "본문")
	form.Set("csrf_token", "forged")
	if r := c.post("/admin/stories/new", form); r.code != http.StatusForbidden || !strings.Contains(r.body, "양식이 만료되었습니다") {
		t.Errorf("forged CSRF token: %d", r.code)
	}
	// A cross-site POST with the right token is refused by the origin check.
	form = storyForm("save", "다른 사이트", "본문")
	if r := c.post("/admin/stories/new", form, "Sec-Fetch-Site", "cross-site"); r.code != http.StatusForbidden {
		t.Errorf("cross-site POST: %d", r.code)
	}
	if r := c.post("/admin/stories/new", form, "Origin", "https://evil.example"); r.code != http.StatusForbidden {
		t.Errorf("POST from another origin: %d", r.code)
	}
	for _, st := range tn.cat.All() {
		if v := st.Version("ko"); v != nil && (v.Headline == "토큰 없음" || v.Headline == "다른 사이트") {
			t.Errorf("refused POST saved story %d", st.Number)
		}
	}
}

func TestLoginNextNeverPutsControlCharactersInLocation(t *testing.T) {
	tn := newTestNewsroom(t, true)
	for next, want := range map[string]string{
		"/admin/\x00":             "/admin/",
		"/admin/x\x01":            "/admin/",
		"/admin/\x7f":             "/admin/",
		"/admin/?q=\x00":          "/admin/",
		"//evil.example/admin/":   "/admin/",
		"/admin/stories?q=무역":     "/admin/stories?q=%EB%AC%B4%EC%97%AD",
		"/admin/stories/new":      "/admin/stories/new",
		"/admin/../en/tag/a%2Fb/": "/admin/",
	} {
		c := tn.client(t)
		r := c.post("/admin/login", url.Values{"email": {"editor@example.com"}, "password": {testPassword}, "next": {next}})
		if loc := r.hdr.Get("Location"); r.code != http.StatusSeeOther || loc != want {
			t.Errorf("login with next %q: %d, Location %q, want %q", next, r.code, loc, want)
		}
	}
}

// TestLockoutKeepsStrangersOutNotTheOwner: guesses from many addresses lock
// an account for unknown browsers; the owner's browser, known from an
// earlier login, still gets in; an admin sees the lockout and lifts it.
func TestLockoutKeepsStrangersOutNotTheOwner(t *testing.T) {
	tn := newTestNewsroom(t, true)
	owner := tn.login(t, store.RoleEditor)
	if !strings.Contains(strings.Join(cookieNames(owner), " "), auth.DeviceCookie) {
		t.Fatal("a login does not remember the browser")
	}
	guess := func() {
		for i := range 10 {
			ip := "198.51.100." + strconv.Itoa(i+1)
			if _, _, err := tn.auth.Login(t.Context(), "editor@example.com", "guess", ip, ""); !errors.Is(err, auth.ErrInvalidLogin) {
				t.Fatalf("guess %d: %v", i+1, err)
			}
		}
	}
	guess()
	login := url.Values{"email": {"editor@example.com"}, "password": {testPassword}}
	if r := tn.client(t).post("/admin/login", login); r.code != http.StatusTooManyRequests {
		t.Fatalf("an unknown browser during the lockout: %d", r.code)
	}
	if r := owner.post("/admin/login", login); r.code != http.StatusSeeOther {
		t.Fatalf("the owner's browser during the lockout: %d\n%s", r.code, r.body)
	}
	if r := tn.client(t).post("/admin/login", login); r.code != http.StatusSeeOther {
		t.Fatalf("after the owner's login lifted the lockout: %d", r.code)
	}

	guess()
	ad := tn.login(t, store.RoleAdmin)
	page := ad.get("/admin/users")
	if !strings.Contains(page.body, `action="/admin/users/editor@example.com/unlock"`) || !strings.Contains(page.body, "Locked for unknown browsers until") {
		t.Fatal("the users page does not show the lockout")
	}
	if r := ad.post("/admin/users/editor@example.com/unlock", nil); r.code != http.StatusSeeOther {
		t.Fatalf("unlock: %d", r.code)
	}
	if r := tn.client(t).post("/admin/login", login); r.code != http.StatusSeeOther {
		t.Fatalf("after the admin lifted the lockout: %d", r.code)
	}
	if audit := ad.get("/admin/audit"); !containsAll(audit.body, "Login throttled", "Login lockout lifted") {
		t.Error("the audit log does not show the throttling and its lifting")
	}
}

func cookieNames(c *client) []string {
	var out []string
	for _, ck := range c.http.Jar.Cookies(mustURL(c.tn.srv.URL + "/admin/")) {
		out = append(out, ck.Name)
	}
	return out
}

// TestTyposSlowDownBySeconds: after three wrong passwords from one place,
// the next try is held back for seconds, said in the user's words.
func TestTyposSlowDownBySeconds(t *testing.T) {
	tn := newTestNewsroom(t, true)
	c := tn.client(t)
	wrong := url.Values{"email": {"editor@example.com"}, "password": {"wrong password!"}}
	for i := range 3 {
		if r := c.post("/admin/login", wrong); r.code != http.StatusUnauthorized {
			t.Fatalf("typo %d: %d", i+1, r.code)
		}
	}
	r := c.post("/admin/login", url.Values{"email": {"editor@example.com"}, "password": {testPassword}})
	if r.code != http.StatusTooManyRequests || !regexp.MustCompile(`[12]초 뒤에 다시 시도하세요|Try again in [12] seconds`).MatchString(r.body) {
		t.Fatalf("right password right after three typos: %d\n%s", r.code, r.body)
	}
}
