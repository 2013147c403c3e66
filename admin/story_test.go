package admin

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

func (tn *testNewsroom) version(t testing.TB, n int, lang string) *story.Version {
	t.Helper()
	st, err := tn.store.Story(t.Context(), n)
	if err != nil {
		t.Fatal(err)
	}
	return st.Version(lang)
}

// editForm is the form as the editor page of story n shows it now, with action.
func (tn *testNewsroom) editForm(t testing.TB, n int, action string) url.Values {
	t.Helper()
	st, err := tn.store.Story(t.Context(), n)
	if err != nil {
		t.Fatal(err)
	}
	v := st.Version("ko")
	f := storyForm(action, v.Headline, "첫 문단.\n\n둘째 문단.")
	f.Set("base", strconv.Itoa(v.Revision))
	f.Set("wide_base", strconv.Itoa(st.WideRevision))
	f.Set("slug", v.Slug)
	return f
}

// TestStoryPermissionMatrix drives every workflow button as every role, on
// the reporter's own story and on someone else's, through HTTP.
func TestStoryPermissionMatrix(t *testing.T) {
	tn := newTestNewsroom(t, true)
	clients := map[auth.Role]*client{}
	for _, r := range store.Roles {
		clients[r] = tn.login(t, r)
	}
	type mine [2]int // status for the reporter's own story, for another reporter's
	ok, no := http.StatusSeeOther, http.StatusForbidden
	want := map[auth.Role]map[string]mine{
		store.RoleAdmin:      {actSave: {ok, ok}, actSubmit: {ok, ok}, actPublish: {ok, ok}, actSchedule: {ok, ok}, actUnpublish: {ok, ok}},
		store.RoleEditor:     {actSave: {ok, ok}, actSubmit: {ok, ok}, actPublish: {ok, ok}, actSchedule: {ok, ok}, actUnpublish: {ok, ok}},
		store.RoleReporter:   {actSave: {ok, no}, actSubmit: {ok, no}, actPublish: {no, no}, actSchedule: {no, no}, actUnpublish: {no, no}},
		store.RoleTranslator: {actSave: {no, no}, actSubmit: {no, no}, actPublish: {no, no}, actSchedule: {no, no}, actUnpublish: {no, no}},
	}
	for _, role := range store.Roles {
		for _, act := range []string{actSave, actSubmit, actPublish, actSchedule, actUnpublish} {
			for which, w := range want[role][act] {
				var n int
				if which == 0 {
					n = clients[store.RoleReporter].create("내 기사 " + string(role) + " " + act)
				} else {
					// Someone else's story: written by the editor, bylined to another reporter.
					n = clients[store.RoleEditor].createBy("남의 기사 "+string(role)+" "+act, "smlee")
				}
				if act == actUnpublish {
					// Unpublishing needs a live version: an editor publishes it first.
					if r := clients[store.RoleEditor].post(editHref(n, "ko"), tn.editForm(t, n, actPublish)); r.code != ok {
						t.Fatalf("setup publish: %d", r.code)
					}
				}
				f := tn.editForm(t, n, act)
				f.Set("schedule_at", time.Now().Add(time.Hour).In(tn.a.langs.Location()).Format(scheduleLayout))
				before := tn.version(t, n, "ko")
				r := clients[role].post(editHref(n, "ko"), f)
				if r.code != w {
					t.Errorf("%s %s on %s story: %d, want %d", role, act, [2]string{"own", "other's"}[which], r.code, w)
					continue
				}
				after := tn.version(t, n, "ko")
				if w == no {
					if after.Revision != before.Revision || after.Status != before.Status {
						t.Errorf("%s %s refused but the story changed", role, act)
					}
					if !strings.Contains(r.body, "id=\"error-message\"") {
						t.Errorf("%s %s: 403 without the error page", role, act)
					}
				}
			}
		}
	}
	// The refusal is in the user's language, and a GET by URL is refused too.
	other := clients[store.RoleEditor].createBy("남의 기사", "smlee")
	r := clients[store.RoleReporter].get(editHref(other, "ko"))
	if r.code != http.StatusForbidden || !strings.Contains(r.body, "Your account may not do this") {
		t.Errorf("reporter opening someone else's story: %d", r.code)
	}
	r = clients[store.RoleEditor].post("/admin/users", url.Values{"email": {"x@example.com"}, "name": {"X"}, "role": {"admin"}, "password": {testPassword}})
	if r.code != http.StatusForbidden || !strings.Contains(r.body, "이 계정으로는 할 수 없는 작업입니다") {
		t.Errorf("editor creating an admin: %d", r.code)
	}
	for path, allowed := range map[string][]auth.Role{
		"/admin/users":       {store.RoleAdmin},
		"/admin/sections":    {store.RoleAdmin},
		"/admin/audit":       {store.RoleAdmin},
		"/admin/stories/new": {store.RoleAdmin, store.RoleEditor, store.RoleReporter},
	} {
		for _, role := range store.Roles {
			want := http.StatusForbidden
			for _, a := range allowed {
				if a == role {
					want = http.StatusOK
				}
			}
			if r := clients[role].get(path); r.code != want {
				t.Errorf("%s GET %s: %d, want %d", role, path, r.code, want)
			}
		}
	}
}

