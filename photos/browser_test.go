package photos

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/browsertest"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/store"
)

// newBrowser starts headless Chromium with a fresh profile that can reach
// only this machine.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	return browsertest.New(t, "photos", "")
}

// TestBrowserUploadAndFocalPoint: a reporter picks two files on the upload
// page, sees both progress to done, finds them in the library, opens one,
// clicks the photo to set the focal point and saves.
func TestBrowserUploadAndFocalPoint(t *testing.T) {
	a := newAdminEnv(t, media.DefaultLimits())
	bctx := newBrowser(t)
	rep := a.login(t, store.RoleReporter, "en")

	dir := t.TempDir()
	files := []string{filepath.Join(dir, "market.jpg"), filepath.Join(dir, "harbour.png")}
	if err := os.WriteFile(files[0], phoneJPEG(t, picture(1200, 800), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(files[1], pngBytes(t, picture(600, 400)), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(bctx, 60*time.Second)
	defer cancel()
	if _, err := chromedp.Call(ctx, network.SetCookie, network.SetCookieParams{Name: auth.CookieName, Value: rep.token, URL: a.srv.URL + "/"}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(a.srv.URL+AdminPrefix+"/upload"),
		chromedp.WaitVisible(chromedp.ID("dropzone")),
		chromedp.SetUploadFiles(chromedp.ID("files"), files),
		chromedp.WaitVisible(chromedp.CSS("#upload-list li:nth-child(2) a.uploaded")),
	); err != nil {
		t.Fatalf("upload page: %v", err)
	}
	done, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#upload-list li")).map(li =>
		li.querySelector("progress").value === li.querySelector("progress").max ? li.querySelector(".status-text").textContent : "incomplete")`))
	if err != nil || len(done) != 2 || done[0] != "Uploaded." || done[1] != "Uploaded." {
		t.Fatalf("upload rows: %q, %v", done, err)
	}
	if n := len(a.lib.All()); n != 2 {
		t.Fatalf("%d photos in the library, want 2", n)
	}

	if err := chromedp.Do(ctx,
		chromedp.Navigate(a.srv.URL+AdminPrefix+"/?q=market"),
		chromedp.WaitVisible(chromedp.ID("media-grid")),
	); err != nil {
		t.Fatalf("library: %v", err)
	}
	items, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#media-grid .media-item").length`))
	if err != nil {
		t.Fatal(err)
	}
	href, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("#media-grid .media-item a"), "href"))
	edit := href.Value
	if err != nil || items != 1 || !strings.HasPrefix(edit, AdminPrefix+"/photo/") {
		t.Fatalf("library search for market: %d items, first links to %q (%v)", items, edit, err)
	}
	// The thumbnail in the grid loaded (a real image, not a broken one).
	if w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`new Promise(r => { const i = document.querySelector("#media-grid img"); if (i.complete) r(i.naturalWidth); else i.onload = () => r(i.naturalWidth); })`, chromedp.EvalAwaitPromise)); err != nil || w != 320 {
		t.Errorf("grid thumbnail natural width %d (%v), want 320", w, err)
	}

	// Click near the top-left corner of the preview to set the focal point.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(a.srv.URL+edit),
		chromedp.WaitVisible(chromedp.ID("focus-img")),
	); err != nil {
		t.Fatalf("edit page: %v", err)
	}
	box, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`new Promise(r => { const i = document.getElementById("focus-img");
		const go = () => { const b = i.getBoundingClientRect(); r([b.left, b.top, b.width, b.height]); };
		if (i.complete) go(); else i.onload = go; })`, chromedp.EvalAwaitPromise))
	if err != nil || len(box) != 4 {
		t.Fatalf("preview box: %v %v", box, err)
	}
	if err := chromedp.Do(ctx,
		chromedp.MouseClickXY(box[0]+0.1*box[2], box[1]+0.2*box[3]),
		chromedp.SendKeys(chromedp.ID("alt_en"), "Stalls at the new market"),
		chromedp.Click(chromedp.ID("save")),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
	); err != nil {
		t.Fatalf("setting the focal point: %v", err)
	}
	id := strings.TrimPrefix(edit, AdminPrefix+"/photo/")
	p, _ := a.lib.Get(id)
	if p.FocusX < 0.07 || p.FocusX > 0.13 || p.FocusY < 0.17 || p.FocusY > 0.23 || p.Alt["en"] != "Stalls at the new market" {
		t.Errorf("after clicking at (0.1, 0.2) and saving: focus (%.3f, %.3f), alt %q", p.FocusX, p.FocusY, p.Alt["en"])
	}
}

// TestBrowserDragAndDrop drops two files on the upload page's drop zone (a
// real drop event carrying the files, built in the page) and sees both
// arrive in the library.
func TestBrowserDragAndDrop(t *testing.T) {
	a := newAdminEnv(t, media.DefaultLimits())
	bctx := newBrowser(t)
	ed := a.login(t, store.RoleEditor, "ko")
	ctx, cancel := context.WithTimeout(bctx, 60*time.Second)
	defer cancel()
	if _, err := chromedp.Call(ctx, network.SetCookie, network.SetCookieParams{Name: auth.CookieName, Value: ed.token, URL: a.srv.URL + "/"}); err != nil {
		t.Fatal(err)
	}
	one := base64.StdEncoding.EncodeToString(pngBytes(t, picture(500, 300)))
	two := base64.StdEncoding.EncodeToString(jpegBytes(t, picture(640, 480)))
	drop := `(() => {
		const file = (b64, name, type) => {
			const bin = atob(b64); const bytes = new Uint8Array(bin.length);
			for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
			return new File([bytes], name, {type});
		};
		const dt = new DataTransfer();
		dt.items.add(file("` + one + `", "강가.png", "image/png"));
		dt.items.add(file("` + two + `", "pier.jpg", "image/jpeg"));
		const zone = document.getElementById("dropzone");
		for (const type of ["dragenter", "dragover", "drop"]) {
			zone.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: dt}));
		}
		return true;
	})()`
	if err := chromedp.Do(ctx,
		chromedp.Navigate(a.srv.URL+AdminPrefix+"/upload"),
		chromedp.WaitVisible(chromedp.ID("dropzone")),
	); err != nil {
		t.Fatalf("upload page: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](drop)); err != nil {
		t.Fatalf("dropping files: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#upload-list li:nth-child(2) a.uploaded"))); err != nil {
		t.Fatalf("dropped files did not finish uploading: %v", err)
	}
	names := map[string]bool{}
	for _, p := range a.lib.All() {
		names[p.Name] = true
	}
	if len(names) != 2 || !names["강가.png"] || !names["pier.jpg"] {
		t.Fatalf("library after the drop: %v", names)
	}
}
