package glossary

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Match is one place where an entry's term or variant occurs in a text.
type Match struct {
	Entry      *Entry
	Lang       string
	Start, End int    // byte offsets in the text, particles and possessives excluded
	Text       string // text[Start:End]
	// Variant is true when the text is one of the entry's variants rather
	// than its agreed term.
	Variant bool
}

// node is a trie over folded runes (see fold); a space stands for any run
// of whitespace.
type node struct {
	next map[rune]*node
	hits []hit // patterns ending here
}

type hit struct {
	entry   *Entry
	variant bool
}

func (g *Glossary) add(lang, term string, e *Entry, variant bool) {
	term = strings.TrimSpace(term)
	if term == "" {
		return
	}
	root := g.tries[lang]
	if root == nil {
		root = &node{}
		g.tries[lang] = root
	}
	n := root
	space := false
	for _, r := range term {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			n = n.child(' ')
			space = false
		}
		n = n.child(fold(r))
	}
	for _, h := range n.hits {
		if h.entry == e {
			return // the same spelling twice in one entry
		}
	}
	n.hits = append(n.hits, hit{e, variant})
	// The agreed term first, so it wins over an identical variant.
	slices.SortStableFunc(n.hits, func(a, b hit) int {
		if a.variant == b.variant {
			return 0
		}
		if a.variant {
			return 1
		}
		return -1
	})
}

func (n *node) child(r rune) *node {
	if n.next == nil {
		n.next = map[rune]*node{}
	}
	c := n.next[r]
	if c == nil {
		c = &node{}
		n.next[r] = c
	}
	return c
}

// fold maps runes that should compare equal to one: case, the many dashes
// (Hyun‐kyum, Hyun–kyum) and curly apostrophes.
func fold(r rune) rune {
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u00ad':
		return '-'
	case '\u2019', '\u2018', '\u02bc':
		return '\''
	}
	return unicode.ToLower(r)
}

// Find returns where the entries' terms and variants in lang occur in text,
// in order. Matching ignores case, the kind of dash or apostrophe, and how
// much whitespace separates words.
//
// A term must stand as a word of its own. Before it comes the start of the
// text or a character that is not a letter or digit (for a term starting
// with Hangul: not Hangul). After it comes the end of the text, a character
// that is not a letter or digit (so an English possessive, Kim's, matches
// Kim), or Hangul that is entirely a Korean particle or ending, up to three
// of them stacked (은, 에서는, 이라는: see particles), or the entry's title
// with particles (김현겸회장은). So 달라스 한인상공회와 matches 달라스
// 한인상공회, but 한인상공회의소, a longer name, does not match 한인상공회.
//
// Where matches overlap the longest wins; two entries with the very same
// spelling (namesakes) are both reported.
func (g *Glossary) Find(lang, text string) []Match {
	root := g.tries[lang]
	if root == nil {
		return nil
	}
	var cands []Match
	prev := rune(-1)
	for p := 0; p < len(text); {
		r, size := utf8.DecodeRuneInString(text[p:])
		if root.next[fold(r)] != nil && leftOK(prev, r) {
			cands = g.walk(root, lang, text, p, cands)
		}
		prev = r
		p += size
	}
	return choose(cands)
}

// walk follows the trie from text[p:] and appends every pattern that ends
// at a word boundary.
func (g *Glossary) walk(root *node, lang, text string, p int, out []Match) []Match {
	n := root
	for i := p; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			// Any run of whitespace, line breaks included, is one space.
			for i < len(text) {
				r, size := utf8.DecodeRuneInString(text[i:])
				if !unicode.IsSpace(r) {
					break
				}
				i += size
			}
			r, size = ' ', 0
		}
		n = n.next[fold(r)]
		if n == nil {
			return out
		}
		i += size
		for _, h := range n.hits {
			if rightOK(text, i, h.entry, lang) {
				out = append(out, Match{Entry: h.entry, Lang: lang, Start: p, End: i, Text: text[p:i], Variant: h.variant})
			}
		}
	}
	return out
}

