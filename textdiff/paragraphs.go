package textdiff

import (
	"strings"
	"unicode"
)

// ParaChange is what happened to one paragraph between two revisions.
type ParaChange struct {
	Index int    // paragraph index in the new text; -1 for a removed paragraph
	Op    Op     // Equal, Insert, Delete, or Change for a paragraph edited in place
	Old   string // the paragraph in the old text ("" when inserted)
	New   string // the paragraph in the new text ("" when removed)
	Diff  []Chunk
}

// similarEnough is the share of words two paragraphs must have in common
// to count as one paragraph edited rather than one removed and another
// written. Unrelated paragraphs share little beyond "the" or "있다".
const similarEnough = 0.5

// maxPairs bounds the similarity table of one stretch of changed
// paragraphs; beyond it the stretch is shown as removed and inserted.
const maxPairs = 20_000

// Paragraphs aligns the paragraphs (blank-line separated Markdown blocks)
// of two revisions and returns one ParaChange per paragraph, in reading
// order, unchanged ones included so that a side-by-side view can line up
// every paragraph. A paragraph edited in place (sharing at least half of its
// words with its counterpart) is one Change with its word diff, not a
// removal and an insertion. Removed paragraphs come before the paragraph
// inserted at the same place.
func Paragraphs(oldText, newText string) []ParaChange {
	po, pn := SplitParagraphs(oldText), SplitParagraphs(newText)
	in := newInterner()
	bud := &budget{left: defaultBudget}
	script, ok := myers(in.ids(po), in.ids(pn), maxEdits, bud)
	if !ok {
		script = replaceAll(len(po), len(pn))
	}
	var out []ParaChange
	var gapOld, gapNew []int
	flush := func() {
		out = append(out, alignGap(po, pn, gapOld, gapNew)...)
		gapOld, gapNew = gapOld[:0], gapNew[:0]
	}
	for _, e := range script {
		switch e.op {
		case Equal:
			flush()
			out = append(out, ParaChange{Index: e.j, Op: Equal, Old: po[e.i], New: pn[e.j], Diff: []Chunk{{Equal, pn[e.j]}}})
		case Delete:
			gapOld = append(gapOld, e.i)
		case Insert:
			gapNew = append(gapNew, e.j)
		}
	}
	flush()
	return out
}

func replaceAll(n, m int) []edit {
	out := make([]edit, 0, n+m)
	for i := range n {
		out = append(out, edit{Delete, i, 0})
	}
	for j := range m {
		out = append(out, edit{Insert, n, j})
	}
	return out
}

// alignGap pairs the removed paragraphs olds with the inserted paragraphs
// news where they are similar, keeping order, so that the sum of the
// similarities of the pairs is as large as possible.
func alignGap(po, pn []string, olds, news []int) []ParaChange {
	n, m := len(olds), len(news)
	if n == 0 && m == 0 {
		return nil
	}
	// score[i][j] is the best total for olds[i:], news[j:].
	score := make([][]float64, n+1)
	for i := range score {
		score[i] = make([]float64, m+1)
	}
	sim := make([][]float64, n)
	if n*m <= maxPairs {
		wo := make([]map[string]int, n)
		for i, k := range olds {
			wo[i] = wordBag(po[k])
		}
		wn := make([]map[string]int, m)
		for j, k := range news {
			wn[j] = wordBag(pn[k])
		}
		for i := range sim {
			sim[i] = make([]float64, m)
			for j := range sim[i] {
				sim[i][j] = dice(wo[i], wn[j])
			}
		}
	}
	simAt := func(i, j int) float64 {
		if sim[i] == nil {
			return 0
		}
		return sim[i][j]
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			best := max(score[i+1][j], score[i][j+1])
			if s := simAt(i, j); s >= similarEnough {
				best = max(best, score[i+1][j+1]+s)
			}
			score[i][j] = best
		}
	}
	var out []ParaChange
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && simAt(i, j) >= similarEnough && score[i][j] == score[i+1][j+1]+simAt(i, j):
			o, w := po[olds[i]], pn[news[j]]
			out = append(out, ParaChange{Index: news[j], Op: Change, Old: o, New: w, Diff: Diff(o, w)})
			i++
			j++
		case i < n && (j == m || score[i][j] == score[i+1][j]):
			out = append(out, ParaChange{Index: -1, Op: Delete, Old: po[olds[i]], Diff: []Chunk{{Delete, po[olds[i]]}}})
			i++
		default:
			out = append(out, ParaChange{Index: news[j], Op: Insert, New: pn[news[j]], Diff: []Chunk{{Insert, pn[news[j]]}}})
			j++
		}
	}
	return out
}

// wordBag counts the words of s, ignoring case, spaces and punctuation.
func wordBag(s string) map[string]int {
	bag := map[string]int{}
	for _, w := range Words(s) {
		r := []rune(w)[0]
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			bag[strings.ToLower(w)]++
		}
	}
	return bag
}

// dice is the Sørensen–Dice coefficient of two bags: 1 for the same words,
// 0 for none in common.
func dice(a, b map[string]int) float64 {
	na, nb, common := 0, 0, 0
	for w, c := range a {
		na += c
		common += min(c, b[w])
	}
	for _, c := range b {
		nb += c
	}
	if na+nb == 0 {
		return 1
	}
	return 2 * float64(common) / float64(na+nb)
}

// SplitParagraphs returns the blank-line separated blocks of s, without the
// blank lines around them and without trailing spaces. A line holding only
// spaces of any kind (U+3000 included) is blank. It is the one paragraph
// splitter of the newsroom: the translate view's rows and the glossary's
// "paragraph N" both count with it.
func SplitParagraphs(s string) []string {
	var out []string
	for _, u := range paragraphUnits(s) {
		if p := strings.TrimRightFunc(strings.TrimLeft(u, "\r\n"), unicode.IsSpace); strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}
