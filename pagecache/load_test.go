package pagecache

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

func TestLoadSharesOneRender(t *testing.T) {
	synctest.Test(t, testLoadSharesOneRender)
}

func testLoadSharesOneRender(t *testing.T) {
	c := New(1 << 20)
	var renders atomic.Int32
	release := make(chan struct{})
	render := func(context.Context) (*Page, []string, error) {
		renders.Add(1)
		<-release
		return page("front"), []string{"front:ko"}, nil
	}
	const n = 20
	var wg sync.WaitGroup
	pages := make([]*Page, n)
	for i := range n {
		wg.Go(func() {
			p, err := c.Load(t.Context(), "/ko/", render)
			if err != nil {
				t.Error(err)
			}
			pages[i] = p
		})
	}
	// Every goroutine is now in Load: one rendering, the others waiting on it.
	synctest.Wait()
	if got := renders.Load(); got != 1 {
		t.Fatalf("%d renders under way for %d concurrent misses, want 1", got, n)
	}
	close(release)
	wg.Wait()
	if got := renders.Load(); got != 1 {
		t.Errorf("%d renders for %d concurrent misses, want 1", got, n)
	}
	for i, p := range pages {
		if p != pages[0] {
			t.Fatalf("request %d got a different page", i)
		}
	}
	if _, ok := c.Get("/ko/"); !ok {
		t.Error("rendered page not cached")
	}
}

func TestLoadAfterInvalidationDoesNotJoinOlderRender(t *testing.T) {
	synctest.Test(t, testLoadAfterInvalidationDoesNotJoinOlderRender)
}

// In the bubble, time.After fires only once every goroutine is blocked: the
// five seconds pass at once if the fresh Load waits on the older render.
func testLoadAfterInvalidationDoesNotJoinOlderRender(t *testing.T) {
	c := New(1 << 20)
	started, release := make(chan struct{}), make(chan struct{})
	old := make(chan *Page)
	go func() {
		p, _ := c.Load(t.Context(), "/ko/", func(context.Context) (*Page, []string, error) {
			close(started)
			<-release
			return page("before publish"), []string{"front:ko"}, nil
		})
		old <- p
	}()
	<-started
	c.Invalidate("front:ko") // a story is published while the old render runs

	fresh := make(chan *Page)
	go func() {
		p, _ := c.Load(t.Context(), "/ko/", func(context.Context) (*Page, []string, error) {
			return page("after publish"), []string{"front:ko"}, nil
		})
		fresh <- p
	}()
	select {
	case p := <-fresh:
		if string(p.Body) != "after publish" {
			t.Fatalf("Load after invalidation = %q; want its own fresh render", p.Body)
		}
	case <-time.After(5 * time.Second):
		close(release)
		t.Fatal("Load after invalidation waited on the render that started before it")
	}
	close(release)
	if p := <-old; string(p.Body) != "before publish" {
		t.Errorf("first request got %q", p.Body)
	}
	if p, _ := c.Get("/ko/"); p == nil || string(p.Body) != "after publish" {
		t.Errorf("cached page = %v, want the one rendered after the publish", p)
	}
}

func TestLoadErrorsAreNotCached(t *testing.T) {
	c := New(1 << 20)
	errDown := errors.New("database down")
	calls := 0
	render := func(context.Context) (*Page, []string, error) {
		calls++
		if calls == 1 {
			return nil, nil, errDown
		}
		return page("ok"), nil, nil
	}
	if _, err := c.Load(t.Context(), "k", render); !errors.Is(err, errDown) {
		t.Fatalf("err = %v, want it to wrap %v", err, errDown)
	}
	if p, err := c.Load(t.Context(), "k", render); err != nil || string(p.Body) != "ok" {
		t.Fatalf("second Load = %v, %v", p, err)
	}
}

func TestLoadPanicReleasesWaiters(t *testing.T) {
	synctest.Test(t, testLoadPanicReleasesWaiters)
}

func testLoadPanicReleasesWaiters(t *testing.T) {
	c := New(1 << 20)
	started, release := make(chan struct{}), make(chan struct{})
	go func() {
		defer func() { _ = recover() }() // the panic continues in the leader
		_, _ = c.Load(context.Background(), "k", func(context.Context) (*Page, []string, error) {
			close(started)
			<-release
			panic("template bug")
		})
	}()
	<-started
	done := make(chan error)
	go func() {
		_, err := c.Load(t.Context(), "k", nil) // joins; never renders
		done <- err
	}()
	synctest.Wait() // the waiter has joined the render
	close(release)
	if err := <-done; err == nil {
		t.Fatal("waiter on a panicking render got no error")
	}
	if p, err := c.Load(t.Context(), "k", func(context.Context) (*Page, []string, error) {
		return page("fixed"), nil, nil
	}); err != nil || string(p.Body) != "fixed" {
		t.Fatalf("Load after a panic = %v, %v", p, err)
	}
}

func TestLoadWaiterGivesUpWithItsContext(t *testing.T) {
	synctest.Test(t, testLoadWaiterGivesUpWithItsContext)
}

func testLoadWaiterGivesUpWithItsContext(t *testing.T) {
	c := New(1 << 20)
	started, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	go func() {
		_, _ = c.Load(context.Background(), "k", func(context.Context) (*Page, []string, error) {
			close(started)
			<-release
			return page("slow"), nil, nil
		})
	}()
	<-started
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Millisecond)
	defer cancel()
	if _, err := c.Load(ctx, "k", nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want deadline exceeded", err)
	}
}
