package admin

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/newsroom/newsroom/glossary"
	"github.com/newsroom/newsroom/store"
)

// The Korean source used by the translation tests: names with particles
// attached, as a reporter writes them.
const (
	koPara1 = "김현겸 회장은 21일 달라스 한인상공회와 업무협약을 맺었다."
	koPara2 = "행사에는 회원 50여 명이 참석했다."
	koBody  = koPara1 + "\n\n" + koPara2
)

// seedGlossary stores the entries the tests look for.
func (tn *testNewsroom) seedGlossary(t *testing.T) {
	t.Helper()
	for _, e := range []glossary.Entry{
		{Kind: glossary.Person, Terms: map[string]string{"ko": "김현겸", "en": "Hyun-kyum Kim"},
			Title: map[string]string{"ko": "회장", "en": "President"}},
		{Kind: glossary.Organization, Terms: map[string]string{"ko": "달라스 한인상공회", "en": "Dallas Korean American Chamber of Commerce"}},
		{Kind: glossary.Term, Terms: map[string]string{"ko": "업무협약", "en": "MOU"}},
	} {
		if _, err := tn.store.PutGlossaryEntry(t.Context(), e); err != nil {
			t.Fatal(err)
		}
	}
}

// saveKo saves the Korean version of n as c with body, optionally minor.
func (tn *testNewsroom) saveKo(t *testing.T, c *client, n int, body string, minor bool) {
	t.Helper()
	f := tn.editForm(t, n, actSave)
	f.Set("body", body)
	st, err := tn.store.Story(t.Context(), n)
	if err != nil {
		t.Fatal(err)
	}
	f["byline"] = st.Byline
	if minor {
		f.Set("minor", "on")
	}
	if r := c.post(editHref(n, "ko"), f); r.code != http.StatusSeeOther {
		t.Fatalf("save ko: %d\n%s", r.code, r.body)
	}
}

// translate saves the English translation of n as c from the side-by-side
// form with the given paragraphs and action.
func (tn *testNewsroom) translate(t *testing.T, c *client, n int, action, headline string, paras ...string) resp {
	t.Helper()
	base := 0
	if v := tn.version(t, n, "en"); v != nil {
		base = v.Revision
	}
	st, err := tn.store.Story(t.Context(), n)
	if err != nil {
		t.Fatal(err)
	}
	f := url.Values{"action": {action}, "lang": {"en"}, "view": {"translate"}, "base": {strconv.Itoa(base)},
		"source_revision": {strconv.Itoa(st.Version("ko").Revision)}, "headline": {headline},
		"section": {st.Section}, "tags": {strings.Join(st.Tags, ", ")}, "byline": st.Byline, "para": paras}
	return c.post(editHref(n, "en"), f)
}

