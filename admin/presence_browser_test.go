package admin_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserPresenceClearsWhenThePageCloses: an editor and an admin open
// the same story; the admin is told the editor is there. When the editor's
// page closes, the admin's notice clears at once, not minutes later.
func TestBrowserPresenceClearsWhenThePageCloses(t *testing.T) {
	srv, cat := newPaper(t)
	var n int
	for _, st := range cat.All() {
		if st.Version("ko") != nil {
			n = st.Number
			break
		}
	}
	edit := srv.URL + "/admin/stories/" + strconv.Itoa(n) + "/ko"
	editor, admin := newBrowser(t), newBrowser(t)
	login(t, editor, srv.URL, "editor@demo.newsroom")
	login(t, admin, srv.URL, "admin@demo.newsroom")
	step(t, editor, "the editor opens the story", chromedp.Navigate(edit), chromedp.WaitVisible(chromedp.ID("body")))
	step(t, admin, "the admin opens it too", chromedp.Navigate(edit), chromedp.WaitVisible(chromedp.ID("presence")))
	step(t, editor, "the editor goes elsewhere", chromedp.Navigate(srv.URL+"/admin/"), chromedp.WaitVisible(chromedp.CSS("main")))
	// The beacon is on its way; the admin's page asks again (as its next
	// heartbeat would) until the notice is gone or it is clear it stays.
	for deadline := time.Now().Add(15 * time.Second); ; {
		step(t, admin, "reload", chromedp.Navigate(edit), chromedp.WaitVisible(chromedp.ID("body")))
		shown, err := chromedp.Run(admin, chromedp.Evaluate[bool](`(() => { const p = document.getElementById("presence"); return !!p && !p.hidden; })()`))
		if err != nil {
			t.Fatal(err)
		}
		if !shown {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the admin is still told the editor is editing after the editor's page closed")
		}
	}
}
