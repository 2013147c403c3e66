// Package follow keeps an instance in step with the others sharing its
// database: it reads the change log (store.ChangesSince) every poll and
// applies what the others changed — stories and their deletions, photos,
// sections, reporters, the paper's settings — to what this instance keeps
// in memory. It is one loop; what applying means is the caller's (the
// reader site's catalogue and caches, the photo library).
package follow

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"strconv"
	"time"

	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// Overlap is how far before the newest entry it applied each poll reads
// again. Entries are keyed by their writer's clock when written, so one
// committed late (a slow insert) or written by an instance whose clock is a
// little behind sorts before entries already read; reading the overlap
// again, and skipping entries already applied, picks them up.
const Overlap = time.Minute

// fetchOneByOne is how many changed stories are read by key; up to
// fetchInOne are read with one query (each key lookup is a scan on the
// embedded server too); more (an import) reload the whole catalogue.
const (
	fetchOneByOne = 20
	fetchInOne    = 200
)

// pruneEvery is how often an instance removes change entries past the
// retention window.
const pruneEvery = 10 * time.Minute

// Deps is what the follower applies changes to.
type Deps struct {
	Store *store.Store
	Log   *slog.Logger
	Now   func() time.Time // nil: time.Now

	// Stories takes in stories another instance saved or imported.
	Stories func([]*story.Story)
	// StoryGone forgets a story another instance deleted.
	StoryGone func(n int)
	// Photo takes in a photo's details; PhotoGone forgets a deleted photo.
	Photo     func(*store.Photo)
	PhotoGone func(id string)
	// People reloads sections and reporters.
	People func(context.Context) error
	// Settings applies the paper's settings as stored.
	Settings func(store.Identity)
	// Fronts reloads the editors' front pages (pins and banners).
	Fronts func(context.Context) error
	// Redirects takes in the old addresses (an import's, an admin's).
	Redirects func(context.Context) error
	// Reload reloads everything kept in memory: after an absence longer
	// than the change log keeps entries, or when an instance asks for it.
	Reload func(context.Context) error
	// CaughtUp, when set, learns when a round applied everything (for the
	// follow-lag metric).
	CaughtUp func(time.Time)
}

// Follower applies other instances' changes. It is used by one goroutine.
type Follower struct {
	d      Deps
	cursor time.Time            // newest entry applied
	floor  time.Time            // entries before this are in what was loaded (start, reload)
	seen   map[string]time.Time // entries applied within the overlap
	lastOK time.Time            // last round that read the log
	pruned time.Time
}

// New returns a follower for an instance whose memory reflects the
// database as of since (taken before it was loaded).
func New(d Deps, since time.Time) *Follower {
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Follower{d: d, cursor: since, floor: since, seen: map[string]time.Time{}, lastOK: since}
}

// Run polls every interval until ctx ends. After a failed round it waits
// longer each time (up to a minute), so that a struggling database is not
// asked again every poll for what it could not answer.
func (f *Follower) Run(ctx context.Context, every time.Duration) {
	wait := every
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		if err := f.Round(ctx); err != nil {
			wait = min(2*wait, max(every, time.Minute))
			f.d.Log.Warn("catching up with other instances", "err", err, "next_try_in", wait)
			continue
		}
		wait = every
	}
}

// Round is one poll: write this instance's entries the database did not
// take earlier, reload everything if away too long, then apply the entries
// not yet applied. An error leaves the entries for the next round.
func (f *Follower) Round(ctx context.Context) error {
	now := f.d.Now()
	if err := f.d.Store.FlushChanges(ctx); err != nil {
		f.d.Log.Warn("recording changes for other instances", "err", err)
	}
	if now.Sub(f.lastOK) > store.ChangeRetention-Overlap {
		if err := f.reload(ctx, now); err != nil {
			return err
		}
	}
	entries, err := f.d.Store.ChangesSince(ctx, f.cursor.Add(-Overlap))
	if err != nil {
		return err
	}
	var todo []store.Change
	for _, e := range entries {
		// An entry is written after its write; one older than what this
		// instance loaded (at start, or reloading) is in it already.
		if _, done := f.seen[e.ID]; !done && e.Origin != f.d.Store.Origin() && !e.At.Before(f.floor) {
			todo = append(todo, e)
		}
	}
	if err := f.apply(ctx, now, todo); err != nil {
		return err
	}
	for _, e := range entries {
		f.seen[e.ID] = e.At
		if e.At.After(f.cursor) {
			f.cursor = e.At
		}
	}
	for id, at := range f.seen {
		if at.Before(f.cursor.Add(-2 * Overlap)) {
			delete(f.seen, id)
		}
	}
	f.lastOK = now
	if f.d.CaughtUp != nil {
		f.d.CaughtUp(now)
	}
	f.prune(ctx, now)
	return nil
}