func TestTranslateSideBySideWithGlossary(t *testing.T) {
	tn := newTestNewsroom(t, true)
	tn.seedGlossary(t)
	ed, tr := tn.login(t, store.RoleEditor), tn.login(t, store.RoleTranslator)
	n := ed.create("상공회 업무협약")
	tn.saveKo(t, ed, n, koBody, false)
	koRev := tn.version(t, n, "ko").Revision

	// The Korean editor offers the side-by-side translation into English.
	if r := ed.get(editHref(n, "ko")); !strings.Contains(r.body, translateHref(n, "en")) || !strings.Contains(r.body, "영어로 번역") {
		t.Errorf("no 'translate into English' link on the Korean editor")
	}
	// The translator (English UI) opens it: each source paragraph beside
	// its field, with the glossary entries found in it despite particles.
	r := tr.get(translateHref(n, "en"))
	if r.code != http.StatusOK {
		t.Fatalf("translate page: %d\n%s", r.code, r.body)
	}
	rows := regexp.MustCompile(`(?s)<div class="sbs-row[^"]*" data-para="(\d+)">(.*?)<textarea id="para-`).FindAllStringSubmatch(r.body, -1)
	if len(rows) != 2 {
		t.Fatalf("%d paragraph rows, want 2", len(rows))
	}
	if !containsAll(rows[0][2], "김현겸 회장은", "Hyun-kyum Kim", "President", "Dallas Korean American Chamber of Commerce", "MOU") {
		t.Errorf("first row lacks its glossary entries:\n%s", rows[0][2])
	}
	if strings.Contains(rows[1][2], "Hyun-kyum Kim") {
		t.Errorf("second row shows an entry it does not contain")
	}
	if !containsAll(r.body, "translation into English", "Glossary entries in this paragraph") {
		t.Errorf("translate page not in the translator's language")
	}

	// The first save creates the English version, recording its source revision.
	r = tn.translate(t, tr, n, actSave, "Chamber signs MOU",
		"Hyunkyum Kim, president, signed an MOU with the Dallas Korean American Chamber of Commerce on the 21st.",
		"About 50 members attended.")
	if r.code != http.StatusSeeOther || r.hdr.Get("Location") != translateHref(n, "en")+"?done=saved" {
		t.Fatalf("translation save: %d %s\n%s", r.code, r.hdr.Get("Location"), r.body)
	}
	en := tn.version(t, n, "en")
	if en.TranslatedFrom != "ko" || en.SourceRevision != koRev || en.Status != "draft" {
		t.Fatalf("translation version: %+v", en)
	}
	body, _ := tn.store.Body(t.Context(), n, "en", en.Revision)
	if !strings.HasPrefix(body, "Hyunkyum Kim") || !strings.Contains(body, "\n\nAbout 50 members") {
		t.Errorf("translation body: %q", body)
	}
	// Before publishing, a warning (not a block) about the spelling.
	r = tr.get(translateHref(n, "en"))
	if !strings.Contains(r.body, "Hyunkyum Kim is spelled Hyun-kyum Kim in the glossary.") {
		t.Errorf("no glossary warning on the translation")
	}
	ko := tn.login(t, store.RoleEditor).get(translateHref(n, "en"))
	if !strings.Contains(ko.body, "Hyunkyum Kim: 용어집 표기는 Hyun-kyum Kim입니다.") {
		t.Errorf("no Korean glossary warning for the editor")
	}
	// The warning does not block: the editor publishes it as it is.
	f := url.Values{"action": {actPublish}, "lang": {"en"}, "view": {"translate"}, "base": {strconv.Itoa(en.Revision)},
		"headline": {"Chamber signs MOU"}, "section": {"business"}, "byline": {"jhpark"}, "tags": {""},
		"para": {"Hyunkyum Kim signed.", "About 50 members attended."}}
	if r := ed.post(editHref(n, "en"), f); r.code != http.StatusSeeOther {
		t.Fatalf("publish translation: %d\n%s", r.code, r.body)
	}
	if v := tn.version(t, n, "en"); v.Status != "published" || v.SourceRevision != koRev {
		t.Errorf("published translation: %+v", v)
	}
}

