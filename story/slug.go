package story

import (
	"strings"
	"unicode"
)

// MaxSlugRunes bounds a slug: long enough for a headline's gist, short enough for a URL.
const MaxSlugRunes = 80

// Slugify makes a URL slug from a headline. Hangul and other letters are kept
// (browsers show them, the wire percent-encodes them); punctuation becomes '-'.
func Slugify(headline string) string {
	var b strings.Builder
	dash := false
	n := 0
	for _, r := range strings.ToLower(headline) {
		if n >= MaxSlugRunes {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
			n++
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
			n++
		}
	}
	return strings.Trim(b.String(), "-")
}

// ValidSlug reports whether s is a slug Slugify could have produced.
func ValidSlug(s string) bool {
	if s == "" || len([]rune(s)) > MaxSlugRunes || strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") {
		return false
	}
	for _, r := range s {
		if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
