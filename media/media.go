// Package media turns a photo as uploaded into what the site serves: it
// checks the file (type from its content, size, pixel count), decodes it,
// applies the EXIF orientation and re-encodes resized renditions from the
// decoded pixels, so that nothing of the upload's metadata (EXIF, GPS, camera
// serials) reaches a reader. The original bytes stay with the caller.
// Files (gridfs.go) stores originals and renditions in GridFS; the rest of
// the package knows nothing of storage.
package media

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"

	"golang.org/x/image/webp"
)

// The message IDs of the errors an uploader may see.
const (
	MsgNotImage      = "error.media.not_image"
	MsgTooLarge      = "error.media.too_large"
	MsgTooManyPixels = "error.media.too_many_pixels"
	MsgCorrupt       = "error.media.corrupt" // the type is known but the file does not decode
)

// Error is a refusal of an upload that the uploader caused and can fix. ID is
// a locale message ID; Args are name/value pairs for the message template
// ("Max", "25 MB"), in the form the localizer's T takes them.
type Error struct {
	ID   string
	Args []any
	Err  error // the decoder's complaint, for the log; never shown
}

func (e *Error) Error() string {
	s := "media: " + e.ID
	if len(e.Args) > 0 {
		s += fmt.Sprint(e.Args)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Limits bound what an upload may cost before any pixel is decoded.
type Limits struct {
	MaxBytes  int64 // size of the file as uploaded
	MaxPixels int   // width × height as declared in the file's header
}

// DefaultLimits allows 25 MB files and 40 megapixels: a 48 MP phone sensor
// bins to 12 MP by default, and 40 MP decoded as RGBA is 160 MB of memory.
func DefaultLimits() Limits {
	return Limits{MaxBytes: 25 << 20, MaxPixels: 40_000_000}
}

// Upload is a decoded, upright photo.
type Upload struct {
	Type          string // "image/jpeg", "image/png", "image/gif" or "image/webp"
	Width, Height int    // after orientation
	Orientation   int    // the EXIF orientation that was applied (1 when none)
	Image         image.Image
}

type format struct {
	mime   string
	config func(io.Reader) (image.Config, error)
	decode func(io.Reader) (image.Image, error)
}

// sniff names the format from the file's first bytes. The upload's name and
// declared Content-Type are ignored on purpose: both are the client's word.
func sniff(data []byte) (format, bool) {
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return format{"image/jpeg", jpeg.DecodeConfig, jpeg.Decode}, true
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return format{"image/png", png.DecodeConfig, png.Decode}, true
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		// gif.Decode returns the first frame: animations become stills.
		return format{"image/gif", gif.DecodeConfig, gif.Decode}, true
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return format{"image/webp", webp.DecodeConfig, webp.Decode}, true
	}
	return format{}, false
}

// ReadAll reads an upload from r, stopping one byte past lim.MaxBytes so a
// huge body is refused without being held in memory.
func ReadAll(r io.Reader, lim Limits) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("media: read upload: %w", err)
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, tooLarge(lim)
	}
	return data, nil
}

func tooLarge(lim Limits) error {
	return &Error{ID: MsgTooLarge, Args: []any{"Max", fmt.Sprintf("%d MB", lim.MaxBytes>>20), "MaxBytes", lim.MaxBytes}}
}

// Decode checks an upload (Inspect) and decodes it upright. The size and the
// pixels declared in the header are checked before decoding, so a small file
// that declares a huge image (a decompression bomb) costs nothing.
func Decode(data []byte, lim Limits) (*Upload, error) {
	h, err := Inspect(data, lim)
	if err != nil {
		return nil, err
	}
	f, _ := sniff(data) // Inspect found the format
	cfg := image.Config{Width: h.Width, Height: h.Height}
	img, err := f.decode(bytes.NewReader(data))
	if err != nil {
		return nil, &Error{ID: MsgCorrupt, Err: err}
	}
	if f.mime == "image/webp" {
		img = fromVP8(img)
	}
	if f.mime == "image/gif" && img.Bounds() != image.Rect(0, 0, cfg.Width, cfg.Height) {
		img = onCanvas(img, cfg.Width, cfg.Height)
	}
	o := 1
	if f.mime == "image/jpeg" {
		o = jpegOrientation(data)
	}
	img = orient(img, o)
	b := img.Bounds()
	return &Upload{Type: f.mime, Width: b.Dx(), Height: b.Dy(), Orientation: o, Image: img}, nil
}

// onCanvas places a GIF's first frame where it belongs on the GIF's logical
// screen, which is the size the GIF declares and viewers show.
func onCanvas(frame image.Image, w, h int) image.Image {
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, frame.Bounds(), frame, frame.Bounds().Min, draw.Src)
	return dst
}
