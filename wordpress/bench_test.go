package wordpress

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"
)

// BenchmarkImportArchive imports a generated export of 20,000 posts (half
// of them in Korean/English pairs, so 15,000 stories) into a fresh
// embedded database, reporting the time of one import and the peak Go heap
// while it ran:
//
//	go test -run XXX -bench ImportArchive -benchtime 1x ./wordpress/
func BenchmarkImportArchive(b *testing.B) {
	posts := benchPosts()
	export := genFile(b, 1, posts, true)
	for b.Loop() {
		b.StopTimer()
		e := newEnv(b)
		runtime.GC()
		peak := watchHeap()
		b.StartTimer()
		r, err := Import(context.Background(), Paths{export}, Deps{Store: e.st, Photos: e.lib}, Options{Languages: []string{"ko", "en"}})
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if r.Pairs != posts/4 || r.Stories["ko"]+r.Stories["en"] != posts {
			b.Fatalf("report: pairs %d stories %v", r.Pairs, r.Stories)
		}
		b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
		b.StartTimer()
	}
}

// watchHeap samples the heap in use until the returned function is called,
// which gives the highest value seen.
func watchHeap() func() uint64 {
	var mu sync.Mutex
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			mu.Lock()
			peak = max(peak, ms.HeapInuse)
			mu.Unlock()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak
	}
}

// benchPosts is 20,000, or WP_BENCH_POSTS for a quicker look.
func benchPosts() int {
	if n, err := strconv.Atoi(os.Getenv("WP_BENCH_POSTS")); err == nil && n > 0 {
		return n
	}
	return 20000
}
