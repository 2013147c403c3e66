package search

import (
	"html/template"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search"
)

// SnippetRunes is about how long a snippet is, in characters.
const SnippetRunes = 160

// span is a byte range [start, end) of a field's text.
type span struct{ start, end int }

// highlighter marks the matches of one hit, from the term locations Bleve
// reports for it.
type highlighter struct {
	locs    search.FieldTermLocationMap
	needles []string // single syllables searched on their own
}

// spans returns the merged, sorted match ranges in field over text. Grams
// overlap (상공, 공회, 회의, 의소), so merging turns them back into the word.
func (h highlighter) spans(text, field string) []span {
	var ss []span
	for _, locs := range h.locs[field] {
		for _, l := range locs {
			s := span{int(l.Start), int(l.End)}
			if s.start < 0 || s.end > len(text) || s.start >= s.end || len(l.ArrayPositions) > 0 {
				continue
			}
			ss = append(ss, h.narrow(text, s))
		}
	}
	if len(ss) == 0 {
		return nil
	}
	sort.Slice(ss, func(i, j int) bool { return ss[i].start < ss[j].start })
	out := ss[:1]
	for _, s := range ss[1:] {
		last := &out[len(out)-1]
		if s.start <= last.end {
			last.end = max(last.end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// narrow shrinks a gram matched for a lone syllable (동차 for 차) to the
// syllable, so that 자동차 reads 자동<mark>차</mark>, not 자<mark>동차</mark>.
func (h highlighter) narrow(text string, s span) span {
	term := text[s.start:s.end]
	if utf8.RuneCountInString(term) != 2 {
		return s
	}
	for _, n := range h.needles {
		if i := strings.Index(term, n); i >= 0 {
			return span{s.start + i, s.start + i + len(n)}
		}
	}
	return s
}

// whole returns all of text with its matches in field marked.
func (h highlighter) whole(text, field string) template.HTML {
	return mark(text, h.spans(text, field), 0, len(text))
}

// snippet returns about SnippetRunes of the body around its best matches,
// or of the deck if only the deck matched, or the start of the deck (or
// body) if the match was elsewhere (headline, tags, byline).
func (h highlighter) snippet(body, bodyField, deck, deckField string) template.HTML {
	if ss := h.spans(body, bodyField); len(ss) > 0 {
		return window(body, ss)
	}
	if ss := h.spans(deck, deckField); len(ss) > 0 {
		return window(deck, ss)
	}
	if deck != "" {
		return window(deck, nil)
	}
	return window(body, nil)
}

// window picks the stretch of text of about SnippetRunes that holds the most
// distinct matched words, cut on rune boundaries (never inside a Hangul
// syllable) and, where a space is near, between words.
func window(text string, ss []span) template.HTML {
	lo, hi := 0, len(text)
	if utf8.RuneCountInString(text) > SnippetRunes {
		anchor := 0
		if len(ss) > 0 {
			anchor = bestAnchor(text, ss)
		}
		// Start a little before the first match, for context.
		lo = back(text, anchor, SnippetRunes/5)
		hi = forward(text, lo, SnippetRunes)
		if hi == len(text) {
			lo = back(text, hi, SnippetRunes)
		}
		lo, hi = trimToWords(text, lo, hi, anchor)
	}
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	b.WriteString(string(mark(text, ss, lo, hi)))
	if hi < len(text) {
		b.WriteString("…")
	}
	return template.HTML(b.String())
}

// bestAnchor returns the start of the match that begins the window of
// SnippetRunes holding the most distinct matched words, then the most
// matches; the earliest wins ties.
func bestAnchor(text string, ss []span) int {
	best, bestWords, bestHits := ss[0].start, 0, 0
	for i, s := range ss {
		end := forward(text, s.start, SnippetRunes*3/4)
		words := map[string]bool{}
		hits := 0
		for _, t := range ss[i:] {
			if t.end > end {
				break
			}
			words[strings.ToLower(text[t.start:t.end])] = true
			hits++
		}
		if len(words) > bestWords || len(words) == bestWords && hits > bestHits {
			best, bestWords, bestHits = s.start, len(words), hits
		}
	}
	return best
}

// back returns the byte offset n runes before i (or 0).
func back(text string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
	}
	return i
}

// forward returns the byte offset n runes after i (or len(text)).
func forward(text string, i, n int) int {
	for ; n > 0 && i < len(text); n-- {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return i
}

// trimToWords moves the cut ends of [lo, hi) inwards to the nearest space
// within a few characters, never past anchor.
func trimToWords(text string, lo, hi, anchor int) (int, int) {
	const slack = 15
	if lo > 0 {
		for i, n := lo, 0; i < anchor && n < slack; n++ {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if unicode.IsSpace(r) {
				lo = i
				break
			}
		}
	}
	if hi < len(text) {
		for i, n := hi, 0; i > anchor && n < slack; n++ {
			r, size := utf8.DecodeLastRuneInString(text[:i])
			if unicode.IsSpace(r) {
				hi = i - size
				break
			}
			i -= size
		}
	}
	return lo, hi
}

// mark HTML-escapes text[lo:hi] and wraps the parts inside ss in <mark>.
func mark(text string, ss []span, lo, hi int) template.HTML {
	var b strings.Builder
	at := lo
	for _, s := range ss {
		start, end := max(s.start, lo), min(s.end, hi)
		if start >= end || start < at {
			continue
		}
		b.WriteString(template.HTMLEscapeString(text[at:start]))
		b.WriteString("<mark>")
		b.WriteString(template.HTMLEscapeString(text[start:end]))
		b.WriteString("</mark>")
		at = end
	}
	b.WriteString(template.HTMLEscapeString(text[at:hi]))
	return template.HTML(b.String())
}
