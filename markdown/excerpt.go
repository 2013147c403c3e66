package markdown

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ellipsis marks text that was cut.
const ellipsis = "…"

// cut shortens s to at most maxRunes runes including the ellipsis. It cuts
// after the last whole word that fits, unless that would keep less than half
// of the room (one long word, or a language written without spaces); then it
// cuts at the last character boundary that fits.
func cut(s string, maxRunes int) string {
	if maxRunes <= 0 {
		return ""
	}
	s = norm.NFC.String(s)
	rs := []rune(s)
	if len(rs) <= maxRunes {
		return s
	}
	room := maxRunes - 1
	end := room
	for end > 0 && !graphemeBoundary(rs, end) {
		end--
	}
	for i := end; i > room/2; i-- {
		if unicode.IsSpace(rs[i]) {
			end = i
			break
		}
	}
	kept := strings.TrimRightFunc(string(rs[:end]), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:、，·([{\"'“‘「『", r)
	})
	return kept + ellipsis
}

// graphemeBoundary reports whether a user-perceived character may end
// before rs[i]. It covers what story text meets (combining marks, Hangul
// jamo left after NFC, emoji with modifiers, joiners and flags) rather than
// all of UAX #29.
func graphemeBoundary(rs []rune, i int) bool {
	if i <= 0 || i >= len(rs) {
		return true
	}
	prev, r := rs[i-1], rs[i]
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc),
		r == '\u200d',                                          // zero-width joiner
		r >= '\ufe00' && r <= '\ufe0f',                         // variation selectors
		r >= 0x1f3fb && r <= 0x1f3ff,                           // emoji skin tones
		r >= 0xe0020 && r <= 0xe007f,                           // emoji tag sequences
		r >= 0x1160 && r <= 0x11ff, r >= 0xd7b0 && r <= 0xd7ff: // jamo vowels and finals
		return false
	case prev == '\u200d':
		return false
	case prev >= 0x1100 && prev <= 0x115f, prev >= 0xa960 && prev <= 0xa97f:
		// A leading consonant jamo joins whatever follows it.
		return false
	case regional(prev) && regional(r):
		// Flags are pairs of regional indicators: break only after a pair.
		n := 0
		for j := i - 1; j >= 0 && regional(rs[j]); j-- {
			n++
		}
		return n%2 == 0
	}
	return true
}

func regional(r rune) bool { return r >= 0x1f1e6 && r <= 0x1f1ff }
