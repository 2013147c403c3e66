package pagecache

import (
	"net/http"
	"strings"
)

// Serve writes p as the response to r: 304 Not Modified when If-None-Match
// names the selected representation's ETag (lists, "*" and W/ prefixes
// understood; If-Modified-Since ignored, the ETag being exact), the gzip
// form when Accept-Encoding allows it (q=0 refuses), Vary: Accept-Encoding,
// ETag, Content-Type, Content-Length and, if not empty, cacheControl as
// Cache-Control. HEAD gets the headers only.
func Serve(w http.ResponseWriter, r *http.Request, p *Page, cacheControl string) {
	h := w.Header()
	gz := p.Gzip != nil && acceptsGzip(r.Header["Accept-Encoding"])
	etag := p.hdrETag
	if gz {
		etag = p.hdrGzETag
	}
	// Direct map assignment: the keys are already canonical and the values
	// precomputed, so no formatting or allocation per request.
	if v := h["Vary"]; len(v) == 0 {
		h["Vary"] = p.hdrVary
	} else if !hasToken(v, "Accept-Encoding") {
		h["Vary"] = append(v, "Accept-Encoding")
	}
	h["Etag"] = etag
	if cacheControl != "" {
		h["Cache-Control"] = []string{cacheControl}
	}
	if p.Status/100 == 2 && (r.Method == http.MethodGet || r.Method == http.MethodHead) &&
		noneMatch(r.Header["If-None-Match"], etag[0]) {
		delete(h, "Content-Type")
		delete(h, "Content-Length")
		delete(h, "Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h["Content-Type"] = p.hdrType
	body := p.Body
	if gz {
		body = p.Gzip
		h["Content-Encoding"] = p.hdrGzip
		h["Content-Length"] = p.hdrGzLen
	} else {
		delete(h, "Content-Encoding")
		h["Content-Length"] = p.hdrLen
	}
	w.WriteHeader(p.Status)
	if r.Method == http.MethodHead {
		return
	}
	// A write error means the client went away; there is no one left to
	// tell, and the server logs broken connections itself.
	_, _ = w.Write(body)
}

// acceptsGzip reports whether the Accept-Encoding field values allow gzip:
// "gzip" or "x-gzip" with a non-zero q, or failing those a non-zero "*".
// An absent or empty field means identity only.
func acceptsGzip(vals []string) bool {
	gzipSeen, gzipOK, starSeen, starOK := false, false, false, false
	for _, v := range vals {
		for v != "" {
			var elem string
			elem, v, _ = strings.Cut(v, ",")
			coding, params, _ := strings.Cut(elem, ";")
			coding = strings.TrimSpace(coding)
			switch {
			case strings.EqualFold(coding, "gzip"), strings.EqualFold(coding, "x-gzip"):
				gzipSeen = true
				gzipOK = gzipOK || qPositive(params)
			case coding == "*":
				starSeen = true
				starOK = starOK || qPositive(params)
			}
		}
	}
	if gzipSeen {
		return gzipOK
	}
	return starSeen && starOK
}

// qPositive reports whether the parameters of one Accept-Encoding element
// leave its weight above zero. A missing q means 1; a malformed one is
// taken as non-zero, which is the lenient reading.
func qPositive(params string) bool {
	for params != "" {
		var p string
		p, params, _ = strings.Cut(params, ";")
		name, val, ok := strings.Cut(p, "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		val = strings.TrimSpace(val)
		if val == "" || val[0] != '0' {
			return true
		}
		return strings.Trim(val[1:], ".0") != ""
	}
	return true
}

// noneMatch reports whether the If-None-Match field values match etag by
// weak comparison (W/ ignored), or are "*".
func noneMatch(vals []string, etag string) bool {
	for _, v := range vals {
		for {
			v = strings.TrimLeft(v, " \t,")
			if v == "" {
				break
			}
			if v[0] == '*' {
				return true
			}
			v = strings.TrimPrefix(v, "W/")
			if v == "" || v[0] != '"' {
				// Not an entity tag: skip to the next element.
				_, v, _ = strings.Cut(v, ",")
				continue
			}
			end := strings.IndexByte(v[1:], '"')
			if end < 0 {
				break
			}
			if v[:end+2] == etag {
				return true
			}
			v = v[end+2:]
		}
	}
	return false
}

// hasToken reports whether a comma-separated header already names tok.
func hasToken(vals []string, tok string) bool {
	for _, v := range vals {
		for v != "" {
			var t string
			t, v, _ = strings.Cut(v, ",")
			if strings.EqualFold(strings.TrimSpace(t), tok) || strings.TrimSpace(t) == "*" {
				return true
			}
		}
	}
	return false
}
