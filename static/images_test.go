package static

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The site's images are drawn here, so that they can be checked and made
// again: go test ./static -run Images -update rewrites them.
var update = flag.Bool("update", false, "rewrite the drawn images in files/")

var (
	paper  = color.RGBA{0xff, 0xfd, 0xf8, 0xff}
	ink    = color.RGBA{0x16, 0x18, 0x1d, 0xff}
	accent = color.RGBA{0x9b, 0x1c, 0x1c, 0xff}
)

// logoName is the demo paper's name as its publisher logo shows it.
const logoName = "DALLAS KOREAN BUSINESS JOURNAL"

// drawLogo draws name on a 600×60 logo (Google's largest for a publisher
// logo) at the largest size that fits whole, and reports the text's width.
func drawLogo(t *testing.T, name string) (*image.RGBA, int) {
	t.Helper()
	const w, h, left, right = 600, 60, 24, 12
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(paper), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 8, 8, h-8), image.NewUniform(accent), image.Point{}, draw.Src)
	f, err := opentype.Parse(gobold.TTF)
	if err != nil {
		t.Fatal(err)
	}
	for size := 34.0; size >= 12; size-- {
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
		if err != nil {
			t.Fatal(err)
		}
		width := font.MeasureString(face, name).Ceil()
		if left+width > w-right {
			continue
		}
		m := face.Metrics()
		d := font.Drawer{Dst: img, Src: image.NewUniform(ink), Face: face,
			Dot: fixed.P(left, (h+m.Ascent.Ceil()-m.Descent.Ceil())/2)}
		d.DrawString(name)
		return img, width
	}
	t.Fatalf("%q does not fit a 600×60 logo", name)
	return nil, 0
}

// drawTouchIcon draws the 180×180 home-screen icon (and, scaled, the
// others): a front page in the paper's red, a masthead rule and columns.
func drawTouchIcon(size int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	draw.Draw(img, img.Bounds(), image.NewUniform(accent), image.Point{}, draw.Src)
	u := func(v int) int { return v * size / 180 }
	white := image.NewUniform(paper)
	draw.Draw(img, image.Rect(u(36), u(36), u(144), u(144)), white, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(u(48), u(50), u(132), u(66)), image.NewUniform(ink), image.Point{}, draw.Src)
	for i := range 4 {
		y := u(78 + i*14)
		draw.Draw(img, image.Rect(u(48), y, u(86), y+u(6)), image.NewUniform(ink), image.Point{}, draw.Src)
		draw.Draw(img, image.Rect(u(94), y, u(132), y+u(6)), image.NewUniform(ink), image.Point{}, draw.Src)
	}
	return img
}

// TestImagesAreTheirDrawings: the files served are what is drawn here, so
// the publisher logo carries the paper's whole name (it lost "JOURNAL" off
// its right edge) and the icons exist at the sizes the page names.
func TestImagesAreTheirDrawings(t *testing.T) {
	logo, width := drawLogo(t, logoName)
	t.Logf("logo text %d px wide", width)
	for name, img := range map[string]image.Image{
		"logo.png":       logo,
		"touch-icon.png": drawTouchIcon(180),
		"icon-192.png":   drawTouchIcon(192),
		"icon-512.png":   drawTouchIcon(512),
	} {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		path := "files/" + name
		if *update {
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		have, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(have, buf.Bytes()) {
			t.Errorf("%s is not its drawing (%v): go test ./static -run Images -update", path, err)
		}
	}
}
