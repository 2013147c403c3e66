package search

import (
	"fmt"
	"html/template"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Limits on what a reader's query may cost.
const (
	MaxQueryRunes  = 200  // longer query text is cut
	maxWords       = 10   // further words are ignored
	DefaultPerPage = 10   // when Query.PerPage is 0
	MaxPerPage     = 50   // Query.PerPage is capped
	maxDepth       = 1000 // results beyond this rank are not reachable by paging
)

// How much a match in each field counts, relative to the body.
var fieldBoosts = []struct {
	name  string
	boost float64
}{
	{fHeadline, 4},
	{fDeck, 2},
	{fTags, 2},
	{fByline, 1.5},
	{fBody, 1},
}

// Query is a reader's search.
type Query struct {
	Text    string    // what the reader typed; never parsed as query syntax
	Lang    string    // only documents in this language are searched (required)
	Section string    // optional section slug
	From    time.Time // optional: published at or after
	To      time.Time // optional: published before (exclusive)
	Page    int       // 1-based; 0 means 1
	PerPage int       // 0 means DefaultPerPage; capped at MaxPerPage
}

// Hit is one result. Headline and Snippet are HTML-escaped text in which the
// matched words are wrapped in <mark>; they are safe to put on a page.
type Hit struct {
	Number   int
	Lang     string
	Score    float64
	Headline template.HTML
	Snippet  template.HTML
}

// Result is one page of hits, best first.
type Result struct {
	Total int // all matching documents
	Hits  []Hit
	Page  int
	Pages int // pages reachable by paging
}

// Search runs a reader's query. A blank query, or one made only of words the
// analyzer drops ("the"), finds nothing and is not an error.
//
// Each word the reader typed must match somewhere (headline, deck, tags,
// byline or body). A Korean word matches as a run of its two-syllable grams,
// so 로봇 finds 로봇이 and 라이프케어로봇 but 상공회의소 does not match a text
// holding 상공 and 의소 apart. A Korean word ending in a particle (로봇이,
// MOU를) also matches without it, ranking exact matches higher. A
// one-syllable Korean word (차) matches any two-syllable gram containing it,
// so it finds 자동차, 차량 and 차를: wide, but never empty.
//
// One exception trades a little precision for time: when every gram of a
// word is in more than a couple of thousand bodies, bodies need only hold
// all its grams, anywhere (a body with 상공인, 공회당, 회의 and 의소리 then
// matches 상공회의소). Headlines, decks, tags and bylines are always matched
// exactly, and highlighting always marks the exact word.
func (ix *Index) Search(q Query) (Result, error) {
	if q.Lang == "" {
		return Result{}, fmt.Errorf("search: query needs a language")
	}
	perPage := q.PerPage
	if perPage <= 0 {
		perPage = DefaultPerPage
	}
	perPage = min(perPage, MaxPerPage)
	page := max(q.Page, 1)
	res := Result{Page: page}

	fs := fieldSetFor(q.Lang)
	an := ix.bl.Mapping().AnalyzerNamed(fs.analyzer())
	if an == nil {
		return Result{}, fmt.Errorf("search: no analyzer %q", fs.analyzer())
	}
	words := queryWords(q.Text)
	if len(words) == 0 {
		return res, nil
	}
	rd, err := ix.reader()
	if err != nil {
		return Result{}, err
	}
	defer rd.Close()
	rank := planner{an: an, fs: fs, lang: q.Lang, loose: func(toks analysis.TokenStream) bool {
		return rd.common(toks, field(fBody, fs), ix.phraseLimit)
	}}
	mark := planner{an: an, fs: fs, lang: q.Lang, everywhere: true}
	var (
		musts, marks []query.Query
		needles      []string
	)
	for _, w := range words {
		wq, ns := rank.word(w)
		if wq != nil {
			mq, _ := mark.word(w) // the same tokens, so not nil either
			musts = append(musts, wq)
			marks = append(marks, mq)
			needles = append(needles, ns...)
		}
	}
	if len(musts) == 0 {
		return res, nil
	}

	from, size := (page-1)*perPage, perPage
	if from >= maxDepth {
		// Past the reachable pages: still count, so the page can say how
		// many there were, but fetch nothing.
		from, size = 0, 0
	}
	bq := query.NewBooleanQuery([]query.Query{query.NewConjunctionQuery(musts)}, nil, nil)
	bq.AddFilter(filter(q))
	req := bleve.NewSearchRequestOptions(bq, size, from, false)
	req.Fields = []string{field(fHeadline, fs), field(fDeck, fs), field(fBody, fs)}
	sr, err := ix.bl.Search(req)
	if err != nil {
		return Result{}, fmt.Errorf("search: %q in %s: %w", q.Text, q.Lang, err)
	}
	locs, err := ix.locations(query.NewConjunctionQuery(marks), sr.Hits)
	if err != nil {
		return Result{}, fmt.Errorf("search: highlight %q in %s: %w", q.Text, q.Lang, err)
	}

	res.Total = int(sr.Total)
	res.Pages = min((res.Total+perPage-1)/perPage, (maxDepth+perPage-1)/perPage)
	for _, h := range sr.Hits {
		n, lang, err := parseID(h.ID)
		if err != nil {
			return Result{}, err
		}
		hl := highlighter{locs: locs[h.ID], needles: needles}
		res.Hits = append(res.Hits, Hit{
			Number:   n,
			Lang:     lang,
			Score:    h.Score,
			Headline: hl.whole(stored(h.Fields, field(fHeadline, fs)), field(fHeadline, fs)),
			Snippet: hl.snippet(
				stored(h.Fields, field(fBody, fs)), field(fBody, fs),
				stored(h.Fields, field(fDeck, fs)), field(fDeck, fs)),
		})
	}
	return res, nil
}

// locations finds where the query matched in each of the page's hits.
// Collecting term locations for every matching document costs the ranking
// pass two to three times its time on common words, so it is done here
// instead, for the few documents on the page only.
func (ix *Index) locations(match query.Query, hits search.DocumentMatchCollection) (map[string]search.FieldTermLocationMap, error) {
	if len(hits) == 0 {
		return nil, nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	q := query.NewConjunctionQuery([]query.Query{query.NewDocIDQuery(ids), match})
	req := bleve.NewSearchRequestOptions(q, len(ids), 0, false)
	req.IncludeLocations = true
	req.Score = "none"
	sr, err := ix.bl.Search(req)
	if err != nil {
		return nil, err
	}
	out := make(map[string]search.FieldTermLocationMap, len(sr.Hits))
	for _, h := range sr.Hits {
		out[h.ID] = h.Locations
	}
	return out, nil
}

func stored(fields map[string]any, name string) string {
	s, _ := fields[name].(string) // absent for an empty field
	return s
}

// filter restricts a search to the query's language, section and dates.
// Filters do not score, so they never change the ranking.
func filter(q Query) query.Query {
	lang := query.NewTermQuery(q.Lang)
	lang.SetField(fLang)
	fs := []query.Query{lang}
	if q.Section != "" {
		sec := query.NewTermQuery(q.Section)
		sec.SetField(fSection)
		fs = append(fs, sec)
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		var lo, hi *float64
		if !q.From.IsZero() {
			v := float64(q.From.Unix())
			lo = &v
		}
		if !q.To.IsZero() {
			v := float64(q.To.Unix())
			hi = &v
		}
		yes, no := true, false
		r := query.NewNumericRangeInclusiveQuery(lo, hi, &yes, &no)
		r.SetField(fPublished)
		fs = append(fs, r)
	}
	return query.NewConjunctionQuery(fs)
}

// queryWords cuts the reader's text into at most maxWords distinct words.
// Whitespace and punctuation separate words, except the marks that join the
// parts of one (e-mail, U.S., Korea's), which the analyzer deals with.
// Nothing is treated as syntax: "+foo -bar" is the words foo and bar.
func queryWords(text string) []string {
	if utf8.RuneCountInString(text) > MaxQueryRunes {
		text = string([]rune(text)[:MaxQueryRunes])
	}
	words := strings.FieldsFunc(text, func(r rune) bool {
		switch r {
		case '-', '.', '\'', '’', '&':
			return false
		}
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsControl(r)
	})
	seen := make(map[string]bool, len(words))
	out := words[:0]
	for _, w := range words {
		w = strings.Trim(w, "-.'’&")
		k := strings.ToLower(w)
		if w == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, w)
		if len(out) == maxWords {
			break
		}
	}
	return out
}

// particles are Korean postpositions a reader may leave on a search word,
// longest first so 에서는 is tried before 는.
var particles = []string{
	"에서는", "에서도", "에게서", "으로는", "으로도", "이라는", "까지", "부터", "에서", "에게",
	"으로", "와의", "과의", "라는", "이란", "처럼", "보다", "은", "는", "이", "가", "을", "를",
	"의", "에", "와", "과", "도", "로", "만",
}

// stripParticle returns word without a trailing particle, when what remains
// still says something: at least two Hangul syllables (로봇이 → 로봇, but
// 회의 stays whole), or a non-Hangul stem (MOU를 → MOU).
func stripParticle(word string) (string, bool) {
	for _, p := range particles {
		stem, ok := strings.CutSuffix(word, p)
		if !ok || stem == "" {
			continue
		}
		tail := 0
		for s := stem; s != ""; {
			r, size := utf8.DecodeLastRuneInString(s)
			if !unicode.Is(unicode.Hangul, r) {
				break
			}
			tail++
			s = s[:len(s)-size]
		}
		if tail == 0 || tail >= 2 {
			return stem, true
		}
		return "", false
	}
	return "", false
}

// planner turns the words of a reader's query into Bleve queries.
type planner struct {
	an   analysis.Analyzer
	fs   fieldSet
	lang string
	// everywhere is set for highlighting: every form of a word, as an exact
	// phrase, in every field. Ranking leaves out what only costs time.
	everywhere bool
	// loose reports whether a word of several tokens is too common to be
	// matched as a phrase in the bodies (nil: never).
	loose func(analysis.TokenStream) bool
}

// word matches one word of the reader's text in any of the language's
// fields, or returns nil when the analyzer drops the whole word. It also
// returns the single syllables searched on their own, for highlighting.
func (p planner) word(word string) (query.Query, []string) {
	forms := []string{word}
	if p.lang == "ko" {
		if stem, ok := stripParticle(word); ok {
			forms = append(forms, stem)
		}
	}
	var (
		alts    []query.Query
		needles []string
	)
	for i, form := range forms {
		toks := p.an.Analyze([]byte(form))
		if len(toks) == 0 {
			continue
		}
		if len(toks) == 1 && toks[0].Type == analysis.Single {
			needles = append(needles, string(toks[0].Term))
		}
		for _, fb := range fieldBoosts {
			boost := fb.boost
			if len(forms) > 1 {
				if i == 0 && fb.name == fBody && !p.everywhere {
					// The stem finds every body the full form would: the
					// full form only adds rank, and in the body that
					// costs a second phrase match over the longest field.
					continue
				}
				if i > 0 {
					// The stem without its particle is a looser match.
					boost *= 0.5
				}
			}
			f := field(fb.name, p.fs)
			if fb.name == fBody && len(toks) > 1 && !p.everywhere && p.loose != nil && p.loose(toks) {
				alts = append(alts, allTokens(toks, f, boost))
				continue
			}
			alts = append(alts, tokensQuery(toks, f, boost))
		}
	}
	switch len(alts) {
	case 0:
		return nil, nil
	case 1:
		return alts[0], needles
	}
	return query.NewDisjunctionQuery(alts), needles
}

// allTokens matches documents whose field holds every token, in any order
// and place. It is the cheap stand-in for a phrase over very common tokens:
// checking positions costs some microseconds per document, which adds up to
// tens of milliseconds when thousands of long bodies hold all the grams.
func allTokens(toks analysis.TokenStream, field string, boost float64) query.Query {
	cs := make([]query.Query, 0, len(toks))
	for _, t := range toks {
		tq := query.NewTermQuery(string(t.Term))
		tq.SetField(field)
		tq.SetBoost(boost)
		cs = append(cs, tq)
	}
	return query.NewConjunctionQuery(cs)
}

// tokensQuery matches the analysed tokens of one word as a phrase in field.
func tokensQuery(toks analysis.TokenStream, field string, boost float64) query.Query {
	if len(toks) == 1 {
		t := toks[0]
		if t.Type == analysis.Single {
			// A lone syllable is indexed only inside grams: find the grams
			// that contain it (the term itself, or it plus one neighbour).
			q := query.NewRegexpQuery(".?" + regexp.QuoteMeta(string(t.Term)) + ".?")
			q.SetField(field)
			q.SetBoost(boost)
			return q
		}
		q := query.NewTermQuery(string(t.Term))
		q.SetField(field)
		q.SetBoost(boost)
		return q
	}
	first, last := toks[0].Position, toks[0].Position
	for _, t := range toks {
		first, last = min(first, t.Position), max(last, t.Position)
	}
	// Gaps (dropped stop words) stay as empty slots that match anything.
	terms := make([][]string, last-first+1)
	for _, t := range toks {
		terms[t.Position-first] = append(terms[t.Position-first], string(t.Term))
	}
	q := query.NewMultiPhraseQuery(terms, field)
	q.SetBoost(boost)
	return q
}
