package demo

import (
	"context"
	"time"

	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// Install stores an edition's sections, reporters and stories (numbered in
// order after any existing ones).
func Install(ctx context.Context, st *store.Store, ed Edition) error {
	if err := InstallPeople(ctx, st, ed); err != nil {
		return err
	}
	stories := make([]*story.Story, len(ed.Stories))
	bodies := make([]map[string]string, len(ed.Stories))
	for i := range ed.Stories {
		stories[i], bodies[i] = &ed.Stories[i].Story, ed.Stories[i].Bodies
	}
	return st.ImportStories(ctx, stories, bodies, "demo")
}

// InstallPeople stores the edition's sections and reporters (idempotent), which
// a generated archive refers to.
func InstallPeople(ctx context.Context, st *store.Store, ed Edition) error {
	for _, s := range ed.Sections {
		if err := st.PutSection(ctx, s); err != nil {
			return err
		}
	}
	for _, a := range ed.Authors {
		if err := st.PutAuthor(ctx, a); err != nil {
			return err
		}
	}
	return nil
}

// InstallArchive generates n synthetic stories over the edition's sections
// and reporters and stores them in batches.
func InstallArchive(ctx context.Context, st *store.Store, n int, seed int64, now time.Time) error {
	if err := InstallPeople(ctx, st, Load(now)); err != nil {
		return err
	}
	const batch = 2000
	stories := make([]*story.Story, 0, batch)
	bodies := make([]map[string]string, 0, batch)
	flush := func() error {
		if len(stories) == 0 {
			return nil
		}
		err := st.ImportStories(ctx, stories, bodies, "demo")
		stories, bodies = stories[:0], bodies[:0]
		return err
	}
	err := Archive(n, seed, now, func(s Story) error {
		stories = append(stories, &s.Story)
		bodies = append(bodies, s.Bodies)
		if len(stories) == batch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}
