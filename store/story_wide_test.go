package store

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/newsroom/newsroom/story"
)

// TestSaveLeavesStoryWideFieldsAlone: a save of the English version made
// from a copy of the story read before the Korean save changed its section
// keeps that change, and returns the story as stored (both versions, the
// new section), not the caller's copy.
func TestSaveLeavesStoryWideFieldsAlone(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	n, err := s.CreateStory(ctx, draft("한미 무역"), map[string]string{"ko": "본문"}, "hong")
	if err != nil {
		t.Fatal(err)
	}
	stale, err := s.Story(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	wide := stale.Wide()
	wide.Section, wide.Tags = "community", []string{"fta"}
	if _, err := s.SaveWide(ctx, stale, "ko", 1, *stale.Versions["ko"], "본문", "kim", wide); err != nil {
		t.Fatal(err)
	}
	en := story.Version{Headline: "Korea-US trade", Slug: "korea-us-trade", Status: story.Draft}
	saved, err := s.Save(ctx, stale, "en", 0, en, "Body", "lee")
	if err != nil {
		t.Fatal(err)
	}
	head, err := s.Story(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	for where, st := range map[string]*story.Story{"returned": saved, "stored": head} {
		if st.Section != "community" || !slices.Equal(st.Tags, []string{"fta"}) || st.WideRevision != 1 {
			t.Errorf("%s: section %q tags %v wide revision %d; the Korean save's change was reverted", where, st.Section, st.Tags, st.WideRevision)
		}
		if st.Version("ko") == nil || st.Version("ko").Revision != 2 || st.Version("en") == nil {
			t.Errorf("%s: versions %v", where, st.Versions)
		}
	}
	if w, err := s.WideRevision(ctx, n, 0); err != nil || w.Section != "business" {
		t.Errorf("revision 0 of the story-wide fields: %+v %v", w, err)
	}
	if _, err := s.WideRevision(ctx, n, 2); !errors.Is(err, ErrNotFound) {
		t.Errorf("revision 2: %v", err)
	}
}

// TestSaveWideFromOneRevisionHasOneWinner: eight saves change the
// story-wide fields from the same revision at once, through both
// languages; one wins, the others change nothing (not even their version).
func TestSaveWideFromOneRevisionHasOneWinner(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	st := draft("동시 저장")
	st.Versions["en"] = &story.Version{Headline: "Saved at once", Slug: "saved-at-once", Status: story.Draft}
	n, err := s.CreateStory(ctx, st, map[string]string{"ko": "본문", "en": "Body"}, "hong")
	if err != nil {
		t.Fatal(err)
	}
	if st, err = s.Story(ctx, n); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var winners []string
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lang := []string{"ko", "en"}[i%2]
			w := st.Wide()
			w.Tags = []string{string(rune('a' + i))}
			_, err := s.SaveWide(ctx, st, lang, 1, *st.Versions[lang], "본문 "+w.Tags[0], "editor", w)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				winners = append(winners, w.Tags[0])
			case !errors.Is(err, ErrConflict):
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if len(winners) != 1 {
		t.Fatalf("winners %v, want exactly one", winners)
	}
	head, err := s.Story(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(head.Tags, winners) || head.WideRevision != 1 {
		t.Fatalf("head tags %v at wide revision %d, want the winner's %v at 1", head.Tags, head.WideRevision, winners)
	}
	revs := head.Versions["ko"].Revision + head.Versions["en"].Revision
	if revs != 3 {
		t.Errorf("versions at ko %d, en %d: a losing save stored its version", head.Versions["ko"].Revision, head.Versions["en"].Revision)
	}
}
