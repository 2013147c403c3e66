package handlers

import (
	"maps"
	"time"

	"github.com/newsroom/newsroom/render"
	"github.com/newsroom/newsroom/story"
)

// SetFronts applies the editors' front pages (pins and banners, by
// language). The banner is on every page, so the whole page cache goes; a
// timer empties it again when the next pin or banner expires, so that an
// expired choice is never served from the cache.
func (h *Handler) SetFronts(fronts map[string]story.Front) {
	m := maps.Clone(fronts)
	h.fronts.Store(&m)
	h.cache.Purge()
	h.frontMu.Lock()
	defer h.frontMu.Unlock()
	if h.frontTimer != nil {
		h.frontTimer.Stop()
		h.frontTimer = nil
	}
	now := h.now()
	var next time.Time
	for _, f := range m {
		if t := f.NextChange(now); !t.IsZero() && (next.IsZero() || t.Before(next)) {
			next = t
		}
	}
	if !next.IsZero() {
		h.frontTimer = time.AfterFunc(next.Sub(now), func() { h.SetFronts(*h.fronts.Load()) })
	}
}

// FrontsAre reports whether fronts are the front pages in effect (an
// instance polling for another's change applies only a different one).
func (h *Handler) FrontsAre(fronts map[string]story.Front) bool {
	cur := h.fronts.Load()
	if cur == nil || len(*cur) != len(fronts) {
		return false
	}
	for l, f := range fronts {
		if (*cur)[l].Revision != f.Revision {
			return false
		}
	}
	return true
}

// front is the editors' front page for lang (zero when none was saved).
func (h *Handler) front(lang string) story.Front {
	if m := h.fronts.Load(); m != nil {
		return (*m)[lang]
	}
	return story.Front{}
}

// banner is the breaking-news banner of lang, if one is up.
func (h *Handler) banner(lang string) *render.Link {
	b := h.front(lang).Banner
	if !b.Active(h.now()) {
		return nil
	}
	return &render.Link{Label: b.Text, Href: b.Href}
}
