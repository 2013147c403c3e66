package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/newsroom/newsroom/demo"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// runDemo loads the demo edition, and with --archive N also N synthetic
// stories, into the configured database.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var archive int
	var seed int64
	var skipEdition bool
	cfg, err := loadConfig("demo", args, stderr, func(fs *flag.FlagSet) {
		fs.IntVar(&archive, "archive", 0, "also generate this many synthetic stories (half in both languages) spread over five years")
		fs.Int64Var(&seed, "seed", 1, "seed of the synthetic archive")
		fs.BoolVar(&skipEdition, "archive-only", false, "generate the archive without loading the demo edition")
	})
	if err != nil {
		return err
	}
	if archive < 0 || archive > 1_000_000 {
		return fmt.Errorf("--archive %d: want 0 to 1000000", archive)
	}
	log := newLogger(stderr, cfg.LogLevel)
	db, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.close()
	if !skipEdition {
		if err := loadDemo(ctx, db.store); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "demo edition loaded")
	}
	if archive > 0 {
		start := time.Now()
		if err := loadArchive(ctx, db.store, archive, seed); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d archive stories generated in %s\n", archive, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// loadDemoIfEmpty gives a fresh install something to show.
func loadDemoIfEmpty(ctx context.Context, st *store.Store, log *slog.Logger) error {
	empty, err := st.Empty(ctx)
	if err != nil || !empty {
		return err
	}
	if err := loadDemo(ctx, st); err != nil {
		return err
	}
	log.Info("empty database: demo edition loaded (NEWSROOM_NO_DEMO=true skips it)")
	return nil
}

func loadDemo(ctx context.Context, st *store.Store) error {
	ed := demo.Load(time.Now())
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
	stories := make([]*story.Story, len(ed.Stories))
	bodies := make([]map[string]string, len(ed.Stories))
	for i := range ed.Stories {
		stories[i], bodies[i] = &ed.Stories[i].Story, ed.Stories[i].Bodies
	}
	return st.ImportStories(ctx, stories, bodies, "demo")
}

func loadArchive(ctx context.Context, st *store.Store, n int, seed int64) error {
	const batch = 2000
	var stories []*story.Story
	var bodies []map[string]string
	flush := func() error {
		err := st.ImportStories(ctx, stories, bodies, "demo")
		stories, bodies = stories[:0], bodies[:0]
		return err
	}
	err := demo.Archive(n, seed, time.Now(), func(s demo.Story) error {
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
