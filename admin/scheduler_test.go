package admin

import (
	"log/slog"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/newsroom/newsroom/catalog"
	"github.com/newsroom/newsroom/markdown"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// TestSchedulerPublishesOnceAcrossInstances schedules a story, then lets
// two instances (the second started afterwards, as after a restart, with
// its catalogue loaded from the database) race to publish it when due.
func TestSchedulerPublishesOnceAcrossInstances(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ed := tn.login(t, store.RoleEditor)
	n := ed.create("예약 기사")
	f := tn.editForm(t, n, actSchedule)
	at := time.Now().Add(2 * time.Minute).In(tn.a.langs.Location())
	f.Set("schedule_at", at.Format(scheduleLayout))
	if r := ed.post(editHref(n, "ko"), f); r.code != http.StatusSeeOther {
		t.Fatalf("schedule: %d\n%s", r.code, r.body)
	}
	v := tn.version(t, n, "ko")
	if v.Status != story.Scheduled {
		t.Fatalf("status after scheduling: %s", v.Status)
	}
	if got := tn.a.PublishDue(t.Context()); got != 0 {
		t.Fatalf("published %d stories before their time", got)
	}

	// A second instance on the same database, started while the story waits.
	stories, err := tn.store.Stories(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	cat2 := catalog.New([]string{"ko", "en"}, time.Now)
	cat2.Load(stories, tn.cat.Sections(), tn.cat.Authors())
	b, err := New(Deps{Store: tn.store, Catalog: cat2, Auth: tn.auth, Langs: tn.a.langs, Markdown: markdown.New(markdown.Options{}),
		Log: slog.New(slog.DiscardHandler), BaseURL: mustURL("http://127.0.0.1"), Changed: func(s *story.Story) { cat2.Put(s) }})
	if err != nil {
		t.Fatal(err)
	}
	later := func() time.Time { return time.Now().Add(3 * time.Minute) }
	tn.a.now, b.now = later, later

	var wg sync.WaitGroup
	counts := make([]int, 4)
	for i := range counts {
		inst := tn.a
		if i%2 == 1 {
			inst = b
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts[i] = inst.PublishDue(t.Context())
		}()
	}
	wg.Wait()
	total := 0
	for _, c := range counts {
		total += c
	}
	if total != 1 {
		t.Fatalf("published %d times (per call %v), want exactly once", total, counts)
	}
	after := tn.version(t, n, "ko")
	if after.Status != story.Published || after.Revision != v.Revision+1 || after.PublishedAt.IsZero() {
		t.Errorf("after the scheduler: status %s, revision %d (was %d), published %v", after.Status, after.Revision, v.Revision, after.PublishedAt)
	}
	if got := tn.a.PublishDue(t.Context()) + b.PublishDue(t.Context()); got != 0 {
		t.Errorf("published again on the next tick: %d", got)
	}
}

func TestScheduleRefusesPastAndKeepsText(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ed := tn.login(t, store.RoleEditor)
	n := ed.create("지난 시각")
	f := tn.editForm(t, n, actSchedule)
	f.Set("schedule_at", time.Now().Add(-time.Hour).In(tn.a.langs.Location()).Format(scheduleLayout))
	f.Set("body", "그대로 남아야 할 본문")
	r := ed.post(editHref(n, "ko"), f)
	if r.code != http.StatusUnprocessableEntity || !containsAll(r.body, "앞으로의 시각을 고르세요", "그대로 남아야 할 본문") {
		t.Errorf("schedule in the past: %d", r.code)
	}
}
