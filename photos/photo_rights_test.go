package photos

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// TestPhotoEditFollowsTheRoles: reporters change the photos of their own
// stories, translators only their language's caption and credit, editors
// everything; what a user may not change is refused and stays as it was.
func TestPhotoEditFollowsTheRoles(t *testing.T) {
	a := newAdminEnv(t, media.DefaultLimits())
	rep := a.login(t, store.RoleReporter, "ko")
	tr := a.login(t, store.RoleTranslator, "en")
	ed := a.login(t, store.RoleEditor, "ko")
	mine := upload(t, a.lib, "mine.jpg", jpegBytes(t, picture(400, 300)))
	theirs := upload(t, a.lib, "theirs.jpg", jpegBytes(t, picture(400, 301)))
	a.mu.Lock()
	a.stories = []*story.Story{
		{Number: 1, CreatedBy: "reporter@example.com", Photo: Ref(mine), Versions: map[string]*story.Version{"ko": {Headline: "내 기사"}}},
		{Number: 2, CreatedBy: "park@example.com", Byline: []string{"park"}, Photo: Ref(theirs), Versions: map[string]*story.Version{"ko": {Headline: "남의 기사"}}},
	}
	a.mu.Unlock()
	save := func(c client, p *Photo, form url.Values) int {
		t.Helper()
		res, _ := a.postForm(t, c, AdminPrefix+"/photo/"+p.ID, form)
		return res.StatusCode
	}
	now := func(p *Photo) *Photo { t.Helper(); q, _ := a.lib.Get(p.ID); return q }

	for _, tc := range []struct {
		name  string
		c     client
		photo *Photo
		form  url.Values
		want  int
	}{
		{"reporter, photo of someone else's story", rep, theirs, url.Values{"caption_ko": {"바꿔 봄"}}, http.StatusForbidden},
		{"reporter, crop of someone else's story's photo", rep, theirs, url.Values{"focus_x": {"0.1"}, "focus_y": {"0.1"}}, http.StatusForbidden},
		{"translator, another language's caption", tr, theirs, url.Values{"caption_ko": {"바꿔 봄"}}, http.StatusForbidden},
		{"translator, alt text", tr, theirs, url.Values{"alt_en": {"Changed"}}, http.StatusForbidden},
		{"translator, crop", tr, theirs, url.Values{"focus_x": {"0.1"}, "focus_y": {"0.1"}}, http.StatusForbidden},
	} {
		if got := save(tc.c, tc.photo, tc.form); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
	if q := now(theirs); len(q.Caption) != 0 || len(q.Alt) != 0 || q.CropRev != 0 {
		t.Fatalf("refused edits changed the photo: %+v", q)
	}

	if got := save(rep, mine, url.Values{"caption_ko": {"시장 취임식"}, "alt_ko": {"연단의 시장"}, "focus_x": {"0.2"}, "focus_y": {"0.3"}}); got != http.StatusSeeOther {
		t.Errorf("reporter, photo of own story: %d", got)
	}
	// The translator's form as the edit page sends it: the fields they may
	// not change are disabled, so only the focal point inputs' absence and
	// their own language's fields arrive.
	if got := save(tr, theirs, url.Values{"caption_en": {"The inauguration"}, "credit_en": {"Photo desk"}}); got != http.StatusSeeOther {
		t.Errorf("translator, own language's caption and credit: %d", got)
	}
	if q := now(theirs); q.Caption["en"] != "The inauguration" || q.Credit["en"] != "Photo desk" {
		t.Errorf("translator's caption: %+v", q)
	}
	// A partial form leaves what it does not send: the editor sends the
	// English caption only, and the reporter's Korean caption, alt text
	// and focal point stay.
	if got := save(ed, mine, url.Values{"caption_en": {"Inauguration"}}); got != http.StatusSeeOther {
		t.Errorf("editor: %d", got)
	}
	if q := now(mine); q.Caption["ko"] != "시장 취임식" || q.Alt["ko"] != "연단의 시장" || q.Caption["en"] != "Inauguration" ||
		q.FocusX != 0.2 || q.CropRev != 1 {
		t.Errorf("after a partial form: %+v", q)
	}
	// The same, as a multipart form with its token.
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField(auth.CSRFField, ed.csrf)
	_ = mw.WriteField("credit_ko", "사진부")
	_ = mw.Close()
	if res, _ := a.do(t, ed, "POST", AdminPrefix+"/photo/"+mine.ID, &buf, map[string]string{"Content-Type": mw.FormDataContentType()}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("multipart save: %d", res.StatusCode)
	}
	if q := now(mine); q.Credit["ko"] != "사진부" || q.Caption["ko"] != "시장 취임식" || q.Caption["en"] != "Inauguration" {
		t.Errorf("after a multipart partial form: %+v", q)
	}

	// The translator's edit page offers only what they may change.
	_, page := a.do(t, tr, "GET", AdminPrefix+"/photo/"+theirs.ID, nil, nil)
	for field, wantDisabled := range map[string]bool{"caption_ko": true, "caption_en": false, "credit_en": false, "alt_en": true, "focus_x": true} {
		tag := regexp.MustCompile(`<(?:input|textarea)[^>]*id="` + field + `"[^>]*>`).FindString(page)
		if tag == "" || regexp.MustCompile(` disabled[ >]`).MatchString(tag) != wantDisabled {
			t.Errorf("translator's %s: %q, want disabled %v", field, tag, wantDisabled)
		}
	}
}
