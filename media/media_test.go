package media

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/color/palette"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/gen2brain/webp"
)

var (
	red   = color.RGBA{230, 20, 20, 255}
	green = color.RGBA{20, 200, 20, 255}
	blue  = color.RGBA{20, 20, 230, 255}
	white = color.RGBA{255, 255, 255, 255}
)

// quadrants makes a w×h image whose four quarters are tl, tr, bl and br.
func quadrants(w, h int, tl, tr, bl, br color.RGBA) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := tl
			switch {
			case x >= w/2 && y < h/2:
				c = tr
			case x < w/2 && y >= h/2:
				c = bl
			case x >= w/2 && y >= h/2:
				c = br
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// corners names the colour at the centre of each quarter of img.
func corners(img image.Image) [4]color.RGBA {
	b := img.Bounds()
	at := func(fx, fy float64) color.RGBA {
		return nearest(img.At(b.Min.X+int(fx*float64(b.Dx())), b.Min.Y+int(fy*float64(b.Dy()))))
	}
	return [4]color.RGBA{at(.25, .25), at(.75, .25), at(.25, .75), at(.75, .75)}
}

// nearest snaps a decoded colour to the closest test colour, so that lossy
// codecs pass and a wrong colour, or one faded by 10 levels, does not.
func nearest(c color.Color) color.RGBA {
	r, g, b, _ := c.RGBA()
	best, bestD := color.RGBA{}, 1<<62
	for _, t := range []color.RGBA{red, green, blue, white} {
		d := sq(int(r>>8)-int(t.R)) + sq(int(g>>8)-int(t.G)) + sq(int(b>>8)-int(t.B))
		if d < bestD {
			best, bestD = t, d
		}
	}
	if bestD > 3*10*10 {
		return color.RGBA{} // none of them
	}
	return best
}

func sq(v int) int { return v * v }

func mustEncode(t testing.TB, enc func(io.Writer, image.Image) error, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := enc(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encJPEG(w io.Writer, m image.Image) error { return jpeg.Encode(w, m, &jpeg.Options{Quality: 95}) }

// encGIF encodes with the test colours as the palette: GIF's default
// Plan 9 palette and dithering would change them.
func encGIF(w io.Writer, m image.Image) error {
	p := image.NewPaletted(m.Bounds(), color.Palette{red, green, blue, white})
	draw.Draw(p, p.Rect, m, m.Bounds().Min, draw.Src)
	return gif.Encode(w, p, nil)
}
func encWebP(w io.Writer, m image.Image) error { return webp.Encode(w, m, webp.Options{Quality: 90}) }
func encWebPLossless(w io.Writer, m image.Image) error {
	return webp.Encode(w, m, webp.Options{Lossless: true})
}

func TestDecodeFormats(t *testing.T) {
	src := quadrants(120, 80, red, green, blue, white)
	for _, c := range []struct {
		name, mime string
		enc        func(io.Writer, image.Image) error
	}{
		{"jpeg", "image/jpeg", encJPEG},
		{"png", "image/png", png.Encode},
		{"gif", "image/gif", encGIF},
		{"webp lossy", "image/webp", encWebP},
		{"webp lossless", "image/webp", encWebPLossless},
	} {
		t.Run(c.name, func(t *testing.T) {
			u, err := Decode(mustEncode(t, c.enc, src), DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			if u.Type != c.mime || u.Width != 120 || u.Height != 80 {
				t.Errorf("got %s %d×%d, want %s 120×80", u.Type, u.Width, u.Height, c.mime)
			}
			// Colours, not just sizes: lossy WebP once came back faded.
			if got, want := corners(u.Image), corners(src); got != want {
				t.Errorf("quarters %v, want %v", got, want)
			}
			// And it goes out again as a rendition.
			rs, err := Renditions(u.Image, []int{64}, []string{JPEG})
			if err != nil || len(rs) != 1 || rs[0].Width != 64 || rs[0].Height != 43 {
				t.Fatalf("renditions %v, %v", rs, err)
			}
		})
	}
}

// A red PNG whose left half is transparent becomes white there in JPEG,
// not black.
func TestTransparentBecomesWhite(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 40, 40))
	for y := 0; y < 40; y++ {
		for x := 20; x < 40; x++ {
			src.Set(x, y, red)
		}
	}
	u, err := Decode(mustEncode(t, png.Encode, src), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	r, err := Encode(u.Image, JPEG)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jpeg.Decode(bytes.NewReader(r.Data))
	if err != nil {
		t.Fatal(err)
	}
	if got := corners(out); got != [4]color.RGBA{white, red, white, red} {
		t.Errorf("quarters %v, want white left, red right", got)
	}
}

func mediaErr(t *testing.T, err error) *Error {
	t.Helper()
	var me *Error
	if !errors.As(err, &me) {
		t.Fatalf("error %v is not a *media.Error", err)
	}
	return me
}

func TestDecodeRefusesNonImages(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		id   string
	}{
		// What arrives as "photo.jpg" may be anything: the name is not read.
		{"html named .jpg", []byte("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), MsgNotImage},
		{"text", []byte("GPS 40.7128 N, 74.0060 W\n"), MsgNotImage},
		{"empty", nil, MsgNotImage},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), MsgNotImage},
		{"jpeg magic then junk", []byte("\xff\xd8\xff\xe0 this is not a jpeg at all"), MsgCorrupt},
		{"png signature then junk", []byte("\x89PNG\r\n\x1a\nnot really"), MsgCorrupt},
	} {
		t.Run(c.name, func(t *testing.T) {
			u, err := Decode(c.data, DefaultLimits())
			if u != nil {
				t.Fatalf("accepted as %s", u.Type)
			}
			if me := mediaErr(t, err); me.ID != c.id {
				t.Errorf("ID %q, want %q", me.ID, c.id)
			}
		})
	}
}

func TestDecodeTooLarge(t *testing.T) {
	lim := Limits{MaxBytes: 1 << 20, MaxPixels: 40_000_000}
	// A PNG signature and then junk: refused for size, so nothing decoded it
	// (decoding would have said corrupt).
	data := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 1<<20)...)
	_, err := Decode(data, lim)
	me := mediaErr(t, err)
	if me.ID != MsgTooLarge {
		t.Fatalf("ID %q, want %q", me.ID, MsgTooLarge)
	}
	if !argsHave(me.Args, "Max", "1 MB") {
		t.Errorf("args %v do not name the limit", me.Args)
	}

	// ReadAll stops one byte past the limit.
	cr := &countingReader{r: bytes.NewReader(make([]byte, 10<<20))}
	if _, err := ReadAll(cr, lim); mediaErr(t, err).ID != MsgTooLarge {
		t.Errorf("ReadAll: %v", err)
	}
	if cr.n > lim.MaxBytes+1 {
		t.Errorf("ReadAll read %d bytes for a %d byte limit", cr.n, lim.MaxBytes)
	}
	small, err := ReadAll(bytes.NewReader(data[:100]), lim)
	if err != nil || len(small) != 100 {
		t.Errorf("ReadAll of 100 bytes: %d, %v", len(small), err)
	}
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func argsHave(args []any, name string, v any) bool {
	for i := 0; i+1 < len(args); i += 2 {
		if args[i] == name && args[i+1] == v {
			return true
		}
	}
	return false
}

// pngChunk frames a PNG chunk with its length and CRC.
func pngChunk(typ string, data []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	b = append(b, typ...)
	b = append(b, data...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(append([]byte(typ), data...)))
}

// Each file is a few hundred bytes whose header declares 60000×60000 pixels
// (16384×16384 for WebP, its maximum): decoded, that is gigabytes of RGBA.
func TestDecodeRefusesBombs(t *testing.T) {
	small := quadrants(16, 16, red, green, blue, white)

	ihdr := binary.BigEndian.AppendUint32(nil, 60000)
	ihdr = binary.BigEndian.AppendUint32(ihdr, 60000)
	ihdr = append(ihdr, 8, 6, 0, 0, 0) // 8-bit RGBA
	bombPNG := append([]byte("\x89PNG\r\n\x1a\n"), pngChunk("IHDR", ihdr)...)
	bombPNG = append(bombPNG, pngChunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})...)
	bombPNG = append(bombPNG, pngChunk("IEND", nil)...)

	bombJPEG := mustEncode(t, encJPEG, small)
	sof := bytes.Index(bombJPEG, []byte{0xff, 0xc0})
	binary.BigEndian.PutUint16(bombJPEG[sof+5:], 60000) // height
	binary.BigEndian.PutUint16(bombJPEG[sof+7:], 60000) // width

	bombGIF := mustEncode(t, encGIF, small)
	binary.LittleEndian.PutUint16(bombGIF[6:], 60000) // logical screen
	binary.LittleEndian.PutUint16(bombGIF[8:], 60000)

	vp8x := []byte{0, 0, 0, 0, 0xff, 0x3f, 0, 0xff, 0x3f, 0} // canvas 16384×16384
	bombWebP := []byte("RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00")
	bombWebP = append(bombWebP, vp8x...)
	binary.LittleEndian.PutUint32(bombWebP[4:], uint32(len(bombWebP)-8))

	for _, c := range []struct {
		name string
		data []byte
	}{{"png", bombPNG}, {"jpeg", bombJPEG}, {"gif", bombGIF}, {"webp", bombWebP}} {
		t.Run(c.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := Decode(c.data, DefaultLimits())
			runtime.ReadMemStats(&after)
			me := mediaErr(t, err)
			if me.ID != MsgTooManyPixels {
				t.Fatalf("ID %q, want %q (%v)", me.ID, MsgTooManyPixels, err)
			}
			if !argsHave(me.Args, "Max", "40 MP") {
				t.Errorf("args %v do not name the limit", me.Args)
			}
			if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
				t.Errorf("refusing allocated %d bytes", n)
			}
		})
	}
}

