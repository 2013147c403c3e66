package demo

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsroom/newsroom/story"
)

var testNow = time.Date(2026, 3, 14, 15, 30, 0, 0, time.UTC)

func TestLoadCounts(t *testing.T) {
	ed := Load(testNow)
	if len(ed.Sections) < 3 {
		t.Errorf("sections = %d, want at least 3", len(ed.Sections))
	}
	for _, slug := range []string{"business", "community", "technology"} {
		if !hasSection(ed, slug) {
			t.Errorf("no section %q", slug)
		}
	}
	if len(ed.Authors) < 3 {
		t.Errorf("authors = %d, want at least 3", len(ed.Authors))
	}
	if len(ed.Stories) < 10 {
		t.Errorf("stories = %d, want at least 10", len(ed.Stories))
	}
	var both, koOnly, enOnly int
	for _, s := range ed.Stories {
		ko, en := s.Story.Versions["ko"] != nil, s.Story.Versions["en"] != nil
		switch {
		case ko && en:
			both++
		case ko:
			koOnly++
		case en:
			enOnly++
		}
	}
	if both < 6 || koOnly < 1 || enOnly < 1 || koOnly+enOnly < 2 {
		t.Errorf("bilingual %d, ko-only %d, en-only %d: want 6+, 1+, 1+ and 2+ single-language", both, koOnly, enOnly)
	}
}

func TestLoadSectionsAndAuthors(t *testing.T) {
	ed := Load(testNow)
	seen := map[string]bool{}
	for _, sec := range ed.Sections {
		if sec.Name["ko"] == "" || sec.Name["en"] == "" || sec.Order == 0 || !story.ValidSlug(sec.Slug) {
			t.Errorf("section %+v: want a valid slug, both names and an order", sec)
		}
		if seen[sec.Slug] {
			t.Errorf("section %q twice", sec.Slug)
		}
		seen[sec.Slug] = true
	}
	for _, a := range ed.Authors {
		if a.Handle == "" || a.Name["ko"] == "" || a.Name["en"] == "" || a.Title["ko"] == "" || a.Title["en"] == "" {
			t.Errorf("author %+v: want a handle and both names and titles", a)
		}
	}
}

// TestLoadStories checks every version the way a reader or the store meets it.
func TestLoadStories(t *testing.T) {
	ed := Load(testNow)
	slugs := map[string]map[string]int{"ko": {}, "en": {}}
	for i, s := range ed.Stories {
		st := s.Story
		if st.Number != 0 {
			t.Errorf("story %d: Number = %d, want 0 for the store to assign", i, st.Number)
		}
		if !hasSection(ed, st.Section) {
			t.Errorf("story %d: unknown section %q", i, st.Section)
		}
		if n := len(st.Tags); n < 2 || n > 5 {
			t.Errorf("story %d: %d tags, want 2-5", i, n)
		}
		for _, tag := range st.Tags {
			if tag != story.NormalizeTag(tag) {
				t.Errorf("story %d: tag %q not normalized", i, tag)
			}
		}
		if n := len(st.Byline); n < 1 || n > 2 {
			t.Errorf("story %d: byline of %d, want 1-2", i, n)
		}
		for _, h := range st.Byline {
			if !hasAuthor(ed, h) {
				t.Errorf("story %d: byline handle %q is no reporter", i, h)
			}
		}
		if st.Photo.ID != "" {
			t.Errorf("story %d: photo ID %q, want empty", i, st.Photo.ID)
		}
		if len(st.Versions) == 0 || len(st.Versions) != len(s.Bodies) {
			t.Errorf("story %d: %d versions, %d bodies", i, len(st.Versions), len(s.Bodies))
		}
		for lang, v := range st.Versions {
			where := st.Section + "/" + lang + "/" + v.Slug
			body := s.Bodies[lang]
			if v.Lang != lang || v.Status != story.Published || v.Revision != 1 {
				t.Errorf("%s: lang %q status %q revision %d", where, v.Lang, v.Status, v.Revision)
			}
			if v.Headline == "" || v.Deck == "" || v.Summary == "" {
				t.Errorf("%s: want headline, deck and summary", where)
			}
			if v.Slug != story.Slugify(v.Headline) || !story.ValidSlug(v.Slug) {
				t.Errorf("%s: slug does not come from the headline or is invalid", where)
			}
			if slugs[lang][v.Slug]++; slugs[lang][v.Slug] > 1 {
				t.Errorf("%s: slug used twice in %s", where, lang)
			}
			if v.PublishedAt.IsZero() || v.PublishedAt.After(testNow) || testNow.Sub(v.PublishedAt) > 10*24*time.Hour {
				t.Errorf("%s: published %v, want within the 10 days before %v", where, v.PublishedAt, testNow)
			}
			if !v.Live(testNow) {
				t.Errorf("%s: not live now", where)
			}
			if v.Words < 100 || v.Words != countWords(body) {
				t.Errorf("%s: words = %d for a body of %d", where, v.Words, countWords(body))
			}
			if !strings.Contains(body, "\n## ") || !strings.Contains(body, "\n> ") {
				t.Errorf("%s: body lacks a ## subheading or a > quote", where)
			}
			if st.Photo.Caption[lang] == "" || st.Photo.Credit[lang] == "" {
				t.Errorf("%s: no photo caption or credit in %s", where, lang)
			}
			hangul := countHangul(body)
			switch lang {
			case "ko":
				if n := utf8.RuneCountInString(body); n < 1200 || hangul < n/2 {
					t.Errorf("%s: Korean body has %d characters (%d Hangul), want 1,200+ mostly Hangul", where, n, hangul)
				}
			case "en":
				if hangul > 0 {
					t.Errorf("%s: English body has %d Hangul characters", where, hangul)
				}
			}
			for _, h := range st.Byline {
				for _, a := range ed.Authors {
					if a.Handle == h && strings.Contains(body, a.Name[lang]) {
						t.Errorf("%s: body names its reporter %q (templates render bylines)", where, a.Name[lang])
					}
				}
			}
		}
	}
}

