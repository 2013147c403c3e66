package media

import (
	"image"
	"image/draw"
)

// orient turns a decoded image upright according to its EXIF orientation
// (1..8). The tag says how the stored rows and columns map onto the
// picture as seen: for each orientation, src gives the stored pixel that
// belongs at (x, y) of the upright picture, whose size is w×h.
func orient(img image.Image, o int) image.Image {
	if o < 2 || o > 8 {
		return img
	}
	s := toRGBA(img)
	W, H := s.Rect.Dx(), s.Rect.Dy()
	w, h := W, H
	if o >= 5 { // 5..8 turn the picture a quarter: width and height swap
		w, h = H, W
	}
	var src func(x, y int) (int, int)
	switch o {
	case 2: // mirrored left-right
		src = func(x, y int) (int, int) { return W - 1 - x, y }
	case 3: // upside down
		src = func(x, y int) (int, int) { return W - 1 - x, H - 1 - y }
	case 4: // mirrored top-bottom
		src = func(x, y int) (int, int) { return x, H - 1 - y }
	case 5: // transposed
		src = func(x, y int) (int, int) { return y, x }
	case 6: // stored turned a quarter left: turn right
		src = func(x, y int) (int, int) { return y, H - 1 - x }
	case 7: // transversed
		src = func(x, y int) (int, int) { return W - 1 - y, H - 1 - x }
	case 8: // stored turned a quarter right: turn left
		src = func(x, y int) (int, int) { return W - 1 - y, x }
	}
	d := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		row := d.Pix[y*d.Stride : y*d.Stride+4*w]
		for x := 0; x < w; x++ {
			sx, sy := src(x, y)
			i := sy*s.Stride + 4*sx
			copy(row[4*x:4*x+4], s.Pix[i:i+4])
		}
	}
	return d
}

// toRGBA returns img as an *image.RGBA whose bounds start at (0, 0),
// converting only when it is not one already.
func toRGBA(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok && r.Rect.Min == (image.Point{}) {
		return r
	}
	b := img.Bounds()
	r := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(r, r.Rect, img, b.Min, draw.Src)
	return r
}
