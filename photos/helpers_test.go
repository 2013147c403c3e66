package photos

import (
	"bytes"
	"image/jpeg"
	"testing"
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
