package admin_test

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// frontBoxes is what the layout test measures on a front page.
type frontBoxes struct {
	ViewWidth, ScrollWidth                float64
	MainLeft, MainRight, MainTop, MainBot float64
	RailLeft, RailRight, RailTop, RailBot float64
	Secondary                             int
	Overflowing                           []string // elements reaching past the viewport's right edge
}

const measureFront = `(() => {
  const box = sel => document.querySelector(sel).getBoundingClientRect();
  const m = box(".front-main"), r = box(".rail");
  const over = [];
  for (const el of document.querySelectorAll("body *")) {
    const b = el.getBoundingClientRect();
    if (b.width > 0 && b.right > window.innerWidth + 1) over.push(el.tagName + "." + el.className);
  }
  return {ViewWidth: window.innerWidth, ScrollWidth: document.documentElement.scrollWidth,
    MainLeft: m.left, MainRight: m.right, MainTop: m.top + scrollY, MainBot: m.bottom + scrollY,
    RailLeft: r.left, RailRight: r.right, RailTop: r.top + scrollY, RailBot: r.bottom + scrollY,
    Secondary: document.querySelectorAll(".front-main .secondary > li").length, Overflowing: over.slice(0, 5)};
})()`

// TestBrowserFrontLayout: the front page looks like a newspaper's from a
// phone to a wide desktop: nothing reaches past the right edge, the lead
// and the stories beside it fill the wide column, and on a desktop the
// rail of headlines stands beside them with no tall blank area next to it
// (before, about 1,500 px stayed empty beside the rail).
func TestBrowserFrontLayout(t *testing.T) {
	srv, _ := newPaper(t)
	ctx := newBrowser(t)
	for _, w := range []int64{390, 768, 1280, 1920} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			step(t, ctx, "open the front page",
				chromedp.EmulateViewport(w, 900),
				chromedp.Navigate(srv.URL+"/ko/"),
				chromedp.WaitVisible(chromedp.CSS(".rail")),
			)
			sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
			defer cancel()
			b, err := chromedp.Run(sctx, chromedp.Evaluate[frontBoxes](measureFront))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("at %d px: stories column %.0f–%.0f, rail %.0f–%.0f", w, b.MainTop, b.MainBot, b.RailTop, b.RailBot)
			if b.ScrollWidth > b.ViewWidth || len(b.Overflowing) > 0 {
				t.Errorf("horizontal overflow at %d px: page %v wide; %v", w, b.ScrollWidth, b.Overflowing)
			}
			if b.Secondary < 2 {
				t.Errorf("%d stories beside the lead", b.Secondary)
			}
			if b.ViewWidth < 960 {
				// One column: the rail follows the stories, full width.
				if b.RailTop < b.MainBot || b.RailRight-b.RailLeft < b.MainRight-b.MainLeft-1 {
					t.Errorf("at %d px the rail is not under the stories: main %+v", w, b)
				}
				return
			}
			if b.RailLeft < b.MainRight || math.Abs(b.RailTop-b.MainTop) > 2 {
				t.Errorf("at %d px the rail is not beside the stories: %+v", w, b)
			}
			// The columns end close together: no blank area beside the rail
			// or under the lead taller than a headline or two.
			railH := b.RailBot - b.RailTop
			if gap := math.Abs(b.RailBot - b.MainBot); gap > math.Max(300, railH/3) {
				t.Errorf("at %d px one column ends %.0f px before the other (rail %.0f px tall): %+v", w, gap, railH, b)
			}
		})
	}
}
