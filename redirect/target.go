// Package redirect decides where a redirect that a request asked for (a
// ?next= parameter, a form's next field) may send the browser. It is the one
// place such targets are checked and encoded: callers put its answer into
// Location as it is.
package redirect

import (
	"net/url"
	"path"
	"strings"
	"unicode/utf8"
)

// maxTarget bounds what a request may ask to be sent to.
const maxTarget = 2048

// Local returns next as a Location inside this site under prefix (such as
// "/en/" or "/admin/"), or fallback when next is not such a place: another
// site (a scheme, a host, "//", a backslash), a path that leaves prefix
// (also through "..") or a target holding control characters or invalid
// UTF-8. What it returns is plain ASCII with everything else
// percent-encoded, so no raw byte of the request reaches the header.
func Local(next, prefix, fallback string) string {
	if next == "" || len(next) > maxTarget || !utf8.ValidString(next) || strings.ContainsFunc(next, unsafeRune) {
		return fallback
	}
	if !strings.HasPrefix(next, prefix) || strings.HasPrefix(next, "//") {
		return fallback
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return fallback
	}
	if strings.ContainsFunc(u.Path, unsafeRune) || strings.HasPrefix(u.Path, "//") {
		return fallback // %00, %5C and the like, decoded
	}
	clean := path.Clean(u.Path)
	if strings.HasSuffix(u.Path, "/") && clean != "/" {
		clean += "/"
	}
	if !strings.HasPrefix(clean, prefix) {
		return fallback
	}
	out := (&url.URL{Path: clean}).EscapedPath()
	if u.RawQuery != "" {
		q, err := url.ParseQuery(u.RawQuery)
		if err != nil || queryUnsafe(q) {
			return fallback
		}
		out += "?" + q.Encode()
	}
	return out
}

// unsafeRune is what never belongs in a redirect target: C0 and C1
// control characters, DEL and the backslash browsers read as a slash.
func unsafeRune(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r < 0xa0) || r == '\\'
}

func queryUnsafe(q url.Values) bool {
	for k, vs := range q {
		if !utf8.ValidString(k) || strings.ContainsFunc(k, unsafeRune) {
			return true
		}
		for _, v := range vs {
			if !utf8.ValidString(v) || strings.ContainsFunc(v, unsafeRune) {
				return true
			}
		}
	}
	return false
}
