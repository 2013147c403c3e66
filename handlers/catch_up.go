package handlers

import (
	"context"

	"github.com/newsroom/newsroom/story"
)

// oneByOne is how many stories from another instance are taken in one at a
// time (their pages invalidated, their search documents updated); more (an
// import) empty the page cache and leave the search index to RunSearch.
const oneByOne = 50

// StoriesChanged takes in stories another instance saved or imported.
func (h *Handler) StoriesChanged(sts []*story.Story) {
	if len(sts) <= oneByOne {
		for _, st := range sts {
			h.StoryChanged(st)
		}
		return
	}
	for _, st := range sts {
		h.cat.Put(st)
	}
	h.cache.Purge()
	h.WantSearch()
}

// Reload reloads the catalogue (stories, sections, reporters) from the
// database, for an instance that lost track of the others' changes.
func (h *Handler) Reload(ctx context.Context) error {
	stories, err := h.store.Stories(ctx)
	if err != nil {
		return err
	}
	secs, err := h.store.Sections(ctx)
	if err != nil {
		return err
	}
	auths, err := h.store.Authors(ctx)
	if err != nil {
		return err
	}
	h.cat.Load(stories, secs, auths)
	h.cache.Purge()
	h.WantSearch()
	return nil
}
