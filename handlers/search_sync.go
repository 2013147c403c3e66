package handlers

import (
	"context"
	"fmt"
	"time"

	"github.com/newsroom/newsroom/markdown"
	"github.com/newsroom/newsroom/search"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// searchDoc is what the index knows of a live language version.
func (h *Handler) searchDoc(st *story.Story, lang, body string) search.Doc {
	v := st.Versions[lang]
	d := search.Doc{
		Number: st.Number, Lang: lang, Headline: v.Headline, Deck: v.Deck, Body: markdown.Plain(body),
		Tags: st.Tags, Section: st.Section, PublishedAt: v.PublishedAt,
	}
	for _, hd := range st.Byline {
		if a, ok := h.cat.Author(hd); ok {
			d.Byline = append(d.Byline, a.Name.In(lang, h.langs.Default()))
		}
	}
	return d
}

// indexStory brings the search index in line with st: live versions are
// (re)indexed, the others removed, so readers never find drafts.
func (h *Handler) indexStory(ctx context.Context, st *story.Story) {
	if h.search == nil || st == nil {
		return
	}
	now := h.now()
	for _, code := range h.langs.Codes() {
		v := st.Version(code)
		if !st.LiveIn(code, now) {
			if err := h.search.Delete(st.Number, code); err != nil {
				h.log.Error("search: remove", "story", st.Number, "lang", code, "err", err)
			}
			continue
		}
		body, err := h.store.Body(ctx, st.Number, code, v.Revision)
		if err != nil {
			h.log.Error("search: body", "story", st.Number, "lang", code, "err", err)
			continue
		}
		if err := h.search.Put(h.searchDoc(st, code, body)); err != nil {
			h.log.Error("search: index", "story", st.Number, "lang", code, "err", err)
		}
	}
}

// CatchUpSearch makes the index match the catalogue. The index is disposable:
// when it holds a different number of documents than there are live
// versions (new, deleted, or out of date), it is rebuilt from the database.
func (h *Handler) CatchUpSearch(ctx context.Context, force bool) (int, error) {
	if h.search == nil {
		return 0, nil
	}
	now := h.now()
	var refs []store.RevisionRef
	stories := map[int]*story.Story{}
	for _, st := range h.cat.All() {
		for _, code := range st.LiveLangs(h.langs.Codes(), now) {
			refs = append(refs, store.RevisionRef{Number: st.Number, Lang: code, Revision: st.Versions[code].Revision})
			stories[st.Number] = st
		}
	}
	have, err := h.search.Count()
	if err != nil {
		return 0, err
	}
	if !force && have == uint64(len(refs)) {
		return 0, nil
	}
	start := time.Now()
	h.indexing.Store(true)
	h.searchTotal.Store(int64(len(refs)))
	h.searchDone.Store(0)
	const batch = 2000
	for i := 0; i < len(refs); i += batch {
		part := refs[i:min(i+batch, len(refs))]
		bodies, err := h.store.Bodies(ctx, part)
		if err != nil {
			return i, fmt.Errorf("search: catching up: %w", err)
		}
		docs := make([]search.Doc, 0, len(part))
		for _, r := range part {
			docs = append(docs, h.searchDoc(stories[r.Number], r.Lang, bodies[r]))
		}
		if err := h.search.PutBatch(docs); err != nil {
			return i, fmt.Errorf("search: catching up: %w", err)
		}
		h.searchDone.Store(int64(i + len(part)))
	}
	if err := h.search.Compact(ctx); err != nil {
		return len(refs), fmt.Errorf("search: compacting after catch-up: %w", err)
	}
	h.indexing.Store(false)
	h.log.Info("search index rebuilt", "documents", len(refs), "took", time.Since(start).Round(time.Millisecond))
	return len(refs), nil
}

// SearchProgress reports the state of the search index's catch-up.
func (h *Handler) SearchProgress() search.Progress {
	return search.Progress{Incomplete: h.indexing.Load(), Done: int(h.searchDone.Load()), Total: int(h.searchTotal.Load())}
}

// WantSearch asks RunSearch for a catch-up (after many stories arrived at
// once, e.g. an import on another instance).
func (h *Handler) WantSearch() {
	select {
	case h.searchWanted <- struct{}{}:
	default: // one is asked for already
	}
}

// Backoff bounds of the search catch-up's retries.
const (
	searchRetryFirst = 2 * time.Second
	searchRetryMax   = 5 * time.Minute
)

// RunSearch catches the search index up now and whenever WantSearch asks,
// until ctx ends. A failed catch-up (the database too slow or away) is
// retried with a growing pause, and results say they may be incomplete
// until one succeeds.
func (h *Handler) RunSearch(ctx context.Context) {
	h.runSearch(ctx, searchRetryFirst, searchRetryMax)
}

func (h *Handler) runSearch(ctx context.Context, first, most time.Duration) {
	wait := first
	for {
		if _, err := h.CatchUpSearch(ctx, false); err != nil {
			if ctx.Err() != nil {
				return
			}
			h.indexing.Store(true)
			h.log.Warn("search index incomplete; retrying", "in", wait, "indexed", h.searchDone.Load(), "of", h.searchTotal.Load(), "err", err)
			select {
			case <-ctx.Done():
				return
			case <-time.After(wait):
			}
			wait = min(2*wait, most)
			continue
		}
		wait = first
		select {
		case <-ctx.Done():
			return
		case <-h.searchWanted:
		}
	}
}
