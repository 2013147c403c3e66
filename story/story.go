// Package story holds the newsroom's domain types and rules: stories, their
// language versions, sections and reporters. It knows nothing of MongoDB or HTTP.
package story

import (
	"time"
)

// Status is where a language version is in the workflow.
type Status string

// The workflow states of a language version.
const (
	Draft       Status = "draft"
	InReview    Status = "in_review"
	Scheduled   Status = "scheduled"
	Published   Status = "published"
	Unpublished Status = "unpublished"
)

// Valid reports whether s is one of the known states.
func (s Status) Valid() bool {
	switch s {
	case Draft, InReview, Scheduled, Published, Unpublished:
		return true
	}
	return false
}

// Text is a string per language code ("ko", "en", ...).
type Text map[string]string

// In returns the text in lang, falling back to any other language so that a
// name missing a translation still shows something rather than nothing.
func (t Text) In(lang string, fallbacks ...string) string {
	if s := t[lang]; s != "" {
		return s
	}
	for _, f := range fallbacks {
		if s := t[f]; s != "" {
			return s
		}
	}
	for _, s := range t {
		if s != "" {
			return s
		}
	}
	return ""
}

// Section is a department of the paper (business, community, ...).
type Section struct {
	Slug  string `bson:"_id"`
	Name  Text   `bson:"name"`
	Order int    `bson:"order"`
}

// Author is someone who can appear in a byline: a reporter (whose account
// names the handle) or a guest contributor without an account.
type Author struct {
	Handle string `bson:"_id"`
	Name   Text   `bson:"name"`  // display name per language: 홍길동 / Gil-dong Hong
	Title  Text   `bson:"title"` // 기자 / Staff Reporter
	Email  string `bson:"email,omitempty"`
	Bio    Text   `bson:"bio,omitempty"` // a short biography per language
	// PhotoID is a photo of the media library (a portrait), or empty.
	PhotoID string   `bson:"photo_id,omitempty"`
	Links   []string `bson:"links,omitempty"` // absolute http(s) addresses
	// Guest marks a contributor without an account (a guest column).
	Guest     bool      `bson:"guest,omitempty"`
	UpdatedAt time.Time `bson:"updated_at,omitempty"`
}

