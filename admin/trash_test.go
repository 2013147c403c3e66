package admin

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/store"
)

// TestTrashRestoreAndPurge: editors move a story to the trash (reporters
// and translators cannot); readers then get 410 Gone at its address; it
// comes back as it was on restore; only admins delete it for good, after
// which its revisions stay and the audit log says who did what.
func TestTrashRestoreAndPurge(t *testing.T) {
	pn := newPhotoNewsroom(t)
	editor := pn.login(t, store.RoleEditor)
	n := editor.create("지울 기사")
	if r := editor.post(editHref(n, "ko"), pn.editForm(t, n, actPublish)); r.code != http.StatusSeeOther {
		t.Fatalf("publish: %d", r.code)
	}
	slug := pn.version(t, n, "ko").Slug
	article := "/ko/news/" + strconv.Itoa(n) + "/" + url.PathEscape(slug)
	if r := pn.client(t).get(article); r.code != http.StatusOK {
		t.Fatalf("public article before trash: %d", r.code)
	}

	for _, role := range []auth.Role{store.RoleReporter, store.RoleTranslator} {
		c := pn.login(t, role)
		if r := c.post(deleteHref(n), url.Values{}); r.code != http.StatusForbidden {
			t.Errorf("%s trashing: %d", role, r.code)
		}
		if r := c.get("/admin/trash"); r.code != http.StatusForbidden {
			t.Errorf("%s opening the trash: %d", role, r.code)
		}
		if r := c.get(editHref(n, "ko")); r.code == http.StatusOK && strings.Contains(r.body, deleteHref(n)) {
			t.Errorf("%s is offered the trash button", role)
		}
	}
	if r := editor.get(deleteHref(n)); r.code != http.StatusOK || !containsAll(r.body, "기사 "+lang.Particle(strconv.Itoa(n), "을")+" 휴지통으로 옮길까요?", "지울 기사", "30일") {
		t.Errorf("confirmation page: %d", r.code)
	}
	r := editor.post(deleteHref(n), url.Values{})
	if r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/admin/trash?done=trashed" {
		t.Fatalf("trash: %d %s", r.code, r.hdr.Get("Location"))
	}
	if r := pn.client(t).get(article); r.code != http.StatusGone || !strings.Contains(r.body, "삭제한 기사") {
		t.Errorf("public article in the trash: %d", r.code)
	}
	if r := pn.client(t).get("/ko/"); strings.Contains(r.body, "지울 기사") {
		t.Error("trashed story still on the front page")
	}
	if d := editor.get("/admin/"); strings.Contains(d.body, "지울 기사") {
		t.Error("trashed story still on the dashboard")
	}
	page := editor.get("/admin/trash?done=trashed")
	if !containsAll(page.body, "휴지통으로 옮겼습니다", "지울 기사", `id="restore-`+strconv.Itoa(n)+`"`) || strings.Contains(page.body, "purge-"+strconv.Itoa(n)) {
		t.Errorf("editor's trash page: %s", elementOf(page.body, "content", "</main>"))
	}
	// Editors cannot delete for good.
	if r := editor.post("/admin/trash/"+strconv.Itoa(n)+"/purge", url.Values{}); r.code != http.StatusForbidden {
		t.Errorf("editor purging: %d", r.code)
	}
	if r := editor.post("/admin/trash/empty", url.Values{}); r.code != http.StatusForbidden {
		t.Errorf("editor emptying the trash: %d", r.code)
	}
	// Restore: back as it was, live again.
	if r := editor.post("/admin/trash/"+strconv.Itoa(n)+"/restore", url.Values{}); r.code != http.StatusSeeOther {
		t.Fatalf("restore: %d", r.code)
	}
	if r := pn.client(t).get(article); r.code != http.StatusOK {
		t.Errorf("public article after restore: %d", r.code)
	}
	if r := editor.post("/admin/trash/"+strconv.Itoa(n)+"/restore", url.Values{}); r.code != http.StatusNotFound {
		t.Errorf("restoring a story not in the trash: %d", r.code)
	}

	// Trash again, and an admin deletes it for good.
	if r := editor.post(deleteHref(n), url.Values{}); r.code != http.StatusSeeOther {
		t.Fatalf("trash again: %d", r.code)
	}
	admin := pn.login(t, store.RoleAdmin)
	if r := admin.post("/admin/trash/empty", url.Values{}); r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/admin/trash?done=purged" {
		t.Fatalf("empty the trash: %d %s", r.code, r.hdr.Get("Location"))
	}
	if _, err := pn.store.Story(t.Context(), n); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("story still stored: %v", err)
	}
	if pn.cat.Story(n) != nil {
		t.Error("story still in the catalogue")
	}
	if _, err := pn.store.Revision(t.Context(), n, "ko", 1); err != nil {
		t.Errorf("revisions went with the story: %v", err)
	}
	// Other instances learn of the purge through the change log: the
	// story it names is gone.
	changes, err := pn.store.ChangesSince(t.Context(), time.Now().Add(-time.Minute))
	told := false
	for _, e := range changes {
		told = told || (e.Kind == store.ChangedStory && slices.Contains(e.Keys, strconv.Itoa(n)))
	}
	if err != nil || !told {
		t.Errorf("change log for other instances: %+v, %v", changes, err)
	}
	entries, err := pn.store.Audit(t.Context(), 20)
	if err != nil {
		t.Fatal(err)
	}
	did := map[store.AuditAction]string{}
	for _, e := range entries {
		if e.Target == strconv.Itoa(n) && strings.Contains(e.Detail, "지울 기사") {
			did[e.Action] = e.Actor
		}
	}
	if did[store.AuditTrash] != pn.users[store.RoleEditor].ID || did[store.AuditRestore] != pn.users[store.RoleEditor].ID ||
		did[store.AuditDelete] != pn.users[store.RoleAdmin].ID {
		t.Errorf("audit log: %v", did)
	}
	// The slug is free again.
	m := editor.create("지울 기사")
	if v := pn.version(t, m, "ko"); v.Slug != slug {
		t.Errorf("new story with the purged one's headline got slug %q, want %q", v.Slug, slug)
	}
}

// TestPurgeDueAfterThirtyDays: the scheduler purges a story 30 days after
// it went to the trash, not a day earlier.
func TestPurgeDueAfterThirtyDays(t *testing.T) {
	pn := newPhotoNewsroom(t)
	editor := pn.login(t, store.RoleEditor)
	n := editor.create("오래된 기사")
	if r := editor.post(deleteHref(n), url.Values{}); r.code != http.StatusSeeOther {
		t.Fatalf("trash: %d", r.code)
	}
	trashedAt := pn.cat.Story(n).TrashedAt
	pn.a.now = func() time.Time { return trashedAt.Add(29 * 24 * time.Hour) }
	if got := pn.a.PurgeDue(t.Context()); got != 0 {
		t.Errorf("purged %d after 29 days", got)
	}
	if _, err := pn.store.Story(t.Context(), n); err != nil {
		t.Fatalf("gone after 29 days: %v", err)
	}
	pn.a.now = func() time.Time { return trashedAt.Add(30*24*time.Hour + time.Second) }
	if got := pn.a.PurgeDue(t.Context()); got != 1 {
		t.Errorf("purged %d after 30 days", got)
	}
	if _, err := pn.store.Story(t.Context(), n); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("still stored after 30 days: %v", err)
	}
}
