package photos

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
	"time"

	"golang.org/x/sync/semaphore"
)

// ErrBusy is returned when an upload could not be processed in time: the
// decoders were all taken for longer than an upload may wait, or its
// processing outlived the upload's deadline (it then goes on, and the same
// bytes sent again find the photo). Tell the client to try again later.
var ErrBusy = errors.New("photos: busy processing uploads")

// RetryAfter is how long a client told ErrBusy should wait.
const RetryAfter = 30 * time.Second

// DefaultUploadMemory is what uploads being decoded may take together
// unless Deps.UploadMemory says otherwise: a 40 MP photo (the largest
// accepted; media.Header.Bytes says 700 MB, so it runs alone), or a few
// phone photos at once.
const DefaultUploadMemory = 512 << 20

// The defaults of Deps.UploadWait and UploadTimeout.
const (
	defaultUploadWait = 10 * time.Second
	defaultUploadTime = 60 * time.Second
)

// gate bounds the work of uploads: decoding and encoding share a memory
// budget, each upload reserving what its headers say it will take, and at
// most one upload per CPU runs at once (a small one reserves its share of
// the budget). An upload that finds no room within wait is refused with
// ErrBusy rather than left queueing past its client's patience.
type gate struct {
	sem    *semaphore.Weighted
	budget int64
	share  int64 // the least an upload reserves: budget / CPUs
	wait   time.Duration
	busy   atomic.Int64 // uploads holding room now
}

func newGate(budget int64, wait time.Duration) *gate {
	cpus := int64(max(1, min(runtime.NumCPU(), runtime.GOMAXPROCS(0))))
	return &gate{sem: semaphore.NewWeighted(budget), budget: budget, share: budget / cpus, wait: wait}
}

// enter waits for room for an upload that will take bytes of memory and
// returns the function that gives it back.
func (g *gate) enter(ctx context.Context, bytes int64) (func(), error) {
	n := min(max(bytes, g.share), g.budget)
	ctx, cancel := context.WithTimeout(ctx, g.wait)
	defer cancel()
	if err := g.sem.Acquire(ctx, n); err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return nil, fmt.Errorf("photos: no room to decode an upload within %s: %w", g.wait, ErrBusy)
		}
		return nil, fmt.Errorf("photos: waiting to decode an upload: %w", err)
	}
	g.busy.Add(1)
	return func() {
		g.busy.Add(-1)
		if bytes >= collectAfter {
			// The pixels are garbage now, but with the GOGC serve sets the
			// heap would grow to several times its size before they are
			// collected, and the next upload would take fresh memory.
			runtime.GC()
		}
		g.sem.Release(n)
	}, nil
}

// collectAfter is the reservation from which an upload's memory is
// collected as soon as it is done: a 20 MP RGBA photo.
const collectAfter = 128 << 20
