package auth

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsroom/newsroom/store"
)

func TestInvitationIsOneTimeAndExpires(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	admin := e.addUser(t, "admin@example.com", store.RoleAdmin)
	editor := e.addUser(t, "editor@example.com", store.RoleEditor)
	in := NewUser{Email: "Ahn@Example.com", Name: "안미향", Role: store.RoleReporter, Lang: "ko", Handle: "mihyang-ahn"}

	if _, err := e.svc.Invite(ctx, editor, in, ""); !errors.Is(err, ErrForbidden) {
		t.Errorf("editor inviting: %v", err)
	}
	if _, err := e.svc.Invite(ctx, admin, NewUser{Email: "editor@example.com", Name: "x", Role: store.RoleEditor}, ""); !errors.Is(err, ErrUserExists) {
		t.Errorf("inviting an existing account: %v", err)
	}
	token, err := e.svc.Invite(ctx, admin, in, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"", "short", token[:42] + "A", "{\"$ne\":1}" + token[9:]} {
		if _, err := e.svc.Invitation(ctx, bad); !errors.Is(err, ErrInviteInvalid) {
			t.Errorf("token %q: %v", bad, err)
		}
	}
	if _, err := e.svc.AcceptInvitation(ctx, token, "short", ""); !errors.Is(err, ErrPasswordTooShort) {
		t.Errorf("short password: %v", err)
	}
	// Two browsers send the form at once: one account, one winner.
	var wins atomic.Int32
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			u, err := e.svc.AcceptInvitation(ctx, token, goodPassword, "")
			switch {
			case err == nil:
				wins.Add(1)
				if u.Handle != "mihyang-ahn" || u.Role != store.RoleReporter || u.Lang != "ko" || u.ID != "ahn@example.com" {
					t.Errorf("invited account: %+v", u)
				}
			case !errors.Is(err, ErrInviteUsed):
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if wins.Load() != 1 {
		t.Fatalf("%d acceptances of one invitation", wins.Load())
	}
	e.login(t, "ahn@example.com")
	if _, err := e.svc.Invitation(ctx, token); !errors.Is(err, ErrInviteUsed) {
		t.Errorf("used link: %v", err)
	}

	late, err := e.svc.Invite(ctx, admin, NewUser{Email: "late@example.com", Name: "Late", Role: store.RoleEditor}, "")
	if err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(InviteValid - time.Minute)
	if _, err := e.svc.Invitation(ctx, late); err != nil {
		t.Errorf("link on its last day: %v", err)
	}
	e.clock.Advance(time.Minute)
	if _, err := e.svc.AcceptInvitation(ctx, late, goodPassword, ""); !errors.Is(err, ErrInviteExpired) {
		t.Errorf("expired link: %v", err)
	}
	if _, err := e.st.User(ctx, "late@example.com"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("expired link made an account: %v", err)
	}
}
