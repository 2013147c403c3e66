package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/newsroom/newsroom/story"
)

// TestPendingChangeIsNeverReplacedUnseen: a change waiting for approval is
// not replaced by someone else's; its author's next save replaces it; an
// approve or reject of a change read before that newer save touches nothing.
func TestPendingChangeIsNeverReplacedUnseen(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	p := Pending{Number: 7, Lang: "ko", Base: 2, Version: story.Version{Headline: "첫 수정"}, Body: "본문", By: "ahn", At: at}
	if err := s.SavePending(ctx, p); err != nil {
		t.Fatal(err)
	}
	other := p
	other.By, other.Version.Headline, other.At = "kim", "다른 사람의 수정", at.Add(time.Minute)
	if err := s.SavePending(ctx, other); !errors.Is(err, ErrConflict) {
		t.Errorf("someone else's change over a waiting one: %v", err)
	}
	first, err := s.PendingChange(ctx, 7, "ko")
	if err != nil || first.Version.Headline != "첫 수정" || first.By != "ahn" {
		t.Fatalf("waiting change: %+v, %v", first, err)
	}
	again := p
	again.Version.Headline, again.At = "다시 고친 수정", at.Add(2*time.Minute)
	if err := s.SavePending(ctx, again); err != nil {
		t.Fatalf("the author's next save: %v", err)
	}
	// An editor acting on the change read first meets the newer one.
	if err := s.RejectPending(ctx, first, "desk", "아니요"); !errors.Is(err, ErrConflict) {
		t.Errorf("reject of a replaced change: %v", err)
	}
	if err := s.DropPending(ctx, first); err != nil {
		t.Fatal(err)
	}
	list, err := s.PendingChanges(ctx)
	if err != nil || len(list) != 1 || list[0].Version.Headline != "다시 고친 수정" || list[0].Body != "" {
		t.Fatalf("waiting changes after a stale drop: %+v, %v", list, err)
	}
	// Rejected: off the list, its note kept, and anyone may save anew.
	cur, err := s.PendingChange(ctx, 7, "ko")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RejectPending(ctx, cur, "desk", "사실 확인 필요"); err != nil {
		t.Fatal(err)
	}
	if list, err := s.PendingChanges(ctx); err != nil || len(list) != 0 {
		t.Errorf("rejected change still listed: %+v, %v", list, err)
	}
	if r, err := s.PendingChange(ctx, 7, "ko"); err != nil || !r.Rejected || r.Note != "사실 확인 필요" || r.Body != "" {
		t.Errorf("rejected change: %+v, %v", r, err)
	}
	if err := s.SavePending(ctx, other); err != nil {
		t.Errorf("a new change over a rejected one: %v", err)
	}
}
