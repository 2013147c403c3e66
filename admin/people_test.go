package admin

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/store"
)

// TestPeopleProfilesAndGuests: editors and admins add a guest contributor
// and complete a reporter's profile; reporters and translators may not;
// bad input is answered next to its field with everything kept; the guest
// can then be chosen in a byline.
func TestPeopleProfilesAndGuests(t *testing.T) {
	tn := newTestNewsroom(t, true)
	for _, role := range []auth.Role{store.RoleReporter, store.RoleTranslator} {
		c := tn.login(t, role)
		if r := c.get("/admin/people"); r.code != http.StatusForbidden {
			t.Errorf("%s opening bylines: %d", role, r.code)
		}
		if r := c.post("/admin/people", url.Values{"handle": {"x-y"}, "name_ko": {"엑스"}}); r.code != http.StatusForbidden {
			t.Errorf("%s adding a byline: %d", role, r.code)
		}
		if r := c.post("/admin/people/jhpark", url.Values{"name_ko": {"바꾼 이름"}}); r.code != http.StatusForbidden {
			t.Errorf("%s editing a profile: %d", role, r.code)
		}
	}
	editor := tn.login(t, store.RoleEditor)
	bad := url.Values{"handle": {"Kim Hyun"}, "name_ko": {"김현겸"}, "name_en": {"Hyun-gyum Kim"}, "title_ko": {"달라스 한인상공회 회장"},
		"links": {"javascript:alert(1)\nhttps://kaccd.example.org"}, "email": {"not-an-address"}, "bio_ko": {strings.Repeat("가", 1001)}, "guest": {"1"}}
	r := editor.post("/admin/people", bad)
	if r.code != http.StatusUnprocessableEntity || !containsAll(r.body, "영문 소문자, 숫자, 하이픈으로 2~40자", "https://로 시작하는 웹 주소가 아닙니다",
		"1,000자", `value="달라스 한인상공회 회장"`, `value="Kim Hyun"`, "https://kaccd.example.org") {
		t.Errorf("bad profile: %d %s", r.code, elementOf(r.body, "person-form", "</form>"))
	}
	good := url.Values{"handle": {"kim-hyungyum"}, "name_ko": {"김현겸"}, "name_en": {"Hyun-gyum Kim"}, "title_ko": {"달라스 한인상공회 회장"},
		"title_en": {"President, Korean American Chamber of Commerce of Dallas"}, "links": {"https://kaccd.example.org"}, "guest": {"1"}}
	if r := editor.post("/admin/people", good); r.code != http.StatusSeeOther {
		t.Fatalf("add a guest: %d", r.code)
	}
	if r := editor.post("/admin/people", good); r.code != http.StatusUnprocessableEntity || !strings.Contains(r.body, "이미 쓰이고 있는 핸들입니다") {
		t.Errorf("the same handle twice: %d", r.code)
	}
	g, ok := tn.cat.Author("kim-hyungyum")
	if !ok || !g.Guest || g.Title["ko"] != "달라스 한인상공회 회장" || len(g.Links) != 1 {
		t.Fatalf("guest in the catalogue: %+v", g)
	}
	if r := editor.get("/admin/stories/new"); !strings.Contains(r.body, `name="byline" value="kim-hyungyum"`) {
		t.Error("the guest cannot be chosen in a byline")
	}
	// A reporter's profile: the title and bio per language.
	if r := editor.post("/admin/people/jhpark", url.Values{"name_ko": {"박지현"}, "name_en": {"Ji-hyun Park"}, "title_ko": {"서울 특파원"},
		"title_en": {"Seoul correspondent"}, "bio_en": {"Covers trade."}}); r.code != http.StatusSeeOther {
		t.Fatalf("save a profile: %d", r.code)
	}
	if p, _ := tn.cat.Author("jhpark"); p.Title["ko"] != "서울 특파원" || p.Bio["en"] != "Covers trade." {
		t.Errorf("profile after saving: %+v", p)
	}
	if r := editor.post("/admin/people/nobody", url.Values{"name_ko": {"없음"}}); r.code != http.StatusNotFound {
		t.Errorf("saving a missing profile: %d", r.code)
	}
}

// TestDisablingKeepsTheByline: a disabled reporter's sessions end at once
// and her stories keep her byline.
func TestDisablingKeepsTheByline(t *testing.T) {
	tn := newTestNewsroom(t, true)
	reporter := tn.login(t, store.RoleReporter)
	n := reporter.createBy("기자의 기사", "jhpark")
	admin := tn.login(t, store.RoleAdmin)
	u := tn.users[store.RoleReporter]
	r := admin.post("/admin/users/"+u.ID, url.Values{"name": {u.Name}, "role": {"reporter"}, "handle": {"jhpark"}, "lang": {"en"}, "disabled": {"1"}})
	if r.code != http.StatusSeeOther {
		t.Fatalf("disable: %d", r.code)
	}
	if r := reporter.get("/admin/"); r.code == http.StatusOK {
		t.Error("the disabled reporter's session still works")
	}
	if st := tn.cat.Story(n); st == nil || len(st.Byline) != 1 || st.Byline[0] != "jhpark" {
		t.Errorf("byline after disabling: %+v", st)
	}
	if _, ok := tn.cat.Author("jhpark"); !ok {
		t.Error("the byline's profile went with the account")
	}
}
