package store

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"sort"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// The users collection:
//
//	users  _id "<normalized email>"  one newsroom account; the insert into
//	                                 the _id is what refuses a second
//	                                 account for the same address

// ErrExists is returned when creating something whose key is taken, such as
// a second account for the same email address.
var ErrExists = errors.New("already exists")

// ErrInvalidEmail is returned for an address that is not a plain
// local@domain address (see NormalizeEmail).
var ErrInvalidEmail = errors.New("invalid email address")

// Role is what a newsroom account may do; package auth holds the rules.
type Role string

// The roles, from most to least powerful.
const (
	RoleAdmin      Role = "admin"      // users, sections, settings, everything
	RoleEditor     Role = "editor"     // edit, publish, schedule, unpublish any story
	RoleReporter   Role = "reporter"   // write and edit own stories, submit for review
	RoleTranslator Role = "translator" // create and edit translations, submit for review
)

// Roles lists every role, for forms.
var Roles = []Role{RoleAdmin, RoleEditor, RoleReporter, RoleTranslator}

// Valid reports whether r is one of the known roles.
func (r Role) Valid() bool {
	switch r {
	case RoleAdmin, RoleEditor, RoleReporter, RoleTranslator:
		return true
	}
	return false
}

// User is a newsroom account. ID is the normalized email address; it never
// changes, so the email cannot be changed either (create a new account).
type User struct {
	ID    string `bson:"_id"`
	Email string `bson:"email"`
	Name  string `bson:"name"`
	Role  Role   `bson:"role"`
	// Lang is the preferred language of the newsroom pages ("ko", "en").
	Lang string `bson:"lang,omitempty"`
	// Handle links the account to an author (story.Author.Handle), so that
	// stories bylined to that author count as the user's own.
	Handle string `bson:"handle,omitempty"`
	// PasswordHash is an argon2id PHC string made by package auth; empty
	// means the account cannot log in.
	PasswordHash      string    `bson:"password_hash"`
	Disabled          bool      `bson:"disabled,omitempty"`
	CreatedAt         time.Time `bson:"created_at"`
	PasswordChangedAt time.Time `bson:"password_changed_at"`
}

// NormalizeEmail trims and lower-cases an address and checks that it is a
// bare local@domain address (no display name, no angle brackets). The result
// is the user's ID. Lower-casing the local part is not strictly RFC 5321,
// but no newsroom mail server tells Kim@ from kim@, and two accounts that
// differ only in case would be a trap.
func NormalizeEmail(s string) (string, error) {
	e := strings.ToLower(strings.TrimSpace(s))
	if e == "" || len(e) > 254 {
		return "", fmt.Errorf("%w: %q", ErrInvalidEmail, s)
	}
	a, err := mail.ParseAddress(e)
	if err != nil || a.Address != e || a.Name != "" {
		return "", fmt.Errorf("%w: %q", ErrInvalidEmail, s)
	}
	at := strings.LastIndexByte(e, '@')
	if at <= 0 || !strings.Contains(e[at+1:], ".") || strings.ContainsAny(e, "$ \t\r\n\"(),:;<>[\\]") {
		return "", fmt.Errorf("%w: %q", ErrInvalidEmail, s)
	}
	return e, nil
}

func idFilter(id string) bson.D { return bson.D{{Key: "_id", Value: id}} }

// CreateUser inserts u, setting u.ID and u.Email to the normalized address
// and CreatedAt (if zero) to now. A second account for the same address
// fails with ErrExists; a bad address with ErrInvalidEmail. The password
// hash must already be made (package auth does that).
func (s *Store) CreateUser(ctx context.Context, u *User) error {
	email, err := NormalizeEmail(u.Email)
	if err != nil {
		return fmt.Errorf("store: create user: %w", err)
	}
	if !u.Role.Valid() {
		return fmt.Errorf("store: create user %s: unknown role %q", email, u.Role)
	}
	u.ID, u.Email = email, email
	now := time.Now().UTC().Truncate(time.Millisecond)
	if u.CreatedAt.IsZero() {
		u.CreatedAt = now
	}
	if u.PasswordChangedAt.IsZero() {
		u.PasswordChangedAt = u.CreatedAt
	}
	u.CreatedAt = u.CreatedAt.UTC().Truncate(time.Millisecond)
	u.PasswordChangedAt = u.PasswordChangedAt.UTC().Truncate(time.Millisecond)
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err = s.db.Collection("users").InsertOne(ctx, u)
	if mongo.IsDuplicateKeyError(err) {
		return fmt.Errorf("store: create user %s: %w", email, ErrExists)
	}
	return wrap("create user "+email, err)
}

