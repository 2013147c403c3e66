package admin

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/newsroom/store"
)

func TestUsersAdmin(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ad := tn.login(t, store.RoleAdmin)
	ad.get("/admin/users")
	r := ad.post("/admin/users", url.Values{"email": {"new@example.com"}, "name": {"새 기자"}, "role": {"reporter"}, "lang": {"ko"}, "password": {"short"}})
	if r.code != http.StatusUnprocessableEntity || !containsAll(r.body, "Use at least 10 characters", `value="새 기자"`) {
		t.Fatalf("short password: %d", r.code)
	}
	r = ad.post("/admin/users", url.Values{"email": {"new@example.com"}, "name": {"새 기자"}, "role": {"reporter"}, "lang": {"ko"}, "password": {testPassword}})
	if r.code != http.StatusSeeOther {
		t.Fatalf("create user: %d\n%s", r.code, r.body)
	}
	if r := ad.post("/admin/users", url.Values{"email": {"NEW@example.com"}, "name": {"둘"}, "role": {"reporter"}, "password": {testPassword}}); r.code != http.StatusUnprocessableEntity || !strings.Contains(r.body, "already exists") {
		t.Errorf("duplicate account: %d", r.code)
	}
	// The new reporter logs in; an admin promotes them, then disables them,
	// which ends their session at once.
	tn.users["new"] = &store.User{Email: "new@example.com"}
	rep := tn.login(t, "new")
	ad.get("/admin/users")
	if r := ad.post("/admin/users/new@example.com", url.Values{"name": {"새 기자"}, "role": {"editor"}, "lang": {"ko"}}); r.code != http.StatusSeeOther {
		t.Fatalf("role change: %d\n%s", r.code, r.body)
	}
	if u, _ := tn.store.User(t.Context(), "new@example.com"); u.Role != store.RoleEditor {
		t.Errorf("role after change: %s", u.Role)
	}
	if r := ad.post("/admin/users/new@example.com", url.Values{"name": {"새 기자"}, "role": {"editor"}, "disabled": {"1"}}); r.code != http.StatusSeeOther {
		t.Fatalf("disable: %d", r.code)
	}
	if r := rep.get("/admin/"); r.code != http.StatusSeeOther {
		t.Errorf("disabled user's session still works: %d", r.code)
	}
	// An admin cannot lock themselves out.
	r = ad.post("/admin/users/admin@example.com", url.Values{"name": {"Admin"}, "role": {"editor"}})
	if r.code != http.StatusUnprocessableEntity || !strings.Contains(r.body, "cannot demote or disable your own account") {
		t.Errorf("self demotion: %d", r.code)
	}
	audit := ad.get("/admin/audit")
	if audit.code != http.StatusOK || !containsAll(audit.body, "Role changed", "reporter → editor", "Account created") {
		t.Errorf("audit page: %d", audit.code)
	}
}

func TestSectionsAdmin(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ad := tn.login(t, store.RoleAdmin)
	ad.get("/admin/sections")
	r := ad.post("/admin/sections", url.Values{"slug": {"Food Bad"}, "name_ko": {"음식"}, "name_en": {"Food"}})
	if r.code != http.StatusUnprocessableEntity || !strings.Contains(r.body, `value="음식"`) {
		t.Fatalf("bad slug: %d", r.code)
	}
	if r := ad.post("/admin/sections", url.Values{"slug": {"food"}, "name_ko": {"음식"}, "name_en": {"Food"}, "order": {"9"}}); r.code != http.StatusSeeOther {
		t.Fatalf("add section: %d", r.code)
	}
	if s, ok := tn.cat.Section("food"); !ok || s.Name["ko"] != "음식" {
		t.Errorf("catalogue after adding a section: %+v %v", s, ok)
	}
}