// TestWorkflowPublishesToCatalogue: draft → review → published, with the
// catalogue (what readers see) following each step, and an edit after
// publication recorded with a correction.
func TestWorkflowPublishesToCatalogue(t *testing.T) {
	tn := newTestNewsroom(t, true)
	rep, ed := tn.login(t, store.RoleReporter), tn.login(t, store.RoleEditor)
	n := rep.create("댈러스 한인 상공회의소 새 회장 선출")
	v := tn.version(t, n, "ko")
	if v.Status != story.Draft || v.Slug != "댈러스-한인-상공회의소-새-회장-선출" {
		t.Fatalf("new story: %s %q", v.Status, v.Slug)
	}
	if r := rep.post(editHref(n, "ko"), tn.editForm(t, n, actSubmit)); r.code != http.StatusSeeOther {
		t.Fatalf("submit: %d", r.code)
	}
	if d := ed.get("/admin/?status=in_review"); !strings.Contains(d.body, "댈러스 한인 상공회의소 새 회장 선출") {
		t.Error("submitted story not waiting for review on the editor's dashboard")
	}
	if _, live := tn.cat.Live("ko", n); live {
		t.Fatal("live before publication")
	}
	if r := ed.post(editHref(n, "ko"), tn.editForm(t, n, actPublish)); r.code != http.StatusSeeOther {
		t.Fatalf("publish: %d", r.code)
	}
	if _, live := tn.cat.Live("ko", n); !live {
		t.Fatal("not live after publication")
	}
	f := tn.editForm(t, n, actSave)
	f.Set("correction", "회장 이름의 철자를 바로잡았습니다.")
	if r := ed.post(editHref(n, "ko"), f); r.code != http.StatusSeeOther {
		t.Fatalf("edit after publication: %d", r.code)
	}
	v = tn.version(t, n, "ko")
	if v.Status != story.Published || v.UpdatedAt.IsZero() || v.Correction == "" {
		t.Errorf("after an edit while published: status %s, updated %v, correction %q", v.Status, v.UpdatedAt, v.Correction)
	}
	if r := ed.post(editHref(n, "ko"), tn.editForm(t, n, actUnpublish)); r.code != http.StatusSeeOther {
		t.Fatalf("unpublish: %d", r.code)
	}
	if _, live := tn.cat.Live("ko", n); live {
		t.Error("still live after unpublishing")
	}
	entries, _ := tn.store.Audit(t.Context(), 50)
	got := map[store.AuditAction]bool{}
	for _, e := range entries {
		if e.Target == strconv.Itoa(n)+"/ko" {
			got[e.Action] = true
		}
	}
	if !got[store.AuditPublish] || !got[store.AuditUnpublish] {
		t.Errorf("audit log for story %d: %v", n, got)
	}
}

func TestConflictKeepsTypedText(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ed, ad := tn.login(t, store.RoleEditor), tn.login(t, store.RoleAdmin)
	n := ed.create("충돌 시험")
	stale := tn.editForm(t, n, actSave)
	if r := ad.post(editHref(n, "ko"), tn.editForm(t, n, actSave)); r.code != http.StatusSeeOther {
		t.Fatalf("first save: %d", r.code)
	}
	stale.Set("body", "편집자가 새로 쓴 문단입니다.")
	r := ed.post(editHref(n, "ko"), stale)
	if r.code != http.StatusConflict || !strings.Contains(r.body, "편집자가 새로 쓴 문단입니다.") || !strings.Contains(r.body, `id="conflict"`) {
		t.Fatalf("stale save: %d\n%s", r.code, r.body)
	}
	// Autosave meets the same check and answers in JSON.
	stale.Set("action", actAutosave)
	r = ed.post(editHref(n, "ko"), stale, "X-Requested-With", "newsroom")
	var j struct{ Error, Current string }
	if err := json.Unmarshal([]byte(r.body), &j); err != nil || r.code != http.StatusConflict || j.Current != editHref(n, "ko") {
		t.Errorf("stale autosave: %d %s", r.code, r.body)
	}
	if b, _ := tn.store.Body(t.Context(), n, "ko", tn.version(t, n, "ko").Revision); strings.Contains(b, "새로 쓴") {
		t.Error("a stale save overwrote the newer revision")
	}
}