// User returns the account with the given ID (normalized email). The ID is
// compared as a plain string: it is never read as a query operator.
func (s *Store) User(ctx context.Context, id string) (*User, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	var u User
	if err := s.db.Collection("users").FindOne(ctx, idFilter(id)).Decode(&u); err != nil {
		return nil, wrap(fmt.Sprintf("user %q", id), err)
	}
	return &u, nil
}

// Users returns every account ordered by email, for the admin pages.
func (s *Store) Users(ctx context.Context) ([]*User, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	cur, err := s.db.Collection("users").Find(ctx, bson.D{})
	if err != nil {
		return nil, wrap("users", err)
	}
	var out []*User
	if err := cur.All(ctx, &out); err != nil {
		return nil, wrap("users", err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// UserChange is what one action changes in an account: the fields it
// sets, nil for the fields it leaves alone. A preference save sets Lang
// only, so it can never undo a role change made meanwhile.
type UserChange struct {
	Name     *string
	Role     *Role
	Lang     *string
	Handle   *string
	Disabled *bool
}

func (ch UserChange) set() bson.D {
	var set bson.D
	add := func(key string, v any) { set = append(set, bson.E{Key: key, Value: v}) }
	if ch.Name != nil {
		add("name", *ch.Name)
	}
	if ch.Role != nil {
		add("role", *ch.Role)
	}
	if ch.Lang != nil {
		add("lang", *ch.Lang)
	}
	if ch.Handle != nil {
		add("handle", *ch.Handle)
	}
	if ch.Disabled != nil {
		add("disabled", *ch.Disabled)
	}
	return set
}

// UpdateUser applies ch to the account id, and returns the account as it
// was just before (for the audit log: the role it had). Only the fields ch
// sets are written, under the account's lock, so concurrent changes of
// other fields all stay. It never touches the email, password or times
// (see SetPassword).
func (s *Store) UpdateUser(ctx context.Context, id string, ch UserChange) (*User, error) {
	if ch.Role != nil && !ch.Role.Valid() {
		return nil, fmt.Errorf("store: update user %s: unknown role %q", id, *ch.Role)
	}
	var before *User
	err := s.withLock(ctx, "users/"+id, func(ctx context.Context) error {
		var err error
		if before, err = s.User(ctx, id); err != nil {
			return err
		}
		set := ch.set()
		if len(set) == 0 {
			return nil
		}
		_, err = s.db.Collection("users").UpdateOne(ctx, idFilter(id), bson.D{{Key: "$set", Value: set}})
		return wrap("update user "+id, err)
	})
	if err != nil {
		return nil, err
	}
	return before, nil
}

// SetPassword stores a new password hash for user id and records when it
// changed. It does not end the user's sessions: the caller (auth) does that
// with DeleteUserSessions.
func (s *Store) SetPassword(ctx context.Context, id, hash string, at time.Time) error {
	set := bson.D{
		{Key: "password_hash", Value: hash},
		{Key: "password_changed_at", Value: at.UTC().Truncate(time.Millisecond)},
	}
	return s.withLock(ctx, "users/"+id, func(ctx context.Context) error {
		res, err := s.db.Collection("users").UpdateOne(ctx, idFilter(id), bson.D{{Key: "$set", Value: set}})
		if err == nil && res.MatchedCount == 0 {
			err = mongo.ErrNoDocuments
		}
		return wrap("set password of "+id, err)
	})
}
