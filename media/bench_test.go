package media

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/gen2brain/webp"
	"golang.org/x/image/draw"
)

// benchPhoto is a 4000×3000 photo as Decode returns a phone's JPEG: YCbCr.
var benchPhoto = sync.OnceValue(func() image.Image {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, photo(4000, 3000, 7), &jpeg.Options{Quality: 92}); err != nil {
		panic(err)
	}
	u, err := Decode(buf.Bytes(), DefaultLimits())
	if err != nil {
		panic(err)
	}
	return u.Image
})

// BenchmarkKernel compares x/image/draw's kernels shrinking a 12 MP photo
// to 1600 px, the largest rendition.
func BenchmarkKernel(b *testing.B) {
	src := benchPhoto()
	for _, k := range []struct {
		name string
		k    draw.Interpolator
	}{
		{"NearestNeighbor", draw.NearestNeighbor},
		{"ApproxBiLinear", draw.ApproxBiLinear},
		{"BiLinear", draw.BiLinear},
		{"CatmullRom", draw.CatmullRom},
	} {
		b.Run(k.name, func(b *testing.B) {
			dst := image.NewRGBA(image.Rect(0, 0, 1600, 1200))
			for b.Loop() {
				k.k.Scale(dst, dst.Rect, src, src.Bounds(), draw.Src, nil)
			}
		})
	}
}

// BenchmarkRenditions makes every default width from a 12 MP photo, as an
// upload does, and reports the bytes of each rendition.
func BenchmarkRenditions(b *testing.B) {
	src := benchPhoto()
	for _, formats := range [][]string{{JPEG}, {WebP}, {JPEG, WebP}} {
		b.Run(strings.Join(formats, "+"), func(b *testing.B) {
			var rs []Rendition
			for b.Loop() {
				var err error
				if rs, err = Renditions(src, DefaultWidths(), formats); err != nil {
					b.Fatal(err)
				}
			}
			for _, r := range rs {
				b.ReportMetric(float64(len(r.Data)), fmt.Sprintf("B-%s-%d", r.Format, r.Width))
			}
		})
	}
}

// BenchmarkEncode encodes the 1600 px rendition at several settings and
// reports its size and its PSNR against the unencoded pixels, to pick a
// WebP quality that looks like JPEG 80 and see what it saves.
func BenchmarkEncode(b *testing.B) {
	src := benchPhoto()
	img := scale(src, src.Bounds(), 1600, 1200)
	cases := []struct {
		name string
		enc  func(*bytes.Buffer) error
	}{
		{"jpeg-q80", func(w *bytes.Buffer) error { return jpeg.Encode(w, img, &jpeg.Options{Quality: 80}) }},
	}
	for _, q := range []int{60, 70, 75, 80, 85} {
		for _, m := range []int{2, 4} {
			cases = append(cases, struct {
				name string
				enc  func(*bytes.Buffer) error
			}{fmt.Sprintf("webp-q%d-m%d", q, m), func(w *bytes.Buffer) error {
				return webp.Encode(w, img, webp.Options{Quality: q, Method: m})
			}})
		}
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := c.enc(&buf); err != nil {
					b.Fatal(err)
				}
			}
			got, err := Decode(buf.Bytes(), DefaultLimits())
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(buf.Len()), "bytes")
			b.ReportMetric(psnr(img, got.Image), "PSNR-dB")
		})
	}
}

// psnr compares the RGB of two images of one size; higher is closer, and
// above about 40 dB differences are invisible.
func psnr(a, b image.Image) float64 {
	var sum float64
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x-r.Min.X+b.Bounds().Min.X, y-r.Min.Y+b.Bounds().Min.Y).RGBA()
			for _, d := range []float64{float64(r1>>8) - float64(r2>>8), float64(g1>>8) - float64(g2>>8), float64(b1>>8) - float64(b2>>8)} {
				sum += d * d
			}
		}
	}
	mse := sum / float64(3*r.Dx()*r.Dy())
	return 10 * math.Log10(255*255/mse)
}
