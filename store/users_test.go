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
	u.Role, u.Name, u.Disabled, u.Handle, u.Lang = RoleEditor, "Park Ji-hoon", true, "park", "en"
	u.PasswordHash = "must not be saved by UpdateUser"
	if err := s.UpdateUser(ctx, u); err != nil {
		t.Fatal(err)
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
	if got.PasswordHash != "new" || !got.PasswordChangedAt.Equal(at) {
		t.Errorf("after SetPassword: hash %q changed %v", got.PasswordHash, got.PasswordChangedAt)
	}

	if err := s.UpdateUser(ctx, &User{ID: "nobody@example.com", Role: RoleEditor}); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateUser of missing user: %v", err)
	}
	if err := s.SetPassword(ctx, "nobody@example.com", "x", at); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetPassword of missing user: %v", err)
	}
	if err := s.UpdateUser(ctx, &User{ID: u.ID, Role: "root"}); err == nil {
		t.Error("UpdateUser accepted an unknown role")
	}
}