func TestGIFFirstFrame(t *testing.T) {
	frame := func(r image.Rectangle, c color.Color) *image.Paletted {
		p := image.NewPaletted(r, palette.Plan9)
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				p.Set(x, y, c)
			}
		}
		return p
	}
	// The first frame covers the right half only; the second is all blue.
	anim := &gif.GIF{
		Image:  []*image.Paletted{frame(image.Rect(50, 0, 100, 60), color.RGBA{255, 0, 0, 255}), frame(image.Rect(0, 0, 100, 60), color.RGBA{0, 0, 255, 255})},
		Delay:  []int{10, 10},
		Config: image.Config{Width: 100, Height: 60},
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, anim); err != nil {
		t.Fatal(err)
	}
	u, err := Decode(buf.Bytes(), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if u.Width != 100 || u.Height != 60 {
		t.Errorf("size %d×%d, want the GIF's 100×60", u.Width, u.Height)
	}
	if r, _, _, a := u.Image.At(75, 30).RGBA(); r>>8 != 255 || a>>8 != 255 {
		t.Errorf("right half %v, want the first frame's red", u.Image.At(75, 30))
	}
	if _, _, _, a := u.Image.At(25, 30).RGBA(); a != 0 {
		t.Errorf("left half %v, want transparent (the first frame does not cover it)", u.Image.At(25, 30))
	}
}

