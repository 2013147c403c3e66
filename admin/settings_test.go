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

// TestTwoAdminsSavingSettingsKeepBothChanges: two admins open the settings
// page; one changes the time zone, the other (from the page as it was)
// the contact, both at once. Both changes stay, every round.
func TestTwoAdminsSavingSettingsKeepBothChanges(t *testing.T) {
	tn := newTestNewsroom(t, true)
	a1 := tn.login(t, store.RoleAdmin)
	a2 := tn.login(t, store.RoleAdmin)
	if r := a1.get("/admin/settings"); !strings.Contains(r.body, `name="was_time_zone"`) {
		t.Fatal("the settings form does not post what it showed")
	}
	was := url.Values{"was_name_ko": {""}, "was_name_en": {""}, "was_base_url": {""}, "was_logo_url": {""},
		"was_time_zone": {""}, "was_default_language": {""}, "was_contact": {""}}
	form := func(tz, contact string) url.Values {
		f := url.Values{"time_zone": {tz}, "contact": {contact}}
		for k, v := range was {
			f[k] = v
		}
		return f
	}
	for round := range 5 {
		zone := []string{"Asia/Seoul", "America/New_York"}[round%2]
		contact := "desk" + itoa(round) + "@example.com"
		done := make(chan int)
		oldZone, oldContact := was.Get("was_time_zone"), was.Get("was_contact")
		go func() { done <- a1.post("/admin/settings", form(zone, oldContact)).code }()
		if r := a2.post("/admin/settings", form(oldZone, contact)); r.code != http.StatusSeeOther {
			t.Fatalf("contact: %d", r.code)
		}
		if code := <-done; code != http.StatusSeeOther {
			t.Fatalf("time zone: %d", code)
		}
		id, err := tn.store.Identity(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if id.TimeZone != zone || id.Contact != contact {
			t.Fatalf("round %d: time zone %q, contact %q; want %q, %q", round, id.TimeZone, id.Contact, zone, contact)
		}
		for k := range was {
			was[k] = []string{""}
		}
		was.Set("was_time_zone", zone)
		was.Set("was_contact", contact)
	}
}
