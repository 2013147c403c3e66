package demo

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsroom/newsroom/story"
)

// Archive sizes and span.
const (
	archiveSpan = 5 * 365 * 24 * time.Hour
	// archiveGap keeps the archive older than the demo edition so the
	// edition still makes the front page.
	archiveGap  = 12 * 24 * time.Hour
	minBodySize = 2048 // bytes
	maxBodySize = 5120
)

// Archive calls each for n synthetic stories (n/2 in both languages, the rest
// split between ko-only and en-only), spread over the edition's sections, many
// tags and the edition's reporters, published over the ~5 years before now,
// oldest first. The same seed gives the same stories. It stops at the first
// error each returns.
func Archive(n int, seed int64, now time.Time, each func(Story) error) error {
	g := newGenerator(seed, now)
	for i := range n {
		s := g.story(i, n)
		if err := each(s); err != nil {
			return fmt.Errorf("demo: archive story %d of %d: %w", i+1, n, err)
		}
	}
	return nil
}

// generator holds what every synthetic story draws from.
type generator struct {
	rng      *rand.Rand
	sections []story.Section
	authors  []story.Author
	start    time.Time
	span     time.Duration
	buf      []byte // body being assembled, reused
	scratch  []byte // short text being filled, reused
}

func newGenerator(seed int64, now time.Time) *generator {
	return &generator{
		rng:      rand.New(rand.NewPCG(uint64(seed), 0x6e657773726f6f6d)), // "newsroom"
		sections: sections(),
		authors:  authors(),
		start:    now.UTC().Truncate(time.Minute).Add(-archiveSpan),
		span:     archiveSpan - archiveGap,
	}
}

// langsFor decides story i's languages: the even half is bilingual, the odd
// half alternates Korean-only and English-only, so the split holds for any n.
func langsFor(i int) []string {
	switch {
	case i%2 == 0:
		return []string{"ko", "en"}
	case i%4 == 1:
		return []string{"ko"}
	default:
		return []string{"en"}
	}
}

// vars are one story's slot values, each in both languages.
type vars struct {
	org, place, person, title, industry, expert pair
	industryTag                                 string
	n, pct, money, year                         int
}

func (g *generator) pick(list []pair) pair { return list[g.rng.IntN(len(list))] }

func (g *generator) story(i, n int) Story {
	r := g.rng
	sec := g.sections[r.IntN(len(g.sections))]
	bank := banks[sec.Slug]
	t := bank.templates[r.IntN(len(bank.templates))]

	// Evenly spread over the span, oldest first, jittered within each step.
	step := g.span / time.Duration(max(n, 1))
	published := g.start.Add(step*time.Duration(i) + time.Duration(r.Int64N(int64(max(step, time.Minute))))).Truncate(time.Minute)

	ind := industries[r.IntN(len(industries))]
	v := vars{
		org:         g.org(bank),
		place:       g.pick(places),
		industry:    ind.name,
		industryTag: ind.tag,
		n:           t.nMin + r.IntN(t.nMax-t.nMin+1),
		pct:         3 + r.IntN(66),
		money:       t.moneyMin + r.IntN(t.moneyMax-t.moneyMin+1),
		year:        published.Year(),
		title:       g.pick(bank.titles),
	}
	sur, given := g.pick(surnames), g.pick(givenNames)
	v.person = pair{sur.ko + given.ko, given.en + " " + sur.en}
	ex := g.pick(bank.experts)
	sur, given = g.pick(surnames), g.pick(givenNames)
	v.expert = pair{sur.ko + given.ko + " " + ex.ko, given.en + " " + sur.en + ", " + ex.en}

	langs := langsFor(i)
	st := story.Story{
		Section:   sec.Slug,
		Tags:      g.tags(bank, t, v),
		Byline:    g.byline(),
		Versions:  make(map[string]*story.Version, len(langs)),
		CreatedAt: published.Add(-time.Duration(1+r.IntN(48)) * time.Hour),
		UpdatedAt: published,
	}
	st.CreatedBy = st.Byline[0]
	// One paragraph order per story so both languages tell the same story;
	// the section's first paragraph, which introduces the speaker by name
	// and title, always follows the lead.
	order := r.Perm(len(bank.paragraphs) + len(sharedParagraphs) - 1)
	for k := range order {
		order[k]++
	}
	order = append([]int{0}, order...)
	sub := r.IntN(len(bank.subheads))
	quote := r.IntN(len(quotes))
	deck := r.IntN(len(bank.decks))
	bodies := make(map[string]string, len(langs))
	for k, lang := range langs {
		at := published
		if k > 0 {
			at = at.Add(time.Duration(20+r.IntN(360)) * time.Minute)
		}
		lead := g.fill(t.lead.in(lang), lang, &v)
		body := g.body(lang, lead, bank, order, sub, quote, &v, minBodySize+r.IntN(maxBodySize-minBodySize-1200))
		headline := g.fill(t.headline.in(lang), lang, &v)
		ver := &story.Version{
			Lang:        lang,
			Headline:    headline,
			Deck:        g.fill(bank.decks[deck].in(lang), lang, &v),
			Summary:     lead,
			Slug:        story.Slugify(headline),
			Status:      story.Published,
			Revision:    1,
			PublishedAt: at,
			UpdatedAt:   at,
			Words:       countWords(body),
		}
		if k > 0 && r.IntN(3) == 0 {
			ver.TranslatedFrom = langs[0]
		}
		if at.After(st.UpdatedAt) {
			st.UpdatedAt = at
		}
		st.Versions[lang] = ver
		bodies[lang] = body
	}
	return Story{Story: st, Bodies: bodies}
}