// choose keeps the longest of overlapping matches (and every namesake of
// the same span), in text order.
func choose(cands []Match) []Match {
	if len(cands) <= 1 {
		return cands
	}
	slices.SortStableFunc(cands, func(a, b Match) int {
		if c := cmp.Compare(b.End-b.Start, a.End-a.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.Start, b.Start)
	})
	// kept is sorted by Start; its spans are disjoint except that
	// namesakes share one.
	var kept []Match
	for _, c := range cands {
		i, _ := slices.BinarySearchFunc(kept, c.Start, func(m Match, start int) int { return cmp.Compare(m.Start, start) })
		clash := i > 0 && kept[i-1].End > c.Start
		for j := i; !clash && j < len(kept) && kept[j].Start < c.End; j++ {
			namesake := kept[j].Start == c.Start && kept[j].End == c.End && kept[j].Entry != c.Entry
			clash = !namesake
		}
		if !clash {
			for i < len(kept) && kept[i].Start == c.Start {
				i++ // after its namesakes, keeping the entries' order
			}
			kept = slices.Insert(kept, i, c)
		}
	}
	return kept
}

func isHangul(r rune) bool { return unicode.Is(unicode.Hangul, r) }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) }

// leftOK reports whether a term starting with r may start after prev
// (-1 at the start of the text).
func leftOK(prev, r rune) bool {
	if prev < 0 {
		return true
	}
	if isHangul(r) {
		return !isHangul(prev)
	}
	return !isWordRune(prev)
}

// rightOK reports whether a term of e may end at text[:i].
func rightOK(text string, i int, e *Entry, lang string) bool {
	if i == len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	if !isHangul(r) {
		return !isWordRune(r)
	}
	end := i
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if !isHangul(r) {
			break
		}
		end += size
	}
	rest := text[i:end]
	if t := e.Title[lang]; t != "" && strings.HasPrefix(rest, t) {
		if particles(rest[len(t):], 0) {
			return true
		}
	}
	return particles(rest, 0)
}

// particles reports whether s is made of at most three Korean particles or
// endings in a row (에서+는, 에게+도, 들+은).
func particles(s string, depth int) bool {
	if s == "" {
		return true
	}
	if depth == 3 {
		return false
	}
	for _, p := range particleList {
		if strings.HasPrefix(s, p) && particles(s[len(p):], depth+1) {
			return true
		}
	}
	return false
}

// particleList is what may follow a name inside the same eojeol: case and
// topic particles, the copula and its common endings, and the suffixes a
// news story puts on names (씨, 측, 등, 들). A one-syllable name ending that
// is also a particle (도, 나) can make a short entry match a longer name
// (김현 in 김현도) unless the longer name is an entry too; 자 is left out
// for that reason (김현자), 이자 is in (회장이자).
var particleList = []string{
	// case, topic and other particles
	"이", "가", "을", "를", "은", "는", "의", "에", "에서", "에게", "에게서", "께", "께서",
	"한테", "한테서", "로", "으로", "로서", "으로서", "로써", "으로써", "로부터", "으로부터",
	"부터", "까지", "와", "과", "랑", "이랑", "하고", "도", "만", "뿐", "마저", "조차",
	"밖에", "보다", "처럼", "같이", "만큼", "대로", "나", "이나", "든지", "이든지", "야", "이야",
	// the copula and its endings
	"다", "이다", "입니다", "입니까", "이었다", "였다", "이었던", "였던", "이라는", "라는",
	"이란", "란", "이라고", "라고", "이라며", "라며", "이며", "며", "이고", "고", "이자",
	"인", "인데", "인지", "이지만", "지만", "이라도", "라도", "이면", "이라면", "라면", "이어서", "여서",
	// suffixes on names
	"씨", "님", "측", "등", "들",
}
