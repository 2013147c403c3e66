package photos

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
)

// DemoImages draws n abstract pictures for the demo edition (soft
// gradients, overlapping translucent discs and bands, a little grain; no
// text), 1600×1067 each, the same every time for the same n. The paper
// ships no photos it does not own.
func DemoImages(n int) []image.Image {
	out := make([]image.Image, n)
	for i := range out {
		out[i] = demoImage(1600, 1067, uint64(i))
	}
	return out
}

// palettes are sets of colours that sit well together: dusk, sea, autumn,
// spring, slate.
var palettes = [][]color.NRGBA{
	{{0x2b, 0x2d, 0x42, 255}, {0x8d, 0x99, 0xae, 255}, {0xef, 0x83, 0x54, 255}, {0xed, 0xf2, 0xf4, 255}},
	{{0x03, 0x4e, 0x71, 255}, {0x2a, 0x9d, 0x8f, 255}, {0xe9, 0xc4, 0x6a, 255}, {0xf4, 0xf1, 0xde, 255}},
	{{0x5f, 0x0f, 0x40, 255}, {0x9a, 0x03, 0x1e, 255}, {0xfb, 0x8b, 0x24, 255}, {0xe3, 0x64, 0x14, 255}},
	{{0x60, 0x6c, 0x38, 255}, {0x28, 0x36, 0x18, 255}, {0xfe, 0xfa, 0xe0, 255}, {0xdd, 0xa1, 0x5e, 255}},
	{{0x22, 0x31, 0x3f, 255}, {0x4d, 0x6a, 0x80, 255}, {0xb8, 0xc5, 0xd6, 255}, {0xf2, 0xa6, 0x5a, 255}},
}

func demoImage(w, h int, seed uint64) *image.NRGBA {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	pal := palettes[seed%uint64(len(palettes))]
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	top, bottom := pal[0], pal[1]
	angle := rng.Float64() * math.Pi
	ca, sa := math.Cos(angle), math.Sin(angle)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			t := (float64(x)/float64(w)-0.5)*ca + (float64(y)/float64(h)-0.5)*sa + 0.5
			t = min(max(t, 0), 1)
			img.SetNRGBA(x, y, mix(top, bottom, t))
		}
	}
	// Soft bands like hills or a horizon.
	for b := 0; b < 2+rng.IntN(2); b++ {
		base := float64(h) * (0.55 + 0.15*float64(b))
		amp, freq, phase := 30+rng.Float64()*60, 1+rng.Float64()*2, rng.Float64()*2*math.Pi
		c := pal[2+rng.IntN(2)]
		for x := 0; x < w; x++ {
			edge := base + amp*math.Sin(float64(x)/float64(w)*freq*2*math.Pi+phase)
			for y := max(0, int(edge)); y < h; y++ {
				img.SetNRGBA(x, y, mix(img.NRGBAAt(x, y), c, 0.35))
			}
		}
	}
	// Translucent discs: sun, lights, bokeh.
	for d := 0; d < 5+rng.IntN(6); d++ {
		cx, cy := rng.Float64()*float64(w), rng.Float64()*float64(h)*0.7
		r := 40 + rng.Float64()*float64(h)/4
		c := pal[rng.IntN(len(pal))]
		a := 0.25 + rng.Float64()*0.4
		for y := max(0, int(cy-r)); y < min(h, int(cy+r)+1); y++ {
			for x := max(0, int(cx-r)); x < min(w, int(cx+r)+1); x++ {
				dist := math.Hypot(float64(x)-cx, float64(y)-cy) / r
				if dist >= 1 {
					continue
				}
				// Soft edge over the outer tenth.
				k := a * min(1, (1-dist)*10)
				img.SetNRGBA(x, y, mix(img.NRGBAAt(x, y), c, k))
			}
		}
	}
	// Grain, so the pictures compress like photos rather than flat art.
	for i := 0; i < len(img.Pix); i += 4 {
		g := rng.IntN(7) - 3
		for c := 0; c < 3; c++ {
			img.Pix[i+c] = uint8(min(max(int(img.Pix[i+c])+g, 0), 255))
		}
	}
	return img
}

func mix(a, b color.NRGBA, t float64) color.NRGBA {
	f := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-t) + float64(y)*t)) }
	return color.NRGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 255}
}
