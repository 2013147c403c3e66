package story

import (
	"maps"
	"slices"
)

// Wide is what all language versions of a story share: section, tags,
// byline, lead photo and front-page priority. It has a revision of its own
// (Story.WideRevision), apart from the versions' revisions, so that a save
// of one language version can tell whether someone moved these fields
// through another.
type Wide struct {
	Section  string   `bson:"section"`
	Tags     []string `bson:"tags"`
	Byline   []string `bson:"byline"`
	Photo    Photo    `bson:"photo"`
	Priority int      `bson:"priority,omitempty"`
}

// Wide returns the story-wide fields of s (slices copied: s may be shared
// with the catalogue).
func (s *Story) Wide() Wide {
	return Wide{Section: s.Section, Tags: slices.Clone(s.Tags), Byline: slices.Clone(s.Byline), Photo: s.Photo, Priority: s.Priority}
}

// SetWide replaces the story-wide fields of s with w; no tags or byline
// is an empty list, stored as [] rather than null.
func (s *Story) SetWide(w Wide) {
	s.Section, s.Tags, s.Byline, s.Photo, s.Priority = w.Section, w.Tags, w.Byline, w.Photo, w.Priority
	if s.Tags == nil {
		s.Tags = []string{}
	}
	if s.Byline == nil {
		s.Byline = []string{}
	}
}

// wideField is one story-wide field a save may change: its name (for the
// conflict page), when two states agree on it, and how to copy it. The
// lead photo's caption and credit count per language: a translator's
// caption and an editor's caption in the other language never collide.
type wideField struct {
	name string
	same func(a, b *Wide, lang string) bool
	take func(dst, src *Wide, lang string)
}

// The names of the story-wide fields, as MergeWide reports collisions.
const (
	WideSection      = "section"
	WideTags         = "tags"
	WideByline       = "byline"
	WidePhoto        = "photo"
	WidePhotoCaption = "photo_caption"
	WidePhotoCredit  = "photo_credit"
)

// wideFields is the rule set of MergeWide, applied in order: the photo
// before its caption and credit, which belong to the photo chosen.
// Priority is not in it: no form edits it, so a save keeps the stored one.
var wideFields = []wideField{
	{WideSection,
		func(a, b *Wide, _ string) bool { return a.Section == b.Section },
		func(d, s *Wide, _ string) { d.Section = s.Section }},
	{WideTags,
		func(a, b *Wide, _ string) bool { return slices.Equal(a.Tags, b.Tags) },
		func(d, s *Wide, _ string) { d.Tags = slices.Clone(s.Tags) }},
	{WideByline,
		func(a, b *Wide, _ string) bool { return slices.Equal(a.Byline, b.Byline) },
		func(d, s *Wide, _ string) { d.Byline = slices.Clone(s.Byline) }},
	{WidePhoto,
		func(a, b *Wide, _ string) bool { return a.Photo.ID == b.Photo.ID },
		func(d, s *Wide, _ string) { d.Photo = s.Photo }},
	// A caption is the caption of a photo: changing the photo changes it.
	{WidePhotoCaption,
		func(a, b *Wide, l string) bool {
			return a.Photo.ID == b.Photo.ID && a.Photo.Caption[l] == b.Photo.Caption[l]
		},
		func(d, s *Wide, l string) { d.Photo.Caption = withText(d.Photo.Caption, l, s.Photo.Caption[l]) }},
	{WidePhotoCredit,
		func(a, b *Wide, l string) bool {
			return a.Photo.ID == b.Photo.ID && a.Photo.Credit[l] == b.Photo.Credit[l]
		},
		func(d, s *Wide, l string) { d.Photo.Credit = withText(d.Photo.Credit, l, s.Photo.Credit[l]) }},
}

// MergeWide merges the story-wide fields a save of the version in lang
// sends (mine) into those stored now (theirs), given those the editor
// started from (base; nil when unknown). A field mine left as it was at
// base stays as theirs; a field mine changed is taken from mine. When both
// changed one field to different values, that field is a collision: it is
// named in the result, and merged holds mine for it (what "keep mine" on
// the conflict page stores). With base unknown, every field mine has
// differently from theirs is a collision. changed reports whether merged
// differs from theirs, that is whether the save has story-wide fields to
// store at all.
func MergeWide(base *Wide, mine, theirs Wide, lang string) (merged Wide, changed bool, collisions []string) {
	merged = theirs
	merged.Tags, merged.Byline = slices.Clone(theirs.Tags), slices.Clone(theirs.Byline)
	merged.Photo.Caption, merged.Photo.Credit = maps.Clone(theirs.Photo.Caption), maps.Clone(theirs.Photo.Credit)
	for _, f := range wideFields {
		if base != nil && f.same(base, &mine, lang) {
			continue // mine did not touch it
		}
		if f.same(&mine, &merged, lang) {
			continue // nothing to change (or both made the same change)
		}
		if base == nil || !f.same(base, &theirs, lang) {
			collisions = append(collisions, f.name)
		}
		f.take(&merged, &mine, lang)
		changed = true
	}
	return merged, changed, collisions
}

// Same reports whether w and o agree on every field a save of the version
// in lang may change (the lead photo's caption and credit in lang only).
func (w Wide) Same(o Wide, lang string) bool {
	for _, f := range wideFields {
		if !f.same(&w, &o, lang) {
			return false
		}
	}
	return true
}

// withText is t with lang set to s (empty removes it), as a new map.
func withText(t Text, lang, s string) Text {
	out := maps.Clone(t)
	if s != "" {
		if out == nil {
			out = Text{}
		}
		out[lang] = s
	} else {
		delete(out, lang)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
