package admin

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/newsroom/newsroom/store"
)

// TestPreferenceSavesNeverUndoAnAdminsChange has a reporter save their
// language in a loop while an admin demotes and then disables them: the
// demotion and the disabling both stay, every round.
func TestPreferenceSavesNeverUndoAnAdminsChange(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ad := tn.login(t, store.RoleAdmin)
	ed := tn.users[store.RoleEditor]
	for round := range 8 {
		if _, err := tn.store.UpdateUser(t.Context(), ed.ID, store.UserChange{Role: new(store.RoleEditor), Disabled: new(false)}); err != nil {
			t.Fatal(err)
		}
		user := tn.login(t, store.RoleEditor)
		stop, done := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(done)
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				user.post("/admin/me", url.Values{"lang": {[]string{"ko", "en"}[i%2]}})
			}
		}()
		demote := url.Values{"name": {ed.Name}, "role": {"reporter"}, "lang": {"ko"}, "handle": {""},
			"was_name": {ed.Name}, "was_role": {"editor"}, "was_lang": {"ko"}, "was_handle": {""}, "was_disabled": {""}}
		if r := ad.post("/admin/users/"+ed.ID, demote); r.code != http.StatusSeeOther {
			t.Fatalf("demote: %d\n%s", r.code, r.body)
		}
		disable := url.Values{"name": {ed.Name}, "role": {"reporter"}, "lang": {"ko"}, "handle": {""}, "disabled": {"1"},
			"was_name": {ed.Name}, "was_role": {"reporter"}, "was_lang": {"ko"}, "was_handle": {""}, "was_disabled": {""}}
		if r := ad.post("/admin/users/"+ed.ID, disable); r.code != http.StatusSeeOther {
			t.Fatalf("disable: %d\n%s", r.code, r.body)
		}
		close(stop)
		<-done
		got, err := tn.store.User(t.Context(), ed.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Role != store.RoleReporter || !got.Disabled {
			t.Fatalf("round %d: after the demotion and disabling, role %s, disabled %v", round, got.Role, got.Disabled)
		}
	}
}

// TestTwoAdminsChangingDifferentFieldsBothStay: two admins load the users
// page; one renames an account, the other changes its role. Both changes
// stay, since each row posts what it showed and only changed fields save.
func TestTwoAdminsChangingDifferentFieldsBothStay(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ad := tn.login(t, store.RoleAdmin)
	rep := tn.users[store.RoleReporter]
	shown := url.Values{"was_name": {rep.Name}, "was_role": {"reporter"}, "was_lang": {rep.Lang}, "was_handle": {rep.Handle}, "was_disabled": {""}}
	form := func(name, role string) url.Values {
		f := url.Values{"name": {name}, "role": {role}, "lang": {rep.Lang}, "handle": {rep.Handle}}
		for k, v := range shown {
			f[k] = v
		}
		return f
	}
	if r := ad.post("/admin/users/"+rep.ID, form("Reporter Kim", "reporter")); r.code != http.StatusSeeOther {
		t.Fatalf("rename: %d\n%s", r.code, r.body)
	}
	if r := ad.post("/admin/users/"+rep.ID, form(rep.Name, "editor")); r.code != http.StatusSeeOther {
		t.Fatalf("promote: %d\n%s", r.code, r.body)
	}
	got, err := tn.store.User(t.Context(), rep.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Reporter Kim" || got.Role != store.RoleEditor {
		t.Errorf("name %q, role %s: want both admins' changes", got.Name, got.Role)
	}
	if page := ad.get("/admin/users"); !containsAll(page.body, `name="was_role" value="editor"`, `name="was_name" value="Reporter Kim"`) {
		t.Error("the users page does not post the values it shows")
	}
}
