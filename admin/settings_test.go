package admin

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/newsroom/store"
)

func TestPaperSettings(t *testing.T) {
	tn := newTestNewsroom(t, true)
	var applied *store.Identity
	tn.a.identity = func(id store.Identity) { applied = &id }
	ed := tn.login(t, store.RoleEditor)
	if r := ed.get("/admin/settings"); r.code != http.StatusForbidden {
		t.Fatalf("editor opened the settings: %d", r.code)
	}
	ad := tn.login(t, store.RoleAdmin)
	if r := ad.get("/admin/settings"); r.code != http.StatusOK || !strings.Contains(r.body, `name="name_ko"`) {
		t.Fatalf("settings page: %d", r.code)
	}
	long := strings.Repeat("가", maxPaperName+1)
	r := ad.post("/admin/settings", url.Values{"name_ko": {long}, "base_url": {"news.example.com"}, "time_zone": {"Mars/Base"}, "contact": {"desk@example.com"}})
	if r.code != http.StatusUnprocessableEntity || !containsAll(r.body, `value="`+long+`"`, "desk@example.com", "http://", "America/Chicago") {
		t.Fatalf("bad settings: %d", r.code)
	}
	if applied != nil {
		t.Fatal("refused settings were applied")
	}
	r = ad.post("/admin/settings", url.Values{"name_ko": {"텍사스 코리안 레저"}, "name_en": {"Texas Korean Ledger"},
		"base_url": {"https://ledger.example.org/"}, "time_zone": {"America/Chicago"}, "default_language": {"en"}, "contact": {"desk@example.com"}})
	if r.code != http.StatusSeeOther {
		t.Fatalf("save: %d %s", r.code, r.body)
	}
	id, err := tn.store.Identity(t.Context())
	if err != nil || id.Name["en"] != "Texas Korean Ledger" || id.BaseURL != "https://ledger.example.org" || id.DefaultLanguage != "en" {
		t.Fatalf("stored %+v %v", id, err)
	}
	if applied == nil || applied.Name["ko"] != "텍사스 코리안 레저" {
		t.Fatal("saved settings not applied to the site")
	}
}