// org makes a company or group name from the section's naming parts.
func (g *generator) org(b *bank) pair {
	pre := g.pick(orgPrefixes)
	suf := g.pick(b.orgSuffixes)
	return pair{pre.ko + suf.ko, pre.en + " " + suf.en}
}

// byline is one reporter, now and then two.
func (g *generator) byline() []string {
	a := g.rng.IntN(len(g.authors))
	if g.rng.IntN(8) != 0 {
		return []string{g.authors[a].Handle}
	}
	b := (a + 1 + g.rng.IntN(len(g.authors)-1)) % len(g.authors)
	return []string{g.authors[a].Handle, g.authors[b].Handle}
}

// tags are the template's topic, the industry or place, and a section tag:
// two to five, without repeats.
func (g *generator) tags(b *bank, t template, v vars) []string {
	out := make([]string, 0, 5)
	add := func(tag string) {
		tag = story.NormalizeTag(tag)
		for _, o := range out {
			if o == tag {
				return
			}
		}
		out = append(out, tag)
	}
	add(t.tag)
	if t.usesIndustry {
		add(v.industryTag)
	}
	add(placeTag(v.place.en))
	for range g.rng.IntN(3) {
		add(b.tags[g.rng.IntN(len(b.tags))])
	}
	return out
}

func placeTag(en string) string { return strings.ToLower(strings.ReplaceAll(en, " ", "-")) }

// body assembles a Markdown body of at least target bytes (and at most
// maxBodySize): the lead, two paragraphs, a subheading, a paragraph and a
// pull quote, then paragraphs until long enough. It reuses one buffer, so a
// body costs a single allocation.
func (g *generator) body(lang, lead string, b *bank, order []int, sub, quote int, v *vars, target int) string {
	buf := append(g.buf[:0], lead...)
	buf = append(buf, "\n\n"...)
	written := 0
	for _, p := range order {
		var t pair
		if p < len(b.paragraphs) {
			t = b.paragraphs[p]
		} else {
			t = sharedParagraphs[p-len(b.paragraphs)]
		}
		mark := len(buf)
		if written == 2 {
			buf = append(buf, "## "...)
			buf = appendFill(buf, b.subheads[sub].in(lang), lang, v)
			buf = append(buf, "\n\n"...)
		}
		buf = appendFill(buf, t.in(lang), lang, v)
		buf = append(buf, "\n\n"...)
		if written == 2 {
			buf = append(buf, "> "...)
			buf = appendQuote(buf, quotes[quote], lang, v)
			buf = append(buf, "\n\n"...)
		}
		if written >= 3 && len(buf) > maxBodySize {
			buf = buf[:mark]
			break
		}
		written++
		if written >= 3 && len(buf) >= target {
			break
		}
	}
	buf = append(bytes.TrimRight(buf, "\n"), '\n')
	g.buf = buf
	return string(buf)
}

// appendQuote renders a pull quote with its speaker.
func appendQuote(dst []byte, q pair, lang string, v *vars) []byte {
	dst = append(dst, '"')
	dst = append(dst, q.in(lang)...)
	dst = append(dst, "\" — "...)
	dst = append(dst, v.person.in(lang)...)
	if lang == "ko" {
		return append(append(append(append(dst, ' '), v.org.ko...), ' '), v.title.ko...)
	}
	return append(append(append(append(dst, ", "...), v.title.en...), ", "...), v.org.en...)
}

