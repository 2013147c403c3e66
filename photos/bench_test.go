package photos

import (
	"bytes"
	"context"
	"slices"
	"strconv"
	"testing"

	"github.com/newsroom/newsroom/media"
)

// BenchmarkUpload is an upload end to end on the embedded server: a 12 MP
// phone JPEG (4000×3000, with EXIF) read, decoded, cut into four widths in
// JPEG and WebP, original and renditions written to GridFS and the disk
// cache, metadata stored. It also reports the bytes of each format summed
// over the widths.
func BenchmarkUpload(b *testing.B) {
	e := newEnv(b)
	src := phoneJPEG(b, bigPhoto(), 1)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	var p *Photo
	n := 0
	for b.Loop() {
		// Bytes after the end of the JPEG make each upload new to the
		// library, which would otherwise find the first one by its hash.
		n++
		data := append(slices.Clip(src), strconv.Itoa(n)...)
		var err error
		p, _, err = e.lib.Upload(context.Background(), "IMG_0001.JPG", bytes.NewReader(data), "bench")
		if err != nil {
			b.Fatal(err)
		}
	}
	var jpg, webp int
	for _, r := range p.Renditions {
		if r.Format == media.JPEG {
			jpg += r.Size
		} else {
			webp += r.Size
		}
	}
	b.ReportMetric(float64(jpg), "jpeg-bytes")
	b.ReportMetric(float64(webp), "webp-bytes")
}

// BenchmarkRenditionServe is a rendition served from the disk cache.
func BenchmarkRenditionServe(b *testing.B) {
	e := newEnv(b)
	p := upload(b, e.lib, "a.jpg", jpegBytes(b, picture(1200, 800)))
	for b.Loop() {
		if _, _, err := e.lib.Rendition(context.Background(), p.ID, 640, media.WebP); err != nil {
			b.Fatal(err)
		}
	}
}
