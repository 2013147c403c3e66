package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// The audit collection:
//
//	audit  _id "<UTC time to the nanosecond>-<ObjectID>"  one thing someone did;
//	                                                   inserted, never changed
//
// The _id sorts in time order, so "newest first" is a sort on _id alone and
// entries from several app instances interleave correctly.

// AuditAction names what an audit entry records.
type AuditAction string

// The audited actions.
const (
	AuditLogin          AuditAction = "login"
	AuditLoginFailed    AuditAction = "login_failed"
	AuditLogout         AuditAction = "logout"
	AuditPublish        AuditAction = "publish"
	AuditUnpublish      AuditAction = "unpublish"
	AuditDelete         AuditAction = "delete"
	AuditTrash          AuditAction = "trash"
	AuditRestore        AuditAction = "trash_restore"
	AuditRoleChange     AuditAction = "role_change"
	AuditPasswordChange AuditAction = "password_change"
	AuditUserCreate     AuditAction = "user_create"
	AuditLoginThrottled AuditAction = "login_throttled" // Detail: which limit, and until when
	AuditLoginUnlocked  AuditAction = "login_unlocked"  // Detail: "login" or "admin"
	AuditInvite         AuditAction = "invite"
)

// Entry is one line of the audit log.
type Entry struct {
	ID     string      `bson:"_id"`
	At     time.Time   `bson:"at"`
	Actor  string      `bson:"actor"`            // user ID; for a failed login, the email as typed
	Action AuditAction `bson:"action"`           //
	Target string      `bson:"target,omitempty"` // user ID, story number, ...
	Detail string      `bson:"detail,omitempty"` // e.g. "reporter → editor"
	IP     string      `bson:"ip,omitempty"`
}

// auditID makes a unique _id that sorts by at: a fixed-width UTC timestamp,
// then a fresh ObjectID, whose seconds and counter keep entries of one
// process with the same timestamp in the order they were added.
func auditID(at time.Time) string {
	return at.UTC().Format("20060102T150405.000000000Z") + "-" + bson.NewObjectID().Hex()
}

// AddAudit appends e to the audit log; a zero At means now. The ID is made
// here.
func (s *Store) AddAudit(ctx context.Context, e Entry) error {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	e.ID = auditID(e.At)
	e.At = e.At.UTC().Truncate(time.Millisecond)
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("audit").InsertOne(ctx, e)
	return wrap(fmt.Sprintf("audit %s by %q", e.Action, e.Actor), err)
}

// Audit returns the newest limit entries, newest first. On the embedded
// server this reads the whole collection (it pushes no sort down), which
// is fine for an admin page but not for anything a reader waits on.
func (s *Store) Audit(ctx context.Context, limit int) ([]Entry, error) {
	if limit <= 0 {
		limit = 100
	}
	ctx, cancel := context.WithTimeout(ctx, 6*s.timeout)
	defer cancel()
	opts := options.Find().SetSort(bson.D{{Key: "_id", Value: -1}}).SetLimit(int64(limit))
	cur, err := s.db.Collection("audit").Find(ctx, bson.D{}, opts)
	if err != nil {
		return nil, wrap("audit", err)
	}
	var out []Entry
	if err := cur.All(ctx, &out); err != nil {
		return nil, wrap("audit", err)
	}
	return out, nil
}
