package admin_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/newsroom/newsroom/catalog"
)

// TestBrowserImportWordPress: an admin uploads a WordPress export, reads
// the dry run's report in Korean, imports, and a reader finds the imported
// pair as one story in both languages.
func TestBrowserImportWordPress(t *testing.T) {
	srv, cat := newPaper(t)
	ctx := newBrowser(t)
	base := srv.URL
	login(t, ctx, base, "admin@demo.newsroom")
	export, err := filepath.Abs("../wordpress/testdata/polylang.xml")
	if err != nil {
		t.Fatal(err)
	}
	step(t, ctx, "upload the export for a dry run",
		chromedp.Navigate(base+"/admin/import"),
		chromedp.WaitVisible(chromedp.ID("export")),
		chromedp.SetUploadFiles(chromedp.ID("export"), []string{export}),
		chromedp.Click(chromedp.ID("dry-run")),
		chromedp.WaitVisible(chromedp.ID("run-import")),
	)
	report := text(t, ctx, "#import-report")
	for _, want := range []string{"가져오면 이렇게 됩니다", "번역 쌍(한 기사, 두 언어)", "원문이 없는 번역", "카테고리 경제 → 섹션 economy"} {
		if !strings.Contains(report, want) {
			t.Errorf("dry run report lacks %q:\n%s", want, report)
		}
	}
	if findHeadline(cat, "한미 무역 협정 10주년") != 0 {
		t.Fatal("the dry run imported the story")
	}
	// The dry run's page shows a report and the buttons too: wait for the
	// import's own report, not for what the page had before the click.
	step(t, ctx, "import", chromedp.Click(chromedp.ID("run-import")))
	// The page refreshes itself while the import runs: ask again after
	// each navigation until the import's report is there.
	done := false
	for deadline := time.Now().Add(time.Minute); !done && time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		done, _ = chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.getElementById("report-title") || {}).textContent === "가져온 결과" && !!document.getElementById("dry-run")`))
	}
	if !done {
		t.Fatal("the import's report never appeared")
	}
	if got := text(t, ctx, "#report-title"); got != "가져온 결과" {
		t.Errorf("report title %q", got)
	}
	n := findHeadline(cat, "한미 무역 협정 10주년")
	if n == 0 {
		t.Fatal("imported story not in the catalogue")
	}
	step(t, ctx, "read the Korean version", chromedp.Navigate(base+"/ko/news/"+strconv.Itoa(n)), chromedp.WaitVisible(chromedp.CSS("article h1")))
	if h := text(t, ctx, "article h1"); h != "한미 무역 협정 10주년" {
		t.Errorf("ko headline %q", h)
	}
	step(t, ctx, "read the English version", chromedp.Navigate(base+"/en/news/"+strconv.Itoa(n)), chromedp.WaitVisible(chromedp.CSS("article h1")))
	if h := text(t, ctx, "article h1"); h != "Ten years of the Korea-US trade agreement" {
		t.Errorf("en headline %q", h)
	}
}

func findHeadline(cat *catalog.Catalog, headline string) int {
	for _, st := range cat.All() {
		for _, v := range st.Versions {
			if v.Headline == headline {
				return st.Number
			}
		}
	}
	return 0
}
