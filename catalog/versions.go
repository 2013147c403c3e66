package catalog

import (
	"slices"
	"strings"
	"time"

	"github.com/newsroom/newsroom/story"
)

// The newsroom lists language versions of any status (drafts, reviews,
// schedules, the published and unpublished), filtered and paged, without a
// database query: Versions answers from an index of every version, built
// from the catalogue after a write the first time a list asks.

// Query narrows the newsroom's list of language versions. Zero fields match
// everything.
type Query struct {
	Lang    string
	Section string
	Author  string // a handle in the byline
	Status  story.Status
	// From and To bound the version's time (When): From <= When < To.
	From, To time.Time
	// Words must each appear in the headline (case-insensitive).
	Words []string
	// Where, when set, is one more condition (e.g. "my stories").
	Where func(Entry) bool
	// Trashed lists the stories in the trash instead of the others.
	Trashed bool
}

// When is the time the newsroom lists a version by: its publication when
// published, its schedule when scheduled, else when the story last changed.
func When(st *story.Story, v *story.Version) time.Time {
	switch v.Status {
	case story.Published:
		return v.PublishedAt
	case story.Scheduled:
		return v.ScheduledAt
	}
	return st.UpdatedAt
}

// version is an entry of the newsroom's index.
type version struct {
	Entry
	when     time.Time
	headline string // lowercased, for Words
}

// Versions returns the versions matching q, newest When first (then the
// higher number), the page [offset, offset+limit) of them and how many match.
func (c *Catalog) Versions(q Query, offset, limit int) ([]Entry, int) {
	words := make([]string, 0, len(q.Words))
	for _, w := range q.Words {
		if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
			words = append(words, w)
		}
	}
	var out []Entry
	total := 0
	for _, v := range c.versions() {
		if !q.match(v, words) {
			continue
		}
		if total >= offset && len(out) < limit {
			out = append(out, v.Entry)
		}
		total++
	}
	return out, total
}

func (q *Query) match(v *version, words []string) bool {
	st := v.Story
	switch {
	case st.Trashed() != q.Trashed,
		q.Lang != "" && v.Lang != q.Lang,
		q.Status != "" && v.V.Status != q.Status,
		q.Section != "" && st.Section != q.Section,
		q.Author != "" && !slices.Contains(st.Byline, q.Author),
		!q.From.IsZero() && v.when.Before(q.From),
		!q.To.IsZero() && !v.when.Before(q.To):
		return false
	}
	for _, w := range words {
		if !strings.Contains(v.headline, w) {
			return false
		}
	}
	return q.Where == nil || q.Where(v.Entry)
}

// versions returns the newsroom's index, rebuilding it after a write.
func (c *Catalog) versions() []*version {
	c.mu.RLock()
	vs := c.vers
	c.mu.RUnlock()
	if vs != nil {
		return vs
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.vers == nil {
		c.vers = c.buildVersions()
	}
	return c.vers
}

func (c *Catalog) buildVersions() []*version {
	vs := make([]*version, 0, len(c.stories)*len(c.langs))
	for _, st := range c.stories {
		for _, l := range c.langs {
			v := st.Version(l)
			if v == nil {
				continue
			}
			vs = append(vs, &version{Entry: Entry{Story: st, V: v, Lang: l}, when: When(st, v), headline: strings.ToLower(v.Headline)})
		}
	}
	slices.SortFunc(vs, func(a, b *version) int {
		if c := b.when.Compare(a.when); c != 0 {
			return c
		}
		if a.Story.Number != b.Story.Number {
			return b.Story.Number - a.Story.Number
		}
		return strings.Compare(a.Lang, b.Lang)
	})
	return vs
}
