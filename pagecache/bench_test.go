package pagecache

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// Notes (2 shared cores, AMD EPYC, load average ~8, so rough):
//
//	BenchmarkServe/gzip      ~1.2 µs/op  16 B/op  1 alloc (the Cache-Control slice)
//	BenchmarkServe/identity  ~0.8 µs/op  16 B/op  1 alloc
//	BenchmarkServe/304       ~0.8 µs/op  16 B/op  1 alloc
//	BenchmarkBuild           ~2.2 ms/op  103 KB/op  17 allocs, gzip ratio 0.199
//	BenchmarkServeHTTP       pagecache 121 µs/op vs http.ServeContent 210 µs/op
//
// wrk -t2 -c64 against nginx 1.22 (gzip_static, 2 workers) serving the same
// 60 KB page: gzip (12 KB) form 15–17.5k req/s vs nginx 20–31k (0.5–0.77×);
// identity form 13.4k vs 14.9k (0.9×). Profiles show over half the time in
// write syscalls: net/http's 4 KB connection buffer splits each response
// into two writes, where nginx uses writev/sendfile. One connection: p50
// 52 µs, p99 1.1 ms.

// discardWriter is a ResponseWriter that keeps nothing, so the benchmark
// measures Serve rather than a recorder's buffering.
type discardWriter struct{ h http.Header }

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(int)             {}

// BenchmarkServe serves a 60 KB article from a warm cache from many
// goroutines: Get plus Serve, the whole per-request cost of a hit.
func BenchmarkServe(b *testing.B) {
	c := New(256 << 20)
	for i := range 1000 {
		c.Put(fmt.Sprintf("/ko/article/%d", i), 0, []string{fmt.Sprintf("story:%d", i)}, Build(200, "text/html; charset=utf-8", articleHTML(60<<10, uint64(i%10))))
	}
	p, _ := c.Get("/ko/article/7")
	for _, bc := range []struct {
		name   string
		header map[string]string
	}{
		{"gzip", map[string]string{"Accept-Encoding": "gzip, deflate, br, zstd"}},
		{"identity", nil},
		{"304", map[string]string{"Accept-Encoding": "gzip, deflate, br, zstd", "If-None-Match": p.GzipETag}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				r := httptest.NewRequest("GET", "/ko/article/7", nil)
				for k, v := range bc.header {
					r.Header.Set(k, v)
				}
				w := &discardWriter{h: make(http.Header)}
				for pb.Next() {
					clear(w.h)
					p, ok := c.Get("/ko/article/7")
					if !ok {
						b.Fatal("miss")
					}
					Serve(w, r, p, "public, max-age=60")
				}
			})
		})
	}
}

// BenchmarkServeHTTP measures a hit end to end over loopback HTTP/1.1 with
// keep-alive, next to http.ServeContent serving the same bytes from memory
// as a static-file baseline. Client and server share the CPUs, so only the
// ratio between the two means much.
func BenchmarkServeHTTP(b *testing.B) {
	p := Build(200, "text/html; charset=utf-8", articleHTML(60<<10, 1))
	c := New(64 << 20)
	c.Put("/a", 0, nil, p)
	handlers := map[string]http.HandlerFunc{
		"pagecache": func(w http.ResponseWriter, r *http.Request) {
			q, _ := c.Get("/a")
			Serve(w, r, q, "public, max-age=60")
		},
		"static": func(w http.ResponseWriter, r *http.Request) {
			// What a static server does with a precompressed file.
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Etag", p.GzipETag)
			http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(p.Gzip))
		},
	}
	for _, name := range []string{"pagecache", "static"} {
		b.Run(name, func(b *testing.B) {
			srv := httptest.NewServer(handlers[name])
			defer srv.Close()
			tr := &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr}
			b.SetBytes(int64(len(p.Gzip)))
			b.ReportAllocs()
			b.SetParallelism(8)
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					req, _ := http.NewRequest("GET", srv.URL+"/a", nil)
					req.Header.Set("Accept-Encoding", "gzip")
					res, err := client.Do(req)
					if err != nil {
						b.Error(err)
						return
					}
					_, _ = io.Copy(io.Discard, res.Body)
					res.Body.Close()
				}
			})
		})
	}
}

// BenchmarkBuild builds a 60 KB page: copy, SHA-256 and gzip at gzipLevel.
func BenchmarkBuild(b *testing.B) {
	body := articleHTML(60<<10, 1)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	var p *Page
	for b.Loop() {
		p = Build(200, "text/html; charset=utf-8", body)
	}
	b.ReportMetric(float64(len(p.Gzip))/float64(len(p.Body)), "ratio")
}

// BenchmarkBuildLevels is how gzipLevel was chosen: time and ratio per level.
func BenchmarkBuildLevels(b *testing.B) {
	body := articleHTML(60<<10, 1)
	for _, level := range []int{1, 4, 6, 9} {
		b.Run(fmt.Sprintf("level%d", level), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, level)
			for b.Loop() {
				buf.Reset()
				zw.Reset(&buf)
				_, _ = zw.Write(body)
				_ = zw.Close()
			}
			b.ReportMetric(float64(buf.Len())/float64(len(body)), "ratio")
		})
	}
}
