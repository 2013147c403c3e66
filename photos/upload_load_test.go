package photos

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/store"
)

// worstCasePNG is a PNG of about 130 KB declaring 6300×6300 RGBA pixels
// (just under the 40 MP limit), with a text chunk making its bytes unique.
func worstCasePNG(t *testing.T, n int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 6300, 6300))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	img.Set(1, 1, color.NRGBA{R: 200, A: 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	text := []byte("Comment\x00upload " + strconv.Itoa(n))
	chunk := binary.BigEndian.AppendUint32(nil, uint32(len(text)))
	chunk = append(chunk, "tEXt"...)
	chunk = append(chunk, text...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
	const afterIHDR = 8 + 25
	return append(append(append([]byte(nil), b[:afterIHDR]...), chunk...), b[afterIHDR:]...)
}

// worstCaseGIF is a GIF of a few dozen bytes: a 6320×6320 canvas holding
// one 1×1 frame, with a comment making its bytes unique.
func worstCaseGIF(t *testing.T, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gif.Encode(&buf, image.NewPaletted(image.Rect(0, 0, 1, 1), color.Palette{color.Black, color.White}), nil); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	binary.LittleEndian.PutUint16(b[6:], 6320)
	binary.LittleEndian.PutUint16(b[8:], 6320)
	comment := "upload " + strconv.Itoa(n)
	b = append(b[:len(b)-1:len(b)-1], 0x21, 0xfe, byte(len(comment)))
	return append(append(b, comment...), 0, 0x3b)
}

// peakRSS is the process's peak resident memory since resetPeakRSS.
func peakRSS(t *testing.T) int64 {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Skip("no VmHWM in /proc/self/status")
	return 0
}

func resetPeakRSS(t *testing.T) {
	t.Helper()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		t.Skipf("cannot reset the peak RSS: %v", err)
	}
}

// TestWorstCaseUploadsAtOnceStayUnder1GB sends 20 uploads at once, each the
// most expensive the limits let through (40 MP PNGs of 130 KB, GIFs of a few
// dozen bytes declaring a 40 MP canvas), through a server with serve's
// timeouts and GOGC. Every client gets an answer (stored, or 503 with
// Retry-After), and the process stays under 1 GB resident throughout,
// including the work that goes on after its client was answered.
func TestWorstCaseUploadsAtOnceStayUnder1GB(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes several 40 MP images")
	}
	a := newAdminEnv(t, media.DefaultLimits())
	rep := a.login(t, store.RoleReporter, "en")
	const clients = 20
	bodies := make([][]byte, clients)
	for i := range bodies {
		if i%2 == 0 {
			bodies[i] = worstCasePNG(t, i)
		} else {
			bodies[i] = worstCaseGIF(t, i)
		}
	}
	// As serve runs: GOGC=400 and a soft memory limit of the page cache
	// (none here), the uploads' memory and 256 MB (cmd/newsroom limitMemory).
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(DefaultUploadMemory + 256<<20))
	runtime.GC()
	debug.FreeOSMemory()
	resetPeakRSS(t)
	before := peakRSS(t)

	hc := &http.Client{Timeout: 5 * time.Minute}
	statuses := make([]string, clients)
	var wg sync.WaitGroup
	for i, body := range bodies {
		wg.Go(func() {
			req, _ := http.NewRequest(http.MethodPost, a.srv.URL+AdminPrefix+"/upload?name=worst"+strconv.Itoa(i), bytes.NewReader(body))
			req.AddCookie(&http.Cookie{Name: "newsroom_session", Value: rep.token})
			req.Header.Set("X-CSRF-Token", rep.csrf)
			req.Header.Set("X-Requested-With", "newsroom")
			res, err := hc.Do(req)
			if err != nil {
				statuses[i] = "no answer: " + err.Error()
				return
			}
			res.Body.Close()
			statuses[i] = strconv.Itoa(res.StatusCode)
			if res.StatusCode == http.StatusServiceUnavailable && res.Header.Get("Retry-After") == "" {
				statuses[i] += " without Retry-After"
			}
		})
	}
	wg.Wait()
	// The work answered "still processing" goes on: wait for all of it.
	leave, err := a.lib.gate.enter(t.Context(), a.lib.gate.budget)
	for err != nil {
		leave, err = a.lib.gate.enter(t.Context(), a.lib.gate.budget)
	}
	leave()
	peak := peakRSS(t)

	for i, s := range statuses {
		switch s {
		case "200", "201", "503":
		default:
			t.Errorf("client %d: %s", i, s)
		}
	}
	// Those answered 503 because their work outlived the deadline are
	// stored all the same, for the retry to find.
	stored := len(a.lib.All())
	t.Logf("answers %v; %d stored; peak RSS %d MB (%d MB before)", statuses, stored, peak>>20, before>>20)
	if stored == 0 {
		t.Error("no upload was stored")
	}
	if peak >= 1<<30 {
		t.Errorf("peak RSS %d MB, want under 1 GB", peak>>20)
	}
}
