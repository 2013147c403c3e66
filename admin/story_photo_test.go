package admin

import (
	"bytes"
	"context"
	"hash/crc32"
	"html"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/handlers"
	"github.com/newsroom/newsroom/markdown"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/pagecache"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/sitetest"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// photoNewsroom is the test newsroom with the media library under
// /admin/media and the reader site at /, wired as cmd/newsroom wires them.
type photoNewsroom struct {
	*testNewsroom
	lib *photos.Library
}

func newPhotoNewsroom(t *testing.T) *photoNewsroom {
	t.Helper()
	pn := &photoNewsroom{}
	pn.testNewsroom = newTestNewsroomWith(t, true, func(tn *testNewsroom, d *Deps) *gin.Engine {
		ctx := context.Background()
		var h *handlers.Handler
		lib, err := photos.New(ctx, photos.Deps{Store: tn.store, Files: media.NewFiles(tn.store.DB()), CacheDir: t.TempDir(),
			Log: d.Log, Auth: tn.auth, Langs: d.Langs, Stories: tn.cat.All,
			Changed: func(id string) {
				if h != nil {
					h.PhotoChanged(id)
				}
			}})
		if err != nil {
			t.Fatal(err)
		}
		pages, assets := sitetest.Reader(t)
		mdFor := map[string]*markdown.Renderer{}
		for _, code := range d.Langs.Codes() {
			mdFor[code] = markdown.New(markdown.Options{Image: lib.BodyImage(code)})
		}
		h = handlers.New(handlers.Deps{Store: tn.store, Catalog: tn.cat, Cache: pagecache.New(16 << 20), Langs: d.Langs,
			Pages: pages, Markdown: d.Markdown, MarkdownFor: mdFor, Photos: lib, Assets: assets, Log: d.Log, BaseURL: d.BaseURL})
		d.Changed, d.Removed, d.Photos, d.FrontsChanged = h.StoryChanged, h.StoryRemoved, lib, h.SetFronts
		pn.lib = lib
		r := h.Router()
		lib.RegisterAdmin(r.Group(photos.AdminPrefix))
		return r
	})
	return pn
}

// photo uploads a generated photo with the given alt text and caption (ko).
func (pn *photoNewsroom) photo(t *testing.T, name, altKo, captionKo string) *photos.Photo {
	t.Helper()
	// The library makes one photo of identical bytes: each name gets its own
	// blue, so each call uploads a photo of its own.
	blue := uint8(crc32.ChecksumIEEE([]byte(name)))
	img := image.NewNRGBA(image.Rect(0, 0, 480, 320))
	for y := 0; y < 320; y++ {
		for x := 0; x < 480; x++ {
			img.Set(x, y, color.NRGBA{uint8(x / 2), uint8(y / 2), blue, 255})
		}
	}
	// A band by the name: the same pixels would be the same photo.
	for x, c := range []byte(name) {
		for y := range 16 {
			img.Set(x*8, y, color.NRGBA{c, c, c, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	p, _, err := pn.lib.Upload(t.Context(), name, &buf, "editor@example.com")
	if err != nil {
		t.Fatal(err)
	}
	d := photos.Details{Caption: story.Text{"ko": captionKo}, Credit: story.Text{"ko": "뉴스룸 사진부"}}
	if altKo != "" {
		d.Alt = story.Text{"ko": altKo}
	}
	if p, err = pn.lib.Update(t.Context(), p.ID, d); err != nil {
		t.Fatal(err)
	}
	return p
}

// publicArticle is the reader's page of story n in ko.
func (pn *photoNewsroom) publicArticle(t *testing.T, n int) resp {
	t.Helper()
	v := pn.version(t, n, "ko")
	return pn.client(t).get("/ko/news/" + strconv.Itoa(n) + "/" + url.PathEscape(v.Slug))
}

// TestLeadPhotoChosenThroughTheForm: the photo ID the picker puts in the
// form becomes the story's reference (with the story's own caption in this
// language), the editor shows its thumbnail, and readers see it.
func TestLeadPhotoChosenThroughTheForm(t *testing.T) {
	pn := newPhotoNewsroom(t)
	p := pn.photo(t, "market.jpg", "시장 입구에 모인 상인들", "한인 시장 개장식")
	editor := pn.login(t, store.RoleEditor)
	n := editor.create("한인 시장 새 단장")

	f := pn.editForm(t, n, actSave)
	f.Set("photo_id", p.ID)
	f.Set("photo_caption", "새 단장한 시장 입구")
	if r := editor.post(editHref(n, "ko"), f); r.code != http.StatusSeeOther {
		t.Fatalf("save with a lead photo: %d\n%s", r.code, r.body)
	}
	st, err := pn.store.Story(t.Context(), n)
	if err != nil {
		t.Fatal(err)
	}
	if st.Photo.ID != p.ID || st.Photo.Width != 480 || st.Photo.Height != 320 || st.Photo.Caption["ko"] != "새 단장한 시장 입구" {
		t.Errorf("stored lead photo %+v", st.Photo)
	}
	if len(st.Photo.Credit) != 0 || len(st.Photo.Alt) != 0 {
		t.Errorf("library's credit or alt copied into the story: %+v", st.Photo)
	}

	// The editor shows the chosen photo, in each user's language.
	thumb := photos.ThumbURL(p, photos.CropWide, 320)
	for role, want := range map[auth.Role]string{store.RoleEditor: "대표 사진", store.RoleAdmin: "Lead photo"} {
		r := pn.login(t, role).get(editHref(n, "ko"))
		if !containsAll(r.body, want, `src="`+thumb+`"`, `name="photo_id" value="`+p.ID+`"`, `value="새 단장한 시장 입구"`, `placeholder="한인 시장 개장식"`) {
			t.Errorf("editor page for %s lacks the chosen photo:\n%s", role, elementOf(r.body, "lead-photo", "</fieldset>"))
		}
	}

	// Published, the article leads with it, captioned as the story says.
	f = pn.editForm(t, n, actPublish)
	f.Set("photo_id", p.ID)
	f.Set("photo_caption", "새 단장한 시장 입구")
	if r := editor.post(editHref(n, "ko"), f); r.code != http.StatusSeeOther {
		t.Fatalf("publish: %d\n%s", r.code, r.body)
	}
	page := pn.publicArticle(t, n)
	if page.code != http.StatusOK || !containsAll(page.body, "/media/"+p.ID+"/", "새 단장한 시장 입구", "뉴스룸 사진부", `alt="시장 입구에 모인 상인들"`) {
		t.Errorf("public article (%d) lacks the lead photo", page.code)
	}

	// A save without the photo fields (the side-by-side editor) keeps it;
	// an empty ID removes it.
	f = pn.editForm(t, n, actSave)
	if r := editor.post(editHref(n, "ko"), f); r.code != http.StatusSeeOther {
		t.Fatalf("save without photo fields: %d", r.code)
	}
	if st, _ := pn.store.Story(t.Context(), n); st.Photo.ID != p.ID {
		t.Errorf("a form without photo fields dropped the photo: %+v", st.Photo)
	}
	f = pn.editForm(t, n, actSave)
	f.Set("photo_id", "")
	if r := editor.post(editHref(n, "ko"), f); r.code != http.StatusSeeOther {
		t.Fatalf("remove photo: %d", r.code)
	}
	if st, _ := pn.store.Story(t.Context(), n); st.Photo.ID != "" {
		t.Errorf("remove left %+v", st.Photo)
	}
}

// TestUnknownLeadPhotoRefusedNextToTheField: an ID the library does not
// have is refused beside the field, in the user's language, with
// everything typed still in the form and nothing saved.
func TestUnknownLeadPhotoRefusedNextToTheField(t *testing.T) {
	pn := newPhotoNewsroom(t)
	for role, msg := range map[auth.Role]string{store.RoleEditor: "미디어 라이브러리에 이 ID의 사진이 없습니다", store.RoleAdmin: "There is no photo with this ID"} {
		c := pn.login(t, role)
		n := c.create("사진 없는 기사 " + string(role))
		before := pn.version(t, n, "ko")
		f := pn.editForm(t, n, actSave)
		f.Set("headline", "고친 제목 "+string(role))
		f.Set("photo_id", "0123456789abcdef")
		f.Set("photo_caption", "내가 쓴 설명")
		r := c.post(editHref(n, "ko"), f)
		if r.code != http.StatusUnprocessableEntity {
			t.Fatalf("%s: unknown photo: %d", role, r.code)
		}
		field := elementOf(r.body, "lead-photo", "</fieldset>")
		if !containsAll(field, msg, `value="0123456789abcdef"`, `aria-invalid="true"`, `value="내가 쓴 설명"`) {
			t.Errorf("%s: refusal not next to the field with the typed ID:\n%s", role, field)
		}
		if !strings.Contains(r.body, `value="고친 제목 `+string(role)+`"`) {
			t.Errorf("%s: typed headline lost", role)
		}
		if after := pn.version(t, n, "ko"); after.Revision != before.Revision {
			t.Errorf("%s: refused save stored a revision", role)
		}
	}
}

// TestPublishNeedsAltText: publishing or scheduling is refused while the
// lead photo or a body photo lacks alt text in the version's language,
// listing them with links to fix them; drafts save regardless; once the
// library has the alt text, publishing goes through.
func TestPublishNeedsAltText(t *testing.T) {
	pn := newPhotoNewsroom(t)
	lead := pn.photo(t, "lead.jpg", "", "대표 사진 설명")
	inBody := pn.photo(t, "inside.jpg", "", "본문 사진 설명")
	fine := pn.photo(t, "fine.jpg", "대체 텍스트 있음", "설명 있음")
	editor := pn.login(t, store.RoleEditor)
	n := editor.create("대체 텍스트 시험")
	body := "첫 문단.\n\n" + photos.Markdown(inBody, "ko") + "\n\n" + photos.Markdown(fine, "ko") + "\n\n끝."

	form := func(action string) url.Values {
		f := pn.editForm(t, n, action)
		f.Set("body", body)
		f.Set("photo_id", lead.ID)
		f.Set("schedule_at", "2099-01-02T09:00")
		return f
	}
	// A draft is never held up.
	if r := editor.post(editHref(n, "ko"), form(actSave)); r.code != http.StatusSeeOther {
		t.Fatalf("draft save with photos lacking alt text: %d\n%s", r.code, r.body)
	}
	for role, msg := range map[auth.Role]string{store.RoleEditor: "대체 텍스트가 없습니다", store.RoleAdmin: "these photos have no alt text in"} {
		c := pn.login(t, role)
		for _, act := range []string{actPublish, actSchedule} {
			f := form(act)
			f.Set("headline", "게시 시도 제목")
			r := c.post(editHref(n, "ko"), f)
			if r.code != http.StatusUnprocessableEntity {
				t.Fatalf("%s %s with alt text missing: %d", role, act, r.code)
			}
			box := elementOf(r.body, "alt-missing", "</div>")
			if !containsAll(box, msg, `href="/admin/media/photo/`+lead.ID+`"`, `href="/admin/media/photo/`+inBody.ID+`"`, "대표 사진 설명") ||
				strings.Contains(box, fine.ID) {
				t.Errorf("%s %s: refusal does not list exactly the photos without alt text:\n%s", role, act, box)
			}
			if !strings.Contains(r.body, `value="게시 시도 제목"`) || !strings.Contains(html.UnescapeString(r.body), photos.Markdown(inBody, "ko")) {
				t.Errorf("%s %s: typed text lost", role, act)
			}
		}
	}
	if v := pn.version(t, n, "ko"); v.Status != story.Draft {
		t.Fatalf("refused publish changed the status to %s", v.Status)
	}
	if _, live := pn.cat.Live("ko", n); live {
		t.Fatal("published without alt text")
	}

	for _, p := range []*photos.Photo{lead, inBody} {
		if _, err := pn.lib.Update(t.Context(), p.ID, photos.Details{Caption: p.Caption, Credit: p.Credit,
			Alt: story.Text{"ko": "이제 있는 대체 텍스트"}}); err != nil {
			t.Fatal(err)
		}
	}
	if r := editor.post(editHref(n, "ko"), form(actPublish)); r.code != http.StatusSeeOther {
		t.Fatalf("publish after the alt text was added: %d\n%s", r.code, elementOf(r.body, "alt-missing", "</div>"))
	}
	if _, live := pn.cat.Live("ko", n); !live {
		t.Error("not live after publishing")
	}
	// Once live, a save that adds a photo without alt text is refused too:
	// it would reach readers at once.
	bare := pn.photo(t, "bare.jpg", "", "설명만")
	f := form(actSave)
	f.Set("base", strconv.Itoa(pn.version(t, n, "ko").Revision))
	f.Set("photo_id", bare.ID)
	if r := editor.post(editHref(n, "ko"), f); r.code != http.StatusUnprocessableEntity || !strings.Contains(r.body, bare.ID) {
		t.Errorf("saving a live story with a new photo lacking alt text: %d", r.code)
	}
}

// elementOf returns the part of body from the element with id up to the
// first end after it, or "".
func elementOf(body, id, end string) string {
	i := strings.Index(body, `id="`+id+`"`)
	if i < 0 {
		return ""
	}
	if j := strings.Index(body[i:], end); j >= 0 {
		return body[i : i+j]
	}
	return body[i:]
}

// TestTranslatorChangesOnlyTheTranslation: a translator saving the English
// version through the full editor changes its text and the photo caption in
// English, but not what belongs to the whole story (section, tags, byline,
// which lead photo), whatever the form sends; the editor shows those fields
// to them locked, with a note saying why.
func TestTranslatorChangesOnlyTheTranslation(t *testing.T) {
	pn := newPhotoNewsroom(t)
	p1 := pn.photo(t, "market.jpg", "시장 입구에 모인 상인들", "한인 시장 개장식")
	p2 := pn.photo(t, "other.jpg", "다른 사진", "다른 사진 설명")
	editor, translator := pn.login(t, store.RoleEditor), pn.login(t, store.RoleTranslator)
	n := editor.create("한인 시장 새 단장")
	f := pn.editForm(t, n, actSave)
	f.Set("photo_id", p1.ID)
	if r := editor.post(editHref(n, "ko"), f); r.code != http.StatusSeeOther {
		t.Fatalf("save with a lead photo: %d\n%s", r.code, r.body)
	}

	page := translator.get(editHref(n, "en"))
	if page.code != http.StatusOK || !containsAll(page.body, "Section, tags, byline and the lead photo are the editors",
		`<select id="section" name="section" disabled`, `value="jhpark" checked disabled`) || strings.Contains(page.body, `id="photo-choose"`) {
		t.Errorf("translator's editor (%d) does not show the story-wide fields locked", page.code)
	}
	if strings.Contains(page.body, `href="`+editHref(n, "ko")+`"`) {
		t.Errorf("translator's editor links to the original's editor, which refuses them")
	}
	if r := editor.get(editHref(n, "en")); !strings.Contains(r.body, `href="`+editHref(n, "ko")+`"`) {
		t.Errorf("editor's page lacks the link to the Korean version")
	}

	tf := url.Values{"action": {actSave}, "lang": {"en"}, "base": {"0"}, "wide_base": formValues(t, page.body, "story-form")["wide_base"], "headline": {"Korean market gets a new look"},
		"body": {"First paragraph.\n\nSecond paragraph."}, "section": {"community"}, "tags": {"elsewhere"},
		"byline": {"smlee", "nobody-at-all"}, "photo_id": {p2.ID}, "photo_caption": {"The market's new entrance"}}
	if r := translator.post(editHref(n, "en"), tf); r.code != http.StatusSeeOther {
		t.Fatalf("translator's save: %d\n%s", r.code, r.body)
	}
	st, err := pn.store.Story(t.Context(), n)
	if err != nil {
		t.Fatal(err)
	}
	if v := st.Version("en"); v == nil || v.Headline != "Korean market gets a new look" || v.TranslatedFrom != "ko" {
		t.Fatalf("English version not saved as a translation: %+v", v)
	}
	if st.Section != "business" || strings.Join(st.Tags, ",") != "경제,댈러스" || strings.Join(st.Byline, ",") != "jhpark" {
		t.Errorf("translator changed story-wide fields: section %q tags %q byline %q", st.Section, st.Tags, st.Byline)
	}
	if st.Photo.ID != p1.ID || st.Photo.Caption["en"] != "The market's new entrance" {
		t.Errorf("lead photo after the translator's save: %+v", st.Photo)
	}

	// The editor still changes them.
	f = pn.editForm(t, n, actSave)
	f.Set("section", "community")
	if r := editor.post(editHref(n, "ko"), f); r.code != http.StatusSeeOther {
		t.Fatalf("editor's save: %d\n%s", r.code, r.body)
	}
	if st, _ := pn.store.Story(t.Context(), n); st.Section != "community" {
		t.Errorf("editor could not change the section: %q", st.Section)
	}
}
