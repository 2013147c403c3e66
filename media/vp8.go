package media

import "image"

// fromVP8 converts a lossy WebP as x/image/webp decodes it to RGB. VP8 stores
// BT.601 limited-range YCbCr (Y in 16..235) but the decoder hands the planes
// back as image.YCbCr, which Go converts as JPEG's full range: blacks turn
// grey, whites dim and colours fade (golang/go#40173). The arithmetic is
// libwebp's (src/dsp/yuv.h), the one browsers use. Lossless WebP decodes to
// NRGBA and passes through.
func fromVP8(img image.Image) image.Image {
	var (
		ycc   *image.YCbCr
		alpha []uint8
		astr  int
	)
	switch m := img.(type) {
	case *image.NYCbCrA:
		ycc, alpha, astr = &m.YCbCr, m.A, m.AStride
	case *image.YCbCr:
		ycc = m
	default:
		return img
	}
	b := ycc.Rect
	dst := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := dst.Pix[(y-b.Min.Y)*dst.Stride:]
		for x := b.Min.X; x < b.Max.X; x++ {
			yy := int(ycc.Y[ycc.YOffset(x, y)])
			ci := ycc.COffset(x, y)
			u, v := int(ycc.Cb[ci]), int(ycc.Cr[ci])
			p := row[4*(x-b.Min.X):]
			p[0] = clip8(mulHi(yy, 19077) + mulHi(v, 26149) - 14234)
			p[1] = clip8(mulHi(yy, 19077) - mulHi(u, 6419) - mulHi(v, 13320) + 8708)
			p[2] = clip8(mulHi(yy, 19077) + mulHi(u, 33050) - 17685)
			p[3] = 255
			if alpha != nil {
				p[3] = alpha[(y-b.Min.Y)*astr+(x-b.Min.X)]
			}
		}
	}
	return dst
}

func mulHi(v, c int) int { return (v * c) >> 8 }

func clip8(v int) uint8 {
	v >>= 6
	return uint8(min(max(v, 0), 255))
}
