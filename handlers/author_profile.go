package handlers

import (
	"encoding/json"
	"html/template"
	"net/url"

	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/story"
)

// profileData is the head of an author page: who the person is.
type profileData struct {
	Name, Title, Bio string
	Photo            *thumb
	Links            []string
}

// authorPath is the author page of handle in lang.
func authorPath(lang, handle string) string { return "/" + lang + "/author/" + url.PathEscape(handle) }

// profile is a's profile in l's language.
func (h *Handler) profile(l *lang.Lang, a story.Author) *profileData {
	d := h.langs.Default()
	p := &profileData{Name: a.Name.In(l.Code, d), Title: a.Title.In(l.Code, d), Bio: a.Bio.In(l.Code, d), Links: a.Links}
	if ph, ok := h.authorPhoto(a); ok {
		p.Photo = &thumb{Src: photos.ThumbURL(ph, photos.CropSquare, 240),
			Srcset: photos.ThumbURL(ph, photos.CropSquare, 240) + " 240w, " + photos.ThumbURL(ph, photos.CropSquare, 480) + " 480w",
			Alt:    p.Name, Width: 240, Height: 240}
	}
	return p
}

func (h *Handler) authorPhoto(a story.Author) (*photos.Photo, bool) {
	if h.photos == nil || a.PhotoID == "" {
		return nil, false
	}
	return h.photos.Get(a.PhotoID)
}

// personJSONLD is schema.org ProfilePage data with the Person for an
// author page.
func (h *Handler) personJSONLD(l *lang.Lang, a story.Author) (template.JS, error) {
	d := h.langs.Default()
	person := map[string]any{
		"@type": "Person", "name": a.Name.In(l.Code, d), "url": h.base() + authorPath(l.Code, a.Handle),
	}
	if t := a.Title.In(l.Code, d); t != "" {
		person["jobTitle"] = t
	}
	if b := a.Bio.In(l.Code, d); b != "" {
		person["description"] = b
	}
	if ph, ok := h.authorPhoto(a); ok {
		person["image"] = h.base() + photos.ThumbURL(ph, photos.CropSquare, 480)
	}
	if len(a.Links) > 0 {
		person["sameAs"] = a.Links
	}
	if !a.Guest {
		person["worksFor"] = map[string]any{"@type": "NewsMediaOrganization", "name": h.siteName(l), "url": h.base() + "/" + l.Code + "/"}
	}
	b, err := json.Marshal(map[string]any{"@context": "https://schema.org", "@type": "ProfilePage", "mainEntity": person})
	if err != nil {
		return "", err
	}
	return template.JS(b), nil // json.Marshal escapes <, > and &: safe inside <script>
}
