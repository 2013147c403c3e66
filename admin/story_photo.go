package admin

import (
	"maps"
	"net/url"
	"strings"

	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/story"
)

// maxPhotoText bounds the story's own caption and credit of its lead photo;
// the library keeps its own to about the same size.
const maxPhotoText = 600

// photoInput is the lead photo part of the editor form as typed.
type photoInput struct {
	// Set is whether the form had the field at all: the side-by-side
	// translation editor sends none and keeps the stored photo.
	Set                 bool
	ID, Caption, Credit string
}

// photoView is what the editor shows of the lead photo and the library.
type photoView struct {
	Enabled  bool // a library is there: the field, picker and toolbar button show
	PickURL  string
	Thumb    string // of the chosen photo, if the library knows it
	Caption  string // the library's, in the version's language (placeholder of the override)
	Credit   string
	MediaURL string
	// MissingAlt lists the photos whose alt text keeps this version from
	// going live, when the last save was refused for it.
	MissingAlt []photoLink
}

type photoLink struct{ Label, Href string }

// readPhoto reads the lead photo fields of the editor form.
func readPhoto(f *fields) photoInput {
	_, set := f.c.GetPostForm("photo_id")
	return photoInput{
		Set:     set,
		ID:      f.text("photo_id", 64, false),
		Caption: f.text("photo_caption", maxPhotoText, false),
		Credit:  f.text("photo_credit", maxPhotoText, false),
	}
}

// photoInputOf is the form's lead photo fields for a stored reference.
func photoInputOf(ref story.Photo, lng string) photoInput {
	return photoInput{Set: true, ID: ref.ID, Caption: ref.Caption[lng], Credit: ref.Credit[lng]}
}

// leadPhoto is the lead photo reference the story gets from the form,
// starting from cur (the stored one). The second result is false when the
// form names a photo the library does not have. A new photo starts clean
// (photos.Ref: the library's caption and credit show); the story's own
// caption and credit in lng, when typed, are laid over them. Without a
// library, or without the field, the stored reference stays as it is.
func (a *Admin) leadPhoto(cur story.Photo, lng string, in photoInput) (story.Photo, bool) {
	if a.photos == nil || !in.Set {
		return cur, true
	}
	id := strings.ToLower(strings.TrimSpace(in.ID))
	if id == "" {
		return story.Photo{}, true
	}
	p, ok := a.photos.Get(id)
	if !ok {
		return cur, false
	}
	ref := photos.Ref(p)
	if cur.ID == p.ID {
		// Same photo: keep what other languages set for it.
		ref.Caption, ref.Credit, ref.Alt = cur.Caption, cur.Credit, cur.Alt
	}
	ref.Caption = withLang(ref.Caption, lng, in.Caption)
	ref.Credit = withLang(ref.Credit, lng, in.Credit)
	return ref, true
}

// withLang is t with lng set to s (trimmed; empty removes it), as a new
// map: t may be shared with the catalogue.
func withLang(t story.Text, lng, s string) story.Text {
	out := maps.Clone(t)
	if s = strings.TrimSpace(s); s != "" {
		if out == nil {
			out = story.Text{}
		}
		out[lng] = s
	} else {
		delete(out, lng)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// needsAlt reports whether action makes (or keeps) the version visible to
// readers, so that every photo in it needs alt text first: publishing,
// scheduling, and saving a version that is live or waiting to go live.
// Drafts are never held up.
func needsAlt(action string, from story.Status) bool {
	switch action {
	case actPublish, actSchedule:
		return true
	case actSave:
		return from == story.Published || from == story.Scheduled
	}
	return false
}

// missingAlt lists the photos of the version (lead photo ref and body)
// without alt text in lng.
func (a *Admin) missingAlt(ref story.Photo, lng, body string) []*photos.Photo {
	if a.photos == nil {
		return nil
	}
	return a.photos.MissingAlt(&story.Story{Photo: ref}, lng, body)
}

// photoView fills what the editor shows of the lead photo for the form in.
// When the save was refused for missing alt text, it names the photos.
func (a *Admin) photoView(l *lang.Lang, st *story.Story, lng string, in storyInput, altRefused bool) photoView {
	if a.photos == nil {
		return photoView{}
	}
	// The body snippet's alt text and caption are in the story's language,
	// not the editor's.
	v := photoView{Enabled: true, PickURL: photos.AdminPrefix + "/pick.json?lang=" + url.QueryEscape(lng), MediaURL: photos.AdminPrefix + "/"}
	if p, ok := a.photos.Get(strings.ToLower(strings.TrimSpace(in.Photo.ID))); ok {
		v.Thumb = photos.ThumbURL(p, photos.CropWide, 320)
		v.Caption, v.Credit = p.Caption.In(lng), p.Credit.In(lng)
	}
	if !altRefused {
		return v
	}
	var cur story.Photo
	if st != nil {
		cur = st.Photo
	}
	ref, ok := a.leadPhoto(cur, lng, in.Photo)
	if !ok {
		return v
	}
	for _, p := range a.missingAlt(ref, lng, in.Body) {
		label := p.Caption.In(lng, l.Code)
		if label == "" {
			label = p.Name
		}
		if label == "" {
			label = p.ID
		}
		v.MissingAlt = append(v.MissingAlt, photoLink{Label: label, Href: photos.AdminPrefix + "/photo/" + p.ID})
	}
	return v
}