func TestDashboardFilters(t *testing.T) {
	tn := newTestNewsroom(t, true)
	rep := tn.login(t, store.RoleReporter)
	rep.create("내 초안 하나")
	d := rep.get("/admin/")
	if !containsAll(d.body, "My drafts", "내 초안 하나", "Recently published") {
		t.Fatalf("dashboard lacks the reporter's draft")
	}
	// Filters narrow what the catalogue lists.
	d = rep.get("/admin/?status=draft&section=technology")
	if strings.Contains(d.body, "내 초안 하나") {
		t.Error("section filter ignored")
	}
	d = rep.get("/admin/?status=draft&lang=en")
	if strings.Contains(d.body, "내 초안 하나") {
		t.Error("language filter ignored")
	}
	d = rep.get("/admin/?status=draft&reporter=jhpark")
	if !strings.Contains(d.body, "내 초안 하나") {
		t.Error("reporter filter dropped the reporter's own draft")
	}
	d = rep.get("/admin/?status=draft&reporter=smlee")
	if strings.Contains(d.body, "내 초안 하나") {
		t.Error("reporter filter ignored")
	}
	if d := rep.get("/admin/?status=%7B%22$ne%22:1%7D&lang=xx"); d.code != http.StatusOK {
		t.Errorf("nonsense filters: %d", d.code)
	}
}

func TestTranslatorAddsTranslation(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ed, tr := tn.login(t, store.RoleEditor), tn.login(t, store.RoleTranslator)
	n := ed.create("번역할 기사")
	if r := tr.get(editHref(n, "ko")); r.code != http.StatusForbidden {
		t.Errorf("translator opening the original: %d", r.code)
	}
	if r := tr.get(editHref(n, "en")); r.code != http.StatusOK || !strings.Contains(r.body, "Submit for review") || strings.Contains(r.body, `id="action-publish"`) {
		t.Fatalf("translator opening a new translation: %d", r.code)
	}
	f := storyForm(actSubmit, "Story to translate", "Translated text.")
	f.Set("lang", "en")
	if r := tr.post(editHref(n, "en"), f); r.code != http.StatusSeeOther {
		t.Fatalf("submit translation: %d\n%s", r.code, r.body)
	}
	v := tn.version(t, n, "en")
	if v.Status != "in_review" || v.TranslatedFrom != "ko" || v.TranslatedBy != "translator@example.com" || v.Slug != "story-to-translate" {
		t.Errorf("translation: %+v", v)
	}
}

// TestSectionRenamesKeepWhatTheyDidNotSend: two admins rename one section
// at once, one in Korean, the other in English, each leaving the other
// language and the order empty. Both names stay, and so does the order.
func TestSectionRenamesKeepWhatTheyDidNotSend(t *testing.T) {
	tn := newTestNewsroom(t, true)
	a1, a2 := tn.login(t, store.RoleAdmin), tn.login(t, store.RoleAdmin)
	a1.get("/admin/sections")
	a2.get("/admin/sections")
	if r := a1.post("/admin/sections", url.Values{"slug": {"food"}, "name_ko": {"음식"}, "name_en": {"Food"}, "order": {"9"}}); r.code != http.StatusSeeOther {
		t.Fatalf("add: %d", r.code)
	}
	for round := range 5 {
		ko, en := "먹거리 "+itoa(round), "Dining "+itoa(round)
		done := make(chan int)
		go func() { done <- a1.post("/admin/sections", url.Values{"slug": {"food"}, "name_ko": {ko}}).code }()
		if r := a2.post("/admin/sections", url.Values{"slug": {"food"}, "name_ko": {""}, "name_en": {en}}); r.code != http.StatusSeeOther {
			t.Fatalf("rename in English: %d", r.code)
		}
		if code := <-done; code != http.StatusSeeOther {
			t.Fatalf("rename in Korean: %d", code)
		}
		secs, err := tn.store.Sections(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range secs {
			if s.Slug == "food" && (s.Name["ko"] != ko || s.Name["en"] != en || s.Order != 9) {
				t.Fatalf("round %d: %+v; want %q, %q and order 9", round, s, ko, en)
			}
		}
	}
}
