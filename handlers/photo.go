package handlers

import (
	"github.com/newsroom/newsroom/feed"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/story"
)

// leadPhoto is the story's lead photo from the library, with the story's own
// caption, credit and alt text over the library's.
func (h *Handler) leadPhoto(st *story.Story) (*photos.Photo, bool) {
	if h.photos == nil || st.Photo.ID == "" {
		return nil, false
	}
	return h.photos.StoryPhoto(st.Photo)
}

// leadImage is the story's lead photo as feeds, sitemaps and share metadata
// refer to it (an absolute URL of a large JPEG rendition), or nil.
func (h *Handler) leadImage(st *story.Story) *feed.Image {
	ph, ok := h.leadPhoto(st)
	if !ok {
		return nil
	}
	width := 0
	for _, r := range ph.Renditions {
		if r.Format == "jpeg" && r.Width <= 1600 && r.Width > width {
			width = r.Width
		}
	}
	if width == 0 {
		return nil
	}
	img := &feed.Image{URL: h.base() + photos.URL(ph, width, "jpeg"), Type: "image/jpeg", Width: width}
	for _, r := range ph.Renditions {
		if r.Format == "jpeg" && r.Width == width {
			img.Length, img.Height = int64(r.Size), r.Height
		}
	}
	return img
}