func TestStalenessMinorEditsAndMarkUpToDate(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ed, tr, rep := tn.login(t, store.RoleEditor), tn.login(t, store.RoleTranslator), tn.login(t, store.RoleReporter)
	n := ed.createBy("원문 기사", "smlee") // not the reporter's story
	tn.saveKo(t, ed, n, koBody, false)
	if r := tn.translate(t, tr, n, actSave, "Source story", "Kim signed.", "About 50 attended."); r.code != http.StatusSeeOther {
		t.Fatalf("translate: %d", r.code)
	}
	stale := func() bool { st, _ := tn.store.Story(t.Context(), n); return st.Stale("en") }

	// The Korean editor now offers the minor-edit box; a minor edit keeps the translation current.
	if r := ed.get(editHref(n, "ko")); !strings.Contains(r.body, `name="minor"`) {
		t.Error("no minor-edit box on a source with a translation")
	}
	tn.saveKo(t, ed, n, koBody+" ", true)
	if stale() {
		t.Fatal("a minor source edit made the translation stale")
	}
	if r := tr.get("/admin/desk"); strings.Contains(sectionOf(r.body, "desk-stale"), "원문 기사") {
		t.Error("desk lists a translation as stale after a minor edit")
	}

	// A real edit does: badge on the dashboard, banner with the changed paragraph.
	tn.saveKo(t, ed, n, koPara1+"\n\n행사에는 회원 80여 명이 참석했다.", false)
	if !stale() {
		t.Fatal("a source edit did not make the translation stale")
	}
	if r := ed.get("/admin/?lang=en"); !strings.Contains(r.body, "원문 수정됨") {
		t.Error("no 'source updated' badge on the dashboard")
	}
	r := tr.get(translateHref(n, "en"))
	banner := sectionOf(r.body, "stale")
	if !containsAll(banner, "Source updated", "<del>50여</del><ins>80여</ins>", "mark-up-to-date") || strings.Contains(banner, "김현겸") {
		t.Errorf("stale banner shows the wrong paragraphs:\n%s", banner)
	}
	if !strings.Contains(r.body, `class="sbs-row changed" data-para="1"`) || strings.Contains(r.body, `class="sbs-row changed" data-para="0"`) {
		t.Error("the changed source paragraph is not marked in its row")
	}
	if r := ed.get(editHref(n, "en")); !strings.Contains(r.body, `id="stale"`) {
		t.Error("no banner in the plain editor of the stale translation")
	}
	if r := tr.get("/admin/desk?lang=en"); !strings.Contains(sectionOf(r.body, "desk-stale"), "Source story") {
		t.Error("the desk does not list the stale translation")
	}

	// A reporter may not mark someone else's translation up to date.
	base := strconv.Itoa(tn.version(t, n, "en").Revision)
	rep.get("/admin/")
	if r := rep.post(editHref(n, "en")+"/uptodate", url.Values{"base": {base}}); r.code != http.StatusForbidden {
		t.Errorf("reporter marking up to date: %d %s", r.code, r.hdr.Get("Location"))
	}
	// From an outdated page it is a conflict, not an overwrite.
	if r := tr.post(editHref(n, "en")+"/uptodate", url.Values{"base": {"99"}}); r.code != http.StatusConflict {
		t.Errorf("mark up to date from a stale base: %d", r.code)
	}
	if r := tr.post(editHref(n, "en")+"/uptodate", url.Values{"base": {base}}); r.code != http.StatusSeeOther {
		t.Fatalf("mark up to date: %d\n%s", r.code, r.body)
	}
	if stale() {
		t.Fatal("still stale after marking up to date")
	}
	if v := tn.version(t, n, "en"); v.SourceRevision != tn.version(t, n, "ko").Revision {
		t.Errorf("base %d after marking up to date", v.SourceRevision)
	}
}

