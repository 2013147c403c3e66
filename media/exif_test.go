package media

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

// gpsMarker stands in for what a phone writes in the GPS IFD; it must not
// come out in anything served.
const gpsMarker = "REPORTER-HOME-WGS-84"

// exifAPP1 builds an APP1 segment as a phone writes it: a TIFF header, IFD0
// with the orientation and a pointer to a GPS IFD holding latitude,
// longitude and a map datum.
func exifAPP1(orientation int, bo binary.AppendByteOrder) []byte {
	var t []byte
	if bo == binary.AppendByteOrder(binary.LittleEndian) {
		t = append(t, "II"...)
	} else {
		t = append(t, "MM"...)
	}
	t = bo.AppendUint16(t, 42)
	t = bo.AppendUint32(t, 8)
	entry := func(tag, typ uint16, count, value uint32) {
		t = bo.AppendUint16(t, tag)
		t = bo.AppendUint16(t, typ)
		t = bo.AppendUint32(t, count)
		t = bo.AppendUint32(t, value)
	}
	const short, long, ascii, rational = 3, 4, 2, 5
	// IFD0 at 8: 2 entries → 2+24+4 = 30 bytes; the GPS IFD follows at 38.
	t = bo.AppendUint16(t, 2)
	t = bo.AppendUint16(t, 0x0112)
	t = bo.AppendUint16(t, short)
	t = bo.AppendUint32(t, 1)
	t = bo.AppendUint16(t, uint16(orientation))
	t = bo.AppendUint16(t, 0)
	entry(0x8825, long, 1, 38)
	t = bo.AppendUint32(t, 0)
	// GPS IFD: 5 entries → 2+60+4 = 66 bytes; its values follow at 104.
	lat, lon, datum := uint32(104), uint32(128), uint32(152)
	t = bo.AppendUint16(t, 5)
	inline := func(tag uint16, s string) { // ASCII of up to 4 bytes sits in the value field
		entry(tag, ascii, uint32(len(s)), 0)
		copy(t[len(t)-4:], s)
	}
	inline(0x0001, "N\x00")
	entry(0x0002, rational, 3, lat)
	inline(0x0003, "W\x00")
	entry(0x0004, rational, 3, lon)
	entry(0x0012, ascii, uint32(len(gpsMarker)+1), datum)
	t = bo.AppendUint32(t, 0)
	for _, v := range []uint32{40, 1, 42, 1, 4608, 100, 74, 1, 0, 1, 2160, 100} { // 40°42'46.08"N 74°0'21.6"W
		t = bo.AppendUint32(t, v)
	}
	t = append(t, gpsMarker+"\x00"...)

	seg := []byte{0xff, 0xe1, 0, 0}
	seg = append(seg, "Exif\x00\x00"...)
	seg = append(seg, t...)
	binary.BigEndian.PutUint16(seg[2:], uint16(len(seg)-2))
	return seg
}

// withEXIF puts an APP1 EXIF segment right after a JPEG's SOI, where phones put it.
func withEXIF(jpg []byte, app1 []byte) []byte {
	out := append([]byte{}, jpg[:2]...)
	out = append(out, app1...)
	return append(out, jpg[2:]...)
}

// jpegMarkers lists the markers of a JPEG's segments up to the image data.
func jpegMarkers(t *testing.T, data []byte) []byte {
	t.Helper()
	var ms []byte
	for p := 2; p+4 <= len(data); {
		if data[p] != 0xff {
			t.Fatalf("no marker at %d", p)
		}
		m := data[p+1]
		ms = append(ms, m)
		if m == 0xda {
			return ms
		}
		p += 2 + int(binary.BigEndian.Uint16(data[p+2:]))
	}
	return ms
}

// webpChunks lists the chunk types of a WebP file.
func webpChunks(data []byte) []string {
	var cs []string
	for p := 12; p+8 <= len(data); {
		cs = append(cs, string(data[p:p+4]))
		p += 8 + int(binary.LittleEndian.Uint32(data[p+4:]))
		p += p & 1
	}
	return cs
}

