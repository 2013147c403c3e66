package admin

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/newsroom/store"
)

// TestPreviewIsTheArticlePage: the preview shows what a reader will see —
// headline, deck, date, body and byline — in the story's language, not
// the body alone.
func TestPreviewIsTheArticlePage(t *testing.T) {
	tn := newTestNewsroom(t, true)
	rep := tn.login(t, store.RoleReporter)
	au, ok := tn.cat.Author("jhpark")
	if !ok {
		t.Fatal("no demo reporter jhpark")
	}
	for _, tc := range []struct{ lang, headline, deck, published, by, date string }{
		{"en", "Chamber elects a new president", "The vote was unanimous.", "Published", "By " + au.Name.In("en", "ko"), "20"},
		{"ko", "상공회 새 회장 선출", "만장일치였다.", "입력", au.Name.In("ko", "ko"), "년"},
	} {
		f := url.Values{"lang": {tc.lang}, "headline": {tc.headline}, "deck": {tc.deck}, "body": {"**첫** 문단."}, "byline": {"jhpark"}}
		r := rep.post("/admin/preview", f, "X-CSRF-Token", rep.csrf, "X-Requested-With", "newsroom")
		if r.code != http.StatusOK {
			t.Fatalf("%s preview: %d %s", tc.lang, r.code, r.body)
		}
		for _, want := range []string{"<h1>" + tc.headline + "</h1>", `<p class="deck">` + tc.deck, tc.published, tc.date, "<strong>첫</strong> 문단.", tc.by, `lang="` + tc.lang + `"`} {
			if !strings.Contains(r.body, want) {
				t.Errorf("%s preview lacks %q:\n%s", tc.lang, want, r.body)
			}
		}
	}
	long := url.Values{"lang": {"ko"}, "headline": {strings.Repeat("가", maxHeadline+1)}, "body": {"x"}}
	if r := rep.post("/admin/preview", long, "X-CSRF-Token", rep.csrf, "X-Requested-With", "newsroom"); r.code != http.StatusRequestEntityTooLarge {
		t.Errorf("over-long headline: %d", r.code)
	}
}
