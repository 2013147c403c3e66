package admin_test

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserPasteKeepsFormatting: text copied from a word processor (here
// as Google Docs and Word put it on the clipboard) arrives as the editor's
// Markdown: headings, bold, italic and links survive; Google Docs' wrapper
// <b style="font-weight:normal"> is not bold.
func TestBrowserPasteKeepsFormatting(t *testing.T) {
	srv, _ := newPaper(t)
	ctx := newBrowser(t)
	login(t, ctx, srv.URL, "reporter@demo.newsroom")
	const html = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1">` +
		`<h2 dir="ltr"><span style="font-weight:400">상공회 총회</span></h2>` +
		`<p dir="ltr"><span style="font-weight:700">김현겸</span><span style="font-weight:400"> 회장은 </span>` +
		`<span style="font-style:italic">“기쁘다”</span><span> 고 말했다. </span>` +
		`<a href="https://example.com/report (2026)"><span>보고서</span></a><span>를 보라.</span></p></b>` +
		`<p class=MsoNormal><b>굵게</b> 그리고 <i>기울여</i>, <a href="javascript:alert(1)">링크 아님</a></p>`
	step(t, ctx, "paste",
		chromedp.Navigate(srv.URL+"/admin/stories/new"),
		chromedp.WaitVisible(chromedp.ID("body")),
		chromedp.Focus(chromedp.ID("body")),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`((html) => {
				const dt = new DataTransfer();
				dt.setData("text/html", html);
				dt.setData("text/plain", "plain");
				document.getElementById("body").dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));
				return true; })(`+jsString(html)+`)`)(ctx, tg)
			return err
		}),
	)
	body, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("body")))
	if err != nil {
		t.Fatal(err)
	}
	want := "## 상공회 총회\n\n**김현겸** 회장은 *“기쁘다”* 고 말했다. [보고서](https://example.com/report%20%282026%29)를 보라.\n\n**굵게** 그리고 *기울여*, 링크 아님"
	if body != want {
		t.Errorf("pasted body =\n%q\nwant\n%q", body, want)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b := []byte{'"'}
	for _, r := range s {
		switch r {
		case '"', '\\':
			b = append(b, '\\', byte(r))
		case '\n':
			b = append(b, '\\', 'n')
		default:
			b = append(b, string(r)...)
		}
	}
	return string(append(b, '"'))
}
