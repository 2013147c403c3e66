package follow

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// memory is what an instance keeps in memory, as far as these tests look:
// the stories it serves, and how often it reloaded everything.
type memory struct {
	mu      sync.Mutex
	stories map[int]string // number → Korean headline
	reloads int
	people  int
	ident   store.Identity
}

func follower(t *testing.T, st *store.Store, m *memory, now func() time.Time, since time.Time) *Follower {
	t.Helper()
	return New(Deps{
		Store: st, Log: slog.New(slog.DiscardHandler), Now: now,
		Stories: func(sts []*story.Story) {
			m.mu.Lock()
			defer m.mu.Unlock()
			for _, s := range sts {
				m.stories[s.Number] = s.Versions["ko"].Headline
			}
		},
		StoryGone: func(n int) { m.mu.Lock(); delete(m.stories, n); m.mu.Unlock() },
		Photo:     func(*store.Photo) {},
		PhotoGone: func(string) {},
		People:    func(context.Context) error { m.people++; return nil },
		Settings:  func(id store.Identity) { m.ident = id },
		Reload: func(ctx context.Context) error {
			all, err := st.Stories(ctx)
			if err != nil {
				return err
			}
			m.mu.Lock()
			defer m.mu.Unlock()
			m.reloads++
			clear(m.stories)
			for _, s := range all {
				m.stories[s.Number] = s.Versions["ko"].Headline
			}
			return nil
		},
	}, since)
}

func newStore(t *testing.T) (*store.Store, *store.Store) {
	t.Helper()
	db := dbtest.Database(t)
	a := store.New(db, 5*time.Second)
	if err := a.Migrate(context.Background(), slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	return a, store.New(db, 5*time.Second)
}

func draft(headline string) *story.Story {
	return &story.Story{Section: "business", Versions: map[string]*story.Version{
		"ko": {Headline: headline, Slug: story.Slugify(headline), Status: story.Published, PublishedAt: time.Now()}}}
}

func (m *memory) headline(n int) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	h, ok := m.stories[n]
	return h, ok
}