func TestLoadMOULeads(t *testing.T) {
	ed := Load(testNow)
	lead := ed.Stories[0]
	for _, s := range ed.Stories[1:] {
		if s.Story.Priority >= lead.Story.Priority {
			lead = s
		}
	}
	ko, en := lead.Bodies["ko"], lead.Bodies["en"]
	for _, term := range []string{"로봇산업협회", "라이프케어로봇", "상공회의소", "한인상공회의소", "MOU", "업무협약"} {
		if !strings.Contains(ko, term) && !strings.Contains(lead.Story.Versions["ko"].Deck, term) {
			t.Errorf("front-page lead's Korean text lacks %q", term)
		}
	}
	for _, term := range []string{"robots", "robot", "chambers of commerce", "technopark"} {
		if !strings.Contains(en, term) && !strings.Contains(lead.Story.Versions["en"].Deck, term) {
			t.Errorf("front-page lead's English text lacks %q", term)
		}
	}
	if !strings.Contains(lead.Story.Versions["en"].Deck, "Five Korean-American chambers of commerce sign MOU") {
		t.Errorf("lead deck = %q", lead.Story.Versions["en"].Deck)
	}
}

func TestLoadTranslationAndCorrection(t *testing.T) {
	ed := Load(testNow)
	var translated, corrected int
	for _, s := range ed.Stories {
		ko, en := s.Story.Versions["ko"], s.Story.Versions["en"]
		if ko == nil || en == nil {
			continue
		}
		if en.TranslatedFrom == "ko" {
			translated++
		}
		if ko.Correction != "" && en.Correction != "" && ko.WasUpdated() && en.WasUpdated() {
			corrected++
			if d := en.UpdatedAt.Sub(en.PublishedAt); d < time.Hour || d > 12*time.Hour {
				t.Errorf("correction came %v after publication, want a few hours", d)
			}
		}
	}
	if translated != 1 || corrected != 1 {
		t.Errorf("translated from ko: %d, corrected in both languages: %d; want 1 and 1", translated, corrected)
	}
}

func TestLoadOldestFirst(t *testing.T) {
	ed := Load(testNow)
	for i := 1; i < len(ed.Stories); i++ {
		if first(ed.Stories[i]).Before(first(ed.Stories[i-1])) {
			t.Errorf("story %d published before story %d: the store numbers them in order", i, i-1)
		}
	}
}

func first(s Story) time.Time {
	var t time.Time
	for _, v := range s.Story.Versions {
		if t.IsZero() || v.PublishedAt.Before(t) {
			t = v.PublishedAt
		}
	}
	return t
}

func hasSection(ed Edition, slug string) bool {
	for _, s := range ed.Sections {
		if s.Slug == slug {
			return true
		}
	}
	return false
}

func hasAuthor(ed Edition, handle string) bool {
	for _, a := range ed.Authors {
		if a.Handle == handle {
			return true
		}
	}
	return false
}

func countHangul(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0xAC00 && r <= 0xD7A3 {
			n++
		}
	}
	return n
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"Five chambers sign an MOU.", 5},
		{"## A market short of caregivers\n\n> \"Quote\" — Jane Doe", 8},
		{"한인상공회의소 5곳이 업무협약을 체결했다.", 4},
		{"1억2천만 달러 — 일자리 350개", 4},
	}
	for _, tt := range tests {
		if got := countWords(tt.in); got != tt.want {
			t.Errorf("countWords(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
