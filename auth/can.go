package auth

import (
	"slices"

	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// Action is something a user may or may not do.
type Action int

// The actions Can decides. Story actions take the story acted on; the
// others ignore it.
const (
	ActCreateStory    Action = iota + 1 // start a new story
	ActEditStory                        // change a story's text or fields, any language version
	ActSubmit                           // send a story or translation to review
	ActPublish                          // make a language version live now
	ActSchedule                         // set a language version to go live later
	ActUnpublish                        // take a live version down
	ActDelete                           // remove a story for good (purge it from the trash, empty the trash)
	ActTranslate                        // add or edit a translated language version (see CanEditVersion)
	ActManageUsers                      // accounts and roles
	ActManageSections                   // sections and site settings
	ActViewAudit                        // read the audit log
	ActEditGlossary                     // the shared Korean–English glossary
	ActUploadPhoto                      // add photos to the media library
	ActEditPhoto                        // a library photo's caption, alt text, credit and crop, every language (see CanEditPhoto)
	ActTranslatePhoto                   // a library photo's caption and credit in the user's own language
	ActDeletePhoto                      // remove a photo no story uses from the library
	ActTrash                            // move a story to the trash, or restore it from there
	ActPin                              // the front page: pin and order stories, the breaking-news banner
	ActManageAuthors                    // reporters' profiles and guest contributors
	ActApprove                          // approve or reject a pending change of a live version (never one's own: see admin)
)

// Actions lists every action, for tests and for building menus.
var Actions = []Action{
	ActCreateStory, ActEditStory, ActSubmit, ActPublish, ActSchedule, ActUnpublish, ActDelete,
	ActTranslate, ActManageUsers, ActManageSections, ActViewAudit, ActEditGlossary,
	ActUploadPhoto, ActEditPhoto, ActTranslatePhoto, ActDeletePhoto,
	ActTrash, ActPin, ActManageAuthors, ActApprove,
}

var actionNames = map[Action]string{
	ActCreateStory: "create_story", ActEditStory: "edit_story", ActSubmit: "submit", ActPublish: "publish",
	ActSchedule: "schedule", ActUnpublish: "unpublish", ActDelete: "delete", ActTranslate: "translate",
	ActManageUsers: "manage_users", ActManageSections: "manage_sections", ActViewAudit: "view_audit",
	ActEditGlossary: "edit_glossary", ActUploadPhoto: "upload_photo", ActEditPhoto: "edit_photo",
	ActTranslatePhoto: "translate_photo", ActDeletePhoto: "delete_photo",
	ActTrash: "trash", ActPin: "pin", ActManageAuthors: "manage_authors",
	ActApprove: "approve",
}

func (a Action) String() string {
	if n, ok := actionNames[a]; ok {
		return n
	}
	return "unknown"
}

// Can reports whether u may do act to st (st may be nil for actions not
// about one story). It is the one place the permission rules live:
//
//   - admin: everything.
//   - editor: every story action on any story (create, edit, submit,
//     publish, schedule, unpublish, translate, trash and restore), the
//     front page, reporters' profiles, the glossary and pending changes of
//     live versions (approve, reject); every photo
//     action; not delete for good (empty the trash), users, sections or
//     the audit log.
//   - reporter: create stories; edit, translate and submit their own
//     (created by them, or bylined to their Handle); never publish, and
//     never approve a pending change (a save of a live version waits).
//     Upload photos, and edit the photos of their own stories (the story
//     passed is the one showing the photo: see CanEditPhoto).
//   - translator: translate and submit any story, and the glossary; not
//     create stories, edit the original language version or change the
//     story-wide fields (the admin package keeps those as they were).
//     A library photo's caption and credit in their own language (User.Lang).
//
// A nil or disabled user, or an unknown role, may do nothing. For a story
// action about a reporter's "own" story with st nil, the answer is no.
func Can(u *User, act Action, st *story.Story) bool {
	if u == nil || u.Disabled {
		return false
	}
	switch u.Role {
	case store.RoleAdmin:
		return actionNames[act] != ""
	case store.RoleEditor:
		switch act {
		case ActCreateStory, ActEditStory, ActSubmit, ActPublish, ActSchedule, ActUnpublish,
			ActTranslate, ActEditGlossary, ActUploadPhoto, ActEditPhoto, ActTranslatePhoto, ActDeletePhoto, ActTrash, ActPin, ActManageAuthors, ActApprove:
			return true
		}
	case store.RoleReporter:
		switch act {
		case ActCreateStory, ActUploadPhoto:
			return true
		case ActEditStory, ActTranslate, ActSubmit, ActEditPhoto:
			return owns(u, st)
		}
	case store.RoleTranslator:
		switch act {
		case ActTranslate, ActSubmit, ActEditGlossary, ActTranslatePhoto:
			return true
		}
	}
	return false
}

// owns reports whether st is u's own: created by u or bylined to u's author handle.
func owns(u *User, st *story.Story) bool {
	if st == nil {
		return false
	}
	return (st.CreatedBy != "" && st.CreatedBy == u.ID) ||
		(u.Handle != "" && slices.Contains(st.Byline, u.Handle))
}

// IsTranslation reports whether the language version lang of st is (or,
// when st has no version in lang yet, would be) a translation: one marked
// TranslatedFrom another language, or a new language added to a story
// that already has a version.
func IsTranslation(st *story.Story, lang string) bool {
	if st == nil {
		return false
	}
	if v := st.Version(lang); v != nil {
		return v.TranslatedFrom != ""
	}
	return len(st.Versions) > 0
}

// CanEditVersion reports whether u may save the language version lang of
// st: anyone who may edit the story may, and so may a translator when that
// version is a translation (IsTranslation).
func CanEditVersion(u *User, st *story.Story, lang string) bool {
	return Can(u, ActEditStory, st) || (IsTranslation(st, lang) && Can(u, ActTranslate, st))
}

// CanEditPhoto reports whether u may change a library photo's caption, alt
// text, credit and crop in every language. A photo shows wherever a story
// uses it, so u must be allowed ActEditPhoto on every story in shownIn; a
// photo no story uses yet belongs to whoever uploaded it (uploadedBy, a
// user ID), as a story belongs to whoever created it.
func CanEditPhoto(u *User, uploadedBy string, shownIn []*story.Story) bool {
	if len(shownIn) == 0 {
		return Can(u, ActEditPhoto, &story.Story{CreatedBy: uploadedBy})
	}
	for _, st := range shownIn {
		if !Can(u, ActEditPhoto, st) {
			return false
		}
	}
	return true
}

// CanCaptionPhoto reports whether u may change a library photo's caption
// and credit in lang: anyone who may edit the photo (CanEditPhoto, which
// the caller has decided as mayEdit), and a translator in their own language.
func CanCaptionPhoto(u *User, mayEdit bool, lang string) bool {
	return mayEdit || (Can(u, ActTranslatePhoto, nil) && u.Lang != "" && u.Lang == lang)
}

// Hand is who u is to the workflow of the language version lang of st
// (nil: a story not saved yet), for story.Move: an editor (who may publish),
// the owner (who may edit the story), a translator of a translation, or
// no one.
func Hand(u *User, st *story.Story, lang string) story.Hand {
	switch {
	case st == nil && Can(u, ActCreateStory, nil) && Can(u, ActPublish, nil):
		return story.HandEditor
	case st == nil && Can(u, ActCreateStory, nil):
		return story.HandOwner
	case st == nil:
		return story.HandNone
	case Can(u, ActPublish, st):
		return story.HandEditor
	case Can(u, ActEditStory, st):
		return story.HandOwner
	case IsTranslation(st, lang) && Can(u, ActTranslate, st):
		return story.HandTranslator
	}
	return story.HandNone
}