// sectionOf returns the element with id (up to its closing tag), or "".
func sectionOf(body, id string) string {
	i := strings.Index(body, `id="`+id+`"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], "</section>")
	if j < 0 {
		return body[i:]
	}
	return body[i : i+j]
}

func TestHistoryDiffAndRestore(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ed, ad := tn.login(t, store.RoleEditor), tn.login(t, store.RoleAdmin)
	n := ed.create("이력 시험")
	tn.saveKo(t, ed, n, "첫 문단.\n\n둘째 문단은 고쳐졌다.", false)
	r := ed.get(editHref(n, "ko") + "/history")
	if r.code != http.StatusOK || !containsAll(r.body, "수정 이력", `id="rev-1"`, `id="rev-2"`, "<del>문단</del><ins>문단은 고쳐졌다</ins>") {
		t.Fatalf("history page (ko): %d\n%s", r.code, r.body)
	}
	if r := ad.get(editHref(n, "ko") + "/history?a=1&b=2"); !containsAll(r.body, "History of story", "Changes from revision 1 to 2") {
		t.Errorf("history page (en) not in English")
	}
	// Restoring revision 1 makes a new revision 3 with its text.
	if r := ed.post(editHref(n, "ko")+"/history/restore", url.Values{"revision": {"1"}, "base": {"2"}}); r.code != http.StatusSeeOther {
		t.Fatalf("restore: %d\n%s", r.code, r.body)
	}
	v := tn.version(t, n, "ko")
	body, _ := tn.store.Body(t.Context(), n, "ko", v.Revision)
	if v.Revision != 3 || body != "첫 문단.\n\n둘째 문단." {
		t.Fatalf("after restore: revision %d body %q", v.Revision, body)
	}
	// The audit log says who restored what.
	if r := ad.get("/admin/audit"); !containsAll(r.body, "Restored an earlier revision", itoa(n)+"/ko", "1 → 3") {
		t.Errorf("audit log lacks the restore:\n%s", r.body)
	}
	// Restoring from an outdated history page conflicts.
	if r := ed.post(editHref(n, "ko")+"/history/restore", url.Values{"revision": {"2"}, "base": {"2"}}); r.code != http.StatusConflict {
		t.Errorf("restore from a stale page: %d", r.code)
	}
	// A reporter cannot read or restore someone else's story's history.
	rep := tn.login(t, store.RoleReporter)
	other := ed.createBy("남의 기사", "smlee")
	if r := rep.get(editHref(other, "ko") + "/history"); r.code != http.StatusForbidden {
		t.Errorf("reporter reading another's history: %d", r.code)
	}
	if r := rep.post(editHref(other, "ko")+"/history/restore", url.Values{"revision": {"1"}, "base": {"1"}}); r.code != http.StatusForbidden {
		t.Errorf("reporter restoring another's story: %d", r.code)
	}
}

func TestConflictPageChoices(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ed, ad := tn.login(t, store.RoleEditor), tn.login(t, store.RoleAdmin)
	n := ed.create("충돌 페이지")
	mine := tn.editForm(t, n, actSave)
	theirs := tn.editForm(t, n, actSave)
	theirs.Set("body", "첫 문단.\n\n관리자가 고친 둘째 문단.")
	if r := ad.post(editHref(n, "ko"), theirs); r.code != http.StatusSeeOther {
		t.Fatalf("their save: %d", r.code)
	}
	mine.Set("body", "첫 문단.\n\n내가 고친 둘째 문단.")
	r := ed.post(editHref(n, "ko"), mine)
	if r.code != http.StatusConflict || !containsAll(r.body, `id="conflict"`, "Admin 님이", "<del>관리자가</del><ins>내가</ins>",
		`id="keep-mine"`, `id="merge"`, `id="keep-theirs"`, "내가 고친 둘째 문단.", "관리자가 고친 둘째 문단.") {
		t.Fatalf("conflict page: %d\n%s", r.code, r.body)
	}
	// Keep mine: the page's form carries my text on top of the new head.
	keep := formValues(t, r.body, "keep-mine")
	if keep.Get("base") != "2" || keep.Get("body") != "첫 문단.\n\n내가 고친 둘째 문단." {
		t.Fatalf("keep-mine form: %v", keep)
	}
	keep.Set("action", actSave)
	if r := ed.post(editHref(n, "ko"), keep); r.code != http.StatusSeeOther {
		t.Fatalf("keep mine: %d\n%s", r.code, r.body)
	}
	v := tn.version(t, n, "ko")
	if b, _ := tn.store.Body(t.Context(), n, "ko", v.Revision); v.Revision != 3 || b != "첫 문단.\n\n내가 고친 둘째 문단." {
		t.Errorf("after keeping mine: rev %d %q", v.Revision, b)
	}
	if b, _ := tn.store.Body(t.Context(), n, "ko", 2); b != "첫 문단.\n\n관리자가 고친 둘째 문단." {
		t.Errorf("their revision lost: %q", b)
	}
	// In English for an English-speaking user.
	stale := tn.editForm(t, n, actSave)
	stale.Set("base", "1")
	if r := ad.post(editHref(n, "ko"), stale); !containsAll(r.body, "saved by someone else meanwhile", "Keep mine", "Merge", "Keep theirs") {
		t.Errorf("conflict page in English: %d", r.code)
	}
}

// formValues reads the named form's inputs and textareas from a page.
func formValues(t *testing.T, page, id string) url.Values {
	t.Helper()
	i := strings.Index(page, `id="`+id+`"`)
	j := strings.Index(page[i:], "</form>")
	if i < 0 || j < 0 {
		t.Fatalf("no form %s", id)
	}
	form := page[i : i+j]
	out := url.Values{}
	for _, m := range regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)"`).FindAllStringSubmatch(form, -1) {
		out.Add(m[1], htmlUnescape(m[2]))
	}
	for _, m := range regexp.MustCompile(`(?s)<textarea[^>]* name="([^"]+)"[^>]*>(.*?)</textarea>`).FindAllStringSubmatch(form, -1) {
		out.Add(m[1], htmlUnescape(m[2]))
	}
	return out
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&#34;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
}

