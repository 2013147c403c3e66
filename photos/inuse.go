package photos

import (
	"context"
	"fmt"
	"regexp"
	"slices"

	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// bodyPhoto finds photo: references in Markdown bodies, as markdown's
// renderer reads them: ![alt](photo:<id> "title").
var bodyPhoto = regexp.MustCompile(`(?i)\]\(\s*<?photo:\s*([0-9a-z]+)`)

// BodyPhotoIDs lists the photos a Markdown body shows, in order, once each.
func BodyPhotoIDs(body string) []string {
	var out []string
	for _, m := range bodyPhoto.FindAllStringSubmatch(body, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

// InUse returns the stories that use photo id: as the lead photo, or in the
// current body of any language version (body returns it; nil checks lead
// photos only).
func InUse(id string, stories []*story.Story, body func(st *story.Story, lang string) string) []*story.Story {
	var out []*story.Story
	for _, st := range stories {
		if st.Photo.ID == id {
			out = append(out, st)
			continue
		}
		if body == nil {
			continue
		}
		for lang := range st.Versions {
			if slices.Contains(BodyPhotoIDs(body(st, lang)), id) {
				out = append(out, st)
				break
			}
		}
	}
	slices.SortFunc(out, func(a, b *story.Story) int { return a.Number - b.Number })
	return out
}

// UsedBy returns the stories that use photo id, looking at every story
// Deps.Stories lists and the current body of each of their versions.
func (l *Library) UsedBy(ctx context.Context, id string) ([]*story.Story, error) {
	if l.stories == nil {
		return nil, nil
	}
	stories := l.stories()
	var refs []store.RevisionRef
	for _, st := range stories {
		for lang, v := range st.Versions {
			refs = append(refs, store.RevisionRef{Number: st.Number, Lang: lang, Revision: v.Revision})
		}
	}
	bodies, err := l.st.Bodies(ctx, refs)
	if err != nil {
		return nil, fmt.Errorf("photos: which stories use %s: %w", id, err)
	}
	return InUse(id, stories, func(st *story.Story, lang string) string {
		return bodies[store.RevisionRef{Number: st.Number, Lang: lang, Revision: st.Versions[lang].Revision}]
	}), nil
}

// InUseError refuses to delete a photo that stories use.
type InUseError struct {
	ID      string
	Stories []*story.Story
}

func (e *InUseError) Error() string {
	return fmt.Sprintf("photos: photo %s is used by %d stories", e.ID, len(e.Stories))
}

// Delete removes photo id, its files and its cached copies. A photo that a
// story uses is not deleted: the error is an *InUseError listing them.
func (l *Library) Delete(ctx context.Context, id string) error {
	p, err := l.lookup(ctx, id)
	if err != nil {
		return err
	}
	users, err := l.UsedBy(ctx, id)
	if err != nil {
		return err
	}
	if len(users) > 0 {
		return &InUseError{ID: id, Stories: users}
	}
	// Metadata first: once it is gone the photo is gone from the library
	// and from pages; files left behind by a failure below only cost space.
	if err := l.st.DeletePhoto(ctx, id); err != nil {
		return fmt.Errorf("photos: delete %s: %w", id, err)
	}
	l.forget(id)
	if p.Hash != "" {
		// Its bytes may make a photo again.
		if err := l.st.ReleasePhotoHash(ctx, p.Hash, id); err != nil {
			l.log.Warn("photos: releasing a deleted photo's hash", "photo", id, "err", err)
		}
	}
	files := []string{p.Original}
	for _, r := range p.Renditions {
		files = append(files, r.File)
	}
	for _, f := range files {
		if err := l.files.Delete(ctx, f); err != nil {
			l.log.Warn("photos: removing a deleted photo's file", "photo", id, "file", f, "err", err)
		}
	}
	l.removeCache(id)
	l.changed(id)
	l.log.Info("photo deleted", "photo", id)
	return nil
}