func TestRenditionsNeverUpscale(t *testing.T) {
	for _, c := range []struct {
		w, h  int
		sizes [][2]int
	}{
		{800, 600, [][2]int{{320, 240}, {640, 480}, {800, 600}}},
		{1024, 768, [][2]int{{320, 240}, {640, 480}, {1024, 768}}},
		{2000, 1000, [][2]int{{320, 160}, {640, 320}, {1024, 512}, {1600, 800}}},
		{200, 300, [][2]int{{200, 300}}},
	} {
		img := photo(c.w, c.h, 1)
		rs, err := Renditions(img, DefaultWidths(), []string{JPEG})
		if err != nil {
			t.Fatal(err)
		}
		var got [][2]int
		for _, r := range rs {
			got = append(got, [2]int{r.Width, r.Height})
			cfg, err := jpeg.DecodeConfig(bytes.NewReader(r.Data))
			if err != nil || cfg.Width != r.Width || cfg.Height != r.Height || r.ContentType() != "image/jpeg" {
				t.Errorf("%d×%d: rendition says %d×%d, file is %d×%d (%v)", c.w, c.h, r.Width, r.Height, cfg.Width, cfg.Height, err)
			}
		}
		if len(got) != len(c.sizes) {
			t.Errorf("%d×%d: renditions %v, want %v", c.w, c.h, got, c.sizes)
			continue
		}
		for i := range got {
			if got[i] != c.sizes[i] {
				t.Errorf("%d×%d: renditions %v, want %v", c.w, c.h, got, c.sizes)
				break
			}
		}
	}
	if _, err := Renditions(photo(10, 10, 1), DefaultWidths(), []string{"avif"}); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestCropKeepsFocalPoint(t *testing.T) {
	for _, c := range []struct {
		name         string
		w, h         int     // source
		mx, my       int     // red marker, 8×8, the focal point
		tw, th       int     // asked
		ow, oh       int     // expected output (no upscaling)
		wantX, wantY float64 // where the marker should land, as fractions of the output
	}{
		// 400×200 to a square: the 200×200 crop cannot centre x=350 and
		// stops at the right edge, where the marker sits at 3/4.
		{"right edge", 400, 200, 350, 50, 100, 100, 100, 100, 0.75, 0.25},
		{"left edge", 400, 200, 20, 100, 100, 100, 100, 100, 0.1, 0.5},
		{"centred", 400, 200, 200, 100, 100, 100, 100, 100, 0.5, 0.5},
		// Portrait 300×600 to 3:2 landscape: full width, 200 rows around y=450.
		{"portrait to landscape", 300, 600, 150, 450, 150, 100, 150, 100, 0.5, 0.5},
		{"portrait near bottom", 300, 600, 60, 580, 150, 100, 150, 100, 0.2, 0.9},
		// Asked bigger than the crop: kept at the crop's own size.
		{"small source", 120, 60, 90, 30, 600, 600, 60, 60, 0.5, 0.5},
	} {
		t.Run(c.name, func(t *testing.T) {
			img := image.NewRGBA(image.Rect(0, 0, c.w, c.h))
			for i := range img.Pix {
				img.Pix[i] = 128
			}
			for y := c.my - 4; y < c.my+4; y++ {
				for x := c.mx - 4; x < c.mx+4; x++ {
					img.SetRGBA(x, y, red)
				}
			}
			fx, fy := float64(c.mx)/float64(c.w), float64(c.my)/float64(c.h)
			out := Crop(img, fx, fy, c.tw, c.th)
			b := out.Bounds()
			if b.Dx() != c.ow || b.Dy() != c.oh {
				t.Fatalf("size %d×%d, want %d×%d", b.Dx(), b.Dy(), c.ow, c.oh)
			}
			x, y, ok := findRed(out)
			if !ok {
				t.Fatal("focal point cropped away")
			}
			wx, wy := c.wantX*float64(c.ow), c.wantY*float64(c.oh)
			if abs(x-wx) > 3 || abs(y-wy) > 3 {
				t.Errorf("marker at (%.0f, %.0f), want (%.0f, %.0f)", x, y, wx, wy)
			}
		})
	}

	th, err := Thumbnail(photo(640, 480, 2), 0.5, 0.5, 160, 90)
	if err != nil || th.Width != 160 || th.Height != 90 || th.Format != JPEG {
		t.Errorf("thumbnail %d×%d %s, %v", th.Width, th.Height, th.Format, err)
	}
}

// findRed returns the centre of the red pixels of img.
func findRed(img image.Image) (x, y float64, ok bool) {
	var n float64
	b := img.Bounds()
	for py := b.Min.Y; py < b.Max.Y; py++ {
		for px := b.Min.X; px < b.Max.X; px++ {
			if r, g, _, _ := img.At(px, py).RGBA(); r>>8 > 180 && g>>8 < 90 {
				x, y, n = x+float64(px-b.Min.X)+.5, y+float64(py-b.Min.Y)+.5, n+1
			}
		}
	}
	if n == 0 {
		return 0, 0, false
	}
	return x / n, y / n, true
}

func abs(v float64) float64 { return max(v, -v) }

func TestErrorMessage(t *testing.T) {
	err := error(&Error{ID: MsgTooLarge, Args: []any{"Max", "25 MB"}})
	if !strings.Contains(err.Error(), MsgTooLarge) {
		t.Errorf("%q does not name the message", err)
	}
}
