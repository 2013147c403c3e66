package media

import (
	"bytes"
	"fmt"
	"image/color"
	"slices"
)

// Header is what a file declares about itself, read without decoding a
// pixel: enough to refuse it, or to know what decoding it will cost.
type Header struct {
	Type          string // "image/jpeg", "image/png", "image/gif" or "image/webp"
	Width, Height int    // the canvas (a GIF's logical screen) as stored
	Frames        int    // images in the file: 1, or an animated GIF's frames
	// Bytes is the most memory decoding the file and cutting its
	// renditions may hold at once: the decoded pixels, one full-size copy
	// (the turn of an EXIF orientation, a GIF frame put on its canvas), the
	// scaler's buffer and the renditions' working set.
	Bytes int64
}

// renditionBytes is the working set of cutting and encoding renditions at
// the default widths (the 1600 px image, its encoders' buffers).
const renditionBytes = 64 << 20

// Inspect checks an upload from its headers alone: its type from its
// content, its size, and the pixels it declares (for an animated GIF, the
// canvas times the frames) against lim. Refusals are *Error values.
func Inspect(data []byte, lim Limits) (Header, error) {
	if int64(len(data)) > lim.MaxBytes {
		return Header{}, tooLarge(lim)
	}
	f, ok := sniff(data)
	if !ok {
		return Header{}, &Error{ID: MsgNotImage}
	}
	cfg, err := f.config(bytes.NewReader(data))
	if err != nil {
		return Header{}, &Error{ID: MsgCorrupt, Err: err}
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Header{}, &Error{ID: MsgCorrupt, Err: fmt.Errorf("size %d×%d", cfg.Width, cfg.Height)}
	}
	h := Header{Type: f.mime, Width: cfg.Width, Height: cfg.Height, Frames: 1}
	if f.mime == "image/gif" {
		h.Frames = max(1, gifFrames(data))
	}
	// int64: 65535×65535 overflows nothing, but a 32-bit int would.
	px := int64(cfg.Width) * int64(cfg.Height)
	if px*int64(h.Frames) > int64(lim.MaxPixels) {
		return Header{}, &Error{ID: MsgTooManyPixels, Args: []any{
			"Width", cfg.Width, "Height", cfg.Height,
			"Max", fmt.Sprintf("%d MP", lim.MaxPixels/1_000_000), "MaxPixels", lim.MaxPixels,
		}}
	}
	h.Bytes = px*int64(bytesPerPixel(cfg.ColorModel)+4) + scaleBytes(cfg.Width, cfg.Height) + renditionBytes
	return h, nil
}

// scaleBytes is the scaler's working buffer for the first, largest
// rendition: x/image/draw keeps four float64 per pixel of an image as wide
// as the rendition and as tall as the source (either side, once turned
// upright).
func scaleBytes(w, h int) int64 {
	widest := slices.Max(DefaultWidths())
	return 32 * int64(min(max(w, h), widest)) * int64(max(w, h))
}

// bytesPerPixel is the memory a decoder's image takes per pixel in model.
func bytesPerPixel(m color.Model) int {
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.YCbCrModel:
		return 3 // 4:4:4; subsampled JPEGs take less
	case color.RGBAModel, color.NRGBAModel, color.CMYKModel, color.NYCbCrAModel:
		return 4
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 8 // 16-bit colour, or a model not listed: the most any decoder uses
}

// gifFrames counts the image descriptors of a GIF by walking its blocks,
// without decompressing anything; a file cut short counts what it has.
func gifFrames(data []byte) int {
	const header = 13 // signature, version, logical screen descriptor
	if len(data) < header {
		return 0
	}
	i := header
	if data[10]&0x80 != 0 { // global colour table
		i += 3 << (data[10]&7 + 1)
	}
	frames := 0
	// skipBlocks steps over data sub-blocks (a length byte, then that
	// many bytes) up to their zero terminator.
	skipBlocks := func(i int) int {
		for i < len(data) && data[i] != 0 {
			i += int(data[i]) + 1
		}
		return i + 1
	}
	for i < len(data) {
		switch data[i] {
		case 0x21: // extension: introducer, label, sub-blocks
			i = skipBlocks(i + 2)
		case 0x2c: // image descriptor: 9 bytes, a local colour table, LZW code size, sub-blocks
			if i+10 > len(data) {
				return frames
			}
			frames++
			packed := data[i+9]
			i += 10
			if packed&0x80 != 0 {
				i += 3 << (packed&7 + 1)
			}
			i = skipBlocks(i + 1)
		default: // 0x3b, the trailer, or something broken: the decoder will say
			return frames
		}
	}
	return frames
}
