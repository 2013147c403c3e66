package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/newsroom/newsroom/story"
)

// A deleted story's number is never given again, and the new story shows
// none of the deleted one's text: neither on the instance that deleted it
// nor on another one that allocates numbers on its own.
func TestDeletedStoryNumberIsNeverReused(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	other := New(s.db, 5*time.Second) // a second instance on the same database
	if _, err := s.CreateStory(ctx, draft("첫 기사"), map[string]string{"ko": "첫 본문"}, "test"); err != nil {
		t.Fatal(err)
	}
	newest, err := s.CreateStory(ctx, draft("지울 기사"), map[string]string{"ko": "지운 기사의 본문"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteStory(ctx, newest); err != nil {
		t.Fatal(err)
	}
	for _, st := range []*Store{other, s} {
		n, err := st.CreateStory(ctx, draft("새 기사"), map[string]string{"ko": "새 본문"}, "test")
		if err != nil {
			t.Fatal(err)
		}
		if n == newest {
			t.Fatalf("the deleted story's number %d was given again", n)
		}
		body, err := st.Body(ctx, n, "ko", 1)
		if err != nil || body != "새 본문" {
			t.Fatalf("story %d revision 1: %q, %v; want the new body", n, body, err)
		}
	}
	if taken, err := s.NumberTaken(ctx, newest); err != nil || !taken {
		t.Fatalf("deleted number %d taken = %v, %v; want taken for good", newest, taken, err)
	}
}

// A database written before numbers were recorded holds revisions of deleted
// stories under numbers nobody recorded: those numbers are skipped too.
func TestNumberWithLeftoverRevisionsIsSkipped(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	n, err := s.CreateStory(ctx, draft("옛 기사"), map[string]string{"ko": "옛 본문"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteStory(ctx, n); err != nil {
		t.Fatal(err)
	}
	// Forget that n was given, as a database from before the numbers
	// collection would.
	if _, err := s.db.Collection("numbers").DeleteOne(ctx, idFilter(storyID(n))); err != nil {
		t.Fatal(err)
	}
	fresh := New(s.db, 5*time.Second)
	got, err := fresh.CreateStory(ctx, draft("새 기사"), map[string]string{"ko": "새 본문"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	if got == n {
		t.Fatalf("number %d, which still has the deleted story's revisions, was given again", n)
	}
	if _, err := fresh.Revision(ctx, got, "ko", 2); !errors.Is(err, ErrNotFound) {
		t.Fatalf("new story %d has a revision 2: %v", got, err)
	}
}

// Imports reserve their numbers too: a story created meanwhile on another
// instance and the imported ones never share a number.
func TestImportAndCreateDoNotShareNumbers(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	other := New(s.db, 5*time.Second)
	if _, err := other.CreateStory(ctx, draft("먼저"), map[string]string{"ko": "본문"}, "test"); err != nil {
		t.Fatal(err)
	}
	s.SetNumberHint(1) // a stale hint: number 1 is taken
	stories := []*story.Story{draft("가"), draft("나")}
	if err := s.ImportStories(ctx, stories, []map[string]string{{"ko": "가"}, {"ko": "나"}}, "test"); err != nil {
		t.Fatal(err)
	}
	if stories[0].Number == 1 || stories[1].Number == 1 {
		t.Fatalf("imported numbers %d, %d include the taken 1", stories[0].Number, stories[1].Number)
	}
}
