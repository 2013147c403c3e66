package photos

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// env is a library over a scratch database and cache dir.
type env struct {
	st    *store.Store
	files *media.Files
	lib   *Library
	dir   string
}

func newEnv(t testing.TB, opt ...func(*Deps)) *env {
	t.Helper()
	db := dbtest.Database(t)
	e := &env{st: store.New(db, 10*time.Second), files: media.NewFiles(db), dir: t.TempDir()}
	d := Deps{Store: e.st, Files: e.files, CacheDir: e.dir, Log: slog.New(slog.DiscardHandler)}
	for _, o := range opt {
		o(&d)
	}
	lib, err := New(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	e.lib = lib
	return e
}

// gpsMarker stands in for what a phone writes in the GPS IFD.
const gpsMarker = "REPORTER-HOME-37.5665N"

// exifAPP1 is an APP1 EXIF segment with the orientation in IFD0 and a GPS
// IFD holding a latitude reference and a map datum string.
func exifAPP1(orientation int) []byte {
	bo := binary.BigEndian
	t := []byte("MM")
	t = bo.AppendUint16(t, 42)
	t = bo.AppendUint32(t, 8)
	// IFD0 at 8: 2 entries (2+24+4 = 30 bytes); the GPS IFD at 38.
	t = bo.AppendUint16(t, 2)
	t = bo.AppendUint16(t, 0x0112)
	t = bo.AppendUint16(t, 3)
	t = bo.AppendUint32(t, 1)
	t = bo.AppendUint16(t, uint16(orientation))
	t = bo.AppendUint16(t, 0)
	t = bo.AppendUint16(t, 0x8825)
	t = bo.AppendUint16(t, 4)
	t = bo.AppendUint32(t, 1)
	t = bo.AppendUint32(t, 38)
	t = bo.AppendUint32(t, 0)
	// GPS IFD at 38: 2 entries (2+24+4 = 30 bytes); the datum at 68.
	t = bo.AppendUint16(t, 2)
	t = bo.AppendUint16(t, 0x0001)
	t = bo.AppendUint16(t, 2)
	t = bo.AppendUint32(t, 2)
	t = append(t, 'N', 0, 0, 0)
	t = bo.AppendUint16(t, 0x0012)
	t = bo.AppendUint16(t, 2)
	t = bo.AppendUint32(t, uint32(len(gpsMarker)+1))
	t = bo.AppendUint32(t, 68)
	t = bo.AppendUint32(t, 0)
	t = append(t, gpsMarker+"\x00"...)
	seg := []byte{0xff, 0xe1, 0, 0}
	seg = append(seg, "Exif\x00\x00"...)
	seg = append(seg, t...)
	binary.BigEndian.PutUint16(seg[2:], uint16(len(seg)-2))
	return seg
}

// picture is a w×h test picture: a gradient with a red block top left, so
// that orientation and crops can be seen.
func picture(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{uint8(40 + 150*x/w), uint8(60 + 120*y/h), 170, 255}
			if x < w/4 && y < h/4 {
				c = color.RGBA{220, 20, 20, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func jpegBytes(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func pngBytes(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// phoneJPEG is a JPEG as a phone writes it: EXIF with GPS right after SOI.
func phoneJPEG(t testing.TB, img image.Image, orientation int) []byte {
	t.Helper()
	j := jpegBytes(t, img)
	out := append([]byte{}, j[:2]...)
	out = append(out, exifAPP1(orientation)...)
	return append(out, j[2:]...)
}

func upload(t testing.TB, lib *Library, name string, data []byte) *Photo {
	t.Helper()
	p, _, err := lib.Upload(context.Background(), name, bytes.NewReader(data), "reporter@example.com")
	if err != nil {
		t.Fatalf("upload %s: %v", name, err)
	}
	return p
}

var _ = io.EOF
var _ = story.Text{}
