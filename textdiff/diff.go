package textdiff

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Op says what happened to a piece of text.
type Op int

// The operations. Chunks use Equal, Insert and Delete; Change appears only
// in ParaChange, for a paragraph edited in place.
const (
	Equal Op = iota
	Insert
	Delete
	Change
)

func (o Op) String() string {
	switch o {
	case Equal:
		return "equal"
	case Insert:
		return "insert"
	case Delete:
		return "delete"
	case Change:
		return "change"
	}
	return "unknown"
}

// Chunk is a piece of text with what happened to it.
type Chunk struct {
	Op   Op
	Text string
}

// Diff compares a and b word by word. Joining the Text of the Equal and
// Delete chunks gives a; Equal and Insert give b. Adjacent chunks never
// share an op, and within one changed stretch the deleted text comes before
// the inserted text, so "<del>the quick</del><ins>a slow</ins>" reads as
// one replacement rather than alternating word by word.
//
// Paragraphs (blank-line separated) are aligned first and only the changed
// stretches compared word by word, which keeps the work proportional to the
// edits. A stretch too different to compare within the work bound (about
// 1000 edits, or the call's overall budget) is shown as replaced whole.
func Diff(a, b string) []Chunk {
	bud := &budget{left: defaultBudget}
	var out []Chunk
	ua, ub := paragraphUnits(a), paragraphUnits(b)
	in := newInterner()
	script, ok := myers(in.ids(ua), in.ids(ub), maxEdits, bud)
	if !ok {
		return tidy(wordDiff(a, b, bud))
	}
	var da, db strings.Builder // the current changed stretch
	flush := func() {
		if da.Len() > 0 || db.Len() > 0 {
			out = append(out, wordDiff(da.String(), db.String(), bud)...)
			da.Reset()
			db.Reset()
		}
	}
	for _, e := range script {
		switch e.op {
		case Equal:
			flush()
			out = append(out, Chunk{Equal, ua[e.i]})
		case Delete:
			da.WriteString(ua[e.i])
		case Insert:
			db.WriteString(ub[e.j])
		}
	}
	flush()
	return tidy(out)
}

// wordDiff compares a and b token by token, or replaces a by b when that
// would cost more than bud allows.
func wordDiff(a, b string, bud *budget) []Chunk {
	if a == "" || b == "" {
		return []Chunk{{Delete, a}, {Insert, b}} // tidy drops the empty one
	}
	ta, tb := Words(a), Words(b)
	in := newInterner()
	script, ok := myers(in.ids(ta), in.ids(tb), maxEdits, bud)
	if !ok {
		return []Chunk{{Delete, a}, {Insert, b}}
	}
	out := make([]Chunk, 0, len(script))
	for _, e := range script {
		switch e.op {
		case Equal:
			out = append(out, Chunk{Equal, ta[e.i]})
		case Delete:
			out = append(out, Chunk{Delete, ta[e.i]})
		case Insert:
			out = append(out, Chunk{Insert, tb[e.j]})
		}
	}
	return out
}

// tidy merges adjacent chunks, folds a lone space between two changes into
// the change (so "quick brown" → "slow red" is one replacement, not two
// with a kept space between them), and orders each changed stretch as one
// Delete followed by one Insert.
func tidy(in []Chunk) []Chunk {
	in = merge(in)
	for i := 1; i+1 < len(in); i++ {
		if in[i].Op == Equal && in[i-1].Op != Equal && in[i+1].Op != Equal && foldable(in[i].Text) {
			in[i].Op = Change // both deleted and inserted
		}
	}
	var out []Chunk
	var del, ins strings.Builder
	flush := func() {
		if del.Len() > 0 {
			out = append(out, Chunk{Delete, del.String()})
		}
		if ins.Len() > 0 {
			out = append(out, Chunk{Insert, ins.String()})
		}
		del.Reset()
		ins.Reset()
	}
	for _, c := range in {
		switch c.Op {
		case Equal:
			flush()
			out = append(out, c)
		case Delete:
			del.WriteString(c.Text)
		case Insert:
			ins.WriteString(c.Text)
		case Change:
			del.WriteString(c.Text)
			ins.WriteString(c.Text)
		}
	}
	flush()
	return merge(out)
}

// foldable reports kept text too slight to break a replacement in two:
// spaces within a line.
func foldable(s string) bool {
	return len(s) <= 3 && strings.Trim(s, " \t\u00a0") == ""
}

// merge joins neighbours with the same op and drops empty chunks.
func merge(in []Chunk) []Chunk {
	out := in[:0:0]
	for _, c := range in {
		if c.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Op == c.Op {
			out[n-1].Text += c.Text
			continue
		}
		out = append(out, c)
	}
	return out
}

// interner numbers distinct strings so Myers compares ints.
type interner map[string]int

func newInterner() interner { return interner{} }

func (in interner) ids(toks []string) []int {
	out := make([]int, len(toks))
	for i, t := range toks {
		id, ok := in[t]
		if !ok {
			id = len(in)
			in[t] = id
		}
		out[i] = id
	}
	return out
}

// paragraphUnits cuts s into paragraphs and the blank-line separators
// between them, each a unit of its own, so that equal paragraphs line up
// however the separators around them differ. Joining the units gives s.
func paragraphUnits(s string) []string {
	var out []string
	for len(s) > 0 {
		start, end := nextBlank(s)
		if start < 0 {
			out = append(out, s)
			break
		}
		if start > 0 {
			out = append(out, s[:start])
		}
		out = append(out, s[start:end])
		s = s[end:]
	}
	return out
}

// nextBlank finds the first paragraph separator in s: a line break followed
// by one or more lines holding only spaces (any Unicode space, so a line
// holding only U+3000, the ideographic space of Korean text, is blank), up
// to and including the last line break of the run (or the end of s). It
// returns -1, -1 if there is none.
func nextBlank(s string) (start, end int) {
	from := 0
	for {
		i := strings.IndexByte(s[from:], '\n')
		if i < 0 {
			return -1, -1
		}
		i += from
		j, blanks := i+1, 0
		for {
			k := j + spacesAt(s[j:])
			if k < len(s) && s[k] == '\n' {
				blanks++
				j = k + 1
				continue
			}
			if k == len(s) && blanks > 0 {
				j = k
			}
			break
		}
		if blanks > 0 {
			// Trailing spaces and a \r before the first break belong to
			// the separator too.
			for i > 0 {
				r, n := utf8.DecodeLastRuneInString(s[:i])
				if !isBlankSpace(r) {
					break
				}
				i -= n
			}
			return i, j
		}
		from = i + 1
	}
}

// spacesAt is the length of the run of spaces other than line breaks at the
// start of s.
func spacesAt(s string) int {
	k := 0
	for k < len(s) {
		r, n := utf8.DecodeRuneInString(s[k:])
		if !isBlankSpace(r) {
			break
		}
		k += n
	}
	return k
}

// isBlankSpace reports whether r may fill a blank line: a space of any kind
// (a \r of a CRLF included) but a line feed.
func isBlankSpace(r rune) bool { return r != '\n' && unicode.IsSpace(r) }
