package admin

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// TestDraftWithoutSectionPublishesOnlyWithOne: a draft is saved before
// anyone has chosen its section; publishing or scheduling it waits for one.
func TestDraftWithoutSectionPublishesOnlyWithOne(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ed := tn.login(t, store.RoleEditor)
	f := storyForm(actSave, "섹션은 나중에", "첫 문단.")
	f.Del("section")
	r := ed.post("/admin/stories/new", f)
	if r.code != http.StatusSeeOther {
		t.Fatalf("saving a draft without a section: %d", r.code)
	}
	var n int
	if _, err := fmt.Sscanf(r.hdr.Get("Location"), "/admin/stories/%d/ko", &n); err != nil {
		t.Fatalf("saved draft: redirect to %q", r.hdr.Get("Location"))
	}
	for _, action := range []string{actPublish, actSchedule} {
		f := tn.editForm(t, n, action)
		f.Del("section")
		f.Set("schedule_at", "2099-01-02T09:00")
		r := ed.post(editHref(n, "ko"), f)
		if r.code != http.StatusUnprocessableEntity || !strings.Contains(r.body, "섹션을 고르세요") {
			t.Errorf("%s without a section: %d, no message asking for one", action, r.code)
		}
	}
	if v := tn.version(t, n, "ko"); v.Status != story.Draft {
		t.Fatalf("status %s after refusals, want draft", v.Status)
	}
	if r := ed.post(editHref(n, "ko"), tn.editForm(t, n, actPublish)); r.code != http.StatusSeeOther {
		t.Fatalf("publishing once a section is chosen: %d", r.code)
	}
	if _, live := tn.cat.Live("ko", n); !live {
		t.Error("not live after publishing with a section")
	}
}
