package photos

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image/jpeg"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/locales"
	"github.com/newsroom/newsroom/media"
)

func TestUploadMakesRenditionsAndStripsMetadata(t *testing.T) {
	e := newEnv(t)
	// Stored 800×1200 with orientation 6 (phone held upright): the photo is 1200×800.
	src := phoneJPEG(t, picture(800, 1200), 6)
	if !bytes.Contains(src, []byte(gpsMarker)) {
		t.Fatal("test file lacks its GPS marker")
	}
	p := upload(t, e.lib, "IMG_0001.JPG", src)
	if p.Width != 1200 || p.Height != 800 || p.Type != "image/jpeg" || p.Size != int64(len(src)) || p.Name != "IMG_0001.JPG" {
		t.Errorf("photo = %dx%d %s %d bytes %q, want 1200x800 image/jpeg %d bytes IMG_0001.JPG", p.Width, p.Height, p.Type, p.Size, p.Name, len(src))
	}
	var got []string
	for _, r := range p.Renditions {
		got = append(got, fmt.Sprintf("%d.%s", r.Width, r.Format))
	}
	want := "320.jpeg 320.webp 640.jpeg 640.webp 1024.jpeg 1024.webp 1200.jpeg 1200.webp"
	if strings.Join(got, " ") != want {
		t.Errorf("renditions %v, want %s (no upscaling past 1200)", got, want)
	}
	// What a reader gets over HTTP: no EXIF, no GPS, upright.
	srv := serveLib(t, e.lib)
	for _, r := range p.Renditions {
		body, _ := get(t, srv, URL(p, r.Width, r.Format), nil)
		for _, bad := range []string{gpsMarker, "Exif", "MM\x00\x2a"} {
			if bytes.Contains(body, []byte(bad)) {
				t.Errorf("%s contains %q", URL(p, r.Width, r.Format), bad)
			}
		}
		if r.Format == media.JPEG {
			img, err := jpeg.Decode(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			b := img.Bounds()
			if b.Dx() != r.Width || b.Dy() != r.Height || b.Dx() <= b.Dy() {
				t.Errorf("%d.jpg is %v, want %dx%d landscape", r.Width, b, r.Width, r.Height)
			}
		}
	}
	// The original is kept as uploaded, GPS and all, in GridFS only.
	orig, err := e.files.Get(context.Background(), p.Original)
	if err != nil || !bytes.Equal(orig, src) {
		t.Errorf("original in GridFS differs from the upload (err %v)", err)
	}
	// And it is in the library, in memory and in the database.
	if _, ok := e.lib.Get(p.ID); !ok {
		t.Error("uploaded photo not in the library")
	}
	if stored, err := e.st.Photo(context.Background(), p.ID); err != nil || len(stored.Renditions) != 8 {
		t.Errorf("stored photo: %v, %v", stored, err)
	}
}

func TestUploadSmallPNGIsNotUpscaled(t *testing.T) {
	e := newEnv(t)
	p := upload(t, e.lib, "logo.png", pngBytes(t, picture(200, 100)))
	if p.Type != "image/png" || len(p.Renditions) != 2 || p.Renditions[0].Width != 200 {
		t.Errorf("small PNG: %s with %+v, want image/png with one 200 px rendition per format", p.Type, p.Renditions)
	}
}

// bombPNG is a valid small PNG whose header declares w×h.
func bombPNG(t *testing.T, w, h uint32) []byte {
	b := pngBytes(t, picture(8, 8))
	// IHDR data starts at 16: width, height; its CRC follows the 13 data bytes.
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

func TestUploadRefusals(t *testing.T) {
	e := newEnv(t, func(d *Deps) { d.Limits = media.Limits{MaxBytes: 200_000, MaxPixels: 4_000_000} })
	tz, _ := time.LoadLocation("America/Chicago")
	langs, err := lang.New(locales.FS, []string{"ko", "en"}, "ko", tz)
	if err != nil {
		t.Fatal(err)
	}
	big := pngBytes(t, DemoImages(1)[0]) // grain makes it megabytes as PNG
	if len(big) <= 200_000 {
		t.Fatalf("test PNG is only %d bytes", len(big))
	}
	for _, tc := range []struct {
		name string
		data []byte
		id   string
	}{
		{"notes.jpg", []byte("these are my notes, not a photo"), media.MsgNotImage},
		{"page.html", []byte("<!doctype html><script>alert(1)</script>"), media.MsgNotImage},
		{"big.png", big, media.MsgTooLarge},
		{"bomb.png", bombPNG(t, 50_000, 50_000), media.MsgTooManyPixels},
		{"broken.jpg", []byte("\xff\xd8\xff\xe0 not really a jpeg"), media.MsgCorrupt},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := e.lib.Upload(context.Background(), tc.name, bytes.NewReader(tc.data), "r@example.com")
			var me *media.Error
			if !errors.As(err, &me) || me.ID != tc.id {
				t.Fatalf("Upload(%s) = %v, want a media error %s", tc.name, err, tc.id)
			}
			for _, code := range []string{"ko", "en"} {
				if msg := langs.Get(code).T(me.ID, me.Args...); msg == me.ID || strings.Contains(msg, "no value") {
					t.Errorf("%s: %s message %q", code, me.ID, msg)
				}
			}
		})
	}
	if n := len(e.lib.All()); n != 0 {
		t.Errorf("%d photos in the library after refusals, want 0", n)
	}
}
