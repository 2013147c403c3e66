package photos

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/media"
)

func serveLib(t testing.TB, lib *Library) *httptest.Server {
	t.Helper()
	gin.SetMode(gin.TestMode)
	r := gin.New()
	r.GET("/media/:id/:file", lib.ServeMedia)
	r.HEAD("/media/:id/:file", lib.ServeMedia)
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return srv
}

func get(t testing.TB, srv *httptest.Server, path string, hdr map[string]string) ([]byte, *http.Response) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return body, res
}

func TestServeCachingAndNames(t *testing.T) {
	e := newEnv(t)
	src := phoneJPEG(t, picture(900, 600), 1)
	p := upload(t, e.lib, "a.jpg", src)
	srv := serveLib(t, e.lib)

	body, res := get(t, srv, "/media/"+p.ID+"/640.webp", nil)
	etag := res.Header.Get("ETag")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/webp" || len(body) == 0 {
		t.Fatalf("640.webp: %d %s %d bytes", res.StatusCode, res.Header.Get("Content-Type"), len(body))
	}
	if etag == "" || etag[0] != '"' || etag != ETag(body) {
		t.Errorf("ETag %q, want the strong content tag %q", etag, ETag(body))
	}
	if cc := res.Header.Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
		t.Errorf("Cache-Control %q", cc)
	}
	body, res = get(t, srv, "/media/"+p.ID+"/640.webp", map[string]string{"If-None-Match": etag})
	if res.StatusCode != http.StatusNotModified || len(body) != 0 || res.Header.Get("ETag") != etag {
		t.Errorf("revalidation: %d with %d bytes, want 304 and no body", res.StatusCode, len(body))
	}
	if _, res = get(t, srv, "/media/"+p.ID+"/640.webp", map[string]string{"If-None-Match": `"other"`}); res.StatusCode != 200 {
		t.Errorf("other ETag: %d, want 200", res.StatusCode)
	}

	// Names that are not a rendition or thumbnail, sizes that do not exist,
	// and anything that might reach the original: 404.
	for _, path := range []string{
		"/media/" + p.ID + "/original", "/media/" + p.ID + "/orig.jpg", "/media/" + p.ID + "/a.jpg",
		"/media/" + p.ID + "/" + p.Original, "/media/" + p.ID + "/900.png", "/media/" + p.ID + "/1600.jpg",
		"/media/" + p.ID + "/0640.jpg", "/media/" + p.ID + "/640.jpeg", "/media/" + p.ID + "/thumb-321-r0.jpg",
		"/media/" + p.ID + "/thumb-320-r0.webp", "/media/0123456789abcdef/640.jpg", "/media/" + p.Original + "/640.jpg",
		"/media/..%2F..%2Fetc/640.jpg", "/media/" + p.ID + "/..%2F640.jpg",
	} {
		body, res := get(t, srv, path, nil)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, res.StatusCode)
		}
		if len(body) > 100 {
			t.Errorf("%s: %d bytes for a 404", path, len(body))
		}
	}
	// No served file is the original.
	for _, r := range p.Renditions {
		if body, _ := get(t, srv, URL(p, r.Width, r.Format), nil); string(body) == string(src) {
			t.Errorf("%s serves the original", URL(p, r.Width, r.Format))
		}
	}
}

func TestThumbnailsFollowTheFocalPoint(t *testing.T) {
	e := newEnv(t)
	p := upload(t, e.lib, "a.png", pngBytes(t, picture(1200, 600)))
	srv := serveLib(t, e.lib)
	old := ThumbURL(p, CropSquare, 160)
	body, res := get(t, srv, old, nil)
	if res.StatusCode != 200 || res.Header.Get("Cache-Control") != immutable {
		t.Fatalf("%s: %d %s", old, res.StatusCode, res.Header.Get("Cache-Control"))
	}
	if got := jpegSize(t, body); got != [2]int{160, 160} {
		t.Errorf("square thumbnail is %v", got)
	}
	if b, _ := get(t, srv, ThumbURL(p, CropWide, 320), nil); jpegSize(t, b) != [2]int{320, 213} {
		t.Errorf("wide thumbnail is %v, want 320x213", jpegSize(t, b))
	}
	// Centre crop of a 2:1 picture misses the red top-left quarter; a focal
	// point there brings it in.
	if red(t, body) {
		t.Fatal("centre crop shows the red corner")
	}
	q, err := e.lib.Update(context.Background(), p.ID, Details{Focus: &Focus{X: 0, Y: 0}})
	if err != nil {
		t.Fatal(err)
	}
	if ThumbURL(q, CropSquare, 160) == old {
		t.Fatal("the thumbnail URL did not change with the crop")
	}
	body, res = get(t, srv, ThumbURL(q, CropSquare, 160), nil)
	if res.StatusCode != 200 || !red(t, body) {
		t.Errorf("new crop: %d, red corner shown %v", res.StatusCode, red(t, body))
	}
	// The old URL still answers, with the new crop, briefly cached.
	if _, res := get(t, srv, old, nil); res.StatusCode != 200 || res.Header.Get("Cache-Control") != "public, max-age=300" {
		t.Errorf("old crop URL: %d %s", res.StatusCode, res.Header.Get("Cache-Control"))
	}
}

func TestCacheRefilledFromGridFS(t *testing.T) {
	e := newEnv(t)
	p := upload(t, e.lib, "a.jpg", jpegBytes(t, picture(700, 500)))
	want, etag, err := e.lib.Rendition(context.Background(), p.ID, 640, media.JPEG)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(e.dir); err != nil {
		t.Fatal(err)
	}
	got, etag2, err := e.lib.Rendition(context.Background(), p.ID, 640, media.JPEG)
	if err != nil || string(got) != string(want) || etag2 != etag {
		t.Fatalf("after emptying the cache: %d bytes, %v; want the same %d bytes", len(got), err, len(want))
	}
	if b, err := os.ReadFile(filepath.Join(e.dir, p.ID, "640.jpg")); err != nil || string(b) != string(want) {
		t.Errorf("the cache was not refilled: %v", err)
	}

	// Another instance over the same database, with an empty cache of its
	// own and a library loaded before the upload, serves it too.
	other, err := New(context.Background(), Deps{Store: e.st, Files: e.files, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	q := upload(t, e.lib, "b.jpg", jpegBytes(t, picture(500, 300)))
	other.forget(q.ID)
	if got, _, err := other.Rendition(context.Background(), q.ID, 500, media.WebP); err != nil || len(got) == 0 {
		t.Errorf("other instance: %d bytes, %v", len(got), err)
	}
}