func TestOrientationAndStripping(t *testing.T) {
	// The picture as the reporter saw it: 400×300, red top left, green top
	// right, blue bottom left, white bottom right. For each orientation, the
	// colours of the quarters as the camera stored them (EXIF 2.3, table of
	// "0th row / 0th column"); 5..8 are stored 300×400.
	R, G, B, W := red, green, blue, white
	stored := map[int][4]color.RGBA{
		1: {R, G, B, W},
		2: {G, R, W, B}, // mirrored
		3: {W, B, G, R}, // upside down
		4: {B, W, R, G}, // mirrored upside down
		5: {R, B, G, W}, // 0th row = left, 0th column = top
		6: {G, W, R, B}, // 0th row = right, 0th column = top: phone held upright
		7: {W, G, B, R}, // 0th row = right, 0th column = bottom
		8: {B, R, W, G}, // 0th row = left, 0th column = bottom
	}
	for o := 1; o <= 8; o++ {
		for _, bo := range []binary.AppendByteOrder{binary.LittleEndian, binary.BigEndian} {
			w, h := 400, 300
			if o >= 5 {
				w, h = 300, 400
			}
			q := stored[o]
			var buf bytes.Buffer
			if err := jpeg.Encode(&buf, quadrants(w, h, q[0], q[1], q[2], q[3]), &jpeg.Options{Quality: 95}); err != nil {
				t.Fatal(err)
			}
			data := withEXIF(buf.Bytes(), exifAPP1(o, bo))
			if !bytes.Contains(data, []byte(gpsMarker)) {
				t.Fatal("test upload lacks its GPS")
			}

			u, err := Decode(data, DefaultLimits())
			if err != nil {
				t.Fatalf("orientation %d %v: %v", o, bo, err)
			}
			if u.Width != 400 || u.Height != 300 || u.Orientation != o {
				t.Errorf("orientation %d %v: upload %d×%d orientation %d, want 400×300", o, bo, u.Width, u.Height, u.Orientation)
			}
			rs, err := Renditions(u.Image, []int{320, 640}, []string{JPEG, WebP})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs {
				if r.Width != 320 && r.Width != 400 || r.Height != r.Width*3/4 {
					t.Errorf("orientation %d: rendition %d×%d", o, r.Width, r.Height)
				}
				served, err := Decode(r.Data, DefaultLimits())
				if err != nil {
					t.Fatal(err)
				}
				if got := corners(served.Image); got != [4]color.RGBA{R, G, B, W} {
					t.Errorf("orientation %d %v %s %d: quarters %v, want red green blue white", o, bo, r.Format, r.Width, got)
				}
				for _, leak := range []string{"Exif", gpsMarker, "II*\x00", "MM\x00*"} {
					if bytes.Contains(r.Data, []byte(leak)) {
						t.Errorf("orientation %d %s %d: served bytes contain %q", o, r.Format, r.Width, leak)
					}
				}
				switch r.Format {
				case JPEG:
					for _, m := range jpegMarkers(t, r.Data) {
						if m >= 0xe0 && m <= 0xef || m == 0xfe {
							t.Errorf("orientation %d jpeg %d: APP%d/COM segment %#x served", o, r.Width, m-0xe0, m)
						}
					}
				case WebP:
					for _, c := range webpChunks(r.Data) {
						if c != "VP8 " && c != "VP8L" && c != "VP8X" && c != "ALPH" {
							t.Errorf("orientation %d webp %d: chunk %q served", o, r.Width, c)
						}
					}
				}
			}
		}
	}
}

// Damaged EXIF must not refuse a photo the JPEG decoder can show.
func TestDamagedEXIFIgnored(t *testing.T) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, quadrants(40, 30, red, green, blue, white), nil); err != nil {
		t.Fatal(err)
	}
	good := exifAPP1(6, binary.LittleEndian)
	for _, c := range []struct {
		name string
		app1 []byte
	}{
		{"truncated TIFF", append([]byte{}, good[:14]...)},
		{"IFD offset past end", func() []byte {
			b := append([]byte{}, good...)
			binary.LittleEndian.PutUint32(b[14:], 1<<30)
			return b
		}()},
		{"orientation 9", exifAPP1(9, binary.LittleEndian)},
		{"not TIFF", append([]byte{0xff, 0xe1, 0, 14}, "Exif\x00\x00JUNKJUNK"...)},
	} {
		t.Run(c.name, func(t *testing.T) {
			app1 := c.app1
			binary.BigEndian.PutUint16(app1[2:], uint16(len(app1)-2))
			u, err := Decode(withEXIF(buf.Bytes(), app1), DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			if u.Width != 40 || u.Height != 30 || u.Orientation != 1 {
				t.Errorf("got %d×%d orientation %d, want 40×30 as stored", u.Width, u.Height, u.Orientation)
			}
		})
	}
}

// FuzzDecode: no upload makes Decode panic or return an image without error.
func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, quadrants(16, 16, red, green, blue, white), nil); err != nil {
		f.Fatal(err)
	}
	f.Add(withEXIF(buf.Bytes(), exifAPP1(6, binary.BigEndian)))
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add([]byte("RIFF\x10\x00\x00\x00WEBPVP8X"))
	f.Fuzz(func(t *testing.T, data []byte) {
		u, err := Decode(data, Limits{MaxBytes: 1 << 20, MaxPixels: 1 << 20})
		if err == nil && (u == nil || u.Image == nil || u.Image.Bounds() != image.Rect(0, 0, u.Width, u.Height)) {
			t.Fatalf("upload %+v without error", u)
		}
	})
}
