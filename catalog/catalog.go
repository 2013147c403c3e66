// Package catalog is the in-memory catalogue of stories that the reader site
// lists. The embedded database answers listing queries by scanning the whole
// collection, so reader pages never query it: the catalogue is loaded once at
// start and updated on every write.
package catalog

import (
	"sort"
	"sync"
	"time"

	"github.com/newsroom/newsroom/story"
)

// Entry is one live language version with its story. Both point into
// immutable snapshots: never modify them.
type Entry struct {
	Story *story.Story
	V     *story.Version
	Lang  string
}

// Catalog holds every story's metadata (no bodies) and the listings built from it.
type Catalog struct {
	langs []string
	now   func() time.Time

	mu       sync.RWMutex
	stories  map[int]*story.Story
	sections []story.Section
	authors  map[string]story.Author
	idx      *index         // nil when a write made it stale; rebuilt by the next reader
	vers     []*version     // the newsroom's index of every version; nil when stale
	all      []*story.Story // every story, newest number first; nil when stale
}

type index struct {
	latest  map[string][]Entry // lang → live versions, newest first
	section map[string]map[string][]Entry
	tag     map[string]map[string][]Entry
	author  map[string]map[string][]Entry
	top     map[string]Entry
	// goLive is the earliest future publication time among published
	// versions; the index is rebuilt once the clock passes it.
	goLive time.Time
}

// New makes an empty catalogue for the given languages. now is the clock (time.Now in production).
func New(langs []string, now func() time.Time) *Catalog {
	return &Catalog{langs: langs, now: now, stories: map[int]*story.Story{}, authors: map[string]story.Author{}}
}

// Load replaces everything.
func (c *Catalog) Load(stories []*story.Story, sections []story.Section, authors []story.Author) {
	m := make(map[int]*story.Story, len(stories))
	for _, s := range stories {
		m[s.Number] = s
	}
	am := make(map[string]story.Author, len(authors))
	for _, a := range authors {
		am[a.Handle] = a
	}
	c.mu.Lock()
	c.stories, c.authors, c.idx, c.vers, c.all = m, am, nil, nil, nil
	c.sections = append([]story.Section(nil), sections...)
	sort.SliceStable(c.sections, func(i, j int) bool { return c.sections[i].Order < c.sections[j].Order })
	c.mu.Unlock()
}

// Put stores a new snapshot of a story and returns the one it replaced (nil if new).
// A snapshot older than the one held (fewer writes: two saves of one story
// reporting back in the other order) is ignored, and Put returns the held
// one. The caller must not modify st afterwards.
func (c *Catalog) Put(st *story.Story) (old *story.Story) {
	c.mu.Lock()
	defer c.mu.Unlock()
	old = c.stories[st.Number]
	if old != nil && st.Writes < old.Writes {
		return old
	}
	c.stories[st.Number] = st
	c.idx, c.vers, c.all = nil, nil, nil
	return old
}

// Remove drops a story and returns it (nil if unknown).
func (c *Catalog) Remove(n int) *story.Story {
	c.mu.Lock()
	defer c.mu.Unlock()
	old := c.stories[n]
	delete(c.stories, n)
	c.idx, c.vers, c.all = nil, nil, nil
	return old
}

// PutSections replaces the sections; PutAuthor adds or replaces a reporter.
func (c *Catalog) PutSections(secs []story.Section) {
	c.mu.Lock()
	c.sections = append([]story.Section(nil), secs...)
	sort.SliceStable(c.sections, func(i, j int) bool { return c.sections[i].Order < c.sections[j].Order })
	c.mu.Unlock()
}

// PutAuthors replaces all reporters.
func (c *Catalog) PutAuthors(authors []story.Author) {
	am := make(map[string]story.Author, len(authors))
	for _, a := range authors {
		am[a.Handle] = a
	}
	c.mu.Lock()
	c.authors = am
	c.mu.Unlock()
}

// PutAuthor adds or replaces a reporter.
func (c *Catalog) PutAuthor(a story.Author) {
	c.mu.Lock()
	c.authors[a.Handle] = a
	c.mu.Unlock()
}

// Story returns the snapshot of story n (any status), or nil.
func (c *Catalog) Story(n int) *story.Story {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.stories[n]
}

// All returns every story snapshot, newest number first. The slice is
// shared until the next write: never modify it.
func (c *Catalog) All() []*story.Story {
	c.mu.RLock()
	all := c.all
	c.mu.RUnlock()
	if all != nil {
		return all
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.all == nil {
		c.all = make([]*story.Story, 0, len(c.stories))
		for _, s := range c.stories {
			c.all = append(c.all, s)
		}
		sort.Slice(c.all, func(i, j int) bool { return c.all[i].Number > c.all[j].Number })
	}
	return c.all
}

// Len is the number of stories, any status.
func (c *Catalog) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.stories)
}

// Sections returns the sections in display order.
func (c *Catalog) Sections() []story.Section {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.sections
}

// Section returns a section by slug.
func (c *Catalog) Section(slug string) (story.Section, bool) {
	for _, s := range c.Sections() {
		if s.Slug == slug {
			return s, true
		}
	}
	return story.Section{}, false
}

