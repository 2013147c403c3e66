package admin

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/newsroom/newsroom/store"
)

func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	tn := newTestNewsroom(t, true)
	here := tn.login(t, store.RoleReporter)
	elsewhere := tn.login(t, store.RoleReporter)
	here.get("/admin/account")
	r := here.post("/admin/account/password", url.Values{"current": {"wrong password!"}, "new": {"a new long password"}, "again": {"a new long password"}})
	if r.code != http.StatusUnprocessableEntity || !containsAll(r.body, "current") {
		t.Fatalf("wrong current password: %d", r.code)
	}
	r = here.post("/admin/account/password", url.Values{"current": {testPassword}, "new": {"a new long password"}, "again": {"another password"}})
	if r.code != http.StatusUnprocessableEntity || !containsAll(r.body, "differ") {
		t.Fatalf("mismatch: %d", r.code)
	}
	r = here.post("/admin/account/password", url.Values{"current": {testPassword}, "new": {"a new long password"}, "again": {"a new long password"}})
	if r.code != http.StatusSeeOther {
		t.Fatalf("change: %d %s", r.code, r.body)
	}
	if r := here.get("/admin/account?done=password_changed"); r.code != http.StatusOK || !containsAll(r.body, "Password changed") {
		t.Fatalf("this browser lost its session: %d", r.code)
	}
	if r := elsewhere.get("/admin/"); r.code != http.StatusSeeOther {
		t.Fatalf("the other browser's session survived a password change: %d", r.code)
	}
	u, err := tn.store.User(t.Context(), tn.users[store.RoleReporter].ID)
	if err != nil || u.PasswordChangedAt.IsZero() {
		t.Fatalf("password change not recorded: %v", err)
	}
}
