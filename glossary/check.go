package glossary

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsroom/newsroom/textdiff"
)

// Issue is a glossary entry found in a source paragraph whose agreed
// rendering the translation does not use.
type Issue struct {
	Entry    *Entry
	Expected string // the agreed rendering in the translation's language
	// Found is what the translation used instead, when it can be told: one
	// of the entry's variants or, for a person, another romanization of
	// the same name (Hyunkyum Kim, Kim Hyun-kyum, H.K. Kim). Empty when
	// the translation names the entry some other way or leaves it out.
	Found string
	// Paragraph is the index of the source paragraph (blank-line
	// separated) where the entry was found.
	Paragraph int
}

// Check compares a source text in srcLang with its translation in dstLang.
// Every entry found in the source that has an agreed rendering in dstLang
// should appear in that rendering in the translation; each one that does
// not is an Issue, a warning for the translator rather than a reason to
// refuse publishing. When source and translation have the same number of
// paragraphs, each source paragraph is checked against its counterpart;
// otherwise against the whole translation, once per entry. Namesakes (two
// entries spelled alike in the source) are satisfied by either rendering.
func (g *Glossary) Check(srcLang, src, dstLang, dst string) []Issue {
	srcParas := textdiff.SplitParagraphs(src)
	dstParas := textdiff.SplitParagraphs(dst)
	paired := len(srcParas) == len(dstParas)
	if !paired {
		dstParas = []string{dst}
	}
	type found struct {
		agreed   map[*Entry]bool
		variants map[*Entry]string
	}
	scanned := make([]*found, len(dstParas))
	scan := func(k int) *found {
		if scanned[k] == nil {
			f := &found{agreed: map[*Entry]bool{}, variants: map[*Entry]string{}}
			for _, m := range g.Find(dstLang, dstParas[k]) {
				if !m.Variant {
					f.agreed[m.Entry] = true
				} else if _, ok := f.variants[m.Entry]; !ok {
					f.variants[m.Entry] = m.Text
				}
			}
			scanned[k] = f
		}
		return scanned[k]
	}

	var issues []Issue
	reported := map[*Entry]bool{} // per paragraph when paired, else overall
	for i, para := range srcParas {
		k := 0
		if paired {
			k = i
			clear(reported)
		}
		matches := g.Find(srcLang, para)
		for len(matches) > 0 {
			// Namesakes come together with the same span.
			n := 1
			for n < len(matches) && matches[n].Start == matches[0].Start && matches[n].End == matches[0].End {
				n++
			}
			group := matches[:n]
			matches = matches[n:]
			f := scan(k)
			ok := false
			for _, m := range group {
				if m.Entry.Terms[dstLang] == "" || f.agreed[m.Entry] {
					ok = true
				}
			}
			if ok {
				continue
			}
			for _, m := range group {
				e := m.Entry
				if reported[e] {
					continue
				}
				reported[e] = true
				found, ok := f.variants[e]
				if !ok && e.Kind == Person {
					found = otherRomanization(e.Terms[dstLang], dstParas[k])
				}
				issues = append(issues, Issue{Entry: e, Expected: e.Terms[dstLang], Found: found, Paragraph: i})
			}
		}
	}
	return issues
}

// otherRomanization looks in text for the person agreed as "Given-name
// Surname" (or "Surname Given-name") written another way: with the given
// name run together or split (Hyunkyum Kim, Hyun Kyum Kim), in the other
// order, as initials (H.K. Kim) or romanized differently but recognizably
// (Hyeon-gyeom Kim). It returns the first such spelling, or "".
func otherRomanization(agreed, text string) string {
	words := strings.Fields(agreed)
	if len(words) < 2 {
		return ""
	}
	// The surname is the last word, unless only the first is unhyphenated
	// in a hyphenated name (Kim Hyun-kyum).
	si := len(words) - 1
	if strings.Contains(words[si], "-") && !strings.Contains(words[0], "-") {
		si = 0
	}
	surname := words[si]
	given := strings.Join(append(append([]string{}, words[:si]...), words[si+1:]...), " ")
	givenLetters := letters(given)
	var initials strings.Builder
	for _, part := range strings.FieldsFunc(given, func(r rune) bool { return r == ' ' || r == '-' }) {
		initials.WriteRune(unicode.ToLower([]rune(part)[0]))
	}

	surRE := regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(` + regexp.QuoteMeta(surname) + `)(?:[^\p{L}\p{N}]|$)`)
	for _, loc := range surRE.FindAllStringSubmatchIndex(text, -1) {
		start, end := loc[2], loc[3]
		// The given name before the surname (Hyun Kyum Kim) or after it
		// (Kim Hyun-kyum), as one or two words, two tried first.
		before := strings.Fields(text[max(0, start-80):start])
		if r, _ := utf8.DecodeLastRuneInString(text[:start]); start > 0 && !unicode.IsSpace(r) {
			before = nil // "(Kim": nothing before it belongs to the name
		}
		after := strings.Fields(text[end:min(len(text), end+80)])
		if r, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && !unicode.IsSpace(r) {
			after = nil
		}
		for n := 2; n >= 1; n-- {
			if len(before) >= n {
				cand := strings.Join(before[len(before)-n:], " ")
				if sameGiven(cand, givenLetters, initials.String()) {
					return cand + " " + surname
				}
			}
			if len(after) >= n {
				words := slices.Clone(after[:n])
				words[n-1] = strings.TrimRightFunc(strings.TrimSuffix(strings.TrimSuffix(words[n-1], "'s"), "’s"), unicode.IsPunct)
				cand := strings.Join(words, " ")
				if sameGiven(cand, givenLetters, initials.String()) {
					return surname + " " + cand
				}
			}
		}
	}
	return ""
}

// givenShape is what a romanized given name looks like: initials (H.K.,
// H. K., HK), or one or two capitalized words, hyphenated or not.
var givenShape = regexp.MustCompile(`^(?:(?:\p{Lu}\.\s?){1,3}|\p{Lu}{2,3}|\p{Lu}\p{Ll}+(?:[-‐–]\p{L}+|\s\p{Lu}\p{Ll}+)?)$`)

// sameGiven reports whether cand plausibly romanizes the given name whose
// letters are want: the same letters spaced differently, the same
// initials, or close enough (Hyeon-gyeom for Hyun-kyum; President is not).
func sameGiven(cand, want, initials string) bool {
	if !givenShape.MatchString(cand) {
		return false
	}
	cl := letters(cand)
	switch {
	case cl == want:
		return true
	case strings.Contains(cand, ".") || strings.ToUpper(cand) == cand:
		return cl == initials
	}
	return levenshtein(cl, want) <= max(len([]rune(cl)), len([]rune(want)))/2
}

// letters keeps the letters of s, lowercased.
func letters(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
