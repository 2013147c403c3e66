package pagecache

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"sync"
)

// gzipLevel trades build time for size. On a 60 KB article page
// (BenchmarkBuildLevels) levels 1/4/6/9 gave ratios 0.228/0.216/0.199/0.199
// in 0.2/0.8/2.1/2.6 ms: 6 matches 9's size for less time, and 2 ms once
// per page version is nothing beside the render it follows, while every
// byte saved is saved on every request.
const gzipLevel = 6

// Page is a rendered response ready to be written many times. It is
// immutable once built: Serve shares its bytes and header values across
// concurrent requests.
type Page struct {
	Body        []byte // identity-coded body
	Gzip        []byte // gzip-coded body; nil when compression would not make it smaller
	ETag        string // strong, quoted validator of Body
	GzipETag    string // strong, quoted validator of Gzip (a different representation needs its own strong tag)
	ContentType string
	Status      int
	// URI is the request URI at which the router answers with this page (its
	// canonical address, as the handler decided it), or empty. The cache
	// indexes it for Cache.ByURI while the page is stored.
	URI string

	// Header values computed once so that Serve can assign them to the
	// header map without formatting or allocating. Each slice has len ==
	// cap, so a middleware that appends to one gets a copy rather than
	// writing into what other requests share.
	hdrType, hdrLen, hdrGzLen, hdrETag, hdrGzETag, hdrGzip, hdrVary []string
}

// Size is the number of body bytes the page holds, the unit of the cache's
// byte limit.
func (p *Page) Size() int64 { return int64(len(p.Body) + len(p.Gzip)) }

// gzipWriters reuses compressors between builds: a flate compressor is
// about a megabyte of tables, and a cold cache builds many pages at once.
// It is scratch memory only; nothing observable depends on it.
var gzipWriters = sync.Pool{New: func() any {
	w, err := gzip.NewWriterLevel(nil, gzipLevel)
	if err != nil {
		panic(err) // gzipLevel is a valid constant
	}
	return w
}}

// Build makes a Page from a rendered body. It copies body, so the caller
// may reuse its buffer, compresses it once with gzip, and derives strong
// ETags from a SHA-256 of the body. A status of 0 means 200.
func Build(status int, contentType string, body []byte) *Page {
	if status == 0 {
		status = http.StatusOK
	}
	sum := sha256.Sum256(body)
	// 96 bits of the hash are plenty to tell versions of one URL apart.
	tag := base64.RawURLEncoding.EncodeToString(sum[:12])
	p := &Page{
		Body:        bytes.Clone(body),
		ETag:        `"` + tag + `"`,
		GzipETag:    `"` + tag + `-gz"`,
		ContentType: contentType,
		Status:      status,
	}
	if p.Body == nil {
		p.Body = []byte{}
	}
	p.Gzip = compress(body)
	p.hdrType = one(contentType)
	p.hdrLen = one(strconv.Itoa(len(p.Body)))
	p.hdrGzLen = one(strconv.Itoa(len(p.Gzip)))
	p.hdrETag = one(p.ETag)
	p.hdrGzETag = one(p.GzipETag)
	p.hdrGzip = one("gzip")
	p.hdrVary = one("Accept-Encoding")
	return p
}

// compress gzips body, returning nil when that saves nothing (tiny or
// already compressed bodies), so Serve sends those as they are.
func compress(body []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(body)/3 + 64)
	zw := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(&buf)
	// Writes to a bytes.Buffer cannot fail, so neither can these.
	if _, err := zw.Write(body); err != nil {
		return nil
	}
	if err := zw.Close(); err != nil {
		return nil
	}
	if buf.Len() >= len(body) {
		return nil
	}
	// Copy out so the page holds exactly its bytes, not the buffer's slack:
	// the cache limit counts lengths.
	return bytes.Clone(buf.Bytes())
}

func one(s string) []string { return []string{s}[:1:1] }
