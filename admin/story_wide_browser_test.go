package admin_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserAutosaveKeepsStoryWideRevision: an editor changes the tags,
// autosave stores them, and the page moves on to the story-wide revision
// it now shows; changing the tags again and saving by hand is then an
// ordinary save, not a conflict with the editor's own autosave.
func TestBrowserAutosaveKeepsStoryWideRevision(t *testing.T) {
	srv, cat := newPaper(t)
	ctx := newBrowser(t)
	base := srv.URL
	login(t, ctx, base, "editor@demo.newsroom")
	step(t, ctx, "write a story and save it",
		chromedp.Navigate(base+"/admin/stories/new"),
		chromedp.WaitVisible(chromedp.ID("body")),
		chromedp.SetValue(chromedp.ID("section"), "community"),
		chromedp.SendKeys(chromedp.ID("headline"), "태그 자동 저장"),
		chromedp.SendKeys(chromedp.ID("body"), "첫 문단."),
		chromedp.Click(chromedp.ID("action-save")),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
	)
	step(t, ctx, "add a tag and wait for autosave",
		chromedp.SendKeys(chromedp.ID("tags"), "무역"),
		void(chromedp.Poll[bool](`document.getElementById("autosave-status").textContent.includes("자동 저장했습니다")`)),
	)
	if st := findStory(t, cat, "태그 자동 저장"); !slices.Equal(st.Tags, []string{"무역"}) || st.WideRevision != 1 {
		t.Fatalf("after autosave: tags %v at story-wide revision %d", st.Tags, st.WideRevision)
	}
	step(t, ctx, "add another tag and save by hand",
		chromedp.SendKeys(chromedp.ID("tags"), ", 텍사스"),
		chromedp.Click(chromedp.ID("action-save")),
		chromedp.WaitVisible(chromedp.CSS(".notice, #conflict")),
	)
	if n := text(t, ctx, ".notice, #conflict"); !strings.Contains(location(t, ctx), "done=saved") {
		t.Errorf("save after autosave of the tags: %q (at %s)", n, location(t, ctx))
	}
	if st := findStory(t, cat, "태그 자동 저장"); !slices.Equal(st.Tags, []string{"무역", "텍사스"}) {
		t.Errorf("tags after the save: %v", st.Tags)
	}
}
