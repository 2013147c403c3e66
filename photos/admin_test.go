package photos

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/locales"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// adminEnv is the library's newsroom pages on a bare gin engine, with
// accounts of each role logged in through the auth API.
type adminEnv struct {
	*env
	srv     *httptest.Server
	langs   *lang.Set
	mu      sync.Mutex
	stories []*story.Story
}

type client struct {
	token, csrf string
}

const testPassword = "correct horse battery"

func newAdminEnv(t *testing.T, limits media.Limits, opt ...func(*Deps)) *adminEnv {
	t.Helper()
	tz, _ := time.LoadLocation("America/Chicago")
	langs, err := lang.New(locales.FS, []string{"ko", "en"}, "ko", tz)
	if err != nil {
		t.Fatal(err)
	}
	a := &adminEnv{langs: langs}
	a.env = newEnv(t, func(d *Deps) {
		d.Limits = limits
		d.Langs = langs
		d.Stories = func() []*story.Story { a.mu.Lock(); defer a.mu.Unlock(); return a.stories }
		for _, o := range opt {
			o(d)
		}
	})
	if err := a.st.Migrate(context.Background(), slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	svc := auth.New(a.st, auth.Config{Log: slog.New(slog.DiscardHandler)})
	a.lib.auth = svc
	if err := a.lib.parsePages(); err != nil {
		t.Fatal(err)
	}
	gin.SetMode(gin.TestMode)
	r := gin.New()
	r.GET("/media/:id/:file", a.lib.ServeMedia)
	a.lib.RegisterAdmin(r.Group(AdminPrefix))
	// The server's timeouts are serve's, with NEWSROOM_REQUEST_TIMEOUT at its default.
	a.srv = httptest.NewUnstartedServer(r)
	a.srv.Config.ReadTimeout, a.srv.Config.WriteTimeout = 30*time.Second, 20*time.Second
	a.srv.Start()
	t.Cleanup(a.srv.Close)
	return a
}

// login creates an account with role (and newsroom language lng) and logs it in.
func (a *adminEnv) login(t testing.TB, role store.Role, lng string) client {
	t.Helper()
	ctx := context.Background()
	email := string(role) + "@example.com"
	u, err := auth.AddUser(ctx, a.st, email, string(role)+" 기자", role, testPassword)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.st.UpdateUser(ctx, u.ID, store.UserChange{Lang: &lng}); err != nil {
		t.Fatal(err)
	}
	sess, token, err := a.lib.auth.Login(ctx, email, testPassword, "127.0.0.1", "")
	if err != nil {
		t.Fatal(err)
	}
	return client{token: token, csrf: sess.CSRF}
}

// do sends a request as c (zero c: logged out) without following redirects.
func (a *adminEnv) do(t testing.TB, c client, method, path string, body io.Reader, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, a.srv.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if c.token != "" {
		req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: c.token})
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func (a *adminEnv) uploadRaw(t testing.TB, c client, name string, data []byte, csrf string) (*http.Response, map[string]string) {
	t.Helper()
	res, body := a.do(t, c, http.MethodPost, AdminPrefix+"/upload?name="+url.QueryEscape(name), bytes.NewReader(data),
		map[string]string{"X-CSRF-Token": csrf, "X-Requested-With": "newsroom", "Content-Type": "application/octet-stream"})
	out := map[string]string{}
	_ = json.Unmarshal([]byte(body), &out) // a failure leaves out empty, which the caller checks
	return res, out
}

func (a *adminEnv) postForm(t testing.TB, c client, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	form.Set(auth.CSRFField, c.csrf)
	return a.do(t, c, http.MethodPost, path, strings.NewReader(form.Encode()),
		map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
}

func TestAdminNeedsSessionAndCSRF(t *testing.T) {
	a := newAdminEnv(t, media.DefaultLimits())
	if res, _ := a.do(t, client{}, "GET", AdminPrefix+"/", nil, nil); res.StatusCode != http.StatusSeeOther ||
		!strings.HasPrefix(res.Header.Get("Location"), "/admin/login?next=") {
		t.Errorf("logged out: %d → %s, want 303 to the login page", res.StatusCode, res.Header.Get("Location"))
	}
	img := jpegBytes(t, picture(400, 300))
	if res, _ := a.uploadRaw(t, client{}, "a.jpg", img, ""); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("logged-out upload: %d, want 401", res.StatusCode)
	}
	rep := a.login(t, store.RoleReporter, "ko")
	if res, _ := a.uploadRaw(t, rep, "a.jpg", img, "wrong"); res.StatusCode != http.StatusForbidden {
		t.Errorf("upload with a wrong CSRF token: %d, want 403", res.StatusCode)
	}
	if res, _ := a.uploadRaw(t, rep, "a.jpg", img, ""); res.StatusCode != http.StatusForbidden {
		t.Errorf("upload without a CSRF token: %d, want 403", res.StatusCode)
	}
	tr := a.login(t, store.RoleTranslator, "en")
	if res, _ := a.uploadRaw(t, tr, "a.jpg", img, tr.csrf); res.StatusCode != http.StatusForbidden {
		t.Errorf("translator upload: %d, want 403", res.StatusCode)
	}
	if len(a.lib.All()) != 0 {
		t.Error("a refused upload reached the library")
	}
	res, page := a.do(t, rep, "GET", AdminPrefix+"/", nil, nil)
	css := regexp.MustCompile(`href="(/admin/media/static/photos\.[0-9a-f]+\.css)"`).FindStringSubmatch(page)
	if css == nil {
		t.Fatal("library page names no hashed stylesheet")
	}
	if res, body := a.do(t, client{}, "GET", css[1], nil, nil); res.StatusCode != 200 || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") || !strings.Contains(body, "{") {
		t.Errorf("stylesheet %s: %d %q", css[1], res.StatusCode, res.Header.Get("Cache-Control"))
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("library page headers: CSP %q, Cache-Control %q", csp, res.Header.Get("Cache-Control"))
	}
}

func TestAdminUploadSearchEditDelete(t *testing.T) {
	a := newAdminEnv(t, media.Limits{MaxBytes: 300_000, MaxPixels: 10_000_000})
	rep := a.login(t, store.RoleReporter, "ko")
	ed := a.login(t, store.RoleEditor, "en")

	res, out := a.uploadRaw(t, rep, "시장 회견.jpg", phoneJPEG(t, picture(900, 600), 1), rep.csrf)
	if res.StatusCode != http.StatusCreated || out["id"] == "" || out["edit"] != AdminPrefix+"/photo/"+out["id"] {
		t.Fatalf("upload: %d %v", res.StatusCode, out)
	}
	id := out["id"]
	if _, res := get(t, a.srv, out["thumb"], nil); res.StatusCode != 200 {
		t.Errorf("thumbnail %s: %d", out["thumb"], res.StatusCode)
	}

	// Refusals come back in the user's language.
	res, out = a.uploadRaw(t, rep, "notes.txt", []byte("not a photo at all"), rep.csrf)
	if want := a.langs.Get("ko").T(media.MsgNotImage); res.StatusCode != http.StatusUnprocessableEntity || out["error"] != want {
		t.Errorf("non-image: %d %q, want 422 %q", res.StatusCode, out["error"], want)
	}
	res, out = a.uploadRaw(t, ed, "huge.png", pngBytes(t, DemoImages(1)[0]), ed.csrf)
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(out["error"], "too large") {
		t.Errorf("oversize: %d %q, want 413 in English", res.StatusCode, out["error"])
	}

	// Caption, alt text, credit and focal point.
	form := url.Values{"caption_ko": {"기자회견 하는 시장"}, "caption_en": {"The mayor speaks"},
		"alt_ko": {"연단에 선 시장"}, "credit_ko": {"홍길동 기자"}, "credit_en": {"Gil-dong Hong"},
		"focus_x": {"0.2"}, "focus_y": {"0.3"}}
	if res, _ := a.postForm(t, rep, AdminPrefix+"/photo/"+id, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	p, _ := a.lib.Get(id)
	if p.Caption["ko"] != "기자회견 하는 시장" || p.Credit["en"] != "Gil-dong Hong" || p.FocusX != 0.2 || p.CropRev != 1 {
		t.Errorf("after save: %+v", p)
	}
	if !AltMissing(p, "en") || AltMissing(p, "ko") {
		t.Errorf("AltMissing en=%v ko=%v, want true, false", AltMissing(p, "en"), AltMissing(p, "ko"))
	}
	_, page := a.do(t, rep, "GET", AdminPrefix+"/photo/"+id, nil, nil)
	for _, want := range []string{"기자회견 하는 시장", `value="0.200"`, a.langs.Get("ko").T("photos.edit.alt_required"), "photo:" + id} {
		if !strings.Contains(page, want) {
			t.Errorf("edit page lacks %q", want)
		}
	}
	if strings.Contains(page, `id="delete"`) {
		t.Error("a reporter sees the delete button")
	}

	// Search by caption, credit and file name, in any language; dates.
	today := time.Now().In(a.langs.Location()).Format(time.DateOnly)
	for q, want := range map[string]bool{
		"?q=" + url.QueryEscape("시장"): true, "?q=mayor": true, "?q=HONG": true, "?q=" + url.QueryEscape("회견.jpg"): true,
		"?q=weather": false, "?from=" + today: true, "?from=2001-01-01&to=2001-12-31": false,
	} {
		_, body := a.do(t, rep, "GET", AdminPrefix+"/"+q, nil, nil)
		if got := strings.Contains(body, `data-photo="`+id+`"`); got != want {
			t.Errorf("library %s: photo shown %v, want %v", q, got, want)
		}
	}

	// Delete: not a reporter's; refused while a story uses the photo.
	if res, _ := a.postForm(t, rep, AdminPrefix+"/photo/"+id+"/delete", url.Values{}); res.StatusCode != http.StatusForbidden {
		t.Errorf("reporter delete: %d, want 403", res.StatusCode)
	}
	ctx := context.Background()
	n, err := a.st.CreateStory(ctx, &story.Story{Section: "business", Versions: map[string]*story.Version{
		"en": {Headline: "Mayor opens the new market", Slug: "market", Status: story.Draft},
	}}, map[string]string{"en": "Intro.\n\n![The mayor](photo:" + id + " \"At the opening\")\n\nMore."}, "test")
	if err != nil {
		t.Fatal(err)
	}
	st, err := a.st.Story(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	a.mu.Lock()
	a.stories = []*story.Story{st}
	a.mu.Unlock()
	res, page = a.postForm(t, ed, AdminPrefix+"/photo/"+id+"/delete", url.Values{})
	if res.StatusCode != http.StatusConflict || !strings.Contains(page, "Mayor opens the new market") ||
		!strings.Contains(page, "1 story uses it") {
		t.Errorf("delete of a photo in a body: %d; page names the story: %v", res.StatusCode, strings.Contains(page, "Mayor opens"))
	}
	if _, ok := a.lib.Get(id); !ok {
		t.Fatal("refused delete removed the photo")
	}
	// As the lead photo of another story, and then in none.
	a.mu.Lock()
	a.stories = []*story.Story{{Number: 99, Photo: Ref(p), Versions: map[string]*story.Version{"ko": {Headline: "시장 취임"}}}}
	a.mu.Unlock()
	if res, page := a.postForm(t, ed, AdminPrefix+"/photo/"+id+"/delete", url.Values{}); res.StatusCode != http.StatusConflict || !strings.Contains(page, "/admin/stories/99/ko") {
		t.Errorf("delete of a lead photo: %d", res.StatusCode)
	}
	a.mu.Lock()
	a.stories = nil
	a.mu.Unlock()
	if res, _ := a.postForm(t, ed, AdminPrefix+"/photo/"+id+"/delete", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: %d", res.StatusCode)
	}
	if _, res := get(t, a.srv, URL(p, 640, media.JPEG), nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("deleted photo still served: %d", res.StatusCode)
	}
	if _, err := a.st.Photo(ctx, id); err == nil {
		t.Error("deleted photo still in the database")
	}
	if _, err := a.files.Get(ctx, p.Original); err == nil {
		t.Error("deleted photo's original still in GridFS")
	}
}

func TestAdminMultipartUpload(t *testing.T) {
	a := newAdminEnv(t, media.DefaultLimits())
	rep := a.login(t, store.RoleReporter, "en")
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField(auth.CSRFField, rep.csrf)
	for _, name := range []string{"one.jpg", "two.png"} {
		w, _ := mw.CreateFormFile("file", name)
		if strings.HasSuffix(name, ".png") {
			w.Write(pngBytes(t, picture(300, 200)))
		} else {
			w.Write(jpegBytes(t, picture(300, 200)))
		}
	}
	mw.Close()
	res, _ := a.do(t, rep, "POST", AdminPrefix+"/upload", &buf, map[string]string{"Content-Type": mw.FormDataContentType()})
	if res.StatusCode != http.StatusSeeOther || len(a.lib.All()) != 2 {
		t.Fatalf("multipart upload: %d, %d photos", res.StatusCode, len(a.lib.All()))
	}
	_, page := a.do(t, rep, "GET", res.Header.Get("Location"), nil, nil)
	if !strings.Contains(page, "2 photos uploaded.") {
		t.Error("library page lacks the upload notice")
	}
	// Without the token first, nothing is stored.
	buf.Reset()
	mw = multipart.NewWriter(&buf)
	w, _ := mw.CreateFormFile("file", "three.jpg")
	w.Write(jpegBytes(t, picture(300, 200)))
	mw.Close()
	if res, _ := a.do(t, rep, "POST", AdminPrefix+"/upload", &buf, map[string]string{"Content-Type": mw.FormDataContentType()}); res.StatusCode != http.StatusForbidden || len(a.lib.All()) != 2 {
		t.Errorf("multipart without CSRF: %d, %d photos", res.StatusCode, len(a.lib.All()))
	}
}

// TestPickerSnippetIsInTheStorysLanguage: a Korean-speaking editor working on
// the English version gets the English alt text and caption in the snippet.
func TestPickerSnippetIsInTheStorysLanguage(t *testing.T) {
	a := newAdminEnv(t, media.DefaultLimits())
	ed := a.login(t, store.RoleEditor, "ko")
	res, out := a.uploadRaw(t, ed, "mou.jpg", jpegBytes(t, picture(400, 300)), ed.csrf)
	if res.StatusCode != http.StatusOK && res.StatusCode != http.StatusCreated {
		t.Fatalf("upload: %d %v", res.StatusCode, out)
	}
	p := a.lib.All()[0]
	if _, err := a.lib.Update(t.Context(), p.ID, Details{Alt: story.Text{"ko": "협약식", "en": "The signing"}, Caption: story.Text{"ko": "협약식 모습", "en": "At the signing"}}); err != nil {
		t.Fatal(err)
	}
	for lng, want := range map[string]string{"en": "The signing", "ko": "협약식"} {
		_, body := a.do(t, ed, "GET", AdminPrefix+"/pick.json?lang="+lng+"&q=", nil, nil)
		var got struct {
			Photos []struct{ Markdown string } `json:"photos"`
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil || len(got.Photos) != 1 || !strings.Contains(got.Photos[0].Markdown, "!["+want+"]") {
			t.Errorf("lang=%s: %v %s", lng, err, body)
		}
	}
}
