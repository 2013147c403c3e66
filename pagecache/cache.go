// Package pagecache keeps rendered public pages in memory and serves them
// the way a static file server would. Pages are tagged with the data they
// show ("story:123", "front:ko", ...) and dropped precisely when that data
// changes, so a publish shows at once while unrelated pages stay cached.
package pagecache

import (
	"sync"
	"sync/atomic"
)

// maxTrackedDeps bounds the memory spent remembering when each dependency
// was last invalidated. Past it the record is forgotten and every Put made
// with an older generation is discarded instead: conservative, and rare.
const maxTrackedDeps = 1 << 16

// Cache holds pages by key with a byte limit and least-recently-used
// eviction. It is safe for concurrent use.
type Cache struct {
	gen atomic.Uint64 // bumped by every Invalidate and Purge; written under mu

	mu       sync.Mutex
	maxBytes int64
	bytes    int64
	entries  map[string]*entry
	byURI    map[string]*entry // Page.URI → entry, for ByURI
	byDep    map[string]map[*entry]struct{}
	lru      entry // sentinel of a circular list; lru.next is the most recently used

	// depGen is the generation at which each dependency was last
	// invalidated; a Put whose generation is older is stale. floor is the
	// generation below which every Put is stale (set by Purge, and when
	// depGen is forgotten).
	depGen map[string]uint64
	floor  uint64

	flights map[string]*flight // see Load
}

type entry struct {
	key        string
	page       *Page
	deps       []string
	prev, next *entry
}

// New makes a cache holding at most maxBytes of page bodies (identity plus
// gzip); least recently used pages are dropped past that.
func New(maxBytes int64) *Cache {
	c := &Cache{
		maxBytes: maxBytes,
		entries:  make(map[string]*entry),
		byURI:    make(map[string]*entry),
		byDep:    make(map[string]map[*entry]struct{}),
		depGen:   make(map[string]uint64),
		flights:  make(map[string]*flight),
	}
	c.lru.next, c.lru.prev = &c.lru, &c.lru
	return c
}

// Get returns the page stored under key and marks it recently used.
func (c *Cache) Get(key string) (*Page, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.getLocked(key)
}

func (c *Cache) getLocked(key string) (*Page, bool) {
	e, ok := c.entries[key]
	if !ok {
		return nil, false
	}
	if c.lru.next != e {
		c.unlink(e)
		c.pushFront(e)
	}
	return e.page, true
}

// ByURI returns the stored page whose URI is uri: the page the router
// answered that exact request URI with. An invalidated or evicted page is
// forgotten along with its URI, so a shortcut through ByURI never answers
// for an address the router would now redirect or refuse.
func (c *Cache) ByURI(uri string) (*Page, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byURI[uri]
	if !ok {
		return nil, false
	}
	return c.getLocked(e.key)
}

// Generation returns the current invalidation generation. Take it before
// reading the data a page is rendered from and pass it to Put: if any of
// the page's dependencies is invalidated in between, Put discards the page.
func (c *Cache) Generation() uint64 { return c.gen.Load() }

// Put stores p under key, tagged with the dependencies it shows. It is
// discarded if an Invalidate of any of deps (or a Purge) happened after
// gen was taken, so a page rendered from stale data never lands after the
// invalidation that should have removed it. A page larger than the whole
// cache is not stored. Put copies deps.
func (c *Cache) Put(key string, gen uint64, deps []string, p *Page) {
	if p == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.putLocked(key, gen, deps, p)
}

// putLocked reports whether p was stored.
func (c *Cache) putLocked(key string, gen uint64, deps []string, p *Page) bool {
	if c.stale(gen, deps) {
		return false
	}
	if old, ok := c.entries[key]; ok {
		c.remove(old)
	}
	size := p.Size()
	if size > c.maxBytes {
		return false
	}
	e := &entry{key: key, page: p, deps: uniq(deps)}
	c.entries[key] = e
	if p.URI != "" {
		c.byURI[p.URI] = e
	}
	c.pushFront(e)
	c.bytes += size
	for _, d := range e.deps {
		set := c.byDep[d]
		if set == nil {
			set = make(map[*entry]struct{})
			c.byDep[d] = set
		}
		set[e] = struct{}{}
	}
	for c.bytes > c.maxBytes {
		c.remove(c.lru.prev)
	}
	return true
}

func (c *Cache) stale(gen uint64, deps []string) bool {
	if gen < c.floor {
		return true
	}
	for _, d := range deps {
		if c.depGen[d] > gen {
			return true
		}
	}
	return false
}

// Invalidate drops every page tagged with any of deps, and makes any Put
// of such a page with an earlier generation a no-op. Call it after the
// change is stored, so that a render which sees the new generation also
// sees the new data.
func (c *Cache) Invalidate(deps ...string) {
	if len(deps) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	g := c.gen.Add(1)
	if len(c.depGen)+len(deps) > maxTrackedDeps {
		clear(c.depGen)
		c.floor = g
	}
	for _, d := range deps {
		c.depGen[d] = g
		for e := range c.byDep[d] {
			c.remove(e)
		}
	}
}

// Purge drops every page, and every Put in flight, for changes too broad to
// name (a template or catalogue change).
func (c *Cache) Purge() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.floor = c.gen.Add(1)
	clear(c.depGen)
	clear(c.entries)
	clear(c.byURI)
	clear(c.byDep)
	c.lru.next, c.lru.prev = &c.lru, &c.lru
	c.bytes = 0
}

// Stats reports how many pages and body bytes the cache holds.
func (c *Cache) Stats() (pages int, bytes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries), c.bytes
}

func (c *Cache) remove(e *entry) {
	c.unlink(e)
	delete(c.entries, e.key)
	if c.byURI[e.page.URI] == e {
		delete(c.byURI, e.page.URI)
	}
	c.bytes -= e.page.Size()
	for _, d := range e.deps {
		set := c.byDep[d]
		delete(set, e)
		if len(set) == 0 {
			delete(c.byDep, d)
		}
	}
}

func (c *Cache) unlink(e *entry) {
	e.prev.next, e.next.prev = e.next, e.prev
	e.prev, e.next = nil, nil
}

func (c *Cache) pushFront(e *entry) {
	e.prev, e.next = &c.lru, c.lru.next
	c.lru.next.prev = e
	c.lru.next = e
}

func uniq(deps []string) []string {
	out := make([]string, 0, len(deps))
	for _, d := range deps {
		dup := false
		for _, o := range out {
			if o == d {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, d)
		}
	}
	return out
}