func TestPresenceShowsWhoElseIsEditing(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ed, ad := tn.login(t, store.RoleEditor), tn.login(t, store.RoleAdmin)
	n := ed.create("함께 편집")
	if r := ed.get(editHref(n, "ko")); strings.Contains(r.body, "지금 함께 편집 중") {
		t.Fatal("presence notice with nobody else there")
	}
	if r := ad.get(editHref(n, "ko")); !strings.Contains(r.body, "Also editing this now: 편집자") {
		t.Errorf("the admin is not told the editor has it open")
	}
	r := ed.post(editHref(n, "ko")+"/presence", nil, "X-Requested-With", "newsroom")
	if r.code != http.StatusOK || !strings.Contains(r.body, "지금 함께 편집 중: Admin") {
		t.Errorf("heartbeat: %d %s", r.code, r.body)
	}
	tr := tn.login(t, store.RoleTranslator)
	if r := tr.post(editHref(n, "ko")+"/presence", nil, "X-Requested-With", "newsroom"); r.code != http.StatusForbidden {
		t.Errorf("heartbeat on a version the user may not edit: %d", r.code)
	}
}

func TestDeskListsWorkOldestFirst(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ed, tr := tn.login(t, store.RoleEditor), tn.login(t, store.RoleTranslator)
	a := ed.create("데스크 첫 기사")
	b := ed.create("데스크 둘째 기사")
	c := ed.create("데스크 셋째 기사")
	if r := tn.translate(t, tr, b, actSave, "Desk story two", "Two."); r.code != http.StatusSeeOther {
		t.Fatalf("translate: %d", r.code)
	}
	r := tr.get("/admin/desk")
	missing, progress := sectionOf(r.body, "desk-missing"), sectionOf(r.body, "desk-in-progress")
	if r.code != http.StatusOK || !strings.Contains(missing, "데스크 첫 기사") || strings.Contains(missing, "데스크 둘째 기사") {
		t.Fatalf("missing list: %d\n%s", r.code, missing)
	}
	if !strings.Contains(progress, "Desk story two") || !strings.Contains(missing, translateHref(a, "en")) {
		t.Errorf("in-progress list:\n%s", progress)
	}
	if !containsAll(r.body, "Translation desk", "Missing a language") {
		t.Error("desk not in English for the translator")
	}
	if ko := ed.get("/admin/desk?lang=en&section=business"); !containsAll(ko.body, "번역 데스크", "언어가 빠진 기사", "데스크 첫 기사") {
		t.Error("desk in Korean with filters")
	}
	if other := ed.get("/admin/desk?section=community"); strings.Contains(other.body, "데스크 첫 기사") {
		t.Error("section filter ignored")
	}
	// Oldest first: the older of two missing stories comes first.
	first, third := strings.Index(missing, fmt.Sprintf("<td>%d</td>", a)), strings.Index(missing, fmt.Sprintf("<td>%d</td>", c))
	if first < 0 || third < 0 || first > third {
		t.Errorf("missing list not oldest first: story %d at %d, story %d at %d", a, first, c, third)
	}
}

