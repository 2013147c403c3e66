package search

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSearch(t *testing.T) {
	ix := newTestIndex(t)
	tests := []struct {
		name  string
		q     Query
		want  []string // all of these, in any order
		not   []string // none of these
		first string   // the top hit, if set
		none  bool     // no hits at all
	}{
		{name: "korean particle", q: Query{Text: "로봇", Lang: "ko"}, want: []string{"101-ko", "106-ko"}},
		{name: "headline match ranks first", q: Query{Text: "로봇", Lang: "ko"}, first: "101-ko"},
		{name: "compound inside a word", q: Query{Text: "라이프케어로봇", Lang: "ko"}, want: []string{"101-ko"}, not: []string{"106-ko"}},
		{name: "chamber with particle and prefix", q: Query{Text: "상공회의소", Lang: "ko"}, want: []string{"101-ko", "104-ko"}},
		{name: "grams apart do not make the word", q: Query{Text: "상공회의소", Lang: "ko"}, not: []string{"103-ko", "108-ko"}},
		{name: "query with a particle", q: Query{Text: "상공회의소를", Lang: "ko"}, want: []string{"101-ko", "104-ko"}},
		{name: "latin in korean", q: Query{Text: "MOU", Lang: "ko"}, want: []string{"101-ko", "102-ko"}},
		{name: "latin with particle", q: Query{Text: "MOU를", Lang: "ko"}, want: []string{"101-ko", "102-ko"}, first: "101-ko"},
		{name: "lower case latin", q: Query{Text: "mou", Lang: "ko"}, want: []string{"101-ko"}},
		{name: "all words must match", q: Query{Text: "로봇 MOU", Lang: "ko"}, want: []string{"101-ko"}, not: []string{"102-ko", "106-ko"}},
		{name: "single syllable", q: Query{Text: "차", Lang: "ko"}, want: []string{"105-ko", "102-ko"}},
		{name: "byline", q: Query{Text: "김민지", Lang: "ko"}, want: []string{"101-ko"}},
		{name: "tag", q: Query{Text: "세금", Lang: "ko"}, want: []string{"104-ko"}},
		{name: "no match", q: Query{Text: "우주선", Lang: "ko"}, none: true},
		{name: "english plural", q: Query{Text: "robot", Lang: "en"}, want: []string{"101-en", "106-en"}},
		{name: "english stemming", q: Query{Text: "signing", Lang: "en"}, want: []string{"101-en", "104-en"}},
		{name: "english headline first", q: Query{Text: "restaurants", Lang: "en"}, want: []string{"103-en", "106-en"}, first: "106-en"},
		{name: "english stop words only", q: Query{Text: "the of and", Lang: "en"}, none: true},
		{name: "english stop word ignored", q: Query{Text: "the seminar", Lang: "en"}, want: []string{"104-en", "107-en"}},
		{name: "other language never", q: Query{Text: "MOU", Lang: "en"}, want: []string{"101-en", "102-en"}, not: []string{"101-ko", "102-ko"}},
		{name: "korean text in english search", q: Query{Text: "로봇", Lang: "en"}, none: true},
		{name: "section filter", q: Query{Text: "세미나", Lang: "ko", Section: "community"}, want: []string{"104-ko", "107-ko"}},
		{name: "section filter excludes", q: Query{Text: "MOU", Lang: "ko", Section: "community"}, none: true},
		{name: "date from", q: Query{Text: "세미나", Lang: "ko", From: day("2024-02-01")}, want: []string{"107-ko"}, not: []string{"104-ko"}},
		{name: "date to is exclusive", q: Query{Text: "세미나", Lang: "ko", To: day("2024-03-18")}, want: []string{"104-ko"}, not: []string{"107-ko"}},
		{name: "date range", q: Query{Text: "로봇", Lang: "ko", From: day("2024-03-13"), To: day("2024-03-16")}, want: []string{"101-ko"}, not: []string{"106-ko"}},
		{name: "blank", q: Query{Text: "  \t ", Lang: "ko"}, none: true},
		{name: "empty", q: Query{Text: "", Lang: "en"}, none: true},
		{name: "syntax is plain text", q: Query{Text: `+robot -chamber "signed`, Lang: "en"}, want: []string{"101-en"}},
		{name: "field syntax is plain text", q: Query{Text: "headline:로봇", Lang: "ko"}, none: true},
		{name: "operators are plain text", q: Query{Text: `로봇^5 AND (MOU~2) OR *`, Lang: "ko"}, none: true},
		{name: "punctuation only", q: Query{Text: `"+-*?~^(){}[]:\/!`, Lang: "ko"}, none: true},
		{name: "regexp characters", q: Query{Text: `/.*/ 로봇.* [a-z]+`, Lang: "ko"}, none: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := ix.Search(tc.q)
			if err != nil {
				t.Fatalf("Search(%+v): %v", tc.q, err)
			}
			got := ids(r)
			for _, h := range r.Hits {
				if h.Lang != tc.q.Lang {
					t.Errorf("hit %d in %s, searched %s", h.Number, h.Lang, tc.q.Lang)
				}
			}
			if tc.none && len(got) > 0 {
				t.Errorf("got %v, want nothing", got)
			}
			if r.Total != len(got) && r.Page == 1 && len(got) < DefaultPerPage {
				t.Errorf("Total %d for %d hits", r.Total, len(got))
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("got %v, missing %s", got, w)
				}
			}
			for _, n := range tc.not {
				if slices.Contains(got, n) {
					t.Errorf("got %v, should not have %s", got, n)
				}
			}
			if tc.first != "" && (len(got) == 0 || got[0] != tc.first) {
				t.Errorf("got %v, want %s first", got, tc.first)
			}
		})
	}
}

