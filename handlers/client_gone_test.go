package handlers

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/photos"
)

// TestAbandonedRequestIsNoServerError asks for a thumbnail that must be
// made from the database, from a client that has already gone (a reader
// scrolled past it): the log shows no error and no 500.
func TestAbandonedRequestIsNoServerError(t *testing.T) {
	s := newTestSite(t)
	ctx := context.Background()
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	files := media.NewFiles(s.store.DB())
	up, err := photos.New(ctx, photos.Deps{Store: s.store, Files: files, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := up.Upload(ctx, "a.png", bytes.NewReader(pngPicture(t, 900, 600)), "test")
	if err != nil {
		t.Fatal(err)
	}
	// Another instance, whose cache holds nothing yet.
	lib, err := photos.New(ctx, photos.Deps{Store: s.store, Files: files, CacheDir: t.TempDir(), Log: log})
	if err != nil {
		t.Fatal(err)
	}
	s.h.photos, s.h.log = lib, log
	s.srv = s.h.Router()

	gone, cancel := context.WithCancel(ctx)
	cancel()
	for _, path := range []string{photos.ThumbURL(p, photos.CropWide, 320), photos.URL(p, 640, "jpeg")} {
		logs.Reset()
		w := httptest.NewRecorder()
		s.srv.ServeHTTP(w, httptest.NewRequest("GET", path, nil).WithContext(gone))
		if w.Code == http.StatusInternalServerError || strings.Contains(logs.String(), "level=ERROR") {
			t.Errorf("%s from a client that left: %d\n%s", path, w.Code, logs.String())
		}
		if !strings.Contains(logs.String(), "status=499") {
			t.Errorf("%s: the request log does not say the client left:\n%s", path, logs.String())
		}
	}
	// The same thumbnail for a reader still there is made and served.
	if r := s.get(t, photos.ThumbURL(p, photos.CropWide, 320)); r.code != http.StatusOK {
		t.Errorf("thumbnail for a reader who stayed: %d", r.code)
	}
}

// pngPicture is a w×h PNG with some texture (a flat image compresses to nothing).
func pngPicture(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), uint8(x ^ y), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
