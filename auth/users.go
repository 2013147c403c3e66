package auth

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/newsroom/newsroom/store"
)

// NewUser is what an admin (or the CLI) fills in to create an account.
type NewUser struct {
	Email    string
	Name     string
	Role     Role
	Lang     string // newsroom UI language; empty for the site default
	Handle   string // author handle for bylines; may be empty
	Password string
}

// CLIActor is the audit log's actor for accounts made with `newsroom user add`.
const CLIActor = "cli"

// AddUser creates an account from the command line (`newsroom user add`),
// hashing with DefaultParams and auditing it as done by CLIActor. Errors
// people can fix are *Error values: ErrEmailInvalid, ErrUserExists,
// ErrRoleInvalid, ErrNameRequired, ErrPasswordTooShort, ErrPasswordTooLong.
func AddUser(ctx context.Context, st *store.Store, email, name string, role Role, password string) (*User, error) {
	s := &Service{st: st, params: DefaultParams, hashing: make(chan struct{}, 1),
		log: slog.New(slog.DiscardHandler), now: time.Now}
	return s.createUser(ctx, CLIActor, NewUser{Email: email, Name: name, Role: role, Password: password}, "")
}

// CreateUser creates an account on behalf of actor, who must be allowed
// ActManageUsers; errors as for AddUser, plus ErrForbidden.
func (s *Service) CreateUser(ctx context.Context, actor *User, in NewUser, ip string) (*User, error) {
	if !Can(actor, ActManageUsers, nil) {
		return nil, ErrForbidden
	}
	return s.createUser(ctx, actor.ID, in, ip)
}

func (s *Service) createUser(ctx context.Context, actorID string, in NewUser, ip string) (*User, error) {
	email, err := store.NormalizeEmail(in.Email)
	if err != nil {
		return nil, ErrEmailInvalid
	}
	name := strings.TrimSpace(in.Name)
	if name == "" {
		return nil, ErrNameRequired
	}
	if !in.Role.Valid() {
		return nil, ErrRoleInvalid
	}
	if err := CheckPassword(in.Password); err != nil {
		return nil, err
	}
	h, err := s.hash(ctx, in.Password)
	if err != nil {
		return nil, fmt.Errorf("auth: create user %s: %w", email, err)
	}
	now := s.now().UTC()
	u := &User{Email: email, Name: name, Role: in.Role, Lang: in.Lang, Handle: strings.TrimSpace(in.Handle),
		PasswordHash: h, CreatedAt: now, PasswordChangedAt: now}
	err = s.st.CreateUser(ctx, u)
	if errors.Is(err, store.ErrExists) {
		return nil, ErrUserExists
	}
	if err != nil {
		return nil, fmt.Errorf("auth: create user: %w", err)
	}
	s.audit(ctx, store.Entry{Actor: actorID, Action: store.AuditUserCreate, Target: u.ID,
		Detail: string(u.Role), IP: ip})
	return u, nil
}

// UpdateUser applies an admin's change to account id: only the fields ch
// sets (store.UpdateUser), so a concurrent change of another field stays.
// actor must be allowed ActManageUsers, and may not demote or disable
// themselves (ErrSelfLockout). A role change is audited; disabling ends
// the user's sessions at once.
func (s *Service) UpdateUser(ctx context.Context, actor *User, id string, ch store.UserChange, ip string) error {
	if !Can(actor, ActManageUsers, nil) {
		return ErrForbidden
	}
	if ch.Role != nil && !ch.Role.Valid() {
		return ErrRoleInvalid
	}
	if ch.Name != nil && strings.TrimSpace(*ch.Name) == "" {
		return ErrNameRequired
	}
	if actor.ID == id && (ch.Role != nil && *ch.Role != store.RoleAdmin || ch.Disabled != nil && *ch.Disabled) {
		return ErrSelfLockout
	}
	old, err := s.st.UpdateUser(ctx, id, ch)
	if err != nil {
		return fmt.Errorf("auth: update user: %w", err)
	}
	if ch.Role != nil && old.Role != *ch.Role {
		s.audit(ctx, store.Entry{Actor: actor.ID, Action: store.AuditRoleChange, Target: id,
			Detail: string(old.Role) + " → " + string(*ch.Role), IP: ip})
	}
	if ch.Disabled != nil && *ch.Disabled && !old.Disabled {
		// Authenticate would refuse them anyway; this frees the records now.
		if _, err := s.st.DeleteUserSessions(ctx, id); err != nil {
			return fmt.Errorf("auth: update user: end sessions: %w", err)
		}
	}
	return nil
}