// TestSearchCommonWords forces what Search does for a word whose grams
// are in thousands of bodies: bodies must hold all the grams, in any order.
func TestSearchCommonWords(t *testing.T) {
	ix := newTestIndex(t)
	ix.phraseLimit = 0
	r, err := ix.Search(Query{Text: "상공회의소", Lang: "ko"})
	if err != nil {
		t.Fatal(err)
	}
	got := ids(r)
	for _, w := range []string{"101-ko", "104-ko"} {
		if !slices.Contains(got, w) {
			t.Errorf("got %v, missing %s", got, w)
		}
	}
	// 108 has 상공 and 의소 but not 공회 or 회의. (103 has all four apart,
	// and is the price of skipping the phrase check.)
	if slices.Contains(got, "108-ko") {
		t.Errorf("got %v: a body with some of the grams matched", got)
	}
	// Highlighting still marks the word, not scattered grams.
	i := slices.Index(got, "104-ko")
	if i >= 0 && !strings.Contains(string(r.Hits[i].Snippet), "<mark>상공회의소를</mark>") &&
		!strings.Contains(string(r.Hits[i].Snippet), "<mark>상공회의소</mark>를") {
		t.Errorf("snippet %s", r.Hits[i].Snippet)
	}
}

func TestSearchLongQuery(t *testing.T) {
	ix := newTestIndex(t)
	long := strings.Repeat("로봇 robot ", 500)
	if _, err := ix.Search(Query{Text: long, Lang: "ko"}); err != nil {
		t.Fatal(err)
	}
	if got := queryWords(long); len(got) > maxWords {
		t.Errorf("%d words kept", len(got))
	}
}

func TestSearchNeedsLanguage(t *testing.T) {
	ix := newTestIndex(t)
	if _, err := ix.Search(Query{Text: "로봇"}); err == nil {
		t.Error("no error for a query without a language")
	}
}