// Author returns a reporter by handle.
func (c *Catalog) Author(handle string) (story.Author, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	a, ok := c.authors[handle]
	return a, ok
}

// Authors returns the reporters sorted by handle.
func (c *Catalog) Authors() []story.Author {
	c.mu.RLock()
	out := make([]story.Author, 0, len(c.authors))
	for _, a := range c.authors {
		out = append(out, a)
	}
	c.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Handle < out[j].Handle })
	return out
}

// Live returns story n's version in lang if readers can see it.
func (c *Catalog) Live(lang string, n int) (Entry, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	st := c.stories[n]
	if !st.LiveIn(lang, c.now()) {
		return Entry{}, false
	}
	return Entry{Story: st, V: st.Version(lang), Lang: lang}, true
}

// Latest pages through the live versions in lang, newest first, and returns the total.
func (c *Catalog) Latest(lang string, offset, limit int) ([]Entry, int) {
	return page(c.index().latest[lang], offset, limit)
}

// BySection pages through a section's live versions in lang.
func (c *Catalog) BySection(lang, section string, offset, limit int) ([]Entry, int) {
	return page(c.index().section[lang][section], offset, limit)
}

// ByTag pages through a tag's live versions in lang.
func (c *Catalog) ByTag(lang, tag string, offset, limit int) ([]Entry, int) {
	return page(c.index().tag[lang][tag], offset, limit)
}

// ByAuthor pages through a reporter's live versions in lang.
func (c *Catalog) ByAuthor(lang, handle string, offset, limit int) ([]Entry, int) {
	return page(c.index().author[lang][handle], offset, limit)
}

// Top returns the front page's lead story in lang: the highest priority among
// the stories of the last three days, or else the newest.
func (c *Catalog) Top(lang string) (Entry, bool) {
	e, ok := c.index().top[lang]
	return e, ok
}

// TagKnown reports whether any live version in any language carries tag.
func (c *Catalog) TagKnown(tag string) bool {
	idx := c.index()
	for _, m := range idx.tag {
		if len(m[tag]) > 0 {
			return true
		}
	}
	return false
}

func page(list []Entry, offset, limit int) ([]Entry, int) {
	if offset < 0 || offset >= len(list) || limit <= 0 {
		return nil, len(list)
	}
	end := min(offset+limit, len(list))
	return list[offset:end:end], len(list)
}

// index returns the current listings, rebuilding them after a write or when a
// version scheduled for a later publication time has gone live.
func (c *Catalog) index() *index {
	now := c.now()
	c.mu.RLock()
	idx := c.idx
	c.mu.RUnlock()
	if idx != nil && (idx.goLive.IsZero() || now.Before(idx.goLive)) {
		return idx
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.idx == nil || (!c.idx.goLive.IsZero() && !now.Before(c.idx.goLive)) {
		c.idx = c.build(now)
	}
	return c.idx
}

func (c *Catalog) build(now time.Time) *index {
	idx := &index{
		latest:  map[string][]Entry{},
		section: map[string]map[string][]Entry{},
		tag:     map[string]map[string][]Entry{},
		author:  map[string]map[string][]Entry{},
		top:     map[string]Entry{},
	}
	for _, l := range c.langs {
		idx.section[l] = map[string][]Entry{}
		idx.tag[l] = map[string][]Entry{}
		idx.author[l] = map[string][]Entry{}
	}
	for _, st := range c.stories {
		if st.Trashed() {
			continue
		}
		for _, l := range c.langs {
			v := st.Version(l)
			if v == nil || v.Status != story.Published {
				continue
			}
			if v.PublishedAt.After(now) {
				if idx.goLive.IsZero() || v.PublishedAt.Before(idx.goLive) {
					idx.goLive = v.PublishedAt
				}
				continue
			}
			idx.latest[l] = append(idx.latest[l], Entry{Story: st, V: v, Lang: l})
		}
	}
	for _, l := range c.langs {
		list := idx.latest[l]
		sort.Slice(list, func(i, j int) bool {
			a, b := list[i], list[j]
			if !a.V.PublishedAt.Equal(b.V.PublishedAt) {
				return a.V.PublishedAt.After(b.V.PublishedAt)
			}
			return a.Story.Number > b.Story.Number
		})
		recent := now.Add(-72 * time.Hour)
		for i, e := range list {
			idx.section[l][e.Story.Section] = append(idx.section[l][e.Story.Section], e)
			for _, t := range e.Story.Tags {
				// By slug: tags stored before tags were slugged are found too.
				if k := story.NormalizeTag(t); k != "" {
					idx.tag[l][k] = append(idx.tag[l][k], e)
				}
			}
			for _, h := range e.Story.Byline {
				idx.author[l][h] = append(idx.author[l][h], e)
			}
			if i == 0 {
				idx.top[l] = e
			} else if e.V.PublishedAt.After(recent) && e.Story.Priority > idx.top[l].Story.Priority {
				idx.top[l] = e
			}
		}
	}
	return idx
}
