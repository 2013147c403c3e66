// Package textdiff compares two versions of an article's text the way an
// editor reads them: word by word for Korean and English alike, never by
// bytes, with whitespace and punctuation as tokens of their own so that the
// pieces always join back into the exact texts compared. It also aligns the
// paragraphs of two revisions, so a translator sees which source paragraphs
// changed and how.
package textdiff

import (
	"unicode"
	"unicode/utf8"
)

// Words splits s into the tokens Diff compares: runs of letters and digits
// (a Korean eojeol such as 회장은 is one token, as is "2026년"), runs of
// whitespace, and single punctuation or symbol characters. Combining marks,
// variation selectors and zero-width joiners stay with the character they
// modify, so no token splits a rune or a visible character. Joining the
// tokens gives s back.
func Words(s string) []string {
	var out []string
	for len(s) > 0 {
		n := nextToken(s)
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

// nextToken returns the byte length of the first token of s (len(s) > 0).
func nextToken(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case isWord(r):
		for n < len(s) {
			r, size := utf8.DecodeRuneInString(s[n:])
			if isWord(r) || isAttached(r) {
				n += size
				continue
			}
			// An apostrophe between letters belongs to the word (don't,
			// Kim's): splitting it makes English diffs choppy.
			if isApostrophe(r) && n+size < len(s) {
				if next, _ := utf8.DecodeRuneInString(s[n+size:]); unicode.IsLetter(next) {
					n += size
					continue
				}
			}
			break
		}
	case unicode.IsSpace(r):
		for n < len(s) {
			r, size := utf8.DecodeRuneInString(s[n:])
			if !unicode.IsSpace(r) {
				break
			}
			n += size
		}
	default:
		n = clusterEnd(s, r, n)
	}
	return n
}

// clusterEnd extends a lone symbol or punctuation character starting with
// r (first rune ending at n) over what belongs to it: marks, variation
// selectors, skin-tone modifiers, a zero-width joiner and the character it
// joins, and the second half of a regional-indicator flag.
func clusterEnd(s string, first rune, n int) int {
	prev := first
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		switch {
		case isAttached(r), r >= 0x1f3fb && r <= 0x1f3ff:
			n += size
		case r == 0x200d && n+size < len(s):
			_, size2 := utf8.DecodeRuneInString(s[n+size:])
			n += size + size2
		case isRegional(prev) && isRegional(r) && isRegional(first) && n == utf8.RuneLen(first):
			n += size
		default:
			return n
		}
		prev = r
	}
	return n
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) }

// isAttached reports runes that never stand alone: combining marks and
// variation selectors.
func isAttached(r rune) bool {
	return unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Mc, r) ||
		(r >= 0xfe00 && r <= 0xfe0f) || (r >= 0xe0100 && r <= 0xe01ef)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isRegional(r rune) bool { return r >= 0x1f1e6 && r <= 0x1f1ff }
