package admin

import (
	"context"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/demo"
	"github.com/newsroom/newsroom/store"
)

// archiveNewsroom is the newsroom over the demo edition plus 20,000
// generated stories on the embedded server, with an editor logged in, and
// the number of a story with two revisions (for the history's diff).
func archiveNewsroom(b *testing.B) (*client, int) {
	b.Helper()
	ctx := context.Background()
	st := store.New(dbtest.Database(b), 30*time.Second)
	dir, err := os.MkdirTemp("", "admin-bench-bodies")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	if err := st.WithBodyCache(dir); err != nil {
		b.Fatal(err)
	}
	if err := st.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		b.Fatal(err)
	}
	if err := demo.Install(ctx, st, demo.Load(time.Now())); err != nil {
		b.Fatal(err)
	}
	if err := demo.InstallArchive(ctx, st, 20000, 1, time.Now()); err != nil {
		b.Fatal(err)
	}
	tn := newTestNewsroomOver(b, st, true, nil)
	if tn.cat.Len() < 20000 {
		b.Fatalf("catalogue holds %d stories", tn.cat.Len())
	}
	c := tn.login(b, store.RoleEditor)
	n := tn.cat.All()[0].Number
	s, err := st.Story(ctx, n)
	if err != nil {
		b.Fatal(err)
	}
	lng := "ko"
	if s.Versions[lng] == nil {
		lng = "en"
	}
	v := *s.Versions[lng]
	body, err := st.Body(ctx, n, lng, v.Revision)
	if err != nil {
		b.Fatal(err)
	}
	// An ordinary edit: a corrected headline and one more paragraph.
	v.Headline += " (고침)"
	saved, err := st.Save(ctx, s, lng, v.Revision, v, body+"\n\n추가된 문단입니다. 관계자는 이번 결정이 지역 경제에 도움이 될 것이라고 말했다.", "bench")
	if err != nil {
		b.Fatal(err)
	}
	tn.cat.Put(saved)
	return c, n
}

// BenchmarkArchiveAdmin times the newsroom's pages over a 20,000-story
// archive, through HTTP with a logged-in editor: none may scan the stories
// or revisions collections (target: each under 50 ms).
func BenchmarkArchiveAdmin(b *testing.B) {
	c, n := archiveNewsroom(b)
	lng := "ko"
	if c.tn.cat.Story(n).Versions[lng] == nil {
		lng = "en"
	}
	for _, bc := range []struct{ name, path string }{
		{"dashboard", "/admin/"},
		{"desk", "/admin/desk"},
		{"list-filtered", "/admin/?status=published&section=business&lang=ko"},
		{"editor", editHref(n, lng)},
		{"history", editHref(n, lng) + "/history"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if r := c.get(bc.path); r.code != 200 {
					b.Fatalf("%s: %d", bc.path, r.code)
				}
			}
		})
	}
}
