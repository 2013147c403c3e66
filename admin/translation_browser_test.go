package admin_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/newsroom/newsroom/catalog"
)

// secondBrowser opens another browser context (its own cookies: another
// person) in the browser of ctx.
func secondBrowser(t *testing.T, ctx context.Context) context.Context {
	t.Helper()
	ctx2, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx2, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("second browser context: %v", err)
	}
	return ctx2
}

func value(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(sctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("value of %s: %v", sel, err)
	}
	return v
}

func latestNumber(t *testing.T, cat *catalog.Catalog, headline string) int {
	t.Helper()
	return findStory(t, cat, headline).Number
}

// TestBrowserConflict: an editor and an admin, in two browser contexts,
// edit the same story. The admin is told the editor has it open; the
// admin saves first; the editor's save lands on the conflict page, which
// shows both texts and the differences, and "keep mine" saves the
// editor's text on top. Then the admin's stale autosave is refused and
// offers to resolve, which leads to the conflict page with the admin's text.
func TestBrowserConflict(t *testing.T) {
	srv, cat := newPaper(t)
	ed := newBrowser(t)
	ad := secondBrowser(t, ed)
	base := srv.URL
	login(t, ed, base, "editor@demo.newsroom")
	login(t, ad, base, "admin@demo.newsroom")

	const headline = "충돌 시험 기사"
	step(t, ed, "write a story",
		chromedp.Navigate(base+"/admin/stories/new"),
		chromedp.WaitVisible(chromedp.ID("headline")),
		chromedp.SendKeys(chromedp.ID("headline"), headline),
		chromedp.SetValue(chromedp.ID("body"), "첫 문단.\n\n둘째 문단."),
		chromedp.SetValue(chromedp.ID("section"), "business"),
		chromedp.Click(chromedp.ID("action-save")),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
	)
	edit := location(t, ed)
	edit = edit[:strings.Index(edit, "?")]
	step(t, ed, "editor reopens it", chromedp.Navigate(edit), chromedp.WaitVisible(chromedp.ID("body")))
	step(t, ad, "admin opens it", chromedp.Navigate(edit), chromedp.WaitVisible(chromedp.ID("presence")))
	if p := text(t, ad, "#presence"); !strings.Contains(p, "편집자 Editor") {
		t.Errorf("presence notice for the admin: %q", p)
	}
	step(t, ad, "admin saves first",
		chromedp.SetValue(chromedp.ID("body"), "첫 문단.\n\n관리자가 고친 둘째 문단."),
		chromedp.Click(chromedp.ID("action-save")),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
	)
	step(t, ed, "editor saves from the old revision",
		chromedp.SetValue(chromedp.ID("body"), "첫 문단.\n\n편집자가 고친 둘째 문단."),
		chromedp.Click(chromedp.ID("action-save")),
		chromedp.WaitVisible(chromedp.ID("conflict")),
	)
	if d := text(t, ed, "#conflict-diff"); !strings.Contains(d, "관리자가") || !strings.Contains(d, "편집자가") {
		t.Errorf("conflict diff: %q", d)
	}
	if mine := value(t, ed, "#mine-body"); mine != "첫 문단.\n\n편집자가 고친 둘째 문단." {
		t.Errorf("the editor's text on the conflict page: %q", mine)
	}
	if theirs := value(t, ed, "#merge-body"); theirs != "첫 문단.\n\n관리자가 고친 둘째 문단." {
		t.Errorf("the saved text on the conflict page: %q", theirs)
	}
	step(t, ed, "keep mine", chromedp.Click(chromedp.ID("keep-mine-save")), chromedp.WaitVisible(chromedp.CSS(".notice")))
	if b := value(t, ed, "#body"); b != "첫 문단.\n\n편집자가 고친 둘째 문단." {
		t.Errorf("body after keeping mine: %q", b)
	}
	if v := findStory(t, cat, headline).Version("ko"); v.Revision != 3 {
		t.Errorf("revision after keep mine: %d, want 3", v.Revision)
	}

	// The admin's page is now stale: autosave must not overwrite.
	step(t, ad, "admin types on a stale page",
		chromedp.Navigate(edit), chromedp.WaitVisible(chromedp.ID("body")),
		// Make this page stale: base as it was before the editor's save.
		void(chromedp.Evaluate[bool](`(() => { document.querySelector("input[name=base]").value = "2"; return true; })()`)),
		chromedp.Focus(chromedp.ID("body")),
		chromedp.SendKeys(chromedp.ID("body"), " 관리자의 추가 문장."),
		chromedp.WaitVisible(chromedp.ID("conflict-resolve")),
	)
	if v := findStory(t, cat, headline).Version("ko"); v.Revision != 3 {
		t.Errorf("a stale autosave was stored: revision %d", v.Revision)
	}
	step(t, ad, "resolve", chromedp.Click(chromedp.ID("conflict-resolve")), chromedp.WaitVisible(chromedp.ID("conflict")))
	if mine := value(t, ad, "#mine-body"); !strings.Contains(mine, "관리자의 추가 문장.") {
		t.Errorf("the admin's typed text on the conflict page: %q", mine)
	}
	// History shows all three revisions.
	step(t, ed, "history", chromedp.Navigate(edit+"/history"), chromedp.WaitVisible(chromedp.ID("rev-3")), chromedp.WaitVisible(chromedp.ID("rev-1")))
}

