package store

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/newsroom/newsroom/dbtest"
)

// userTestStore gives a migrated store on a scratch database.
func userTestStore(t *testing.T) *Store {
	t.Helper()
	s := New(dbtest.Database(t), 3*time.Second)
	if err := s.Migrate(context.Background(), slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestNormalizeEmail(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"  Kim@Example.COM ", "kim@example.com", true},
		{"kim.minji+desk@news.example.co.kr", "kim.minji+desk@news.example.co.kr", true},
		{"", "", false},
		{"kim", "", false},
		{"kim@localhost", "", false},
		{"Kim <kim@example.com>", "", false},
		{`{"$ne": ""}`, "", false},
		{"$ne@example.com", "", false},
		{"a b@example.com", "", false},
	}
	for _, tt := range tests {
		got, err := NormalizeEmail(tt.in)
		if tt.ok && (err != nil || got != tt.want) {
			t.Errorf("NormalizeEmail(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		if !tt.ok && !errors.Is(err, ErrInvalidEmail) {
			t.Errorf("NormalizeEmail(%q) = %q, %v; want ErrInvalidEmail", tt.in, got, err)
		}
	}
}

func TestCreateUserAndReadBack(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	u := &User{Email: " Kim@Example.com", Name: "김민지", Role: RoleReporter, Lang: "ko", Handle: "kim-minji", PasswordHash: "$argon2id$x"}
	if err := s.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if u.ID != "kim@example.com" || u.Email != u.ID {
		t.Errorf("ID, Email = %q, %q; want the normalized address", u.ID, u.Email)
	}
	got, err := s.User(ctx, "kim@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "김민지" || got.Role != RoleReporter || got.Handle != "kim-minji" || got.Lang != "ko" ||
		got.PasswordHash != "$argon2id$x" || !got.CreatedAt.Equal(u.CreatedAt) || !got.PasswordChangedAt.Equal(u.CreatedAt) {
		t.Errorf("read back %+v, stored %+v", got, u)
	}
}

func TestCreateUserRefusesDuplicateEmail(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	if err := s.CreateUser(ctx, &User{Email: "kim@example.com", Name: "A", Role: RoleReporter}); err != nil {
		t.Fatal(err)
	}
	err := s.CreateUser(ctx, &User{Email: "KIM@example.com ", Name: "B", Role: RoleAdmin})
	if !errors.Is(err, ErrExists) {
		t.Fatalf("second account for the same address: %v, want ErrExists", err)
	}
	u, err := s.User(ctx, "kim@example.com")
	if err != nil || u.Name != "A" || u.Role != RoleReporter {
		t.Errorf("first account changed: %+v, %v", u, err)
	}
}

func TestCreateUserRefusesBadInput(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	if err := s.CreateUser(ctx, &User{Email: "not-an-address", Role: RoleReporter}); !errors.Is(err, ErrInvalidEmail) {
		t.Errorf("bad address: %v", err)
	}
	if err := s.CreateUser(ctx, &User{Email: "x@example.com", Role: "owner"}); err == nil {
		t.Error("unknown role accepted")
	}
	users, err := s.Users(ctx)
	if err != nil || len(users) != 0 {
		t.Errorf("users after refused creates: %d, %v", len(users), err)
	}
}

func TestUserLookupIsLiteral(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	if err := s.CreateUser(ctx, &User{Email: "a@b.co", Role: RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{`{"$ne": ""}`, `{"$gt": ""}`, "", "A@B.CO"} {
		if u, err := s.User(ctx, id); !errors.Is(err, ErrNotFound) {
			t.Errorf("User(%q) = %+v, %v; want ErrNotFound", id, u, err)
		}
	}
}

func TestUsersUpdateUserSetPassword(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	for _, e := range []string{"yoon@example.com", "an@example.com", "park@example.com"} {
		if err := s.CreateUser(ctx, &User{Email: e, Name: e, Role: RoleReporter, PasswordHash: "old"}); err != nil {
			t.Fatal(err)
		}
	}
	users, err := s.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	if len(ids) != 3 || ids[0] != "an@example.com" || ids[2] != "yoon@example.com" {
		t.Errorf("Users order = %v", ids)
	}

	u := users[1]
	before, err := s.UpdateUser(ctx, u.ID, UserChange{Role: new(RoleEditor), Name: new("Park Ji-hoon"), Disabled: new(true),
		Handle: new("park"), Lang: new("en")})
	if err != nil || before.Role != RoleReporter {
		t.Fatalf("UpdateUser: %v, before %+v", err, before)
	}
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	if err := s.SetPassword(ctx, u.ID, "new", at); err != nil {
		t.Fatal(err)
	}
	got, err := s.User(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Role != RoleEditor || got.Name != "Park Ji-hoon" || !got.Disabled || got.Handle != "park" || got.Lang != "en" {
		t.Errorf("after UpdateUser: %+v", got)
	}
	if _, err := s.UpdateUser(ctx, u.ID, UserChange{Lang: new("ko")}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.User(ctx, u.ID); got.Lang != "ko" || got.Role != RoleEditor || got.Name != "Park Ji-hoon" || !got.Disabled {
		t.Errorf("a change of the language changed more: %+v", got)
	}
	if got.PasswordHash != "new" || !got.PasswordChangedAt.Equal(at) {
		t.Errorf("after SetPassword: hash %q changed %v", got.PasswordHash, got.PasswordChangedAt)
	}

	if _, err := s.UpdateUser(ctx, "nobody@example.com", UserChange{Role: new(RoleEditor)}); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateUser of missing user: %v", err)
	}
	if err := s.SetPassword(ctx, "nobody@example.com", "x", at); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetPassword of missing user: %v", err)
	}
	if _, err := s.UpdateUser(ctx, u.ID, UserChange{Role: new(Role("root"))}); err == nil {
		t.Error("UpdateUser accepted an unknown role")
	}
}

// TestUserChangesNeverUndoEachOther races a user saving their language in
// a loop against an admin changing the role, disabling the account and
// setting a password: every change that was acknowledged stays.
func TestUserChangesNeverUndoEachOther(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	for round := range 6 {
		id := "race" + string(rune('a'+round)) + "@example.com"
		if err := s.CreateUser(ctx, &User{Email: id, Name: "Kim", Role: RoleEditor, PasswordHash: "old"}); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() {
			for i := range 20 {
				lang := []string{"ko", "en"}[i%2]
				if _, err := s.UpdateUser(ctx, id, UserChange{Lang: &lang}); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
		if _, err := s.UpdateUser(ctx, id, UserChange{Role: new(RoleReporter)}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetPassword(ctx, id, "new", time.Now()); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UpdateUser(ctx, id, UserChange{Disabled: new(true)}); err != nil {
			t.Fatal(err)
		}
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		got, err := s.User(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got.Role != RoleReporter || !got.Disabled || got.PasswordHash != "new" || got.Lang != "en" {
			t.Errorf("round %d: a change was lost: role %s, disabled %v, hash %q, lang %q", round, got.Role, got.Disabled, got.PasswordHash, got.Lang)
		}
	}
}
