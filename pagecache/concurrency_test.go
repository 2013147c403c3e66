package pagecache

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// TestConcurrentUse runs readers, renderers (via Put and Load) and
// publishers at once, then checks that every page left in the cache shows
// the latest version of every story it depends on. Run with -race.
func TestConcurrentUse(t *testing.T) {
	const stories = 12
	// versions is the data; published is the latest version whose
	// Invalidate has returned, which is all a request can expect to see.
	var versions, published [stories]atomic.Int64
	c := New(64 << 10) // small, so eviction runs too

	// Each key shows some stories; the front page shows the first six.
	deps := func(key string) []int {
		if key == "front" {
			return []int{0, 1, 2, 3, 4, 5}
		}
		n, _ := strconv.Atoi(strings.TrimPrefix(key, "article:"))
		return []int{n}
	}
	keys := []string{"front"}
	for i := range stories {
		keys = append(keys, fmt.Sprintf("article:%d", i))
	}
	// render reads the data after the caller took its generation, as a
	// handler does, and writes the versions it saw into the body.
	render := func(key string) (*Page, []string) {
		var b strings.Builder
		var tags []string
		for _, s := range deps(key) {
			fmt.Fprintf(&b, "%d=%d;", s, versions[s].Load())
			tags = append(tags, fmt.Sprintf("story:%d", s))
		}
		b.WriteString(strings.Repeat("<p>padding</p>", 100))
		return Build(200, "text/html", []byte(b.String())), tags
	}
	shown := func(p *Page) map[int]int64 {
		m := map[int]int64{}
		for _, kv := range strings.Split(string(p.Body), ";") {
			s, v, ok := strings.Cut(kv, "=")
			if !ok {
				continue
			}
			si, _ := strconv.Atoi(s)
			vi, _ := strconv.ParseInt(v, 10, 64)
			m[si] = vi
		}
		return m
	}

	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(g), 1))
			for range 400 {
				key := keys[r.IntN(len(keys))]
				switch r.IntN(10) {
				case 0: // publish: store the change, then invalidate
					s := r.IntN(stories)
					v := versions[s].Add(1)
					c.Invalidate(fmt.Sprintf("story:%d", s))
					for {
						old := published[s].Load()
						if old >= v || published[s].CompareAndSwap(old, v) {
							break
						}
					}
				case 1, 2: // render on a miss by hand
					gen := c.Generation()
					p, tags := render(key)
					c.Put(key, gen, tags, p)
				case 3, 4: // render through Load; never older than the request
					var before [stories]int64
					for _, s := range deps(key) {
						before[s] = published[s].Load()
					}
					p, err := c.Load(context.Background(), key, func(context.Context) (*Page, []string, error) {
						p, tags := render(key)
						return p, tags, nil
					})
					if err != nil {
						t.Error(err)
						return
					}
					for s, v := range shown(p) {
						if v < before[s] {
							t.Errorf("Load(%s) showed story %d version %d, older than %d published before the request", key, s, v, before[s])
						}
					}
				case 5:
					if r.IntN(50) == 0 {
						c.Purge()
					}
				default: // read and serve
					if p, ok := c.Get(key); ok {
						req := httptest.NewRequest("GET", "/"+key, nil)
						if r.IntN(2) == 0 {
							req.Header.Set("Accept-Encoding", "gzip")
						}
						w := httptest.NewRecorder()
						Serve(w, req, p, "public, max-age=60")
						if w.Code != 200 {
							t.Errorf("Serve: %d", w.Code)
						}
					}
				}
			}
		})
	}
	wg.Wait()

	n, bytes := c.Stats()
	if bytes > 64<<10 {
		t.Errorf("cache holds %d bytes, over its %d limit", bytes, 64<<10)
	}
	t.Logf("%d pages, %d bytes left", n, bytes)
	for _, key := range keys {
		p, ok := c.Get(key)
		if !ok {
			continue
		}
		for s, v := range shown(p) {
			if now := versions[s].Load(); v != now {
				t.Errorf("stale page survived: %s shows story %d version %d, current %d", key, s, v, now)
			}
		}
	}
}