func TestGlossaryPage(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ed, rep := tn.login(t, store.RoleEditor), tn.login(t, store.RoleReporter)
	ed.get("/admin/glossary")
	r := ed.post("/admin/glossary", url.Values{"kind": {"person"}, "term_ko": {""}, "term_en": {" "}, "note": {"메모는 남는다"}})
	if r.code != http.StatusUnprocessableEntity || !containsAll(r.body, "적어도 한 언어로", "메모는 남는다") {
		t.Fatalf("entry without terms: %d", r.code)
	}
	r = ed.post("/admin/glossary", url.Values{"kind": {"person"}, "term_ko": {"김현겸"}, "term_en": {"Hyun-kyum Kim"},
		"title_ko": {"회장"}, "title_en": {"President"}, "variants_en": {"Hyunkyum Kim, H.K. Kim"}})
	if r.code != http.StatusSeeOther {
		t.Fatalf("add entry: %d\n%s", r.code, r.body)
	}
	entries, _ := tn.store.GlossaryEntries(t.Context())
	if len(entries) != 1 || len(entries[0].Variants["en"]) != 2 {
		t.Fatalf("stored: %+v", entries)
	}
	id := entries[0].ID
	if r := ed.get("/admin/glossary"); !containsAll(r.body, "용어집", "김현겸", "Hyun-kyum Kim", "인물") {
		t.Error("glossary list (ko)")
	}
	// Reporters read it but cannot change it.
	if r := rep.get("/admin/glossary?kind=person&q=hyun"); !containsAll(r.body, "Glossary", "Hyun-kyum Kim") || strings.Contains(r.body, `id="glossary-form"`) {
		t.Error("glossary for a reporter")
	}
	if r := rep.post("/admin/glossary/delete", url.Values{"id": {id}}); r.code != http.StatusForbidden {
		t.Errorf("reporter deleting: %d", r.code)
	}
	// Edit keeps the ID; delete removes it.
	if r := ed.get("/admin/glossary?edit=" + url.QueryEscape(id)); !strings.Contains(r.body, `value="Hyun-kyum Kim"`) {
		t.Error("edit form not filled")
	}
	if r := ed.post("/admin/glossary", url.Values{"id": {id}, "kind": {"person"}, "term_ko": {"김현겸"}, "term_en": {"Hyeon-gyeom Kim"}}); r.code != http.StatusSeeOther {
		t.Fatalf("edit: %d", r.code)
	}
	if entries, _ := tn.store.GlossaryEntries(t.Context()); len(entries) != 1 || entries[0].Terms["en"] != "Hyeon-gyeom Kim" {
		t.Errorf("after edit: %+v", entries)
	}
	if r := ed.post("/admin/glossary/delete", url.Values{"id": {id}}); r.code != http.StatusSeeOther {
		t.Fatalf("delete: %d", r.code)
	}
	if entries, _ := tn.store.GlossaryEntries(t.Context()); len(entries) != 0 {
		t.Errorf("after delete: %+v", entries)
	}
}

// TestWorkflowStepsDoNotStaleTranslations: publishing the source without
// changing its text leaves its translation current.
func TestWorkflowStepsDoNotStaleTranslations(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ed, tr := tn.login(t, store.RoleEditor), tn.login(t, store.RoleTranslator)
	n := ed.create("워크플로 시험")
	if r := tn.translate(t, tr, n, actSave, "Workflow", "First.", "Second."); r.code != http.StatusSeeOther {
		t.Fatalf("translate: %d", r.code)
	}
	if r := ed.post(editHref(n, "ko"), tn.editForm(t, n, actPublish)); r.code != http.StatusSeeOther {
		t.Fatalf("publish: %d", r.code)
	}
	st, _ := tn.store.Story(t.Context(), n)
	if st.Version("ko").Status != "published" || st.Stale("en") {
		t.Errorf("after publishing the unchanged source: status %s, stale %v", st.Version("ko").Status, st.Stale("en"))
	}
	if st.Version("ko").Minor {
		t.Error("a workflow step recorded as a minor edit")
	}
}