// What one instance writes reaches the other in one round: a new story, its
// edit, the settings, sections, a deletion, and an import of many stories.
func TestRoundTakesInOtherInstancesWrites(t *testing.T) {
	ctx := context.Background()
	a, b := newStore(t)
	m := &memory{stories: map[int]string{}}
	f := follower(t, b, m, time.Now, time.Now())

	n, err := a.CreateStory(ctx, draft("상공회의소 총회"), map[string]string{"ko": "본문"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.PutIdentity(ctx, store.Identity{Contact: "desk@example.com"}); err != nil {
		t.Fatal(err)
	}
	if err := a.PutSection(ctx, story.Section{Slug: "food", Name: story.Text{"ko": "음식"}}); err != nil {
		t.Fatal(err)
	}
	if err := f.Round(ctx); err != nil {
		t.Fatal(err)
	}
	if h, ok := m.headline(n); !ok || h != "상공회의소 총회" {
		t.Fatalf("new story %d on the other instance: %q, %v", n, h, ok)
	}
	if m.ident.Contact != "desk@example.com" || m.people != 1 {
		t.Errorf("settings %+v, sections reloaded %d times; want the new contact, once", m.ident, m.people)
	}

	st, err := a.Story(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	v := *st.Versions["ko"]
	v.Headline = "상공회의소 총회 열려"
	if _, err := a.Save(ctx, st, "ko", v.Revision, v, "고친 본문", "test"); err != nil {
		t.Fatal(err)
	}
	if err := f.Round(ctx); err != nil {
		t.Fatal(err)
	}
	if h, _ := m.headline(n); h != "상공회의소 총회 열려" {
		t.Fatalf("edited headline on the other instance: %q", h)
	}

	if err := a.DeleteStory(ctx, n); err != nil {
		t.Fatal(err)
	}
	var imported []*story.Story
	var bodies []map[string]string
	for i := range 120 {
		imported = append(imported, draft(fmt.Sprintf("가져온 기사 %d", i)))
		bodies = append(bodies, map[string]string{"ko": "본문"})
	}
	if err := a.ImportStories(ctx, imported, bodies, "import"); err != nil {
		t.Fatal(err)
	}
	if err := f.Round(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok := m.headline(n); ok {
		t.Error("a story deleted on one instance is still served by the other")
	}
	for _, st := range imported {
		if _, ok := m.headline(st.Number); !ok {
			t.Fatalf("imported story %d never reached the other instance", st.Number)
		}
	}
	if m.reloads != 0 || m.people != 1 {
		t.Errorf("%d full reloads, sections reloaded %d times; want none and still once (nothing else changed)", m.reloads, m.people)
	}
}

// An entry that sorts before the newest one already applied — written a
// little earlier by an instance whose insert committed late — is still
// applied, and entries already applied are not applied twice.
func TestRoundAppliesEntriesCommittedOutOfOrder(t *testing.T) {
	ctx := context.Background()
	a, b := newStore(t)
	m := &memory{stories: map[int]string{}}
	f := follower(t, b, m, time.Now, time.Now().Add(-2*time.Minute)) // loaded two minutes ago
	first, err := a.CreateStory(ctx, draft("먼저 쓴 기사"), map[string]string{"ko": "본문"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Round(ctx); err != nil {
		t.Fatal(err)
	}
	// A late entry: its key is 20 s older than the entry just applied.
	n, err := a.CreateStory(ctx, draft("늦게 도착한 기사"), map[string]string{"ko": "본문"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	// Only the late entry announces it.
	if _, err := b.DB().Collection("changes").DeleteMany(ctx, bson.D{{Key: "keys", Value: fmt.Sprint(n)}}); err != nil {
		t.Fatal(err)
	}
	late := time.Now().Add(-20 * time.Second).UTC().Truncate(time.Millisecond)
	entry := store.Change{ID: fmt.Sprintf("%013d-late-1", late.UnixMilli()), At: late, Kind: store.ChangedStory,
		Keys: []string{fmt.Sprint(n)}, Origin: "late"}
	if _, err := b.DB().Collection("changes").InsertOne(ctx, entry); err != nil {
		t.Fatal(err)
	}
	m.stories[first] = "이미 반영됨" // applied once: not read again
	if err := f.Round(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok := m.headline(n); !ok {
		t.Error("an entry committed out of order was never applied")
	}
	if h, _ := m.headline(first); h != "이미 반영됨" {
		t.Error("an entry already applied was applied again")
	}
}

// An instance that could not read the change log for longer than it keeps
// entries reloads everything instead, and goes on following from there.
func TestRoundAfterLongAbsenceReloadsEverything(t *testing.T) {
	ctx := context.Background()
	a, b := newStore(t)
	m := &memory{stories: map[int]string{}}
	clock := time.Now()
	now := func() time.Time { return clock }
	f := follower(t, b, m, now, clock)
	n, err := a.CreateStory(ctx, draft("자리를 비운 사이"), map[string]string{"ko": "본문"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(store.ChangeRetention + time.Minute)
	if err := f.Round(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok := m.headline(n); !ok || m.reloads != 1 {
		t.Fatalf("after a long absence: story %d known %v, %d reloads; want it, after one reload", n, ok, m.reloads)
	}
	clock = clock.Add(2 * time.Second)
	if err := f.Round(ctx); err != nil {
		t.Fatal(err)
	}
	if m.reloads != 1 {
		t.Errorf("%d reloads after an ordinary round, want still 1", m.reloads)
	}
}

// An instance does not re-read what it wrote itself.
func TestRoundSkipsOwnEntries(t *testing.T) {
	ctx := context.Background()
	a, _ := newStore(t)
	m := &memory{stories: map[int]string{}}
	f := follower(t, a, m, time.Now, time.Now().Add(-time.Second))
	if _, err := a.CreateStory(ctx, draft("내가 쓴 기사"), map[string]string{"ko": "본문"}, "test"); err != nil {
		t.Fatal(err)
	}
	if err := f.Round(ctx); err != nil {
		t.Fatal(err)
	}
	if got := slices.Collect(func(yield func(int) bool) {
		for n := range m.stories {
			yield(n)
		}
	}); len(got) != 0 {
		t.Errorf("own entries applied: %v", got)
	}
}

// Entries written before the instance loaded its memory are in it already:
// a fresh instance does not apply them again (after an import of thousands
// of stories that would mean reloading everything at once, again).
func TestRoundSkipsEntriesOlderThanWhatWasLoaded(t *testing.T) {
	ctx := context.Background()
	a, b := newStore(t)
	n, err := a.CreateStory(ctx, draft("시작 전에 쓴 기사"), map[string]string{"ko": "본문"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond) // the entry's millisecond is before the load
	m := &memory{stories: map[int]string{}}
	f := follower(t, b, m, time.Now, time.Now())
	if err := f.Round(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok := m.headline(n); ok {
		t.Error("an entry older than the load was applied again")
	}
}

// Old addresses another instance added (an import, the 404 monitor's form)
// are taken in at the next round.
func TestRoundTakesInOtherInstancesRedirects(t *testing.T) {
	ctx := context.Background()
	a, b := newStore(t)
	var reloaded int
	f := New(Deps{Store: a, Log: slog.New(slog.DiscardHandler),
		Redirects: func(context.Context) error { reloaded++; return nil }}, time.Now().Add(-time.Second))
	if err := b.PutRedirect(ctx, store.Redirect{From: "/2019/03/old-post", To: "/ko/news/1"}); err != nil {
		t.Fatal(err)
	}
	if err := f.Round(ctx); err != nil {
		t.Fatal(err)
	}
	if reloaded != 1 {
		t.Errorf("redirects taken in %d times after another instance added one, want 1", reloaded)
	}
	if err := f.Round(ctx); err != nil {
		t.Fatal(err)
	}
	if reloaded != 1 {
		t.Errorf("redirects taken in again with nothing new: %d", reloaded)
	}
}
