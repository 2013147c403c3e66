package media

import (
	"bytes"
	"image"

	"image/color/palette"
	"image/gif"
	"image/png"
	"testing"
)

// animatedGIF is a GIF of n frames, each covering the whole w×h canvas.
func animatedGIF(t *testing.T, w, h, n int) []byte {
	t.Helper()
	anim := &gif.GIF{Config: image.Config{Width: w, Height: h}}
	for range n {
		anim.Image = append(anim.Image, image.NewPaletted(image.Rect(0, 0, w, h), palette.Plan9))
		anim.Delay = append(anim.Delay, 10)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, anim); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// An animation is refused for the pixels of all its frames, although each
// frame alone is well under the limit.
func TestInspectCountsEveryFrameOfAGIF(t *testing.T) {
	lim := Limits{MaxBytes: 1 << 20, MaxPixels: 100_000}
	one := animatedGIF(t, 200, 200, 1) // 40,000 px
	if h, err := Inspect(one, lim); err != nil || h.Frames != 1 {
		t.Fatalf("one frame: %+v, %v", h, err)
	}
	if h, err := Inspect(animatedGIF(t, 200, 200, 2), lim); err != nil || h.Frames != 2 {
		t.Fatalf("two frames (80,000 px): %+v, %v", h, err)
	}
	_, err := Inspect(animatedGIF(t, 200, 200, 3), lim) // 120,000 px
	if me := mediaErr(t, err); me.ID != MsgTooManyPixels {
		t.Fatalf("three frames: %v, want %s", err, MsgTooManyPixels)
	}
	if _, err := Decode(animatedGIF(t, 200, 200, 3), lim); err == nil {
		t.Fatal("Decode took the three-frame GIF")
	}
}

// The memory a decode will take is known before it starts, from the colour
// model the header declares: 16-bit colour takes eight times what grey does.
func TestInspectEstimatesMemoryFromTheHeader(t *testing.T) {
	enc := func(img image.Image) []byte {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	r := image.Rect(0, 0, 1000, 1000)
	gray, err := Inspect(enc(image.NewGray(r)), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	deep, err := Inspect(enc(image.NewNRGBA64(r)), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	scaler := int64(32 * 1000 * 1000) // 1000 px wide renditions of 1000 rows, four float64 each
	if gray.Bytes != 5_000_000+scaler+renditionBytes || deep.Bytes != 12_000_000+scaler+renditionBytes {
		t.Errorf("estimates: grey %d, 16-bit %d", gray.Bytes, deep.Bytes)
	}
}
