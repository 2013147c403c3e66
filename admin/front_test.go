package admin

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/store"
)

// TestFrontPageForm: an editor pins a published story as the lead of the
// Korean front page and readers see it; reporters and translators may not
// pin; bad input is answered next to its field with everything kept; a save
// from a stale revision is refused.
func TestFrontPageForm(t *testing.T) {
	pn := newPhotoNewsroom(t)
	editor := pn.login(t, store.RoleEditor)
	older := editor.create("고정할 머리기사")
	if r := editor.post(editHref(older, "ko"), pn.editForm(t, older, actPublish)); r.code != http.StatusSeeOther {
		t.Fatalf("publish: %d", r.code)
	}
	newer := editor.create("최신 기사")
	if r := editor.post(editHref(newer, "ko"), pn.editForm(t, newer, actPublish)); r.code != http.StatusSeeOther {
		t.Fatalf("publish: %d", r.code)
	}
	draft := editor.create("초고 기사")
	if r := pn.client(t).get("/ko/"); strings.Contains(elementOf(r.body, "top-headline", "</h2>"), "고정할 머리기사") {
		t.Fatalf("lead before pinning: %s", elementOf(r.body, "top-headline", "</h2>"))
	}

	for _, role := range []auth.Role{store.RoleReporter, store.RoleTranslator} {
		c := pn.login(t, role)
		if r := c.get("/admin/front"); r.code != http.StatusForbidden {
			t.Errorf("%s opening the front page editor: %d", role, r.code)
		}
		if r := c.post("/admin/front/ko", url.Values{"base": {"0"}, "pin_0": {strconv.Itoa(older)}}); r.code != http.StatusForbidden {
			t.Errorf("%s pinning: %d", role, r.code)
		}
	}

	page := editor.get("/admin/front?lang=ko")
	if page.code != http.StatusOK || !containsAll(page.body, `name="pin_0"`, "고정할 머리기사", "최신 기사") || strings.Contains(page.body, "초고 기사") {
		t.Fatalf("front page editor: %d", page.code)
	}
	// Bad input: a draft, the same story twice, a past time, a script link.
	bad := url.Values{"base": {"0"}, "pin_0": {strconv.Itoa(older)}, "pin_1": {strconv.Itoa(draft)}, "pin_2": {strconv.Itoa(older)},
		"until_0": {"2001-01-01T10:00"}, "banner": {"속보 문구"}, "banner_href": {"javascript:alert(1)"}, "until_3": {"어제"}}
	r := editor.post("/admin/front/ko", bad)
	if r.code != http.StatusUnprocessableEntity || !containsAll(r.body, "게시된 기사를 고르세요", "이미 앞자리에 놓은 기사입니다", "이미 지난 시간입니다",
		"https://로 시작해야 합니다", "날짜와 시간을 입력하세요", `value="속보 문구"`, `value="javascript:alert(1)"`) {
		t.Errorf("bad input: %d %s", r.code, elementOf(r.body, "front-form", "</form>"))
	}
	until := time.Now().Add(3 * time.Hour).In(pn.a.langs.Location()).Format(scheduleLayout)
	good := url.Values{"base": {"0"}, "pin_0": {strconv.Itoa(older)}, "until_0": {until}, "banner": {"속보: 시장 선거 결과"}, "banner_href": {"/ko/latest"}}
	if r := editor.post("/admin/front/ko", good); r.code != http.StatusSeeOther || r.hdr.Get("Location") != "/admin/front?lang=ko&done=front_saved" {
		t.Fatalf("save: %d %s", r.code, r.hdr.Get("Location"))
	}
	reader := pn.client(t).get("/ko/")
	if !strings.Contains(elementOf(reader.body, "top-headline", "</h2>"), "고정할 머리기사") || !strings.Contains(reader.body, "속보: 시장 선거 결과") {
		t.Errorf("reader's front page after pinning: %s", elementOf(reader.body, "top-headline", "</h2>"))
	}
	if en := pn.client(t).get("/en/"); strings.Contains(en.body, "속보: 시장 선거 결과") {
		t.Error("the Korean banner is on the English front page")
	}
	if page := editor.get("/admin/front?lang=ko"); !containsAll(page.body, `value="`+until+`"`, `name="base" value="1"`) {
		t.Error("saved choices not shown again")
	}
	// Another editor still on revision 0 saves: refused, their choice kept.
	stale := url.Values{"base": {"0"}, "pin_0": {strconv.Itoa(newer)}}
	if r := editor.post("/admin/front/ko", stale); r.code != http.StatusUnprocessableEntity || !strings.Contains(r.body, "다른 사람이 이 첫 화면을 바꿨습니다") {
		t.Errorf("stale save: %d", r.code)
	}
	if reader := pn.client(t).get("/ko/"); !strings.Contains(elementOf(reader.body, "top-headline", "</h2>"), "고정할 머리기사") {
		t.Error("a stale save changed the front page")
	}
}