func TestAutosaveCreatesThenUpdatesDraft(t *testing.T) {
	tn := newTestNewsroom(t, true)
	rep := tn.login(t, store.RoleReporter)
	f := storyForm(actAutosave, "자동 저장", "쓰는 중")
	r := rep.post("/admin/stories/new", f, "X-Requested-With", "newsroom")
	var j struct {
		Number, Revision int
		Href             string
	}
	if err := json.Unmarshal([]byte(r.body), &j); err != nil || r.code != http.StatusOK || j.Revision != 1 {
		t.Fatalf("first autosave: %d %s", r.code, r.body)
	}
	f.Set("base", "1")
	f.Set("body", "쓰는 중, 조금 더")
	r = rep.post(j.Href, f, "X-Requested-With", "newsroom")
	if err := json.Unmarshal([]byte(r.body), &j); err != nil || r.code != http.StatusOK || j.Revision != 2 {
		t.Fatalf("second autosave: %d %s", r.code, r.body)
	}
	// Once published, autosave no longer touches the version.
	ed := tn.login(t, store.RoleEditor)
	ed.post(j.Href, tn.editForm(t, j.Number, actPublish))
	f.Set("base", strconv.Itoa(tn.version(t, j.Number, "ko").Revision))
	if r := rep.post(j.Href, f, "X-Requested-With", "newsroom"); r.code != http.StatusConflict {
		t.Errorf("autosave of a published version: %d", r.code)
	}
}

func TestFieldLimitsRefuseAndKeepText(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ed := tn.login(t, store.RoleEditor)
	long := strings.Repeat("가", maxHeadline+1)
	cases := []struct {
		field, value, msg string
	}{
		{"headline", long, "201자입니다"},
		{"headline", "   ", "이 칸을 채워 주세요"},
		{"deck", strings.Repeat("나", maxDeck+1), "최대 300자"},
		{"slug", "Bad Slug!", "소문자, 숫자"},
		{"tags", strings.Repeat("태", maxTag+1), "태그는 40자까지"},
		{"section", "nowhere", "목록에서 섹션을"},
		{"byline", "nobody", "목록에서 기자를"},
		{"body", strings.Repeat("다", maxBody+1), "최대 100,000자"},
	}
	for _, tc := range cases {
		f := storyForm(actSave, "제목", "본문 그대로")
		f.Set(tc.field, tc.value)
		r := ed.post("/admin/stories/new", f)
		if r.code != http.StatusUnprocessableEntity || !strings.Contains(r.body, tc.msg) {
			t.Errorf("%s=%.20q: %d, message %q not shown", tc.field, tc.value, r.code, tc.msg)
			continue
		}
		if tc.field != "body" && !strings.Contains(r.body, "본문 그대로") {
			t.Errorf("%s refused: the typed body is lost", tc.field)
		}
		if tc.field == "headline" && tc.value == long && !strings.Contains(r.body, long) {
			t.Error("over-long headline was cut instead of shown whole")
		}
	}
	f := storyForm(actSubmit, "본문 없는 제출", "")
	if r := ed.post("/admin/stories/new", f); r.code != http.StatusUnprocessableEntity {
		t.Errorf("submit without a body: %d", r.code)
	}
	big := url.Values{"body": {strings.Repeat("x", maxBodyBytes+10)}}
	if r := ed.post("/admin/stories/new", big); r.code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized request: %d", r.code)
	}
}

func TestSlugUniquePerLanguage(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ed := tn.login(t, store.RoleEditor)
	n := ed.create("같은 제목")
	r := ed.post("/admin/stories/new", storyForm(actSave, "같은 제목", "다른 기사"))
	if r.code != http.StatusUnprocessableEntity || !strings.Contains(r.body, "이미 이 주소를 씁니다") {
		t.Fatalf("second story with the same slug: %d", r.code)
	}
	f := storyForm(actSave, "같은 제목", "다른 기사")
	f.Set("slug", "같은-제목-2")
	if r := ed.post("/admin/stories/new", f); r.code != http.StatusSeeOther {
		t.Fatalf("edited slug: %d", r.code)
	}
	// The store refuses a slug held by another story even when the catalogue missed it.
	if err := tn.store.ClaimSlug(t.Context(), "ko", "같은-제목", n+100); err == nil {
		t.Error("slug claimed twice in one language")
	}
	if err := tn.store.ClaimSlug(t.Context(), "en", "같은-제목", n+100); err != nil {
		t.Errorf("same slug in another language: %v", err)
	}
}

func TestPreviewUsesSanitizingRenderer(t *testing.T) {
	tn := newTestNewsroom(t, true)
	rep := tn.login(t, store.RoleReporter)
	r := rep.post("/admin/preview", url.Values{"body": {"**굵게**\n\n[x](javascript:alert(1))\n\n<script>alert(1)</script><img src=x onerror=alert(1)>"}},
		"X-CSRF-Token", rep.csrf, "X-Requested-With", "newsroom")
	if r.code != http.StatusOK || !strings.Contains(r.body, "<strong>굵게</strong>") {
		t.Fatalf("preview: %d %s", r.code, r.body)
	}
	for _, bad := range []string{"<script", "href=\"javascript:", "onerror"} {
		if strings.Contains(strings.ToLower(r.body), bad) {
			t.Errorf("preview lets %s through: %s", bad, r.body)
		}
	}
	if r := rep.post("/admin/preview", url.Values{"body": {"x"}, "csrf_token": {"nope"}}); r.code != http.StatusForbidden {
		t.Errorf("preview without CSRF token: %d", r.code)
	}
}
