// Package story holds the newsroom's domain types and rules: stories, their
// language versions, sections and reporters. It knows nothing of MongoDB or HTTP.
package story

import (
	"strings"
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

// Author is a reporter who can appear in a byline.
type Author struct {
	Handle string `bson:"_id"`
	Name   Text   `bson:"name"`  // display name per language: 홍길동 / Gil-dong Hong
	Title  Text   `bson:"title"` // 기자 / Staff Reporter
	Email  string `bson:"email,omitempty"`
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
		if s.Version(l).Live(now) {
			out = append(out, l)
		}
	}
	return out
}

// NormalizeTag makes a tag comparable: trimmed, lower case, inner spaces as '-'.
func NormalizeTag(t string) string {
	t = strings.ToLower(strings.TrimSpace(t))
	return strings.Join(strings.Fields(t), "-")
}