// reload reloads everything and starts following from now.
func (f *Follower) reload(ctx context.Context, now time.Time) error {
	f.d.Log.Info("catching up with other instances: away longer than the change log keeps, reloading everything")
	if err := f.d.Reload(ctx); err != nil {
		return err
	}
	f.cursor, f.lastOK, f.floor = now, now, now
	clear(f.seen)
	return nil
}

// apply takes in the entries of one round, each changed thing once.
func (f *Follower) apply(ctx context.Context, now time.Time, entries []store.Change) error {
	var numbers []int
	var photos []string
	seenNumber := map[int]bool{}
	var people, settings, fronts, redirects bool
	for _, e := range entries {
		switch e.Kind {
		case store.ChangedEverything:
			return f.reload(ctx, now)
		case store.ChangedStory:
			for _, k := range e.Keys {
				if n, err := strconv.Atoi(k); err == nil && !seenNumber[n] {
					seenNumber[n] = true
					numbers = append(numbers, n)
				}
			}
		case store.ChangedPhoto:
			for _, k := range e.Keys {
				if !slices.Contains(photos, k) {
					photos = append(photos, k)
				}
			}
		case store.ChangedSections, store.ChangedAuthors:
			people = true
		case store.ChangedSettings:
			settings = true
		case store.ChangedFronts:
			fronts = true
		case store.ChangedRedirects:
			redirects = true
		}
	}
	if people {
		// Before the stories: a new story may name a new section or reporter.
		if err := f.d.People(ctx); err != nil {
			return err
		}
	}
	if settings {
		id, err := f.d.Store.Identity(ctx)
		if err != nil {
			return err
		}
		f.d.Settings(id)
	}
	if fronts && f.d.Fronts != nil {
		if err := f.d.Fronts(ctx); err != nil {
			return err
		}
	}
	if redirects && f.d.Redirects != nil {
		if err := f.d.Redirects(ctx); err != nil {
			return err
		}
	}
	if err := f.stories(ctx, numbers); err != nil {
		return err
	}
	return f.photos(ctx, photos)
}

// stories reads the current state of the stories numbered: those found
// changed, those not found were deleted (numbers are never reused).
func (f *Follower) stories(ctx context.Context, numbers []int) error {
	if len(numbers) == 0 {
		return nil
	}
	var found []*story.Story
	if len(numbers) <= fetchOneByOne {
		for _, n := range numbers {
			st, err := f.d.Store.Story(ctx, n)
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			found = append(found, st)
		}
	} else if len(numbers) <= fetchInOne {
		var err error
		if found, err = f.d.Store.StoriesNumbered(ctx, numbers); err != nil {
			return err
		}
	} else {
		// An import: reading everything once is cheaper than an $in over
		// thousands of numbers, which costs a comparison per number for
		// every story on the embedded server.
		return f.d.Reload(ctx)
	}
	if len(found) > 0 {
		f.d.Stories(found)
	}
	have := make(map[int]bool, len(found))
	for _, st := range found {
		have[st.Number] = true
	}
	for _, n := range numbers {
		if !have[n] {
			f.d.StoryGone(n)
		}
	}
	return nil
}

// photos reads the photos named: those found changed, the others were deleted.
func (f *Follower) photos(ctx context.Context, ids []string) error {
	for _, id := range ids {
		p, err := f.d.Store.Photo(ctx, id)
		switch {
		case errors.Is(err, store.ErrNotFound):
			f.d.PhotoGone(id)
		case err != nil:
			return err
		default:
			f.d.Photo(p)
		}
	}
	return nil
}

// prune removes entries past the retention window now and then.
func (f *Follower) prune(ctx context.Context, now time.Time) {
	if now.Sub(f.pruned) < pruneEvery {
		return
	}
	f.pruned = now
	if _, err := f.d.Store.PruneChanges(ctx, now.Add(-store.ChangeRetention)); err != nil {
		f.d.Log.Warn("pruning the change log", "err", err)
	}
}
