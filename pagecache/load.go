package pagecache

import (
	"context"
	"errors"
	"fmt"
)

// flight is one render of a missing page that concurrent requests share.
type flight struct {
	gen  uint64
	done chan struct{}
	page *Page
	deps []string
	err  error
}

// RenderFunc renders the page for a key and names the dependencies it
// shows. Load calls it with a context that is not cancelled when the
// requesting client goes away, because other requests may be waiting on it.
type RenderFunc func(ctx context.Context) (*Page, []string, error)

// Load returns the page under key, rendering it on a miss. Concurrent
// misses on one key share a single render, so a cold front page under load
// costs one database scan rather than one per request. A request joins a
// render only if no invalidation has happened since that render took its
// generation; otherwise it starts a fresh one, so it never receives data
// older than its own arrival. Render errors are returned and not cached.
func (c *Cache) Load(ctx context.Context, key string, render RenderFunc) (*Page, error) {
	c.mu.Lock()
	if p, ok := c.getLocked(key); ok {
		c.mu.Unlock()
		return p, nil
	}
	gen := c.gen.Load()
	f := c.flights[key]
	if f != nil && f.gen == gen {
		c.mu.Unlock()
		select {
		case <-f.done:
			return f.page, f.err
		case <-ctx.Done():
			return nil, fmt.Errorf("pagecache: waiting for %q: %w", key, ctx.Err())
		}
	}
	f = &flight{gen: gen, done: make(chan struct{})}
	c.flights[key] = f
	c.mu.Unlock()
	c.fly(ctx, key, f, render)
	return f.page, f.err
}

// fly runs the render for f, stores the result and releases the waiters,
// even if the render panics (the panic then continues in the leader).
func (c *Cache) fly(ctx context.Context, key string, f *flight, render RenderFunc) {
	finished := false
	defer func() {
		if !finished {
			f.err = fmt.Errorf("pagecache: render of %q panicked", key)
		}
		c.mu.Lock()
		if f.err == nil {
			c.putLocked(key, f.gen, f.deps, f.page)
		}
		if c.flights[key] == f {
			delete(c.flights, key)
		}
		c.mu.Unlock()
		close(f.done)
	}()
	p, deps, err := render(context.WithoutCancel(ctx))
	finished = true
	switch {
	case err != nil:
		f.err = fmt.Errorf("pagecache: render %q: %w", key, err)
	case p == nil:
		f.err = errors.New("pagecache: render " + key + ": no page")
	default:
		f.page, f.deps = p, deps
	}
}
