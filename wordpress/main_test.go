package wordpress

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/store"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// env is a scratch database with the photo library over it.
type env struct {
	st  *store.Store
	lib *photos.Library
}

func newEnv(t testing.TB) *env {
	t.Helper()
	db := dbtest.Database(t)
	st := store.New(db, 20*time.Second)
	if err := st.Migrate(context.Background(), slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	lib, err := photos.New(context.Background(), photos.Deps{Store: st, Files: media.NewFiles(db), CacheDir: t.TempDir(), Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	return &env{st: st, lib: lib}
}

func fixtureOptions() Options {
	return Options{Languages: []string{"ko", "en"}, Uploads: filepath.Join("testdata", "uploads")}
}

func (e *env) importFixture(t *testing.T, opt Options, files ...string) *Report {
	t.Helper()
	r, err := Import(context.Background(), Paths(files), Deps{Store: e.st, Photos: e.lib}, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
