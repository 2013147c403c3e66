package media

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
)

// photo makes a w×h picture with what makes photos hard to compress and
// resize: smooth gradients (sky, skin), hard-edged shapes (buildings, text),
// fine texture (foliage, fabric) and sensor noise. Flat test cards would
// flatter every encoder.
func photo(w, h int, seed uint64) *image.RGBA {
	rng := rand.New(rand.NewPCG(seed, 1))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fx := make([]float64, w)
	for x := range fx {
		fx[x] = math.Sin(float64(x) / float64(w) * 2 * math.Pi)
	}
	fy := make([]float64, h)
	for y := range fy {
		fy[y] = math.Cos(float64(y) / float64(h) * 3 * math.Pi)
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			i := img.PixOffset(x, y)
			img.Pix[i+0] = clamp(120 + 70*fx[x] + 30*fy[y])
			img.Pix[i+1] = clamp(110 + 50*fy[y] - 20*fx[x] + 40*float64(y)/float64(h))
			img.Pix[i+2] = clamp(150 - 60*fx[x]*fy[y])
			img.Pix[i+3] = 255
		}
	}
	// Shapes: rectangles with hard edges and discs, some textured.
	for n := 0; n < 60; n++ {
		c := color.RGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 255}
		x0, y0 := rng.IntN(w), rng.IntN(h)
		rw, rh := 20+rng.IntN(w/6), 20+rng.IntN(h/6)
		disc := rng.IntN(2) == 0
		texture := 0
		if rng.IntN(3) == 0 {
			texture = 40
		}
		for y := y0; y < min(h, y0+rh); y++ {
			for x := x0; x < min(w, x0+rw); x++ {
				if disc {
					dx, dy := float64(x-x0-rw/2)/float64(rw/2), float64(y-y0-rh/2)/float64(rh/2)
					if dx*dx+dy*dy > 1 {
						continue
					}
				}
				t := 0
				if texture > 0 {
					t = rng.IntN(2*texture) - texture
				}
				i := img.PixOffset(x, y)
				img.Pix[i+0] = clamp(float64(int(c.R) + t))
				img.Pix[i+1] = clamp(float64(int(c.G) + t))
				img.Pix[i+2] = clamp(float64(int(c.B) + t/2))
			}
		}
	}
	// Sensor noise everywhere.
	for i := 0; i < len(img.Pix); i += 4 {
		n := rng.IntN(9) - 4
		for c := 0; c < 3; c++ {
			img.Pix[i+c] = clamp(float64(int(img.Pix[i+c]) + n))
		}
	}
	return img
}

func clamp(v float64) uint8 {
	return uint8(min(max(v, 0), 255))
}