// fill replaces the slots in a template with the story's values.
func (g *generator) fill(tmpl, lang string, v *vars) string {
	if strings.IndexByte(tmpl, '{') < 0 {
		return tmpl
	}
	g.scratch = appendFill(g.scratch[:0], tmpl, lang, v)
	return string(g.scratch)
}

// appendFill appends tmpl with {slot} and {slot:josa} replaced by the
// story's values; the josa after a Korean slot is given in its
// after-consonant form (은, 이, 을, 과, 으로) and fitted to the word it follows.
func appendFill(dst []byte, tmpl, lang string, v *vars) []byte {
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			return append(dst, tmpl...)
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			return append(dst, tmpl...)
		}
		dst = append(dst, tmpl[:i]...)
		key, josaForm, _ := strings.Cut(tmpl[i+1:i+j], ":")
		start := len(dst)
		dst = appendSlot(dst, key, lang, v)
		if josaForm != "" {
			last, _ := utf8.DecodeLastRune(dst[start:])
			dst = append(dst, josaAfter(last, josaForm)...)
		}
		tmpl = tmpl[i+j+1:]
	}
}

func appendSlot(dst []byte, key, lang string, v *vars) []byte {
	switch key {
	case "n":
		return strconv.AppendInt(dst, int64(v.n), 10)
	case "pct":
		return strconv.AppendInt(dst, int64(v.pct), 10)
	case "year":
		return strconv.AppendInt(dst, int64(v.year), 10)
	case "since":
		return strconv.AppendInt(dst, int64(v.year-3-v.n%25), 10)
	case "money":
		return append(dst, money(v.money, lang)...)
	}
	return append(dst, slot(key, lang, v)...)
}

func slot(key, lang string, v *vars) string {
	switch key {
	case "org":
		return v.org.in(lang)
	case "place":
		return v.place.in(lang)
	case "person":
		return v.person.in(lang)
	case "title":
		return v.title.in(lang)
	case "industry":
		return v.industry.in(lang)
	case "expert":
		return v.expert.in(lang)
	}
	return "{" + key + "}"
}

// money writes an amount given in units of $10,000 the way each language
// says it: 350만 달러 / $3.5 million.
func money(tenThousands int, lang string) string {
	if lang == "ko" {
		eok, man := tenThousands/10000, tenThousands%10000
		switch {
		case eok == 0:
			return thousands(man) + "만 달러"
		case man == 0:
			return strconv.Itoa(eok) + "억 달러"
		}
		return strconv.Itoa(eok) + "억" + thousands(man) + "만 달러"
	}
	if tenThousands < 100 {
		return "$" + strconv.Itoa(tenThousands) + "0,000"
	}
	s := strconv.FormatFloat(float64(tenThousands)/100, 'f', 1, 64)
	return "$" + strings.TrimSuffix(s, ".0") + " million"
}

// thousands writes n with a comma before its last three digits (n < 10,000).
func thousands(n int) string {
	if n < 1000 {
		return strconv.Itoa(n)
	}
	return strconv.Itoa(n/1000) + "," + fmt.Sprintf("%03d", n%1000)
}

// josa picks the form of a Korean particle that fits the word before it:
// form is the after-consonant form (은, 이, 을, 과, 으로).
func josa(word, form string) string {
	last, _ := utf8.DecodeLastRuneInString(word)
	return josaAfter(last, form)
}

// josaAfter is josa for a word ending in last.
func josaAfter(last rune, form string) string {
	final := -1 // final consonant index; -1 when not a Hangul syllable
	if last >= 0xAC00 && last <= 0xD7A3 {
		final = int(last-0xAC00) % 28
	} else if last >= '0' && last <= '9' {
		// Read as Sino-Korean: 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔 end in a consonant (1, 7, 8 in ㄹ).
		final = [...]int{21, 8, 0, 16, 0, 0, 1, 8, 8, 0}[last-'0']
	}
	hasFinal := final > 0
	switch form {
	case "은":
		return either(hasFinal, "은", "는")
	case "이":
		return either(hasFinal, "이", "가")
	case "을":
		return either(hasFinal, "을", "를")
	case "과":
		return either(hasFinal, "과", "와")
	case "으로":
		return either(hasFinal && final != 8, "으로", "로") // ㄹ takes 로
	}
	return form
}

func either(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}
