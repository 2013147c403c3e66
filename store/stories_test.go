package store

import (
	"context"
	"errors"
	"log/slog"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/story"
)

func newStore(t *testing.T) *Store {
	t.Helper()
	s := New(dbtest.Database(t), 5*time.Second)
	if err := s.Migrate(context.Background(), slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	return s
}

func draft(headline string) *story.Story {
	return &story.Story{Section: "business", Tags: []string{"trade"}, Byline: []string{"hong"},
		Versions: map[string]*story.Version{"ko": {Headline: headline, Slug: story.Slugify(headline), Status: story.Draft}}}
}

func TestCreateStoryNumbersAreSequentialAndUniqueUnderConcurrency(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	// Two Stores over one database stand for two app instances.
	other := New(s.db, 5*time.Second)
	var mu sync.Mutex
	var got []int
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			st := s
			if i%2 == 1 {
				st = other
			}
			n, err := st.CreateStory(ctx, draft("기사 "+time.Now().String()), map[string]string{"ko": "본문"}, "test")
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			got = append(got, n)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	sort.Ints(got)
	for i, n := range got {
		if n != i+1 {
			t.Fatalf("numbers %v, want 1..16 each once", got)
		}
	}
	all, err := s.Stories(ctx)
	if err != nil || len(all) != 16 {
		t.Fatalf("stored %d stories (%v)", len(all), err)
	}
}

func TestSaveFromAStaleRevisionConflictsAndLosesNothing(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	n, err := s.CreateStory(ctx, draft("달라스 한인상공회 업무협약"), map[string]string{"ko": "첫 본문"}, "hong")
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Story(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	base := st.Versions["ko"].Revision
	// Eight editors save from the same revision at once: one wins.
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins, conflicts := 0, 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			v := *st.Versions["ko"]
			v.Headline = "편집 " + string(rune('A'+i))
			_, err := s.Save(ctx, st, "ko", base, v, "본문 "+string(rune('A'+i)), "editor")
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				wins++
			case errors.Is(err, ErrConflict):
				conflicts++
			default:
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
	if wins != 1 || conflicts != 7 {
		t.Fatalf("%d wins, %d conflicts; want 1 and 7", wins, conflicts)
	}
	head, err := s.Story(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	v := head.Versions["ko"]
	if v.Revision != base+1 {
		t.Fatalf("head at revision %d, want %d", v.Revision, base+1)
	}
	body, err := s.Body(ctx, n, "ko", v.Revision)
	if err != nil || body != "본문 "+v.Headline[len("편집 "):] {
		t.Fatalf("head body %q does not belong to head headline %q (%v)", body, v.Headline, err)
	}
	// The first revision is still there.
	if old, err := s.Body(ctx, n, "ko", base); err != nil || old != "첫 본문" {
		t.Fatalf("revision %d: %q %v", base, old, err)
	}
}

func TestSaveReturnsTheStoryAsStoredAndKeepsOtherLanguages(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	n, _ := s.CreateStory(ctx, draft("로봇 수출"), map[string]string{"ko": "본문"}, "hong")
	st, _ := s.Story(ctx, n)
	en := story.Version{Headline: "Robot exports", Slug: "robot-exports", Status: story.Draft, TranslatedFrom: "ko"}
	saved, err := s.Save(ctx, st, "en", 0, en, "Body", "kim")
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.Story(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range []*story.Story{saved, again} {
		if got.Versions["ko"] == nil || got.Versions["en"] == nil || got.Versions["en"].Revision != 1 || got.Versions["en"].TranslatedFrom != "ko" {
			t.Fatalf("versions after adding en: %+v", got.Versions)
		}
	}
	if _, err := s.Story(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing story: %v", err)
	}
}

func TestBodyCacheServesWithoutTheDatabase(t *testing.T) {
	s := newStore(t)
	if err := s.WithBodyCache(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	n, err := s.CreateStory(ctx, draft("캐시"), map[string]string{"ko": "캐시된 본문"}, "hong")
	if err != nil {
		t.Fatal(err)
	}
	// Remove the revision from the database: the local copy still answers.
	if _, err := s.db.Collection("revisions").DeleteMany(ctx, map[string]any{}); err != nil {
		t.Fatal(err)
	}
	if body, err := s.Body(ctx, n, "ko", 1); err != nil || body != "캐시된 본문" {
		t.Fatalf("%q %v", body, err)
	}
	if _, err := s.Body(ctx, n, "ko", 2); !errors.Is(err, ErrNotFound) {
		t.Fatalf("uncached missing revision: %v", err)
	}
}

func TestImportStoriesNumbersInOrder(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	sts := []*story.Story{draft("하나"), draft("둘"), draft("셋")}
	bodies := []map[string]string{{"ko": "1"}, {"ko": "2"}, {"ko": "3"}}
	if err := s.ImportStories(ctx, sts, bodies, "demo"); err != nil {
		t.Fatal(err)
	}
	for i, st := range sts {
		if st.Number != i+1 {
			t.Fatalf("story %d numbered %d", i, st.Number)
		}
		if b, err := s.Body(ctx, st.Number, "ko", 1); err != nil || b != bodies[i]["ko"] {
			t.Fatalf("body %q %v", b, err)
		}
	}
	n, err := s.CreateStory(ctx, draft("넷"), map[string]string{"ko": "4"}, "hong")
	if err != nil || n != 4 {
		t.Fatalf("next number %d %v", n, err)
	}
}