// ValidHandle reports whether h can be an author's handle: 2 to 40 lower-case
// ASCII letters, digits and inner hyphens (it is part of the author page's
// address).
func ValidHandle(h string) bool {
	if len(h) < 2 || len(h) > 40 || h[0] == '-' || h[len(h)-1] == '-' {
		return false
	}
	for _, r := range h {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}

// Photo is the lead photo reference; the photo itself arrives with the media
// library, the caption and credit are per language.
type Photo struct {
	ID      string `bson:"id,omitempty"`
	Caption Text   `bson:"caption,omitempty"`
	Credit  Text   `bson:"credit,omitempty"`
	Alt     Text   `bson:"alt,omitempty"`
	Width   int    `bson:"width,omitempty"`
	Height  int    `bson:"height,omitempty"`
}

// Version is one language version of a story. The body is kept apart (in the
// revision it belongs to) so that the story documents stay small to scan.
type Version struct {
	Lang        string    `bson:"lang"`
	Headline    string    `bson:"headline"`
	Deck        string    `bson:"deck,omitempty"`
	Summary     string    `bson:"summary,omitempty"`
	Slug        string    `bson:"slug"`
	Status      Status    `bson:"status"`
	Revision    int       `bson:"revision"`
	PublishedAt time.Time `bson:"published_at,omitempty"` // first publication
	UpdatedAt   time.Time `bson:"updated_at,omitempty"`   // last change while published
	ScheduledAt time.Time `bson:"scheduled_at,omitempty"`
	Correction  string    `bson:"correction,omitempty"`
	// TranslatedFrom is the language this version was translated from, if any.
	TranslatedFrom string `bson:"translated_from,omitempty"`
	TranslatedBy   string `bson:"translated_by,omitempty"`
	EditedBy       string `bson:"edited_by,omitempty"`
	Words          int    `bson:"words,omitempty"`
	// SourceRevision is, for a translation, the revision of the source
	// version (TranslatedFrom) it was made from or last brought up to date
	// with; 0 when unknown (translations older than this field).
	SourceRevision int `bson:"source_revision,omitempty"`
	// Minor marks a revision saved as a minor edit ("no translation update
	// needed"): it does not make translations of this version stale.
	Minor bool `bson:"minor,omitempty"`
	// TextRevision is the latest revision whose change matters to
	// translations (the last save not marked minor); 0 means Revision.
	TextRevision int `bson:"text_revision,omitempty"`
	// CorrectionRevision is the revision in which Correction was last
	// set or changed, so that a translation can tell whether the source
	// carries a correction it has not caught up with.
	CorrectionRevision int `bson:"correction_revision,omitempty"`
}

// Live reports whether readers can see the version at time now.
func (v *Version) Live(now time.Time) bool {
	return v != nil && v.Status == Published && !v.PublishedAt.After(now)
}

// WasUpdated reports whether a published version changed after publication
// in a way worth telling the reader ("Updated ...").
func (v *Version) WasUpdated() bool {
	return !v.UpdatedAt.IsZero() && v.UpdatedAt.Sub(v.PublishedAt) > time.Minute
}

// Story is a story with all its language versions; Number is public and shared.
type Story struct {
	Number   int                 `bson:"number"`
	Section  string              `bson:"section"`
	Tags     []string            `bson:"tags"`
	Byline   []string            `bson:"byline"` // author handles
	Photo    Photo               `bson:"photo"`
	Versions map[string]*Version `bson:"versions"`
	Priority int                 `bson:"priority,omitempty"` // higher: leads the front page
	// WideRevision counts the changes of the story-wide fields (section,
	// tags, byline, photo, priority): see Wide and MergeWide.
	WideRevision int `bson:"wide_revision,omitempty"`
	// Writes counts the updates of the stored story, so that of two
	// snapshots of it the newer is known whatever order they arrive in.
	Writes    int64     `bson:"writes,omitempty"`
	CreatedBy string    `bson:"created_by,omitempty"`
	CreatedAt time.Time `bson:"created_at"`
	UpdatedAt time.Time `bson:"updated_at"` // any change, for catching up across instances
	// TrashedAt is when the story was moved to the trash (zero: it is
	// not): readers see none of its versions, editors may restore it until
	// TrashKeep has passed, and then it is purged.
	TrashedAt time.Time `bson:"trashed_at,omitempty"`
	TrashedBy string    `bson:"trashed_by,omitempty"`
}

// TrashKeep is how long a trashed story can be restored before it is purged.
const TrashKeep = 30 * 24 * time.Hour

// Trashed reports whether the story is in the trash.
func (s *Story) Trashed() bool { return s != nil && !s.TrashedAt.IsZero() }

// PurgeAt is when a trashed story is purged for good.
func (s *Story) PurgeAt() time.Time { return s.TrashedAt.Add(TrashKeep) }

// LiveIn reports whether readers can see the version in lang at time now:
// it is live and the story is not in the trash.
func (s *Story) LiveIn(lang string, now time.Time) bool {
	return !s.Trashed() && s.Version(lang).Live(now)
}

// Version returns the version in lang or nil.
func (s *Story) Version(lang string) *Version {
	if s == nil || s.Versions == nil {
		return nil
	}
	return s.Versions[lang]
}

// LiveLangs lists the languages, in the order given, that readers can see.
func (s *Story) LiveLangs(order []string, now time.Time) []string {
	var out []string
	for _, l := range order {
		if s.LiveIn(l, now) {
			out = append(out, l)
		}
	}
	return out
}

// NormalizeTag makes a tag what it is in URLs and comparisons: a slug, as
// Slugify makes (lower case, letters and digits, anything else one '-'),
// so "24/7" is "24-7" and "100%-growth" is "100-growth". Tags are stored
// normalized; tags stored before this rule are normalized where they are
// read (listings, links), so their stories are found under the slug.
func NormalizeTag(t string) string { return Slugify(t) }
