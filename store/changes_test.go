package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/newsroom/newsroom/story"
)

// Each write another instance keeps in memory leaves one entry in the
// change log, naming what changed, in the order written; another instance
// reads them back from where it stopped.
func TestWritesLeaveChangeEntries(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	other := New(s.db, 5*time.Second)
	start := time.Now().Add(-time.Second)
	n, err := s.CreateStory(ctx, draft("변경 기록"), map[string]string{"ko": "본문"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PutSection(ctx, story.Section{Slug: "business", Name: story.Text{"ko": "경제"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutAuthor(ctx, story.Author{Handle: "hong", Name: story.Text{"ko": "홍길동"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutIdentity(ctx, Identity{Contact: "desk@example.com"}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutPhoto(ctx, &Photo{ID: "p1", Name: "a.jpg"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePhoto(ctx, "p1"); err != nil {
		t.Fatal(err)
	}
	imported := []*story.Story{draft("가져온 기사")}
	if err := other.ImportStories(ctx, imported, []map[string]string{{"ko": "본문"}}, "import"); err != nil {
		t.Fatal(err)
	}
	got, err := other.ChangesSince(ctx, start)
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{
		{Kind: ChangedStory, Keys: []string{storyID(n)}, Origin: s.Origin()},
		{Kind: ChangedSections, Keys: []string{"business"}, Origin: s.Origin()},
		{Kind: ChangedAuthors, Keys: []string{"hong"}, Origin: s.Origin()},
		{Kind: ChangedSettings, Keys: []string{identityID}, Origin: s.Origin()},
		{Kind: ChangedPhoto, Keys: []string{"p1"}, Origin: s.Origin()},
		{Kind: ChangedPhoto, Keys: []string{"p1"}, Origin: s.Origin()},
		{Kind: ChangedStory, Keys: []string{storyID(imported[0].Number)}, Origin: other.Origin()},
	}
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Kind != w.Kind || !slices.Equal(g.Keys, w.Keys) || g.Origin != w.Origin {
			t.Errorf("entry %d: %+v, want %+v", i, g, w)
		}
	}
	// Reading from the last entry's time on returns at least that entry and
	// nothing older.
	tail, err := other.ChangesSince(ctx, got[len(got)-1].At)
	if err != nil || len(tail) == 0 || tail[len(tail)-1].ID != got[len(got)-1].ID || tail[0].At.Before(got[len(got)-1].At) {
		t.Errorf("changes since the last: %+v, %v", tail, err)
	}
}

func TestPruneChangesKeepsRecentEntries(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	if err := s.RecordChange(ctx, ChangedSettings, identityID); err != nil {
		t.Fatal(err)
	}
	if n, err := s.PruneChanges(ctx, time.Now().Add(-ChangeRetention)); err != nil || n != 0 {
		t.Fatalf("pruning entries older than the retention removed %d (%v), want 0", n, err)
	}
	if n, err := s.PruneChanges(ctx, time.Now().Add(time.Second)); err != nil || n != 1 {
		t.Fatalf("pruning up to now removed %d (%v), want 1", n, err)
	}
}
