package auth

import (
	"testing"

	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// TestCanMatrix spells out every role × action × (own story / someone
// else's story). A change to the rules must change this table.
func TestCanMatrix(t *testing.T) {
	type ownOther [2]bool // may do it to own story, to someone else's
	yes, no, ownOnly := ownOther{true, true}, ownOther{false, false}, ownOther{true, false}
	want := map[Role]map[Action]ownOther{
		store.RoleAdmin: {
			ActCreateStory: yes, ActEditStory: yes, ActSubmit: yes, ActPublish: yes, ActSchedule: yes,
			ActUnpublish: yes, ActDelete: yes, ActTranslate: yes, ActManageUsers: yes,
			ActManageSections: yes, ActViewAudit: yes, ActEditGlossary: yes,
			ActUploadPhoto: yes, ActEditPhoto: yes, ActTranslatePhoto: yes, ActDeletePhoto: yes,
			ActTrash: yes, ActPin: yes, ActManageAuthors: yes, ActApprove: yes,
		},
		store.RoleEditor: {
			ActCreateStory: yes, ActEditStory: yes, ActSubmit: yes, ActPublish: yes, ActSchedule: yes,
			ActUnpublish: yes, ActDelete: no, ActTranslate: yes, ActManageUsers: no,
			ActManageSections: no, ActViewAudit: no, ActEditGlossary: yes,
			ActUploadPhoto: yes, ActEditPhoto: yes, ActTranslatePhoto: yes, ActDeletePhoto: yes,
			ActTrash: yes, ActPin: yes, ActManageAuthors: yes, ActApprove: yes,
		},
		store.RoleReporter: {
			ActCreateStory: yes, ActEditStory: ownOnly, ActSubmit: ownOnly, ActPublish: no, ActSchedule: no,
			ActUnpublish: no, ActDelete: no, ActTranslate: ownOnly, ActManageUsers: no,
			ActManageSections: no, ActViewAudit: no, ActEditGlossary: no,
			// For a photo, "own story" is the story showing it.
			ActUploadPhoto: yes, ActEditPhoto: ownOnly, ActTranslatePhoto: no, ActDeletePhoto: no,
			ActTrash: no, ActPin: no, ActManageAuthors: no, ActApprove: no,
		},
		store.RoleTranslator: {
			ActCreateStory: no, ActEditStory: no, ActSubmit: yes, ActPublish: no, ActSchedule: no,
			ActUnpublish: no, ActDelete: no, ActTranslate: yes, ActManageUsers: no,
			ActManageSections: no, ActViewAudit: no, ActEditGlossary: yes,
			ActUploadPhoto: no, ActEditPhoto: no, ActTranslatePhoto: yes, ActDeletePhoto: no,
			ActTrash: no, ActPin: no, ActManageAuthors: no, ActApprove: no,
		},
	}
	for _, role := range store.Roles {
		if len(want[role]) != len(Actions) {
			t.Fatalf("table for %s covers %d of %d actions", role, len(want[role]), len(Actions))
		}
		u := &User{ID: "me@example.com", Role: role, Handle: "me"}
		own := &story.Story{Number: 1, CreatedBy: "me@example.com"}
		other := &story.Story{Number: 2, CreatedBy: "else@example.com", Byline: []string{"else"}}
		for _, act := range Actions {
			w := want[role][act]
			if got := Can(u, act, own); got != w[0] {
				t.Errorf("%s %s own story = %v, want %v", role, act, got, w[0])
			}
			if got := Can(u, act, other); got != w[1] {
				t.Errorf("%s %s someone else's story = %v, want %v", role, act, got, w[1])
			}
		}
	}
}

func TestCanOwnershipByByline(t *testing.T) {
	rep := &User{ID: "kim@example.com", Role: store.RoleReporter, Handle: "kim-minji"}
	bylined := &story.Story{CreatedBy: "desk@example.com", Byline: []string{"park", "kim-minji"}}
	if !Can(rep, ActEditStory, bylined) {
		t.Error("reporter cannot edit a story bylined to their handle")
	}
	noHandle := &User{ID: "lee@example.com", Role: store.RoleReporter}
	if Can(noHandle, ActEditStory, &story.Story{CreatedBy: "desk@example.com", Byline: []string{""}}) {
		t.Error("a reporter without a handle owns a story with an empty byline entry")
	}
	if Can(noHandle, ActEditStory, &story.Story{}) {
		t.Error("a story with no creator counts as anyone's own")
	}
	if Can(rep, ActEditStory, nil) {
		t.Error("reporter may edit 'no story in particular'")
	}
}

func TestCanRefusesNobodyDisabledAndUnknown(t *testing.T) {
	st := &story.Story{CreatedBy: "x@example.com"}
	users := map[string]*User{
		"nil":          nil,
		"disabled":     {ID: "x@example.com", Role: store.RoleAdmin, Disabled: true},
		"unknown role": {ID: "x@example.com", Role: "owner"},
		"no role":      {ID: "x@example.com"},
	}
	for name, u := range users {
		for _, act := range Actions {
			if Can(u, act, st) {
				t.Errorf("%s user may %s", name, act)
			}
		}
	}
	if Can(&User{Role: store.RoleAdmin}, Action(999), nil) {
		t.Error("admin may do an unknown action")
	}
}

func TestCanEditVersion(t *testing.T) {
	tr := &User{ID: "tr@example.com", Role: store.RoleTranslator}
	rep := &User{ID: "kim@example.com", Role: store.RoleReporter}
	st := &story.Story{CreatedBy: "kim@example.com", Versions: map[string]*story.Version{
		"ko": {Lang: "ko"},
		"en": {Lang: "en", TranslatedFrom: "ko"},
	}}
	tests := []struct {
		u    *User
		lang string
		want bool
	}{
		{tr, "ko", false}, // the original
		{tr, "en", true},  // a translation
		{tr, "ja", true},  // a new translation
		{rep, "ko", true}, // own story, any version
		{rep, "en", true},
	}
	for _, tt := range tests {
		if got := CanEditVersion(tt.u, st, tt.lang); got != tt.want {
			t.Errorf("CanEditVersion(%s, %s) = %v, want %v", tt.u.Role, tt.lang, got, tt.want)
		}
	}
	if CanEditVersion(tr, &story.Story{}, "ko") {
		t.Error("translator may write the first version of a story")
	}
}

// TestCanEditPhoto: a photo is edited by whoever may edit every story
// showing it; one that no story shows, by its uploader (and editors).
func TestCanEditPhoto(t *testing.T) {
	rep := &User{ID: "kim@example.com", Role: store.RoleReporter, Handle: "kim"}
	ed := &User{ID: "ed@example.com", Role: store.RoleEditor}
	tr := &User{ID: "tr@example.com", Role: store.RoleTranslator, Lang: "en"}
	own := &story.Story{Number: 1, CreatedBy: "kim@example.com"}
	other := &story.Story{Number: 2, CreatedBy: "lee@example.com", Byline: []string{"lee"}}
	tests := []struct {
		name       string
		u          *User
		uploadedBy string
		shownIn    []*story.Story
		want       bool
	}{
		{"reporter, photo of own story", rep, "lee@example.com", []*story.Story{own}, true},
		{"reporter, photo of someone else's story", rep, "kim@example.com", []*story.Story{other}, false},
		{"reporter, photo of own and someone else's story", rep, "kim@example.com", []*story.Story{own, other}, false},
		{"reporter, own upload in no story", rep, "kim@example.com", nil, true},
		{"reporter, someone else's upload in no story", rep, "lee@example.com", nil, false},
		{"editor, anyone's", ed, "lee@example.com", []*story.Story{other}, true},
		{"translator, even own upload", tr, "tr@example.com", nil, false},
	}
	for _, tt := range tests {
		if got := CanEditPhoto(tt.u, tt.uploadedBy, tt.shownIn); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	if !CanCaptionPhoto(tr, false, "en") || CanCaptionPhoto(tr, false, "ko") {
		t.Error("a translator captions in their own language only")
	}
	if CanCaptionPhoto(&User{Role: store.RoleTranslator}, false, "") {
		t.Error("a translator without a language captions in none")
	}
	if CanCaptionPhoto(rep, false, "ko") || !CanCaptionPhoto(rep, true, "ko") {
		t.Error("a reporter captions the photos they may edit, only")
	}
}

// TestHandPerRoleAndStory: who each role is to the workflow (story.Move)
// of a new story, their own story's original, someone else's original,
// and a translation of someone else's story.
func TestHandPerRoleAndStory(t *testing.T) {
	other := &story.Story{CreatedBy: "someone", Byline: []string{"kim"},
		Versions: map[string]*story.Version{"ko": {}, "en": {TranslatedFrom: "ko"}}}
	want := map[Role][4]story.Hand{ // new, own original, other's original, other's translation
		store.RoleAdmin:      {story.HandEditor, story.HandEditor, story.HandEditor, story.HandEditor},
		store.RoleEditor:     {story.HandEditor, story.HandEditor, story.HandEditor, story.HandEditor},
		store.RoleReporter:   {story.HandOwner, story.HandOwner, story.HandNone, story.HandNone},
		store.RoleTranslator: {story.HandNone, story.HandNone, story.HandNone, story.HandTranslator},
	}
	for _, role := range store.Roles {
		u := &User{ID: "me", Role: role, Handle: "me"}
		own := &story.Story{CreatedBy: "me", Versions: map[string]*story.Version{"ko": {}}}
		got := [4]story.Hand{Hand(u, nil, "ko"), Hand(u, own, "ko"), Hand(u, other, "ko"), Hand(u, other, "en")}
		if got != want[role] {
			t.Errorf("%s: %v, want %v", role, got, want[role])
		}
		u.Disabled = true
		if h := Hand(u, own, "ko"); h != story.HandNone {
			t.Errorf("disabled %s: %s", role, h)
		}
	}
}
