package admin

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// loadedForm is the editor form of story n in lng as its page shows it
// now: the stored text and story-wide fields, and the two revisions the
// page carries (the version's and the story-wide fields').
func (tn *testNewsroom) loadedForm(t testing.TB, n int, lng, action string) (url.Values, error) {
	st, err := tn.store.Story(t.Context(), n)
	if err != nil {
		return nil, err
	}
	v := st.Version(lng)
	body, err := tn.store.Body(t.Context(), n, lng, v.Revision)
	if err != nil {
		return nil, err
	}
	return url.Values{"action": {action}, "lang": {lng}, "headline": {v.Headline}, "slug": {v.Slug}, "body": {body},
		"section": {st.Section}, "tags": {strings.Join(st.Tags, ", ")}, "byline": st.Byline,
		"base": {itoa(v.Revision)}, "wide_base": {itoa(st.WideRevision)}}, nil
}

func (tn *testNewsroom) mustLoad(t testing.TB, n int, lng, action string) url.Values {
	t.Helper()
	f, err := tn.loadedForm(t, n, lng, action)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// bilingualStory makes a story in Korean (by the editor) with an English
// version, both drafts, and returns its number.
func (tn *testNewsroom) bilingualStory(t testing.TB, editor *client) int {
	t.Helper()
	n := editor.create("한미 무역 협정 설명회")
	en := url.Values{"action": {actSave}, "lang": {"en"}, "base": {"0"}, "headline": {"Trade agreement briefing"},
		"body": {"First paragraph.\n\nSecond paragraph."}, "section": {"business"}, "tags": {"경제, 댈러스"}, "byline": {"jhpark"}}
	if r := editor.post(editHref(n, "en"), en); r.code != http.StatusSeeOther {
		t.Fatalf("English version: %d\n%s", r.code, r.body)
	}
	return n
}

func (tn *testNewsroom) stored(t testing.TB, n int) *story.Story {
	t.Helper()
	st, err := tn.store.Story(t.Context(), n)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestStoryWideFieldsSurviveASaveOfTheOtherLanguage is the two-editor case:
// B opens the English version, A saves the Korean one with a new section
// and tags, B saves the English form as loaded. A's change stays, in the
// database and on the reader side (the catalogue); a story-wide field that
// B changed too is a conflict page naming it, and B's "keep mine" keeps
// B's value without undoing the rest of A's change.
func TestStoryWideFieldsSurviveASaveOfTheOtherLanguage(t *testing.T) {
	tn := newTestNewsroom(t, true)
	a, b := tn.login(t, store.RoleEditor), tn.login(t, store.RoleAdmin)
	n := tn.bilingualStory(t, a)

	page := b.get(editHref(n, "en"))
	if !strings.Contains(page.body, `name="wide_base" value="`+itoa(tn.stored(t, n).WideRevision)+`"`) {
		t.Fatal("the editor page does not carry the story-wide revision it shows")
	}
	bForm := tn.mustLoad(t, n, "en", actSave)

	aForm := tn.mustLoad(t, n, "ko", actSave)
	aForm.Set("section", "community")
	aForm.Set("tags", "무역, 텍사스")
	if r := a.post(editHref(n, "ko"), aForm); r.code != http.StatusSeeOther {
		t.Fatalf("A's save: %d\n%s", r.code, r.body)
	}

	bForm.Set("headline", "Trade agreement briefing in Dallas")
	if r := b.post(editHref(n, "en"), bForm); r.code != http.StatusSeeOther {
		t.Fatalf("B's save of the English text: %d\n%s", r.code, r.body)
	}
	for where, st := range map[string]*story.Story{"stored": tn.stored(t, n), "catalogue": tn.cat.Story(n)} {
		if st.Section != "community" || !slices.Equal(st.Tags, []string{"무역", "텍사스"}) {
			t.Errorf("%s after B's save: section %q tags %v; A's change was reverted", where, st.Section, st.Tags)
		}
		if st.Version("en").Headline != "Trade agreement briefing in Dallas" {
			t.Errorf("%s: B's text was not saved", where)
		}
	}

	// B, still on the form loaded before A's save, now changes the tags
	// too: both changed them, so nothing is saved and the page says which
	// field collided, with both values.
	bForm = tn.mustLoad(t, n, "en", actSave)
	bForm.Set("wide_base", "0")
	bForm.Set("tags", "경제, 댈러스, 설명회")
	before := tn.stored(t, n)
	r := b.post(editHref(n, "en"), bForm)
	if r.code != http.StatusConflict || !containsAll(r.body, `id="wide-clashes"`, "Tags", "무역, 텍사스", "경제, 댈러스, 설명회") {
		t.Fatalf("colliding tags: %d, want 409 naming the tags on both sides\n%s", r.code, elementOf(r.body, "wide-clashes", "</table>"))
	}
	if st := tn.stored(t, n); !slices.Equal(st.Tags, before.Tags) || st.Version("en").Revision != before.Version("en").Revision {
		t.Fatalf("a conflict stored something: tags %v", st.Tags)
	}
	keep := formValues(t, r.body, "keep-mine")
	keep.Set("action", actSave) // the button pressed
	if got := b.post(editHref(n, "en"), keep); got.code != http.StatusSeeOther {
		t.Fatalf("keep mine: %d\n%s", got.code, got.body)
	}
	if st := tn.stored(t, n); st.Section != "community" || !slices.Equal(st.Tags, []string{"경제", "댈러스", "설명회"}) {
		t.Errorf("after keep mine: section %q tags %v; want A's section and B's tags", st.Section, st.Tags)
	}

	// Changes of different fields from the same start both stay.
	bForm = tn.mustLoad(t, n, "en", actSave)
	aForm = tn.mustLoad(t, n, "ko", actSave)
	aForm.Set("section", "business")
	if r := a.post(editHref(n, "ko"), aForm); r.code != http.StatusSeeOther {
		t.Fatalf("A's section: %d", r.code)
	}
	bForm.Set("byline", "smlee")
	if r := b.post(editHref(n, "en"), bForm); r.code != http.StatusSeeOther {
		t.Fatalf("B's byline from a form loaded before A's section: %d\n%s", r.code, r.body)
	}
	for where, st := range map[string]*story.Story{"stored": tn.stored(t, n), "catalogue": tn.cat.Story(n)} {
		if st.Section != "business" || !slices.Equal(st.Byline, []string{"smlee"}) {
			t.Errorf("%s: section %q byline %v; want A's section and B's byline", where, st.Section, st.Byline)
		}
	}
}

// TestConcurrentMixedSavesLoseNoStoryWideChange: 100 people save one
// bilingual story at once, each from a form loaded before any of them
// saved: editors adding a tag each (through the Korean or the English
// form), editors changing only the text in either language, and
// translators changing the English text. A refused tagger reloads and adds
// the tag again; a refused writer presses "keep mine" on the conflict page
// (whose form may be stale again by the time it arrives), up to twice.
// Every acknowledged tag must be in the final story, in the database and
// in the catalogue, and nobody's save may move the section or byline.
func TestConcurrentMixedSavesLoseNoStoryWideChange(t *testing.T) {
	tn := newTestNewsroom(t, true)
	editor := tn.login(t, store.RoleEditor)
	n := tn.bilingualStory(t, editor)

	const taggers, writers, translators = 16, 42, 42 // 2 tags + 16 stays within maxTags
	type worker struct {
		c        *client
		lng, tag string
		form     url.Values
	}
	var ws []*worker
	for i := 0; i < taggers+writers+translators; i++ {
		role, lng, tag := store.RoleEditor, []string{"ko", "en"}[i%2], ""
		switch {
		case i < taggers:
			tag = fmt.Sprintf("t%02d", i)
		case i >= taggers+writers:
			role, lng = store.RoleTranslator, "en"
		}
		f := tn.mustLoad(t, n, lng, actSave)
		if tag != "" {
			f.Set("tags", f.Get("tags")+", "+tag)
		} else {
			f.Set("body", f.Get("body")+fmt.Sprintf("\n\n%d번 문단.", i))
		}
		ws = append(ws, &worker{c: tn.login(t, role), lng: lng, tag: tag, form: f})
	}

	var wg sync.WaitGroup
	var mu sync.Mutex
	acked, refused, unavailable := map[string]bool{}, 0, 0
	start := make(chan struct{})
	for i, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			f, keeps := w.form, 0
			for try := 0; try < 300; try++ {
				r := w.c.post(editHref(n, w.lng), f)
				switch r.code {
				case http.StatusSeeOther:
					mu.Lock()
					acked[w.tag] = true
					mu.Unlock()
					return
				case http.StatusServiceUnavailable:
					// The database did not answer in time on a loaded
					// machine: nothing was acknowledged, send it again.
					mu.Lock()
					unavailable++
					mu.Unlock()
					continue
				case http.StatusConflict:
					mu.Lock()
					refused++
					mu.Unlock()
				default:
					t.Errorf("worker %d: %d\n%s", i, r.code, r.body)
					return
				}
				switch {
				case w.tag == "" && keeps < 2:
					keeps++
					f = formValues(t, r.body, "keep-mine")
					f.Set("action", actSave)
				case w.tag == "":
					return // gave up: nothing of theirs was acknowledged
				default:
					var err error
					if f, err = tn.loadedForm(t, n, w.lng, actSave); err != nil {
						t.Error(err)
						return
					}
					f.Set("tags", f.Get("tags")+", "+w.tag)
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	t.Logf("%d saves refused (409) and retried or given up, %d sent again after a 503", refused, unavailable)

	for where, st := range map[string]*story.Story{"stored": tn.stored(t, n), "catalogue": tn.cat.Story(n)} {
		var lost []string
		for _, w := range ws {
			if w.tag != "" && acked[w.tag] && !slices.Contains(st.Tags, w.tag) {
				lost = append(lost, w.tag)
			}
		}
		if len(lost) > 0 || st.Section != "business" || !slices.Equal(st.Byline, []string{"jhpark"}) {
			t.Errorf("%s: %d acknowledged tags lost %v; section %q byline %v", where, len(lost), lost, st.Section, st.Byline)
		}
	}
	for _, w := range ws {
		if w.tag != "" && !acked[w.tag] {
			t.Errorf("tag %s was never acknowledged", w.tag)
		}
	}
}

// TestTranslatorSaveFromBeforeAPhotoChange: a translator has the English
// editor open while an editor replaces the lead photo through the Korean
// one. The translator's save (caption field as loaded) is no conflict and
// keeps the new photo; a caption the translator then types, while the
// editor changes the Korean caption, is kept beside it.
func TestTranslatorSaveFromBeforeAPhotoChange(t *testing.T) {
	pn := newPhotoNewsroom(t)
	p1 := pn.photo(t, "market.jpg", "시장 입구", "한인 시장 개장식")
	p2 := pn.photo(t, "other.jpg", "다른 사진", "다른 사진 설명")
	editor, translator := pn.login(t, store.RoleEditor), pn.login(t, store.RoleTranslator)
	n := pn.bilingualStory(t, editor)
	f := pn.mustLoad(t, n, "ko", actSave)
	f.Set("photo_id", p1.ID)
	if r := editor.post(editHref(n, "ko"), f); r.code != http.StatusSeeOther {
		t.Fatalf("lead photo: %d\n%s", r.code, r.body)
	}
	f = pn.mustLoad(t, n, "en", actSave)
	f.Set("photo_id", p1.ID)
	f.Set("photo_caption", "The market's entrance")
	if r := editor.post(editHref(n, "en"), f); r.code != http.StatusSeeOther {
		t.Fatalf("English caption: %d\n%s", r.code, r.body)
	}
	// The English editor as the translator's page shows it, lead photo fields included.
	loaded := func() url.Values {
		f := pn.mustLoad(t, n, "en", actSave)
		st := pn.stored(t, n)
		f.Set("photo_id", st.Photo.ID)
		f.Set("photo_caption", st.Photo.Caption["en"])
		f.Set("photo_credit", st.Photo.Credit["en"])
		return f
	}
	tf := loaded()

	f = pn.mustLoad(t, n, "ko", actSave)
	f.Set("photo_id", p2.ID)
	if r := editor.post(editHref(n, "ko"), f); r.code != http.StatusSeeOther {
		t.Fatalf("replace the photo: %d", r.code)
	}
	tf.Set("headline", "Trade agreement briefing, translated")
	if r := translator.post(editHref(n, "en"), tf); r.code != http.StatusSeeOther {
		t.Fatalf("translator's save from before the photo changed: %d, want 303\n%s", r.code, elementOf(r.body, "wide-clashes", "</table>"))
	}
	if st := pn.stored(t, n); st.Photo.ID != p2.ID || st.Version("en").Headline != "Trade agreement briefing, translated" {
		t.Errorf("after the translator's save: photo %s, English headline %q", st.Photo.ID, st.Version("en").Headline)
	}

	tf = loaded()
	f = pn.mustLoad(t, n, "ko", actSave)
	f.Set("photo_id", p2.ID)
	f.Set("photo_caption", "새 사진 설명")
	if r := editor.post(editHref(n, "ko"), f); r.code != http.StatusSeeOther {
		t.Fatalf("Korean caption: %d", r.code)
	}
	tf.Set("photo_caption", "A new caption")
	if r := translator.post(editHref(n, "en"), tf); r.code != http.StatusSeeOther {
		t.Fatalf("translator's caption: %d", r.code)
	}
	if st := pn.stored(t, n); st.Photo.ID != p2.ID || st.Photo.Caption["ko"] != "새 사진 설명" || st.Photo.Caption["en"] != "A new caption" {
		t.Errorf("after both captions: %+v", st.Photo)
	}
}
