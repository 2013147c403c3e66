package catalog

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/newsroom/newsroom/story"
)

// The newsroom's lists: every version of any status, newest first, narrowed
// by language, status, section, reporter, dates and headline words, paged.
func TestVersionsFiltersAndPages(t *testing.T) {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	c := New([]string{"ko", "en"}, func() time.Time { return now })
	pub := func(at time.Time, headline string) *story.Version {
		return &story.Version{Headline: headline, Status: story.Published, PublishedAt: at}
	}
	c.Load([]*story.Story{
		{Number: 1, Section: "business", Byline: []string{"hong"}, UpdatedAt: now, Versions: map[string]*story.Version{
			"ko": pub(now.Add(-3*time.Hour), "무역 협정 체결"), "en": pub(now.Add(-2*time.Hour), "Trade Agreement Signed")}},
		{Number: 2, Section: "community", Byline: []string{"kim"}, UpdatedAt: now.Add(-time.Hour), Versions: map[string]*story.Version{
			"ko": {Headline: "한인회 총회 초안", Status: story.Draft}}},
		{Number: 3, Section: "business", Byline: []string{"kim"}, UpdatedAt: now, Versions: map[string]*story.Version{
			"en": {Headline: "Chamber elects new board", Status: story.Scheduled, ScheduledAt: now.Add(24 * time.Hour)}}},
	}, nil, nil)
	ref := func(es []Entry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.Lang+strconv.Itoa(e.Story.Number))
		}
		return out
	}
	for _, tc := range []struct {
		name string
		q    Query
		want []string
	}{
		{"all, newest first", Query{}, []string{"en3", "ko2", "en1", "ko1"}},
		{"language", Query{Lang: "ko"}, []string{"ko2", "ko1"}},
		{"status", Query{Status: story.Published}, []string{"en1", "ko1"}},
		{"section", Query{Section: "business"}, []string{"en3", "en1", "ko1"}},
		{"reporter", Query{Author: "kim"}, []string{"en3", "ko2"}},
		{"dates", Query{From: now.Add(-150 * time.Minute), To: now}, []string{"ko2", "en1"}},
		{"headline words, any case", Query{Words: []string{"trade", "SIGNED"}}, []string{"en1"}},
		{"Korean word", Query{Words: []string{"총회"}}, []string{"ko2"}},
		{"extra condition", Query{Where: func(e Entry) bool { return e.Story.Number == 1 }}, []string{"en1", "ko1"}},
	} {
		got, total := c.Versions(tc.q, 0, 10)
		if g := ref(got); !slices.Equal(g, tc.want) || total != len(tc.want) {
			t.Errorf("%s: %v (total %d), want %v", tc.name, g, total, tc.want)
		}
	}
	page, total := c.Versions(Query{}, 1, 2)
	if g := ref(page); !slices.Equal(g, []string{"ko2", "en1"}) || total != 4 {
		t.Errorf("second page of two: %v of %d", g, total)
	}
	// A write shows in the next list.
	c.Remove(3)
	if got, _ := c.Versions(Query{Author: "kim"}, 0, 10); !slices.Equal(ref(got), []string{"ko2"}) {
		t.Errorf("after removing story 3: %v", ref(got))
	}
}
