package handlers

import (
	"context"
	"errors"

	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/store"
)

// maxCommentDepth bounds how far replies are indented.
const maxCommentDepth = 4

// oldComments are the comments a version had on the paper's previous site
// (an import), oldest first with replies under what they answer, unless
// the settings hide them. They are read by _id when the page is rendered,
// then cached with it.
func (h *Handler) oldComments(ctx context.Context, l *lang.Lang, n int) ([]commentView, error) {
	if id := h.ident.Load(); id != nil && id.HideOldComments {
		return nil, nil
	}
	cs, err := h.store.Comments(ctx, n, l.Code)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	children := map[string][]store.Comment{}
	known := map[string]bool{}
	for _, c := range cs {
		known[c.ID] = true
	}
	var roots []store.Comment
	for _, c := range cs {
		if c.Parent != "" && known[c.Parent] && c.Parent != c.ID {
			children[c.Parent] = append(children[c.Parent], c)
		} else {
			roots = append(roots, c)
		}
	}
	out := make([]commentView, 0, len(cs))
	seen := map[string]bool{}
	var add func(c store.Comment, depth int)
	add = func(c store.Comment, depth int) {
		if seen[c.ID] { // a cycle in the parents: shown once
			return
		}
		seen[c.ID] = true
		out = append(out, commentView{Author: c.Author, Date: l.DateTime(c.At), DateISO: l.ISO(c.At), Body: c.Body,
			Depth: min(depth, maxCommentDepth)})
		for _, r := range children[c.ID] {
			add(r, depth+1)
		}
	}
	for _, c := range roots {
		add(c, 0)
	}
	return out, nil
}
