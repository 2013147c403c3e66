package admin

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/newsroom/newsroom/store"
)

var pendingAt = regexp.MustCompile(`name="at" value="([^"]+)"`)

// TestPendingChangeOfLiveStory: a reporter's edit of her live story waits
// for an editor; readers keep the published text until it is approved; a
// rejected change leaves a note for her; every step is in the audit log.
func TestPendingChangeOfLiveStory(t *testing.T) {
	pn := newPhotoNewsroom(t)
	editor := pn.login(t, store.RoleEditor)
	reporter := pn.login(t, store.RoleReporter)
	n := editor.create("시의회 예산안 통과") // bylined to the reporter: her story
	if r := editor.post(editHref(n, "ko"), pn.editForm(t, n, actPublish)); r.code != http.StatusSeeOther {
		t.Fatalf("publish: %d", r.code)
	}
	published := pn.version(t, n, "ko")
	article := "/ko/news/" + strconv.Itoa(n) + "/" + url.PathEscape(published.Slug)
	reader := pn.client(t)

	// The reporter is told, and her save waits.
	if r := reporter.get(editHref(n, "ko")); !strings.Contains(r.body, `id="pending-hint"`) {
		t.Errorf("reporter not told her save of a live story waits: %d", r.code)
	}
	f := pn.editForm(t, n, actSave)
	f.Set("headline", "시의회 예산안 수정 통과")
	f.Set("body", "고친 첫 문단.")
	r := reporter.post(editHref(n, "ko"), f)
	if r.code != http.StatusSeeOther || r.hdr.Get("Location") != editHref(n, "ko")+"?done=pending" {
		t.Fatalf("reporter's save of a live story: %d %s", r.code, r.hdr.Get("Location"))
	}
	if v := pn.version(t, n, "ko"); v.Revision != published.Revision || v.Headline != "시의회 예산안 통과" {
		t.Errorf("live version changed by a pending save: r%d %q", v.Revision, v.Headline)
	}
	if r := reader.get(article); r.code != http.StatusOK || strings.Contains(r.body, "수정 통과") || strings.Contains(r.body, "고친 첫 문단") {
		t.Errorf("public page shows the unapproved change: %d", r.code)
	}
	// She goes on with her own text, and is told it waits.
	if r := reporter.get(editHref(n, "ko") + "?done=pending"); !containsAll(r.body, `value="시의회 예산안 수정 통과"`, "고친 첫 문단.", "wait for an editor", "They go live when an editor approves them") {
		t.Errorf("reporter's editor page after the pending save: %s", elementOf(r.body, "content", "</main>"))
	}

	// Nobody but an editor settles it: not its author, not a translator.
	page := editor.get(editHref(n, "ko"))
	m := pendingAt.FindStringSubmatch(page.body)
	if m == nil || !containsAll(page.body, `id="pending-approve"`, "시의회 예산안 수정 통과", "Reporter") {
		t.Fatalf("editor's page does not offer the pending change: %s", elementOf(page.body, "content", "</main>"))
	}
	at := func() url.Values { return url.Values{"at": {m[1]}} } // post adds the client's CSRF token
	for _, c := range []*client{reporter, pn.login(t, store.RoleTranslator)} {
		if r := c.post(editHref(n, "ko")+"/pending/approve", at()); r.code != http.StatusForbidden {
			t.Errorf("approve by a non-editor: %d", r.code)
		}
	}
	if r := reporter.get(editHref(n, "ko")); strings.Contains(r.body, `id="pending-approve"`) {
		t.Error("reporter is offered the approve button for her own change")
	}
	// The dashboard lists it for editors.
	if d := editor.get("/admin/"); !strings.Contains(elementOf(d.body, "pending-changes", "</section>"), "시의회 예산안 수정 통과") {
		t.Errorf("dashboard does not list the pending change")
	}
	if r := editor.post(editHref(n, "ko")+"/pending/approve", url.Values{"at": {"20200101T000000.000Z"}}); r.code != http.StatusConflict {
		t.Errorf("approve of a change not the one waiting: %d", r.code)
	}

	// Approved: live.
	if r := editor.post(editHref(n, "ko")+"/pending/approve", at()); r.code != http.StatusSeeOther {
		t.Fatalf("approve: %d\n%s", r.code, r.body)
	}
	if r := reader.get(article); r.code != http.StatusOK || !containsAll(r.body, "시의회 예산안 수정 통과", "고친 첫 문단") {
		t.Errorf("public page after approval: %d", r.code)
	}
	approved := pn.version(t, n, "ko")
	if approved.Revision != published.Revision+1 || approved.EditedBy != pn.users[store.RoleReporter].ID {
		t.Errorf("approved version: r%d by %s", approved.Revision, approved.EditedBy)
	}
	if d := editor.get("/admin/"); strings.Contains(elementOf(d.body, "pending-changes", "</section>"), "시의회") {
		t.Error("approved change still listed as waiting")
	}
	if r := editor.post(editHref(n, "ko")+"/pending/approve", at()); r.code != http.StatusNotFound {
		t.Errorf("approving twice: %d", r.code)
	}

	// Rejected, with a note: the live page keeps the approved text.
	f = pn.editForm(t, n, actSave)
	f.Set("headline", "시의회 예산안 부결")
	if r := reporter.post(editHref(n, "ko"), f); r.code != http.StatusSeeOther {
		t.Fatalf("second pending save: %d", r.code)
	}
	m = pendingAt.FindStringSubmatch(editor.get(editHref(n, "ko")).body)
	if m == nil {
		t.Fatal("second pending change not offered")
	}
	if r := editor.post(editHref(n, "ko")+"/pending/reject", url.Values{"at": {m[1]}, "note": {"  "}}); r.code != http.StatusBadRequest || !strings.Contains(r.body, "메모") {
		t.Errorf("reject without a note: %d", r.code)
	}
	if r := editor.post(editHref(n, "ko")+"/pending/reject", url.Values{"at": {m[1]}, "note": {"사실 확인이 필요합니다"}}); r.code != http.StatusSeeOther {
		t.Fatalf("reject: %d", r.code)
	}
	if r := reader.get(article); strings.Contains(r.body, "부결") || !strings.Contains(r.body, "수정 통과") {
		t.Error("public page after a rejection")
	}
	if r := reporter.get(editHref(n, "ko")); !containsAll(r.body, `id="pending-note"`, "사실 확인이 필요합니다", "not approved") {
		t.Errorf("reporter does not see the rejection note: %s", elementOf(r.body, "content", "</main>"))
	}
	if v := pn.version(t, n, "ko"); v.Revision != approved.Revision {
		t.Errorf("rejection changed the live version: r%d", v.Revision)
	}

	// An editor's own edit of the live story goes live at once.
	f = pn.editForm(t, n, actSave)
	f.Set("headline", "시의회 예산안 최종 통과")
	if r := editor.post(editHref(n, "ko"), f); r.code != http.StatusSeeOther {
		t.Fatalf("editor's save: %d", r.code)
	}
	if r := reader.get(article); !strings.Contains(r.body, "최종 통과") {
		t.Error("editor's edit of the live story is not live")
	}

	// The audit log has each change of live content: who, which version, which revision.
	entries, err := pn.store.Audit(t.Context(), 50)
	if err != nil {
		t.Fatal(err)
	}
	target := strconv.Itoa(n) + "/ko"
	got := map[store.AuditAction][]string{}
	for _, e := range entries {
		if e.Target == target {
			got[e.Action] = append(got[e.Action], e.Actor+" "+e.Detail)
		}
	}
	rep, ed := pn.users[store.RoleReporter].ID, pn.users[store.RoleEditor].ID
	r2, r3 := "r"+strconv.Itoa(published.Revision+1), "r"+strconv.Itoa(published.Revision+2)
	want := map[store.AuditAction][]string{
		auditPending:  {rep + " " + r3, rep + " " + r2}, // newest first
		auditApprove:  {ed + " " + r2 + " · " + rep},
		auditReject:   {ed + " " + r3 + " · " + rep + ": 사실 확인이 필요합니다"},
		auditEditLive: {ed + " " + r3},
	}
	for act, w := range want {
		if strings.Join(got[act], "|") != strings.Join(w, "|") {
			t.Errorf("audit %s: %q, want %q", act, got[act], w)
		}
	}
	// Restoring an old revision is a save like any other: it waits too.
	live := pn.version(t, n, "ko")
	r = reporter.post(editHref(n, "ko")+"/history/restore", url.Values{"revision": {strconv.Itoa(published.Revision)}, "base": {strconv.Itoa(live.Revision)}})
	if r.code != http.StatusSeeOther || r.hdr.Get("Location") != editHref(n, "ko")+"?done=pending" {
		t.Errorf("reporter's restore of a live story: %d %s", r.code, r.hdr.Get("Location"))
	}
	if v := pn.version(t, n, "ko"); v.Revision != live.Revision || v.Headline != "시의회 예산안 최종 통과" {
		t.Errorf("restore by a reporter changed the live version: r%d %q", v.Revision, v.Headline)
	}
	if d := editor.get("/admin/"); !strings.Contains(elementOf(d.body, "pending-changes", "</section>"), "시의회 예산안 통과") {
		t.Error("the restored text does not wait for approval")
	}
}
