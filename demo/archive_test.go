package demo

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/story"
)

func collect(t testing.TB, n int, seed int64) []Story {
	t.Helper()
	var out []Story
	if err := Archive(n, seed, testNow, func(s Story) error {
		out = append(out, s)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestArchiveShape(t *testing.T) {
	const n = 1000
	stories := collect(t, n, 7)
	if len(stories) != n {
		t.Fatalf("got %d stories, want %d", len(stories), n)
	}
	ed := Load(testNow)
	var both, koOnly, enOnly int
	sections, reporters, tags, years := map[string]int{}, map[string]int{}, map[string]bool{}, map[int]bool{}
	slugs := map[string]map[string]int{"ko": {}, "en": {}}
	var oldest, newest, prev time.Time
	for i, s := range stories {
		st := s.Story
		ko, en := st.Versions["ko"] != nil, st.Versions["en"] != nil
		switch {
		case ko && en:
			both++
		case ko:
			koOnly++
		default:
			enOnly++
		}
		if !hasSection(ed, st.Section) {
			t.Fatalf("story %d: unknown section %q", i, st.Section)
		}
		sections[st.Section]++
		if len(st.Byline) < 1 || len(st.Byline) > 2 {
			t.Errorf("story %d: byline %v", i, st.Byline)
		}
		for _, h := range st.Byline {
			if !hasAuthor(ed, h) {
				t.Fatalf("story %d: unknown reporter %q", i, h)
			}
			reporters[h]++
		}
		if len(st.Tags) < 2 || len(st.Tags) > 5 {
			t.Errorf("story %d: %d tags %v, want 2-5", i, len(st.Tags), st.Tags)
		}
		for _, tag := range st.Tags {
			if tag == "" || tag != story.NormalizeTag(tag) {
				t.Errorf("story %d: tag %q not normalized", i, tag)
			}
			tags[tag] = true
		}
		at := first(s)
		if at.Before(prev) {
			t.Errorf("story %d published before the one before it", i)
		}
		prev = at
		if oldest.IsZero() {
			oldest = at
		}
		newest = at
		years[at.Year()] = true
		for lang, v := range st.Versions {
			body := s.Bodies[lang]
			where := lang + "/" + v.Slug
			if v.Status != story.Published || v.Revision != 1 || v.Lang != lang || st.Number != 0 {
				t.Errorf("%s: status %q revision %d lang %q number %d", where, v.Status, v.Revision, v.Lang, st.Number)
			}
			if v.Headline == "" || v.Deck == "" || v.Summary == "" || strings.Contains(v.Headline+v.Deck+v.Summary, "{") {
				t.Errorf("%s: headline %q deck %q summary %q", where, v.Headline, v.Deck, v.Summary)
			}
			if v.Slug != story.Slugify(v.Headline) || !story.ValidSlug(v.Slug) {
				t.Errorf("%s: bad slug", where)
			}
			slugs[lang][v.Slug]++
			if len(body) < 2048 || len(body) > 5120 {
				t.Errorf("%s: body of %d bytes, want 2-5 KB", where, len(body))
			}
			if !strings.Contains(body, "\n## ") || !strings.Contains(body, "\n> ") || strings.Contains(body, "{") {
				t.Errorf("%s: body lacks a subheading or quote, or has an unfilled slot:\n%s", where, body)
			}
			if v.Words != countWords(body) || v.PublishedAt.After(testNow) {
				t.Errorf("%s: words %d, published %v", where, v.Words, v.PublishedAt)
			}
			if h := countHangul(body); (lang == "ko") != (h > 0) {
				t.Errorf("%s: %d Hangul characters in body", where, h)
			}
		}
	}
	if both != n/2 || koOnly+enOnly != n-n/2 || koOnly < n/5 || enOnly < n/5 {
		t.Errorf("bilingual %d, ko-only %d, en-only %d of %d", both, koOnly, enOnly, n)
	}
	for _, sec := range ed.Sections {
		if sections[sec.Slug] == 0 {
			t.Errorf("section %q unused", sec.Slug)
		}
	}
	for _, a := range ed.Authors {
		if reporters[a.Handle] == 0 {
			t.Errorf("reporter %q never in a byline", a.Handle)
		}
	}
	if len(tags) < 60 {
		t.Errorf("%d distinct tags, want many", len(tags))
	}
	if span := newest.Sub(oldest); span < 4*365*24*time.Hour || len(years) < 5 {
		t.Errorf("archive spans %v over %d calendar years, want about five years", span, len(years))
	}
	if testNow.Sub(oldest) > 5*366*24*time.Hour {
		t.Errorf("oldest story %v is more than five years before now", oldest)
	}
	for lang, m := range slugs {
		dups := 0
		for _, c := range m {
			dups += c - 1
		}
		if total := len(m) + dups; dups*100 > total {
			t.Errorf("%s: %d of %d slugs repeat, want under 1%%", lang, dups, total)
		}
	}
}

func TestArchiveDeterministic(t *testing.T) {
	a, b := collect(t, 200, 42), collect(t, 200, 42)
	if !reflect.DeepEqual(a, b) {
		t.Error("same seed gave different archives")
	}
	c := collect(t, 200, 43)
	if reflect.DeepEqual(a, c) {
		t.Error("different seeds gave the same archive")
	}
}

func TestArchiveStopsOnError(t *testing.T) {
	stop := errors.New("disk full")
	calls := 0
	err := Archive(100, 1, testNow, func(Story) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 3 {
		t.Errorf("err = %v after %d calls, want the callback's error after 3", err, calls)
	}
}

// TestArchiveSlugsAtScale counts repeated slugs at the size the archive is
// meant for.
func TestArchiveSlugsAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 20,000 stories")
	}
	seen := map[string]map[string]bool{"ko": {}, "en": {}}
	dups := map[string]int{}
	if err := Archive(20000, 1, testNow, func(s Story) error {
		for lang, v := range s.Story.Versions {
			if seen[lang][v.Slug] {
				dups[lang]++
			}
			seen[lang][v.Slug] = true
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for lang, m := range seen {
		total := len(m) + dups[lang]
		t.Logf("%s: %d repeated slugs of %d", lang, dups[lang], total)
		if dups[lang]*100 > total {
			t.Errorf("%s: %d of %d slugs repeat, want under 1%%", lang, dups[lang], total)
		}
	}
}

func TestJosa(t *testing.T) {
	tests := []struct{ word, form, want string }{
		{"한빛무역", "이", "이"},
		{"한빛무역", "은", "은"},
		{"다온테크", "이", "가"},
		{"다온테크", "은", "는"},
		{"한마음봉사회", "과", "와"},
		{"그루장학재단", "과", "과"},
		{"달라스", "으로", "로"},
		{"서울", "으로", "로"},
		{"부산항", "으로", "으로"},
		{"2026", "은", "은"},
		{"2025", "은", "는"},
	}
	for _, tt := range tests {
		if got := josa(tt.word, tt.form); got != tt.want {
			t.Errorf("josa(%q, %q) = %q, want %q", tt.word, tt.form, got, tt.want)
		}
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		units  int
		ko, en string
	}{
		{5, "5만 달러", "$50,000"},
		{350, "350만 달러", "$3.5 million"},
		{1200, "1,200만 달러", "$12 million"},
		{10000, "1억 달러", "$100 million"},
		{12000, "1억2,000만 달러", "$120 million"},
	}
	for _, tt := range tests {
		if got := money(tt.units, "ko"); got != tt.ko {
			t.Errorf("money(%d, ko) = %q, want %q", tt.units, got, tt.ko)
		}
		if got := money(tt.units, "en"); got != tt.en {
			t.Errorf("money(%d, en) = %q, want %q", tt.units, got, tt.en)
		}
	}
}

func BenchmarkArchive20000(b *testing.B) {
	for b.Loop() {
		if err := Archive(20000, 1, testNow, func(Story) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
