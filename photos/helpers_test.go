package photos

import (
	"bytes"
	"image"
	"image/jpeg"
	"math/rand/v2"
	"testing"

	"golang.org/x/image/draw"
)

func jpegSize(t testing.TB, b []byte) [2]int {
	t.Helper()
	img, err := jpeg.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a JPEG: %v", err)
	}
	return [2]int{img.Bounds().Dx(), img.Bounds().Dy()}
}

// red reports whether the top-left pixel of a JPEG is the test picture's red.
func red(t testing.TB, b []byte) bool {
	t.Helper()
	img, err := jpeg.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a JPEG: %v", err)
	}
	r, g, _, _ := img.At(img.Bounds().Min.X+2, img.Bounds().Min.Y+2).RGBA()
	return r>>8 > 180 && g>>8 < 80
}

// bigPhoto is a 4000×3000 picture with the grain and shapes of a photo:
// the demo drawing scaled up.
func bigPhoto() image.Image {
	small := DemoImages(2)[1]
	dst := image.NewRGBA(image.Rect(0, 0, 4000, 3000))
	draw.CatmullRom.Scale(dst, dst.Rect, small, small.Bounds(), draw.Src, nil)
	// Scaling smooths the grain away; put some back so it encodes like a photo.
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < len(dst.Pix); i += 4 {
		n := rng.IntN(13) - 6
		for c := 0; c < 3; c++ {
			dst.Pix[i+c] = uint8(min(max(int(dst.Pix[i+c])+n, 0), 255))
		}
	}
	return dst
}