func TestSearchPages(t *testing.T) {
	ix := newTestIndex(t)
	q := Query{Text: "무역", Lang: "ko", PerPage: 2} // 102 and the five market briefs
	var all []string
	for page := 1; page <= 4; page++ {
		q.Page = page
		r, err := ix.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != 6 || r.Pages != 3 || r.Page != page {
			t.Fatalf("page %d: Total %d, Pages %d, Page %d; want 6, 3, %d", page, r.Total, r.Pages, r.Page, page)
		}
		wantLen := map[int]int{1: 2, 2: 2, 3: 2, 4: 0}[page]
		if len(r.Hits) != wantLen {
			t.Errorf("page %d: %d hits, want %d", page, len(r.Hits), wantLen)
		}
		all = append(all, ids(r)...)
	}
	slices.Sort(all)
	if len(slices.Compact(all)) != 6 {
		t.Errorf("pages together hold %v, want 6 distinct stories", all)
	}

	q.Page = 100000 // far past the reachable depth
	r, err := ix.Search(q)
	if err != nil || len(r.Hits) != 0 || r.Total != 6 {
		t.Errorf("deep page: %v hits, Total %d, err %v", len(r.Hits), r.Total, err)
	}
}

func TestDeleteAndReplace(t *testing.T) {
	ix := newTestIndex(t)
	if err := ix.Delete(106, "ko"); err != nil {
		t.Fatal(err)
	}
	if err := ix.Delete(999, "ko"); err != nil {
		t.Errorf("deleting a missing doc: %v", err)
	}
	r, err := ix.Search(Query{Text: "로봇", Lang: "ko"})
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(ids(r), "106-ko") {
		t.Errorf("deleted story still found: %v", ids(r))
	}
	// The English version of the deleted story is untouched.
	r, err = ix.Search(Query{Text: "robots", Lang: "en"})
	if err != nil || !slices.Contains(ids(r), "106-en") {
		t.Errorf("English version lost: %v, %v", ids(r), err)
	}

	// An edit replaces the document rather than adding one.
	n, _ := ix.Count()
	d := corpus()[0]
	d.Headline = "한인상공회의소, 우주항공협회와 협약"
	if err := ix.Put(d); err != nil {
		t.Fatal(err)
	}
	if m, _ := ix.Count(); m != n {
		t.Errorf("Count %d after edit, was %d", m, n)
	}
	r, _ = ix.Search(Query{Text: "우주항공", Lang: "ko"})
	if !slices.Equal(ids(r), []string{"101-ko"}) {
		t.Errorf("edited headline not found: %v", ids(r))
	}
}

var tag = regexp.MustCompile(`</?mark>`)

