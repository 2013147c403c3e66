// Package demo holds the paper a fresh install shows — a small edition of a
// Korean-American business weekly in Dallas–Fort Worth, written for this
// project — and a generator of synthetic archives for testing at scale. It
// produces Go values only; storing them is the store's business.
package demo

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsroom/newsroom/story"
)

// The demo paper's name in each language.
const (
	PaperNameKo = "달라스 코리안 비즈니스 저널"
	PaperNameEn = "Dallas Korean Business Journal"
)

// Edition is a paper's worth of content: its sections, reporters and stories.
type Edition struct {
	Sections []story.Section
	Authors  []story.Author
	Stories  []Story // Number left 0: the store assigns numbers in this order
}

// Story is a story with the Markdown body of each of its language versions.
type Story struct {
	Story  story.Story       // Versions filled for each language present, published, revision 1
	Bodies map[string]string // language code -> Markdown body
}

// sections are the paper's departments, in menu order.
func sections() []story.Section {
	return []story.Section{
		{Slug: "business", Name: story.Text{"ko": "경제", "en": "Business"}, Order: 1},
		{Slug: "community", Name: story.Text{"ko": "커뮤니티", "en": "Community"}, Order: 2},
		{Slug: "technology", Name: story.Text{"ko": "기술", "en": "Technology"}, Order: 3},
		{Slug: "real-estate", Name: story.Text{"ko": "부동산", "en": "Real Estate"}, Order: 4},
	}
}

// authors are the paper's reporters; the names are invented.
func authors() []story.Author {
	return []story.Author{
		{Handle: "jhpark", Name: story.Text{"ko": "박지현", "en": "Ji-hyun Park"},
			Title: story.Text{"ko": "기자", "en": "Staff Reporter"}, Email: "jhpark@dkbj.example"},
		{Handle: "smlee", Name: story.Text{"ko": "이승민", "en": "Seung-min Lee"},
			Title: story.Text{"ko": "경제부 기자", "en": "Business Reporter"}, Email: "smlee@dkbj.example"},
		{Handle: "eshan", Name: story.Text{"ko": "한은서", "en": "Eun-seo Han"},
			Title: story.Text{"ko": "기자", "en": "Staff Reporter"}, Email: "eshan@dkbj.example"},
		{Handle: "dykang", Name: story.Text{"ko": "강다연", "en": "Da-yeon Kang"},
			Title: story.Text{"ko": "서울 특파원", "en": "Seoul Correspondent"}, Email: "dykang@dkbj.example"},
	}
}

// Load returns the demo edition; times are relative to now (the last ~10
// days), so the front page looks current. Stories come oldest first so that
// story numbers rise with publication time.
func Load(now time.Time) Edition {
	now = now.UTC().Truncate(time.Minute)
	drafts := editionDrafts()
	// Oldest first: the store numbers stories in the order given.
	sort.SliceStable(drafts, func(i, j int) bool { return drafts[i].age > drafts[j].age })
	ed := Edition{Sections: sections(), Authors: authors(), Stories: make([]Story, 0, len(drafts))}
	for _, d := range drafts {
		ed.Stories = append(ed.Stories, d.build(now))
	}
	return ed
}

// draft is a demo story as written: its age and each language's text.
type draft struct {
	section  string
	tags     []string
	byline   []string
	priority int
	age      time.Duration // how long before now it was published
	photo    story.Photo
	texts    []text
}

// text is one language version as written.
type text struct {
	lang, headline, deck, summary, body string
	after                               time.Duration // published this long after the story's first version
	updatedAfter                        time.Duration // updated this long after publication, with correction
	correction                          string
	translatedFrom                      string
	translatedBy                        string
}

func (d draft) build(now time.Time) Story {
	published := now.Add(-d.age)
	st := story.Story{
		Section:   d.section,
		Tags:      d.tags,
		Byline:    d.byline,
		Photo:     d.photo,
		Priority:  d.priority,
		Versions:  make(map[string]*story.Version, len(d.texts)),
		CreatedBy: d.byline[0],
		CreatedAt: published.Add(-5 * time.Hour),
		UpdatedAt: published,
	}
	bodies := make(map[string]string, len(d.texts))
	for _, t := range d.texts {
		v := &story.Version{
			Lang:           t.lang,
			Headline:       t.headline,
			Deck:           t.deck,
			Summary:        t.summary,
			Slug:           story.Slugify(t.headline),
			Status:         story.Published,
			Revision:       1,
			PublishedAt:    published.Add(t.after),
			Correction:     t.correction,
			TranslatedFrom: t.translatedFrom,
			TranslatedBy:   t.translatedBy,
			Words:          countWords(t.body),
		}
		v.UpdatedAt = v.PublishedAt.Add(t.updatedAfter)
		if v.UpdatedAt.After(st.UpdatedAt) {
			st.UpdatedAt = v.UpdatedAt
		}
		st.Versions[t.lang] = v
		bodies[t.lang] = strings.TrimSpace(t.body) + "\n"
	}
	return Story{Story: st, Bodies: bodies}
}

// countWords counts runs of text that hold a letter or digit, so Markdown
// markers such as "##" and ">" are not counted as words.
func countWords(s string) int {
	n := 0
	word := false // inside a run that has a letter or digit
	for i := 0; i < len(s); {
		var space, alnum bool
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII fast path: the archive counts millions of words.
			space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
			alnum = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r >= 0xAC00 && r <= 0xD7A3 { // Hangul syllable, most of a Korean body
				alnum = true
			} else {
				space = unicode.IsSpace(r)
				alnum = unicode.IsLetter(r) || unicode.IsDigit(r)
			}
			i += size
		}
		switch {
		case space:
			word = false
		case !word && alnum:
			word = true
			n++
		}
	}
	return n
}
