package photos

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/store"
)

// The same bytes uploaded again (a retry, a double click, two tabs) are the
// photo they made the first time; once it is deleted they make a new one.
func TestUploadSameBytesIsOnePhoto(t *testing.T) {
	e := newEnv(t)
	data := jpegBytes(t, picture(300, 200))
	first, existing, err := e.lib.Upload(t.Context(), "a.jpg", bytes.NewReader(data), "kim@example.com")
	if err != nil || existing {
		t.Fatalf("first upload: existing %v, %v", existing, err)
	}
	again, existing, err := e.lib.Upload(t.Context(), "a (1).jpg", bytes.NewReader(data), "lee@example.com")
	if err != nil || !existing || again.ID != first.ID {
		t.Fatalf("same bytes again: %v existing %v, %v; want photo %s", again, existing, err, first.ID)
	}
	// At the same moment, from two clients: still one photo.
	other := jpegBytes(t, picture(300, 201))
	ids := make(chan string, 2)
	for range 2 {
		go func() {
			p, _, err := uploadRetrying(e.lib, "b.jpg", other)
			if err != nil {
				t.Error(err)
				ids <- ""
				return
			}
			ids <- p.ID
		}()
	}
	if a, b := <-ids, <-ids; a != b {
		t.Errorf("two concurrent uploads of the same bytes made photos %s and %s", a, b)
	}
	if n := len(e.lib.All()); n != 2 {
		t.Errorf("%d photos in the library, want 2", n)
	}
	if err := e.lib.Delete(t.Context(), first.ID); err != nil {
		t.Fatal(err)
	}
	anew, existing, err := e.lib.Upload(t.Context(), "a.jpg", bytes.NewReader(data), "kim@example.com")
	if err != nil || existing || anew.ID == first.ID {
		t.Fatalf("after delete: %v existing %v, %v", anew, existing, err)
	}
}

// When every decoder is taken for longer than an upload may wait, the
// client is told at once to come back (503, Retry-After, in its language),
// not kept waiting past the server's timeouts.
func TestUploadWhenBusyAnswers503WithRetryAfter(t *testing.T) {
	a := newAdminEnv(t, media.DefaultLimits(), func(d *Deps) { d.UploadWait = 200 * time.Millisecond })
	rep := a.login(t, store.RoleReporter, "en")
	leave, err := a.lib.gate.enter(t.Context(), a.lib.gate.budget) // a 40 MP photo being cut
	if err != nil {
		t.Fatal(err)
	}
	res, out := a.uploadRaw(t, rep, "a.jpg", jpegBytes(t, picture(300, 200)), rep.csrf)
	if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") != "30" ||
		!strings.Contains(out["error"], "send it again") {
		t.Fatalf("busy: %d, Retry-After %q, %v", res.StatusCode, res.Header.Get("Retry-After"), out)
	}
	leave()
	if res, out := a.uploadRaw(t, rep, "a.jpg", jpegBytes(t, picture(300, 200)), rep.csrf); res.StatusCode != http.StatusCreated {
		t.Fatalf("after: %d %v", res.StatusCode, out)
	}
}

// An upload that outlives its deadline answers ErrBusy, goes on, and is
// found by the client's retry: it is never stored twice.
func TestUploadPastItsDeadlineIsFoundByTheRetry(t *testing.T) {
	e := newEnv(t, func(d *Deps) { d.UploadTimeout = time.Millisecond })
	data := jpegBytes(t, picture(1200, 800))
	_, _, err := e.lib.Upload(t.Context(), "slow.jpg", bytes.NewReader(data), "kim@example.com")
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("upload past its deadline: %v, want ErrBusy", err)
	}
	p, existing, err := uploadRetrying(e.lib, "slow.jpg", data)
	if err != nil || !existing {
		t.Fatalf("retry: existing %v, %v; want the photo the first upload made", existing, err)
	}
	if n := len(e.lib.All()); n != 1 || p.Width != 1200 {
		t.Fatalf("%d photos, %+v", n, p)
	}
}

// uploadRetrying is a client that sends data again while told ErrBusy,
// for up to a minute.
func uploadRetrying(lib *Library, name string, data []byte) (*Photo, bool, error) {
	deadline := time.Now().Add(time.Minute)
	for {
		p, existing, err := lib.Upload(context.Background(), name, bytes.NewReader(data), "kim@example.com")
		if !errors.Is(err, ErrBusy) || time.Now().After(deadline) {
			return p, existing, err
		}
		time.Sleep(50 * time.Millisecond)
	}
}
