package admin_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// brokenWords lists the words of the newsroom's tables and navigation that
// the browser broke across two lines ("게시/됨", "Publishe/d", "127.0.0/.1").
// A word is a run of letters and digits (dots, colons and @ included, so an
// address or a time is one word); breaks at spaces, hyphens and brackets
// are fine. Words longer than 40 characters (a long URL) may break.
const brokenWords = `(() => {
  const broken = [];
  const roots = document.querySelectorAll(".list th, .list td, .admin-bar nav li, .admin-user");
  for (const root of roots) {
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const re = /[\p{L}\p{N}\p{M}.:@]+/gu;
      for (let m = re.exec(n.data); m; m = re.exec(n.data)) {
        if (m[0].length > 40) continue;
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const tops = new Set(Array.from(r.getClientRects()).filter(x => x.width > 0).map(x => Math.round(x.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
})()`

// TestBrowserAdminKeepsWordsWhole: on a phone and on a desktop, the
// newsroom's tables and navigation break Korean between words, as the
// reader site does, and the page does not scroll sideways.
func TestBrowserAdminKeepsWordsWhole(t *testing.T) {
	srv, _ := newPaper(t)
	ctx := newBrowser(t)
	login(t, ctx, srv.URL, "admin@demo.newsroom")
	for _, vp := range []struct{ w, h int64 }{{390, 844}, {1280, 800}} {
		for _, path := range []string{"/admin/", "/admin/desk", "/admin/audit", "/admin/users"} {
			step(t, ctx, path,
				chromedp.EmulateViewport(vp.w, vp.h),
				chromedp.Navigate(srv.URL+path),
				chromedp.WaitVisible(chromedp.CSS("main")),
			)
			broken, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](brokenWords))
			if err != nil {
				t.Fatal(err)
			}
			if len(broken) > 0 {
				t.Errorf("%s at %d px: words broken across lines: %q", path, vp.w, broken)
			}
			wider, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if wider {
				t.Errorf("%s at %d px scrolls sideways", path, vp.w)
			}
		}
	}
	wb, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).wordBreak`))
	if err != nil || wb != "keep-all" {
		t.Errorf("body word-break = %q (%v), want keep-all", wb, err)
	}
}
