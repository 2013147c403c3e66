package catalog

import (
	"sync"
	"testing"
	"time"

	"github.com/newsroom/newsroom/story"
)

var t0 = time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC)

func mk(n int, section string, tags []string, langs map[string]time.Time) *story.Story {
	st := &story.Story{Number: n, Section: section, Tags: tags, Byline: []string{"hong"}, Versions: map[string]*story.Version{}}
	for l, at := range langs {
		st.Versions[l] = &story.Version{Lang: l, Headline: l + " headline", Slug: "s", Status: story.Published, PublishedAt: at}
	}
	return st
}

func numbers(es []Entry) []int {
	var out []int
	for _, e := range es {
		out = append(out, e.Story.Number)
	}
	return out
}

func TestListingsNewestFirstPerLanguage(t *testing.T) {
	c := New([]string{"ko", "en"}, func() time.Time { return t0 })
	draft := mk(4, "business", nil, map[string]time.Time{"ko": t0.Add(-time.Hour)})
	draft.Versions["ko"].Status = story.Draft
	c.Load([]*story.Story{
		mk(1, "business", []string{"trade"}, map[string]time.Time{"ko": t0.Add(-3 * time.Hour), "en": t0.Add(-3 * time.Hour)}),
		mk(2, "community", []string{"trade"}, map[string]time.Time{"ko": t0.Add(-2 * time.Hour)}),
		mk(3, "business", nil, map[string]time.Time{"en": t0.Add(-1 * time.Hour)}),
		draft,
		mk(5, "business", nil, map[string]time.Time{"ko": t0.Add(time.Hour)}), // not yet live
	}, nil, nil)

	ko, total := c.Latest("ko", 0, 10)
	if got := numbers(ko); total != 2 || len(got) != 2 || got[0] != 2 || got[1] != 1 {
		t.Fatalf("ko latest = %v (total %d), want [2 1]", got, total)
	}
	en, _ := c.Latest("en", 0, 10)
	if got := numbers(en); len(got) != 2 || got[0] != 3 || got[1] != 1 {
		t.Fatalf("en latest = %v, want [3 1]", got)
	}
	if got, _ := c.BySection("ko", "business", 0, 10); len(got) != 1 || got[0].Story.Number != 1 {
		t.Fatalf("ko business = %v", numbers(got))
	}
	if got, n := c.ByTag("ko", "trade", 0, 1); n != 2 || len(got) != 1 {
		t.Fatalf("ko trade page of 1 = %v of %d", numbers(got), n)
	}
	if _, ok := c.Live("ko", 4); ok {
		t.Fatal("a draft is live")
	}
	if _, ok := c.Live("en", 2); ok {
		t.Fatal("a Korean-only story is live in English")
	}
	if got, _ := c.Latest("ko", 5, 10); got != nil {
		t.Fatalf("offset past the end gave %v", numbers(got))
	}
}

func TestScheduledVersionGoesLiveWhenItsTimeComes(t *testing.T) {
	now := t0
	var mu sync.Mutex
	c := New([]string{"ko"}, func() time.Time { mu.Lock(); defer mu.Unlock(); return now })
	c.Load([]*story.Story{mk(1, "business", nil, map[string]time.Time{"ko": t0.Add(time.Minute)})}, nil, nil)
	if _, n := c.Latest("ko", 0, 10); n != 0 {
		t.Fatal("future story listed early")
	}
	mu.Lock()
	now = t0.Add(2 * time.Minute)
	mu.Unlock()
	if _, n := c.Latest("ko", 0, 10); n != 1 {
		t.Fatal("story not listed once its time came")
	}
}

func TestTopStoryPrefersPriorityAmongRecent(t *testing.T) {
	c := New([]string{"ko"}, func() time.Time { return t0 })
	lead := mk(1, "business", nil, map[string]time.Time{"ko": t0.Add(-5 * time.Hour)})
	lead.Priority = 10
	old := mk(2, "business", nil, map[string]time.Time{"ko": t0.Add(-30 * 24 * time.Hour)})
	old.Priority = 99
	c.Load([]*story.Story{lead, old, mk(3, "business", nil, map[string]time.Time{"ko": t0.Add(-time.Hour)})}, nil, nil)
	top, ok := c.Top("ko")
	if !ok || top.Story.Number != 1 {
		t.Fatalf("top = %v, want story 1 (recent and prioritized)", top.Story)
	}
}

// TestOlderSnapshotArrivingLateIsIgnored: two saves of one story report
// back in the other order; the reader site keeps the newer snapshot.
func TestOlderSnapshotArrivingLateIsIgnored(t *testing.T) {
	c := New([]string{"ko"}, func() time.Time { return t0 })
	first := mk(1, "business", nil, map[string]time.Time{"ko": t0.Add(-time.Hour)})
	first.Writes = 1
	second := mk(1, "community", nil, map[string]time.Time{"ko": t0.Add(-time.Hour)})
	second.Writes = 2
	c.Put(second)
	if got := c.Put(first); got != second {
		t.Errorf("Put of the older snapshot returned %v, want the one kept", got)
	}
	if got, _ := c.Live("ko", 1); got.Story.Section != "community" {
		t.Fatalf("section %q: the older snapshot replaced the newer", got.Story.Section)
	}
	if es, _ := c.BySection("ko", "community", 0, 10); len(es) != 1 {
		t.Errorf("community listing %v", numbers(es))
	}
}

// TestConcurrentReadsAndWrites runs readers against writers; run with -race.
func TestConcurrentReadsAndWrites(t *testing.T) {
	c := New([]string{"ko", "en"}, func() time.Time { return t0 })
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				n := w*1000 + i
				c.Put(mk(n, "business", []string{"trade"}, map[string]time.Time{"ko": t0.Add(-time.Duration(i) * time.Minute)}))
				if i%10 == 0 && i > 0 {
					c.Remove(n - 5)
				}
			}
		}(w)
	}
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				es, total := c.Latest("ko", 0, 20)
				if len(es) > total {
					t.Errorf("page longer than total")
				}
				for _, e := range es {
					if e.V.Status != story.Published {
						t.Errorf("unpublished entry listed")
					}
				}
				c.ByTag("ko", "trade", 0, 20)
				c.Top("ko")
			}
		}()
	}
	wg.Wait()
	_, total := c.Latest("ko", 0, 1)
	if total != 4*200-4*19 {
		t.Fatalf("after writes total = %d, want %d", total, 4*200-4*19)
	}
}
