package pagecache

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

func TestServe(t *testing.T) {
	body := articleHTML(20<<10, 3)
	p := Build(200, "text/html; charset=utf-8", body)
	const cc = "public, max-age=60"

	tests := []struct {
		name       string
		method     string
		header     map[string]string
		wantStatus int
		wantGzip   bool
		wantBody   bool
		wantETag   string
	}{
		{"identity, no Accept-Encoding", "GET", nil, 200, false, true, p.ETag},
		{"gzip", "GET", map[string]string{"Accept-Encoding": "gzip, deflate, br"}, 200, true, true, p.GzipETag},
		{"x-gzip", "GET", map[string]string{"Accept-Encoding": "x-gzip"}, 200, true, true, p.GzipETag},
		{"gzip;q=0 refuses", "GET", map[string]string{"Accept-Encoding": "gzip;q=0, br"}, 200, false, true, p.ETag},
		{"gzip; q=0.000 refuses", "GET", map[string]string{"Accept-Encoding": "br, gzip; q=0.000"}, 200, false, true, p.ETag},
		{"gzip;q=0.5 accepts", "GET", map[string]string{"Accept-Encoding": "gzip;q=0.5"}, 200, true, true, p.GzipETag},
		{"star accepts", "GET", map[string]string{"Accept-Encoding": "*"}, 200, true, true, p.GzipETag},
		{"star but gzip;q=0", "GET", map[string]string{"Accept-Encoding": "*, gzip;q=0"}, 200, false, true, p.ETag},
		{"identity only", "GET", map[string]string{"Accept-Encoding": "identity"}, 200, false, true, p.ETag},
		{"304 exact", "GET", map[string]string{"If-None-Match": p.ETag}, 304, false, false, p.ETag},
		{"304 in list", "GET", map[string]string{"If-None-Match": `"nope", ` + p.ETag + `, "other"`}, 304, false, false, p.ETag},
		{"304 weak", "GET", map[string]string{"If-None-Match": "W/" + p.ETag}, 304, false, false, p.ETag},
		{"304 star", "GET", map[string]string{"If-None-Match": "*"}, 304, false, false, p.ETag},
		{"304 gzip", "GET", map[string]string{"Accept-Encoding": "gzip", "If-None-Match": p.GzipETag}, 304, false, false, p.GzipETag},
		{"other coding's tag is not a match", "GET", map[string]string{"If-None-Match": p.GzipETag}, 200, false, true, p.ETag},
		{"stale tag", "GET", map[string]string{"If-None-Match": `"old"`}, 200, false, true, p.ETag},
		{"If-Modified-Since ignored", "GET", map[string]string{"If-Modified-Since": "Mon, 01 Jan 2035 00:00:00 GMT"}, 200, false, true, p.ETag},
		{"HEAD", "HEAD", nil, 200, false, false, p.ETag},
		{"HEAD gzip", "HEAD", map[string]string{"Accept-Encoding": "gzip"}, 200, true, false, p.GzipETag},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, "/ko/article/1", nil)
			for k, v := range tt.header {
				r.Header.Set(k, v)
			}
			w := httptest.NewRecorder()
			Serve(w, r, p, cc)
			res := w.Result()
			got, _ := io.ReadAll(res.Body)

			if res.StatusCode != tt.wantStatus {
				t.Fatalf("status = %d, want %d", res.StatusCode, tt.wantStatus)
			}
			if v := res.Header.Get("Vary"); v != "Accept-Encoding" {
				t.Errorf("Vary = %q", v)
			}
			if v := res.Header.Get("ETag"); v != tt.wantETag {
				t.Errorf("ETag = %s, want %s", v, tt.wantETag)
			}
			if v := res.Header.Get("Cache-Control"); v != cc {
				t.Errorf("Cache-Control = %q", v)
			}
			if tt.wantStatus == 304 {
				if len(got) != 0 || res.Header.Get("Content-Length") != "" || res.Header.Get("Content-Type") != "" {
					t.Errorf("304 carried a body or entity headers: %d bytes, %v", len(got), res.Header)
				}
				return
			}
			if v := res.Header.Get("Content-Type"); v != "text/html; charset=utf-8" {
				t.Errorf("Content-Type = %q", v)
			}
			wantLen := len(p.Body)
			if tt.wantGzip {
				wantLen = len(p.Gzip)
				if v := res.Header.Get("Content-Encoding"); v != "gzip" {
					t.Errorf("Content-Encoding = %q, want gzip", v)
				}
			} else if v := res.Header.Get("Content-Encoding"); v != "" {
				t.Errorf("Content-Encoding = %q, want none", v)
			}
			if v := res.Header.Get("Content-Length"); v != strconv.Itoa(wantLen) {
				t.Errorf("Content-Length = %s, want %d", v, wantLen)
			}
			if !tt.wantBody {
				if len(got) != 0 {
					t.Errorf("HEAD returned %d body bytes", len(got))
				}
				return
			}
			if tt.wantGzip {
				zr, err := gzip.NewReader(bytes.NewReader(got))
				if err != nil {
					t.Fatalf("gzip body: %v", err)
				}
				if got, err = io.ReadAll(zr); err != nil {
					t.Fatalf("gzip body: %v", err)
				}
			}
			if !bytes.Equal(got, body) {
				t.Errorf("body differs from the page (%d vs %d bytes)", len(got), len(body))
			}
		})
	}
}

func TestServeErrorPageIgnoresIfNoneMatch(t *testing.T) {
	p := Build(http.StatusNotFound, "text/html", []byte("<h1>not found</h1>"))
	r := httptest.NewRequest("GET", "/ko/article/404", nil)
	r.Header.Set("If-None-Match", p.ETag)
	w := httptest.NewRecorder()
	Serve(w, r, p, "")
	if w.Code != http.StatusNotFound || w.Body.String() != "<h1>not found</h1>" {
		t.Errorf("got %d %q, want the 404 page", w.Code, w.Body.String())
	}
	if w.Header().Get("Cache-Control") != "" {
		t.Error("empty cacheControl still set the header")
	}
}

func TestServeKeepsExistingVary(t *testing.T) {
	p := Build(200, "text/html", articleHTML(4096, 1))
	w := httptest.NewRecorder()
	w.Header().Set("Vary", "Cookie")
	Serve(w, httptest.NewRequest("GET", "/", nil), p, "")
	if got := w.Header().Values("Vary"); len(got) != 2 || got[0] != "Cookie" || got[1] != "Accept-Encoding" {
		t.Errorf("Vary = %q, want Cookie and Accept-Encoding", got)
	}
}