// TestBrowserTranslateSideBySide: an editor adds a glossary entry, writes
// and publishes a Korean story, opens "translate into English", sees the
// glossary's rendering beside the paragraph that names the person, types
// the translation paragraph by paragraph, is warned about a misspelled
// name, fixes it and publishes; readers find the English story.
func TestBrowserTranslateSideBySide(t *testing.T) {
	srv, cat := newPaper(t)
	ctx := newBrowser(t)
	base := srv.URL
	login(t, ctx, base, "editor@demo.newsroom")
	step(t, ctx, "add a glossary entry",
		chromedp.Navigate(base+"/admin/glossary"),
		chromedp.WaitVisible(chromedp.ID("glossary-form")),
		chromedp.SetValue(chromedp.ID("kind"), "person"),
		chromedp.SendKeys(chromedp.ID("term_ko"), "김현겸"),
		chromedp.SendKeys(chromedp.ID("term_en"), "Hyun-kyum Kim"),
		chromedp.SendKeys(chromedp.ID("title_en"), "President"),
		chromedp.Click(chromedp.ID("glossary-save")),
		chromedp.WaitVisible(chromedp.ID("glossary-list")),
	)
	const headline = "김현겸 회장, 상공회와 협약"
	step(t, ctx, "write and publish a Korean story",
		chromedp.Navigate(base+"/admin/stories/new"),
		chromedp.WaitVisible(chromedp.ID("headline")),
		chromedp.SendKeys(chromedp.ID("headline"), headline),
		chromedp.SetValue(chromedp.ID("body"), "행사는 21일 열렸다.\n\n김현겸 회장은 협약에 서명했다.\n\n회원 50여 명이 참석했다."),
		chromedp.SetValue(chromedp.ID("section"), "community"),
		chromedp.Click(chromedp.ID("action-publish")),
		chromedp.WaitVisible(chromedp.ID("public-link")),
	)
	n := latestNumber(t, cat, headline)
	step(t, ctx, "open the side-by-side editor",
		chromedp.Click(chromedp.CSS("a.translate-link")),
		chromedp.WaitVisible(chromedp.ID("sbs-body")),
	)
	if terms := text(t, ctx, `[data-para="1"] .terms`); !strings.Contains(terms, "Hyun-kyum Kim") || !strings.Contains(terms, "President") {
		t.Errorf("glossary beside the paragraph naming the person: %q", terms)
	}
	if k, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('[data-para="0"] .terms').length`)); err != nil || k != 0 {
		t.Errorf("glossary entries beside a paragraph that names nobody: %d (%v)", k, err)
	}
	step(t, ctx, "translate paragraph by paragraph",
		chromedp.SendKeys(chromedp.ID("headline"), "Hyun-kyum Kim signs pact with chamber"),
		chromedp.SendKeys(chromedp.ID("para-0"), "The event took place on the 21st."),
		chromedp.SendKeys(chromedp.ID("para-1"), "President Hyunkyum Kim signed the agreement."),
		chromedp.SendKeys(chromedp.ID("para-2"), "About 50 members attended."),
		chromedp.Click(chromedp.ID("action-save")),
		chromedp.WaitVisible(chromedp.ID("glossary-issues")),
	)
	if w := text(t, ctx, "#glossary-issues"); !strings.Contains(w, "Hyunkyum Kim: 용어집 표기는 Hyun-kyum Kim입니다.") {
		t.Errorf("glossary warning: %q", w)
	}
	// Paragraphs line up: each translation field starts level with its source paragraph.
	misaligned, err := chromedp.Run(ctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll("#sbs-body .sbs-row")).filter(r =>
		Math.abs(r.querySelector(".sbs-source").getBoundingClientRect().top - r.querySelector("textarea").getBoundingClientRect().top) > 40).length`))
	if err != nil || misaligned != 0 {
		t.Errorf("%d rows misaligned (%v)", misaligned, err)
	}
	step(t, ctx, "fix the name and publish",
		chromedp.SetValue(chromedp.ID("para-1"), "President Hyun-kyum Kim signed the agreement."),
		chromedp.Click(chromedp.ID("action-publish")),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
		chromedp.WaitNotPresent(chromedp.ID("glossary-issues")),
	)
	st := findStory(t, cat, headline)
	en := st.Version("en")
	if en == nil || en.Status != "published" || en.TranslatedFrom != "ko" || en.SourceRevision != st.Version("ko").Revision {
		t.Fatalf("English version after publishing: %+v", en)
	}
	if _, live := cat.Live("en", n); !live {
		t.Fatal("the translation is not live")
	}
	step(t, ctx, "English front page", chromedp.Navigate(base+"/en/"), chromedp.WaitVisible(chromedp.CSS("main")))
	if front := text(t, ctx, "main"); !strings.Contains(front, "Hyun-kyum Kim signs pact with chamber") {
		t.Error("the English front page lacks the translation")
	}
}
