package admin

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/newsroom/store"
)

// TestInviteAReporter: an admin invites a reporter with a new byline handle
// and is shown the link once; the reporter sets her password through it and
// is logged in, with her byline ready; the link then says it was used.
// Others may not invite; bad input is answered next to the field.
func TestInviteAReporter(t *testing.T) {
	tn := newTestNewsroom(t, true)
	for _, role := range []store.Role{store.RoleEditor, store.RoleReporter} {
		if r := tn.login(t, role).post("/admin/users/invite", url.Values{"email": {"x@example.com"}, "name": {"X"}, "role": {"reporter"}}); r.code != http.StatusForbidden {
			t.Errorf("%s inviting: %d", role, r.code)
		}
	}
	admin := tn.login(t, store.RoleAdmin)
	bad := admin.post("/admin/users/invite", url.Values{"email": {"not an address"}, "name": {"안미향"}, "role": {"reporter"}, "handle": {"Mi Hyang"}})
	if bad.code != http.StatusUnprocessableEntity || !containsAll(bad.body, "Use 2 to 40 lower-case letters", `value="안미향"`) {
		t.Errorf("bad invitation: %d", bad.code)
	}
	bad = admin.post("/admin/users/invite", url.Values{"email": {"editor@example.com"}, "name": {"Again"}, "role": {"editor"}})
	if bad.code != http.StatusUnprocessableEntity || !strings.Contains(bad.body, `value="editor@example.com"`) {
		t.Errorf("inviting an existing account: %d", bad.code)
	}
	r := admin.post("/admin/users/invite", url.Values{"email": {"ahn@example.com"}, "name": {"안미향"}, "role": {"reporter"}, "lang": {"ko"}, "handle": {"mihyang-ahn"}})
	if r.code != http.StatusOK {
		t.Fatalf("invite: %d", r.code)
	}
	link := elementOf(r.body, "invite-link", ">")
	_, link, _ = strings.Cut(link, `value="`)
	link, _, _ = strings.Cut(link, `"`)
	path := strings.TrimPrefix(link, "http://127.0.0.1")
	if !strings.HasPrefix(path, "/admin/invite/") || len(path) != len("/admin/invite/")+43 {
		t.Fatalf("invitation link %q", link)
	}
	if p, ok := tn.cat.Author("mihyang-ahn"); !ok || p.Name["ko"] != "안미향" {
		t.Errorf("byline for the invited reporter: %+v", p)
	}

	her := tn.client(t)
	if page := her.get(path); page.code != http.StatusOK || !containsAll(page.body, "안미향", "ahn@example.com", `id="invite-form"`) {
		t.Fatalf("invitation page: %d", page.code)
	}
	if r := her.post(path, url.Values{"password": {"a long enough password"}, "password2": {"something else"}}); r.code != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="password2"`) {
		t.Errorf("mismatched passwords: %d", r.code)
	}
	r = her.post(path, url.Values{"password": {"a long enough password"}, "password2": {"a long enough password"}})
	if r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/admin/" {
		t.Fatalf("accept: %d %s", r.code, r.hdr.Get("Location"))
	}
	if d := her.get("/admin/"); d.code != http.StatusOK || !strings.Contains(d.body, "안미향") {
		t.Errorf("dashboard after accepting: %d", d.code)
	}
	u, err := tn.store.User(t.Context(), "ahn@example.com")
	if err != nil || u.Role != store.RoleReporter || u.Handle != "mihyang-ahn" || u.Lang != "ko" {
		t.Fatalf("invited account: %+v, %v", u, err)
	}
	// Her new story carries her byline.
	if r := her.get("/admin/stories/new"); !strings.Contains(r.body, `name="byline" value="mihyang-ahn" checked`) {
		t.Error("her new story is not bylined to her")
	}
	// The link works once.
	for _, c := range []*client{tn.client(t), her} {
		if again := c.get(path); again.code != http.StatusGone || !containsAll(again.body, "이미 사용한 초대 링크입니다") && !containsAll(again.body, "already been used") {
			t.Errorf("used link: %d", again.code)
		}
		if again := c.post(path, url.Values{"password": {"another long password"}, "password2": {"another long password"}}); again.code != http.StatusGone {
			t.Errorf("reusing the link: %d", again.code)
		}
	}
	if r := tn.client(t).get("/admin/invite/" + strings.Repeat("A", 43)); r.code != http.StatusNotFound {
		t.Errorf("made-up link: %d", r.code)
	}
}
