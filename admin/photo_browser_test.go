package admin_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/story"
)

// addPhoto uploads a generated photo with a Korean caption and alt text.
func addPhoto(t *testing.T, lib *photos.Library, name, caption, alt string, tint uint8) *photos.Photo {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 480, 320))
	for y := 0; y < 320; y++ {
		for x := 0; x < 480; x++ {
			img.Set(x, y, color.NRGBA{tint, uint8(x / 2), uint8(y / 2), 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	p, _, err := lib.Upload(t.Context(), name, &buf, "editor@demo.newsroom")
	if err != nil {
		t.Fatal(err)
	}
	p, err = lib.Update(t.Context(), p.ID, photos.Details{Caption: story.Text{"ko": caption}, Alt: story.Text{"ko": alt},
		Credit: story.Text{"ko": "사진부"}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBrowserPhotoPicker: an editor chooses the lead photo through the
// picker (searching the library), inserts another photo into the body from
// the toolbar at the cursor, and publishes; the reader's article shows both.
func TestBrowserPhotoPicker(t *testing.T) {
	srv, cat, lib := buildPaper(t, true)
	ctx := newBrowser(t)
	base := srv.URL
	lead := addPhoto(t, lib, "opening.jpg", "한인 마트 개장식", "테이프를 자르는 상인회장", 200)
	inside := addPhoto(t, lib, "harbour.jpg", "휴스턴 항구 풍경", "컨테이너가 쌓인 부두", 40)

	login(t, ctx, base, "editor@demo.newsroom")
	const headline = "한인 마트 개장, 항구 물류도 늘어"
	step(t, ctx, "write a story",
		chromedp.Navigate(base+"/admin/stories/new"),
		chromedp.WaitVisible(chromedp.ID("headline")),
		chromedp.SendKeys(chromedp.ID("headline"), headline),
		chromedp.SetValue(chromedp.ID("body"), "첫 문단.\n\n둘째 문단."),
		chromedp.SetValue(chromedp.ID("section"), "business"),
	)

	// Without a choice yet, the ID field is out of sight behind the buttons.
	step(t, ctx, "choose the lead photo",
		chromedp.WaitNotVisible(chromedp.ID("photo_id")),
		chromedp.Click(chromedp.ID("photo-choose")),
		chromedp.WaitVisible(chromedp.ID("picker-q")),
		chromedp.SendKeys(chromedp.ID("picker-q"), "개장식"),
		chromedp.WaitNotPresent(chromedp.CSS(`#picker-results .pick[data-id="`+inside.ID+`"]`)),
		chromedp.Click(chromedp.CSS(`#picker-results .pick[data-id="`+lead.ID+`"]`)),
		chromedp.WaitNotVisible(chromedp.ID("photo-picker")),
		chromedp.WaitVisible(chromedp.ID("photo-thumb")),
	)
	if id := value(t, ctx, "#photo_id"); id != lead.ID {
		t.Errorf("photo_id after choosing = %q, want %s", id, lead.ID)
	}
	if s := text(t, ctx, "#photo-summary"); !strings.Contains(s, "한인 마트 개장식") {
		t.Errorf("chosen photo's caption not shown: %q", s)
	}

	// The cursor sits at the end of the first paragraph; the photo goes there.
	step(t, ctx, "insert a photo into the body",
		chromedp.Focus(chromedp.ID("body")),
		void(chromedp.Evaluate[bool](`(() => { const b = document.getElementById("body"); b.setSelectionRange(5, 5); return true; })()`)),
		chromedp.Click(chromedp.ID("toolbar-photo")),
		chromedp.WaitVisible(chromedp.ID("picker-q")),
		void(chromedp.Evaluate[bool](`(() => { document.getElementById("picker-q").value = ""; return true; })()`)),
		chromedp.SendKeys(chromedp.ID("picker-q"), "항구"),
		chromedp.WaitNotPresent(chromedp.CSS(`#picker-results .pick[data-id="`+lead.ID+`"]`)),
		chromedp.Click(chromedp.CSS(`#picker-results .pick[data-id="`+inside.ID+`"]`)),
		chromedp.WaitNotVisible(chromedp.ID("photo-picker")),
	)
	want := "첫 문단.\n\n" + photos.Markdown(inside, "ko") + "\n\n둘째 문단."
	if body := value(t, ctx, "#body"); body != want {
		t.Errorf("body after inserting = %q, want %q", body, want)
	}

	step(t, ctx, "publish",
		chromedp.Click(chromedp.ID("action-publish")),
		chromedp.WaitVisible(chromedp.ID("public-link")),
	)
	st := findStory(t, cat, headline)
	if st.Photo.ID != lead.ID {
		t.Fatalf("stored lead photo %+v, want %s", st.Photo, lead.ID)
	}
	// Back in the editor, the choice is shown from the server's side.
	if s := text(t, ctx, "#photo-summary"); !strings.Contains(s, "한인 마트 개장식") {
		t.Errorf("editor after saving shows %q", s)
	}

	step(t, ctx, "read the article",
		chromedp.Click(chromedp.ID("public-link")),
		chromedp.WaitVisible(chromedp.CSS("figure.lead-photo img")),
	)
	src, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("figure.lead-photo img"), "src"))
	if err != nil {
		t.Fatal(err)
	}
	leadSrc := src.Value
	bodyHTML, err := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(leadSrc, "/media/"+lead.ID+"/") {
		t.Errorf("lead photo src %q", leadSrc)
	}
	if !strings.Contains(bodyHTML, "/media/"+inside.ID+"/") || !strings.Contains(bodyHTML, "휴스턴 항구 풍경") {
		t.Errorf("body photo missing from the article")
	}
}
