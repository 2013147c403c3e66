package handlers

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/demo"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// The archive benchmarks share one database of 20,000 generated stories
// (10,000 in both languages) on the embedded server: building it takes a
// while, so it is made once per test binary.
var archive struct {
	once  sync.Once
	store *store.Store
	err   error
	took  time.Duration
}

const archiveSize = 20000

func archiveStore(b *testing.B) *store.Store {
	b.Helper()
	archive.once.Do(func() {
		client, err := mongo.Connect(options.Client().ApplyURI(dbtest.URI(b)))
		if err != nil {
			archive.err = err
			return
		}
		db := client.Database("bench_archive_20k")
		ctx := context.Background()
		_ = db.Drop(ctx) // a leftover from an interrupted run
		st := store.New(db, 30*time.Second)
		cacheDir, err := os.MkdirTemp("", "bench-bodies")
		if err != nil {
			archive.err = err
			return
		}
		if err := st.WithBodyCache(cacheDir); err != nil {
			archive.err = err
			return
		}
		if err := st.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
			archive.err = err
			return
		}
		start := time.Now()
		if err := demo.InstallArchive(ctx, st, archiveSize, 1, time.Now()); err != nil {
			archive.err = err
			return
		}
		archive.took = time.Since(start)
		archive.store = st
	})
	if archive.err != nil {
		b.Fatal(archive.err)
	}
	return archive.store
}

func archiveSite(b *testing.B) *testSite {
	st := archiveStore(b)
	s := buildSiteWith(b, st, demo.Load(time.Now()), false)
	if n := s.cat.Len(); n < archiveSize {
		b.Fatalf("catalogue holds %d stories", n)
	}
	return s
}

func benchGET(b *testing.B, s *testSite, path string) {
	b.Helper()
	if r := s.get(b, path); r.code != 200 {
		b.Fatalf("%s: %d", path, r.code)
	}
	srv := s.h.Fast(s.srv) // as in production: cached pages skip the router
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest("GET", path, nil)
			req.Header.Set("Accept-Encoding", "gzip")
			w := httptest.NewRecorder()
			srv.ServeHTTP(w, req)
			if w.Code != 200 {
				b.Errorf("%s: %d", path, w.Code)
			}
		}
	})
}

func someBilingual(s *testSite) *story.Story {
	for _, st := range s.cat.All() {
		if st.Version("ko").Live(time.Now()) && st.Version("en").Live(time.Now()) {
			return st
		}
	}
	return nil
}

// BenchmarkArchiveWarm measures pages served from the cache at archive scale.
func BenchmarkArchiveWarm(b *testing.B) {
	s := archiveSite(b)
	st := someBilingual(s)
	b.Run("front", func(b *testing.B) { benchGET(b, s, "/ko/") })
	b.Run("section", func(b *testing.B) { benchGET(b, s, "/en/section/"+st.Section) })
	b.Run("article", func(b *testing.B) {
		benchGET(b, s, "/ko/news/"+itoa(st.Number)+"/"+url.PathEscape(st.Versions["ko"].Slug))
	})
}

// BenchmarkArchiveRender measures building pages on a cache miss: the front
// page from the catalogue, the article with its body fetched from the database.
func BenchmarkArchiveRender(b *testing.B) {
	s := archiveSite(b)
	st := someBilingual(s)
	b.ResetTimer()
	for _, tc := range []struct{ name, path string }{
		{"front", "/ko/"},
		{"latest-page-50", "/en/latest?page=50"},
		{"article", "/ko/news/" + itoa(st.Number) + "/" + url.PathEscape(st.Versions["ko"].Slug)},
	} {
		b.Run(tc.name, func(b *testing.B) { benchMiss(b, s, tc.path) })
	}
	// The front page with every slot pinned to a story from years back.
	_, total := s.cat.Latest("ko", 0, 1)
	old, _ := s.cat.Latest("ko", total-story.MaxPins, story.MaxPins)
	f := story.Front{Banner: story.Banner{Text: "속보"}}
	for _, e := range old {
		f.Pins = append(f.Pins, story.Pin{Number: e.Story.Number})
	}
	s.h.SetFronts(map[string]story.Front{"ko": f})
	b.Run("front-pinned", func(b *testing.B) { benchMiss(b, s, "/ko/") })
}

// benchMiss renders path with the page cache emptied before each request.
func benchMiss(b *testing.B, s *testSite, path string) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		s.h.cache.Purge()
		if r := s.get(b, path); r.code != 200 {
			b.Fatalf("%d", r.code)
		}
	}
}

// BenchmarkArchiveStartup measures loading the catalogue of 20,000 stories,
// what a start does before it serves.
func BenchmarkArchiveStartup(b *testing.B) {
	st := archiveStore(b)
	b.ReportMetric(archive.took.Seconds(), "s-to-generate-archive")
	for i := 0; i < b.N; i++ {
		buildSiteWith(b, st, demo.Edition{}, false)
	}
}

// BenchmarkArchivePublish measures a publish until the front page shows it.
func BenchmarkArchivePublish(b *testing.B) {
	s := archiveSite(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		headline := "Breaking story " + itoa(i) + " " + time.Now().Format(time.RFC3339Nano)
		st := &story.Story{Section: "business", Byline: []string{s.cat.Authors()[0].Handle},
			Versions: map[string]*story.Version{"en": {Headline: headline, Slug: story.Slugify(headline), Status: story.Draft}}}
		n, err := s.store.CreateStory(ctx, st, map[string]string{"en": "Body."}, "bench")
		if err != nil {
			b.Fatal(err)
		}
		cur, err := s.store.Story(ctx, n)
		if err != nil {
			b.Fatal(err)
		}
		v := *cur.Versions["en"]
		v.Status, v.PublishedAt = story.Published, time.Now()
		saved, err := s.store.Save(ctx, cur, "en", v.Revision, v, "Body.", "bench")
		if err != nil {
			b.Fatal(err)
		}
		s.h.StoryChanged(saved)
		if r := s.get(b, "/en/"); !containsStr(r.body, headline) {
			b.Fatal("published story not on the front page")
		}
	}
}

func containsStr(s, sub string) bool { return strings.Contains(s, sub) }