func TestHighlight(t *testing.T) {
	ix := newTestIndex(t)
	tests := []struct {
		q            Query
		number       int
		headline     string // exact
		snippetHas   []string
		snippetLacks []string
	}{
		{
			q: Query{Text: "상공회의소", Lang: "ko"}, number: 101,
			headline:   "한인<mark>상공회의소</mark>, 라이프케어로봇산업협회와 MOU 체결",
			snippetHas: []string{"뉴욕한인<mark>상공회의소</mark>는"},
		},
		{
			q: Query{Text: "MOU를", Lang: "ko"}, number: 101,
			headline:   "한인상공회의소, 라이프케어로봇산업협회와 <mark>MOU</mark> 체결",
			snippetHas: []string{"<mark>MOU를</mark> 통해"},
		},
		{
			q: Query{Text: "차", Lang: "ko"}, number: 105,
			headline: "전기<mark>차</mark> 보조금 변경에 자동<mark>차</mark> 업계 긴장",
		},
		{
			q: Query{Text: "보안", Lang: "ko"}, number: 107,
			headline:     "해킹 피해 예방하려면",
			snippetHas:   []string{"<mark>보안</mark> 세미나", "&lt;script&gt;alert(1)&lt;/script&gt;"},
			snippetLacks: []string{"<script>"},
		},
		{
			q: Query{Text: "script", Lang: "en"}, number: 107,
			headline:     "How to avoid being hacked",
			snippetHas:   []string{"&lt;<mark>script</mark>&gt;"},
			snippetLacks: []string{"<script>"},
		},
		{
			q: Query{Text: "signing robot", Lang: "en"}, number: 101,
			headline:   "Korean chamber <mark>signs</mark> MOU with lifecare <mark>robot</mark> makers",
			snippetHas: []string{"<mark>signed</mark>", "<mark>Robot</mark> Industry"},
		},
		{
			// Matched in the tags only: the snippet is the deck, unmarked.
			q: Query{Text: "세금", Lang: "ko"}, number: 104,
			headline:   "한인 소상공인 위한 세무 세미나 열려",
			snippetHas: []string{"세법 개정 내용 설명"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.q.Text, func(t *testing.T) {
			r, err := ix.Search(tc.q)
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(r.Hits, func(h Hit) bool { return h.Number == tc.number })
			if i < 0 {
				t.Fatalf("story %d not found: %v", tc.number, ids(r))
			}
			h := r.Hits[i]
			if string(h.Headline) != tc.headline {
				t.Errorf("headline\n got %s\nwant %s", h.Headline, tc.headline)
			}
			for _, s := range tc.snippetHas {
				if !strings.Contains(string(h.Snippet), s) {
					t.Errorf("snippet %s\nlacks %s", h.Snippet, s)
				}
			}
			for _, s := range tc.snippetLacks {
				if strings.Contains(string(h.Snippet), s) {
					t.Errorf("snippet %s\nhas %s", h.Snippet, s)
				}
			}
		})
	}
}

func TestSnippetWindow(t *testing.T) {
	// A long Korean body with the match deep inside: the snippet is a window
	// of about SnippetRunes around it, cut between syllables, never inside one.
	body := strings.Repeat("한인 사회의 다양한 소식을 전합니다. ", 40) + "뉴욕한인상공회의소는 로봇 협회와 손을 잡았다. " + strings.Repeat("지역 경제 소식도 이어집니다. ", 40)
	ix, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Put(Doc{Number: 1, Lang: "ko", Headline: "긴 기사", Body: body}); err != nil {
		t.Fatal(err)
	}
	r, err := ix.Search(Query{Text: "상공회의소 로봇", Lang: "ko"})
	if err != nil || len(r.Hits) != 1 {
		t.Fatalf("%v %v", r, err)
	}
	s := string(r.Hits[0].Snippet)
	if !strings.Contains(s, "<mark>상공회의소</mark>") || !strings.Contains(s, "<mark>로봇</mark>") {
		t.Errorf("snippet misses the matches: %s", s)
	}
	if !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") {
		t.Errorf("snippet of the middle of a body should show it is cut: %s", s)
	}
	plain := html.UnescapeString(tag.ReplaceAllString(s, ""))
	if !utf8.ValidString(plain) {
		t.Errorf("snippet is not valid UTF-8: %q", plain)
	}
	if n := utf8.RuneCountInString(plain); n > SnippetRunes+2 || n < SnippetRunes/2 {
		t.Errorf("snippet is %d runes: %s", n, plain)
	}
	if strings.Contains(plain, "\uFFFD") {
		t.Errorf("snippet holds a broken character: %s", plain)
	}
}

// TestConcurrentUse searches while stories are published and withdrawn, as
// request handlers and the publisher do; run with -race.
func TestConcurrentUse(t *testing.T) {
	ix := newTestIndex(t)
	docs := corpus()
	done := make(chan error, 4)
	for g := range 3 {
		go func() {
			for i := range 30 {
				q := []Query{{Text: "로봇", Lang: "ko"}, {Text: "robots", Lang: "en"}, {Text: "상공회의소를", Lang: "ko"}}[(g+i)%3]
				if _, err := ix.Search(q); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	go func() {
		for i := range 30 {
			d := docs[i%len(docs)]
			var err error
			if i%3 == 0 {
				err = ix.Delete(d.Number, d.Lang)
			} else {
				err = ix.Put(d)
			}
			if err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
