package auth

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/newsroom/newsroom/store"
)

// InviteValid is how long an invitation link can be used.
const InviteValid = 7 * 24 * time.Hour

// The errors of invitation links.
var (
	// ErrInviteInvalid: no invitation has this link (mistyped or made up).
	ErrInviteInvalid = &Error{ID: "error.invite.invalid"}
	// ErrInviteUsed: the link has already been used to set a password.
	ErrInviteUsed = &Error{ID: "error.invite.used"}
	// ErrInviteExpired: the link is older than InviteValid.
	ErrInviteExpired = &Error{ID: "error.invite.expired"}
)

// Invite prepares an account for in.Email (in.Password is ignored) and
// returns the one-time token of the link that lets its owner set a
// password; only the token's hash is stored. actor must be allowed
// ActManageUsers. Errors as for CreateUser.
func (s *Service) Invite(ctx context.Context, actor *User, in NewUser, ip string) (string, error) {
	if !Can(actor, ActManageUsers, nil) {
		return "", ErrForbidden
	}
	email, err := store.NormalizeEmail(in.Email)
	if err != nil {
		return "", ErrEmailInvalid
	}
	name := strings.TrimSpace(in.Name)
	if name == "" {
		return "", ErrNameRequired
	}
	if !in.Role.Valid() {
		return "", ErrRoleInvalid
	}
	switch _, err := s.st.User(ctx, email); {
	case err == nil:
		return "", ErrUserExists
	case !errors.Is(err, store.ErrNotFound):
		return "", fmt.Errorf("auth: invite %s: %w", email, err)
	}
	token := newToken()
	id, _ := sessionID(token) // newToken's tokens always pass
	now := s.now().UTC()
	inv := store.Invitation{ID: id, Email: email, Name: name, Role: in.Role, Lang: in.Lang,
		Handle: strings.TrimSpace(in.Handle), CreatedBy: actor.ID, CreatedAt: now, ExpiresAt: now.Add(InviteValid)}
	if err := s.st.CreateInvitation(ctx, inv); err != nil {
		return "", fmt.Errorf("auth: invite %s: %w", email, err)
	}
	s.audit(ctx, store.Entry{Actor: actor.ID, Action: store.AuditInvite, Target: email, Detail: string(in.Role), IP: ip})
	return token, nil
}

// Invitation returns the invitation of a link's token if it can still be
// used: ErrInviteInvalid, ErrInviteUsed or ErrInviteExpired otherwise.
func (s *Service) Invitation(ctx context.Context, token string) (*store.Invitation, error) {
	id, ok := sessionID(token)
	if !ok {
		return nil, ErrInviteInvalid
	}
	inv, err := s.st.Invitation(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, ErrInviteInvalid
	}
	if err != nil {
		return nil, fmt.Errorf("auth: invitation: %w", err)
	}
	// The lookup was by hash; compare again without leaking timing, should
	// a database ever match loosely.
	if subtle.ConstantTimeCompare([]byte(inv.ID), []byte(id)) != 1 {
		return nil, ErrInviteInvalid
	}
	switch {
	case !inv.UsedAt.IsZero():
		return nil, ErrInviteUsed
	case !s.now().Before(inv.ExpiresAt):
		return nil, ErrInviteExpired
	}
	return inv, nil
}

// AcceptInvitation uses the link's token once: it creates the invited
// account with password and returns it. A second use, even a concurrent
// one, is ErrInviteUsed; a bad password is refused before the link is used.
func (s *Service) AcceptInvitation(ctx context.Context, token, password, ip string) (*User, error) {
	inv, err := s.Invitation(ctx, token)
	if err != nil {
		return nil, err
	}
	if err := CheckPassword(password); err != nil {
		return nil, err
	}
	won, err := s.st.UseInvitation(ctx, inv.ID, s.now())
	if err != nil {
		return nil, fmt.Errorf("auth: accept invitation: %w", err)
	}
	if !won {
		return nil, ErrInviteUsed
	}
	return s.createUser(ctx, inv.CreatedBy, NewUser{Email: inv.Email, Name: inv.Name, Role: inv.Role,
		Lang: inv.Lang, Handle: inv.Handle, Password: password}, ip)
}
