package markdown

import (
	"html"
	"strings"
)

// scheme returns the lower-cased scheme of raw as a browser would read it
// ("" for a relative URL), and false when raw is not safe to interpret: a
// browser decodes entities, drops tabs and newlines anywhere and ignores
// leading control characters, so "&#106;ava\tscript:" is still javascript:.
func scheme(raw string) (string, bool) {
	s := html.UnescapeString(raw)
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
	s = strings.TrimLeft(s, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	i := strings.IndexAny(s, ":/?#")
	if i < 0 || s[i] != ':' {
		return "", true
	}
	name := s[:i]
	if name == "" {
		return "", false
	}
	for j, c := range name {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (j == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			// Not a scheme, yet a colon comes first: refuse rather than
			// guess how some browser splits it.
			return "", false
		}
	}
	return strings.ToLower(name), true
}

// linkAllowed reports whether an href may be kept: http, https, mailto or
// relative.
func linkAllowed(dest string) bool {
	s, ok := scheme(dest)
	return ok && (s == "" || s == "http" || s == "https" || s == "mailto")
}

// imageAllowed reports whether an image src may be kept: http(s) or a path
// on this site.
func imageAllowed(dest string) bool {
	s, ok := scheme(dest)
	if !ok {
		return false
	}
	if s == "" {
		return strings.HasPrefix(dest, "/")
	}
	return s == "http" || s == "https"
}
