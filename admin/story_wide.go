package admin

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// mergeWide merges the story-wide fields a save sends (mine) into those of
// cur, the stored story, given the revision of them the form was loaded at
// (story.MergeWide). For a new story mine is all there is. locked is for
// a translator, who may change only the lead photo's caption and credit in
// lng: their other story-wide fields are what they started from, whatever
// the form (or readStory) says.
func (a *Admin) mergeWide(ctx context.Context, cur *story.Story, in storyInput, mine story.Wide, locked bool) (story.Wide, bool, []string, error) {
	if cur == nil {
		return mine, true, nil, nil
	}
	theirs := cur.Wide()
	base := &theirs
	if in.WideBase != cur.WideRevision {
		w, err := a.store.WideRevision(ctx, cur.Number, in.WideBase)
		switch {
		case errors.Is(err, store.ErrNotFound):
			base = nil // unknown start: whatever differs is a conflict, never an overwrite
		case err != nil:
			return story.Wide{}, false, nil, err
		default:
			base = &w
		}
	}
	if locked {
		start := theirs
		if base != nil {
			start = *base
		}
		mine = start
		if in.Photo.Set {
			mine.Photo.Caption = withLang(start.Photo.Caption, in.Lang, in.Photo.Caption)
			mine.Photo.Credit = withLang(start.Photo.Credit, in.Lang, in.Photo.Credit)
		}
	}
	merged, changed, clashes := story.MergeWide(base, mine, theirs, in.Lang)
	return merged, changed, clashes, nil
}

// mergedInput is the form as typed with the story-wide fields merged onto
// cur's (the user's own changes kept, others' since added) and the
// story-wide revision moved to cur's: what the conflict page carries, so
// that "keep mine" keeps the user's changes without undoing anyone else's.
func mergedInput(in storyInput, cur *story.Story, lng string, wide story.Wide) storyInput {
	if cur == nil {
		return in
	}
	in.Section, in.Tags, in.Byline = wide.Section, strings.Join(wide.Tags, ", "), slices.Clone(wide.Byline)
	if in.Photo.Set {
		in.Photo = photoInputOf(wide.Photo, lng)
	}
	in.WideBase = cur.WideRevision
	return in
}

// wideClash is one story-wide field changed both by the user and, since
// the form was loaded, by someone else: shown on the conflict page.
type wideClash struct {
	Label, Theirs, Mine string
}

// wideClashes describes the colliding fields for the conflict page, in the
// user's language l; mine is the user's form, theirs the stored story.
func (a *Admin) wideClashes(l *lang.Lang, names []string, mine storyInput, theirs *story.Story, lng string) []wideClash {
	labels := map[string]string{
		story.WideSection: "admin.story.section", story.WideTags: "admin.story.tags", story.WideByline: "admin.story.byline",
		story.WidePhoto: "admin.photo.lead", story.WidePhotoCaption: "admin.photo.caption", story.WidePhotoCredit: "admin.photo.credit",
	}
	th := a.inputOf(theirs, lng, "")
	var out []wideClash
	for _, n := range names {
		cl := wideClash{Label: l.T(labels[n], "Lang", langName(l, a.langs, lng))}
		switch n {
		case story.WideSection:
			cl.Theirs, cl.Mine = a.sectionName(l, th.Section), a.sectionName(l, mine.Section)
		case story.WideTags:
			cl.Theirs, cl.Mine = th.Tags, mine.Tags
		case story.WideByline:
			cl.Theirs, cl.Mine = a.bylineNames(l, th.Byline), a.bylineNames(l, mine.Byline)
		case story.WidePhoto:
			cl.Theirs, cl.Mine = th.Photo.ID, mine.Photo.ID
		case story.WidePhotoCaption:
			cl.Theirs, cl.Mine = th.Photo.Caption, mine.Photo.Caption
		case story.WidePhotoCredit:
			cl.Theirs, cl.Mine = th.Photo.Credit, mine.Photo.Credit
		}
		out = append(out, cl)
	}
	return out
}

func (a *Admin) sectionName(l *lang.Lang, slug string) string {
	if s, ok := a.cat.Section(slug); ok {
		return s.Name.In(l.Code, a.langs.Default())
	}
	return slug
}
