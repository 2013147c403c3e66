package handlers

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/newsroom/newsroom/browsertest"
)

func browse(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// outside lists the visible elements of sel whose box is not inside the
// viewport's width, by their text.
const outside = `(sel) => Array.from(document.querySelectorAll(sel)).filter(e => {
  const r = e.getBoundingClientRect();
  return r.width > 0 && (r.left < 0 || r.right > window.innerWidth + 0.5);
}).map(e => e.textContent.trim() || e.tagName)`

// TestBrowserReaderSiteOnAPhoneAndADesk: on a 390 px phone and a desktop,
// the reader pages do not scroll sideways, every section of the menu is on
// screen, the search box and its button line up, English headlines are set
// in a real serif rather than the fallback, and a printed article is the
// article with its address and date.
func TestBrowserReaderSiteOnAPhoneAndADesk(t *testing.T) {
	s := newTestSite(t)
	srv := httptest.NewServer(s.srv)
	t.Cleanup(srv.Close)
	st := s.find(t, bilingual)
	article := "/en/news/" + itoa(st.Number) + "/" + url.PathEscape(st.Versions["en"].Slug)
	ctx := browsertest.New(t, "handlers", "en-US,en")
	for _, vp := range []struct{ w, h int64 }{{390, 844}, {1280, 800}} {
		for _, path := range []string{"/en/", "/ko/", article} {
			browse(t, ctx, path, chromedp.EmulateViewport(vp.w, vp.h), chromedp.Navigate(srv.URL+path), chromedp.WaitVisible(chromedp.CSS("main")))
			if eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth`) {
				t.Errorf("%s at %d px scrolls sideways", path, vp.w)
			}
			if off := eval[[]string](t, ctx, "("+outside+`)(".site-nav a, .masthead-search input, .masthead-search button, .lang-switch a, .lang-switch span")`); len(off) > 0 {
				t.Errorf("%s at %d px: off screen: %q", path, vp.w, off)
			}
			// The search box and its button: same top, same height.
			misaligned := eval[string](t, ctx, `(() => {
  const i = document.querySelector(".masthead-search input").getBoundingClientRect();
  const b = document.querySelector(".masthead-search button").getBoundingClientRect();
  return Math.abs(i.top - b.top) > 1 || Math.abs(i.height - b.height) > 1 ? "input " + i.top + "+" + i.height + ", button " + b.top + "+" + b.height : "";
})()`)
			if misaligned != "" {
				t.Errorf("%s at %d px: the search box and button do not line up: %s", path, vp.w, misaligned)
			}
		}
	}
	// The English headline's font, as Chromium actually drew it.
	browse(t, ctx, "article", chromedp.Navigate(srv.URL+article), chromedp.WaitVisible(chromedp.CSS("h1")))
	var fonts []*css.PlatformFontUsage
	browse(t, ctx, "fonts", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := chromedp.Call(ctx, dom.Enable, dom.EnableParams{}); err != nil {
			return err
		}
		if _, err := chromedp.Call(ctx, css.Enable, cdp.Empty{}); err != nil {
			return err
		}
		doc, err := chromedp.Call(ctx, dom.GetDocument, dom.GetDocumentParams{})
		if err != nil {
			return err
		}
		h1, err := chromedp.Call(ctx, dom.QuerySelector, dom.QuerySelectorParams{NodeID: doc.Root.NodeID, Selector: ".article-header h1"})
		if err != nil {
			return err
		}
		r, err := chromedp.Call(ctx, css.GetPlatformFontsForNode, css.GetPlatformFontsForNodeParams{NodeID: h1.NodeID})
		fonts = r.Fonts
		return err
	}))
	for _, f := range fonts {
		if strings.Contains(f.FamilyName, "DejaVu") {
			t.Errorf("the English headline is set in %s, the fallback of a font stack that names no font Linux has", f.FamilyName)
		}
	}
	// Printed: no navigation or search, and the address and date at the end.
	browse(t, ctx, "print", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	for _, sel := range []string{".site-nav", ".masthead-search", ".lang-switch", ".tags"} {
		if eval[bool](t, ctx, `(() => { const e = document.querySelector("`+sel+`"); return !!e && e.getClientRects().length > 0; })()`) {
			t.Errorf("printed article shows %s", sel)
		}
	}
	source := eval[string](t, ctx, `(() => { const e = document.querySelector(".print-source"); return e && getComputedStyle(e).display !== "none" ? e.innerText : ""; })()`)
	if !strings.Contains(source, testBase+article) || !strings.Contains(source, "20") {
		t.Errorf("printed article's footer = %q, want its address and date", source)
	}
}
