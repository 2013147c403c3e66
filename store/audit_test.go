package store

import (
	"context"
	"testing"
	"time"
)

func TestAuditNewestFirst(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	// Inserted out of time order, as two app instances might.
	entries := []Entry{
		{At: sessT0.Add(2 * time.Minute), Actor: "kim@example.com", Action: AuditPublish, Target: "12"},
		{At: sessT0, Actor: "kim@example.com", Action: AuditLogin, IP: "203.0.113.5"},
		{At: sessT0.Add(3 * time.Minute), Actor: "kim@example.com", Action: AuditLogout},
		{At: sessT0.Add(time.Minute), Actor: "admin@example.com", Action: AuditRoleChange, Target: "kim@example.com", Detail: "reporter → editor"},
		{At: sessT0.Add(time.Minute), Actor: "admin@example.com", Action: AuditPasswordChange, Target: "kim@example.com"},
	}
	for _, e := range entries {
		if err := s.AddAudit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Audit(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(entries) {
		t.Fatalf("got %d entries, want %d", len(got), len(entries))
	}
	for i := 1; i < len(got); i++ {
		if got[i].At.After(got[i-1].At) {
			t.Errorf("entry %d (%v) is newer than entry %d (%v)", i, got[i].At, i-1, got[i-1].At)
		}
	}
	if got[0].Action != AuditLogout || got[4].Action != AuditLogin || got[4].IP != "203.0.113.5" {
		t.Errorf("newest %s, oldest %s %q", got[0].Action, got[4].Action, got[4].IP)
	}
	if e := got[1]; e.Action != AuditPublish || e.Target != "12" || e.Actor != "kim@example.com" {
		t.Errorf("second newest = %+v", e)
	}

	top, err := s.Audit(ctx, 2)
	if err != nil || len(top) != 2 || top[0].ID != got[0].ID || top[1].ID != got[1].ID {
		t.Errorf("Audit(2) = %+v, %v", top, err)
	}
}

func TestAddAuditDefaultsToNow(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	before := time.Now().Add(-time.Second)
	if err := s.AddAudit(ctx, Entry{Actor: "kim@example.com", Action: AuditLogin}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Audit(ctx, 1)
	if err != nil || len(got) != 1 {
		t.Fatal(got, err)
	}
	if got[0].At.Before(before) || got[0].At.After(time.Now().Add(time.Second)) {
		t.Errorf("At = %v, want about now", got[0].At)
	}
}

func TestAuditSameInstantKeepsInsertionOrder(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	actions := []AuditAction{AuditUserCreate, AuditLogin, AuditPublish, AuditUnpublish, AuditDelete, AuditLogout}
	for _, a := range actions {
		if err := s.AddAudit(ctx, Entry{At: sessT0, Actor: "kim@example.com", Action: a}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Audit(ctx, 0)
	if err != nil || len(got) != len(actions) {
		t.Fatal(got, err)
	}
	for i, e := range got {
		if want := actions[len(actions)-1-i]; e.Action != want {
			t.Errorf("entry %d = %s, want %s", i, e.Action, want)
		}
	}
}
