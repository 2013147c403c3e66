package feed

import (
	"strings"
	"testing"
	"time"
)

var kst = time.FixedZone("KST", 9*60*60)

// channel and items are a Korean feed whose texts need escaping.
func channel() Channel {
	return Channel{
		Title:       "코리아 비즈니스 & <뉴스>",
		Description: "한인 경제 소식",
		Link:        "https://news.example.com/ko",
		FeedURL:     "https://news.example.com/ko/feed.xml",
		Lang:        "ko",
		Logo:        "https://news.example.com/static/logo.png",
	}
}

func items() []Item {
	return []Item{
		{
			Title:      "삼성 <실적> & 전망",
			Link:       "https://news.example.com/ko/news/123/삼성-실적",
			GUID:       TagURI("news.example.com", "2026", "news/123/ko"),
			Summary:    "3분기 영업이익 \"급증\" & 전망 <상향>",
			Published:  time.Date(2026, 3, 5, 9, 30, 0, 0, kst),
			Updated:    time.Date(2026, 3, 5, 11, 0, 0, 0, kst),
			Authors:    []string{"홍길동", "Jane Kim"},
			Categories: []string{"경제", "반도체"},
			Image:      &Image{URL: "https://news.example.com/media/123.jpg", Type: "image/jpeg", Length: 48213, Width: 1200, Height: 800},
		},
		{
			Title:     "LA 한인타운 새 상가",
			Link:      "https://news.example.com/ko/news/122/la-koreatown",
			GUID:      "https://news.example.com/ko/news/122",
			Published: time.Date(2026, 3, 4, 18, 0, 0, 0, kst),
			Authors:   []string{"이영희"},
		},
	}
}

// TestItemErrors checks that both formats refuse what a reader could not use.
func TestItemErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Channel, *Item)
		want string
	}{
		{"relative item link", func(_ *Channel, it *Item) { it.Link = "/ko/news/123" }, "link"},
		{"empty GUID", func(_ *Channel, it *Item) { it.GUID = "" }, "GUID"},
		{"GUID without scheme", func(_ *Channel, it *Item) { it.GUID = "news-123" }, "GUID"},
		{"empty title", func(_ *Channel, it *Item) { it.Title = "" }, "title"},
		{"zero publication", func(_ *Channel, it *Item) { it.Published = time.Time{} }, "publication"},
		{"relative image", func(_ *Channel, it *Item) { it.Image.URL = "media/1.jpg" }, "image"},
		{"relative channel link", func(ch *Channel, _ *Item) { ch.Link = "/ko" }, "channel link"},
		{"relative feed URL", func(ch *Channel, _ *Item) { ch.FeedURL = "feed.xml" }, "feed URL"},
		{"empty channel title", func(ch *Channel, _ *Item) { ch.Title = "" }, "title"},
	}
	formats := map[string]func(Channel, []Item) ([]byte, error){"rss": RSS, "atom": Atom}
	for _, tt := range tests {
		for name, render := range formats {
			t.Run(name+"/"+tt.name, func(t *testing.T) {
				ch, its := channel(), items()
				tt.edit(&ch, &its[0])
				out, err := render(ch, its)
				if err == nil {
					t.Fatalf("no error; got %d bytes", len(out))
				}
				if !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error %q does not mention %q", err, tt.want)
				}
			})
		}
	}
}

// TestStable checks that the same input gives the same bytes, and that
// editing a headline and its slug keeps the item's GUID, so feed readers do
// not show a corrected story as a new one.
func TestStable(t *testing.T) {
	for name, render := range map[string]func(Channel, []Item) ([]byte, error){"rss": RSS, "atom": Atom} {
		t.Run(name, func(t *testing.T) {
			a, err := render(channel(), items())
			if err != nil {
				t.Fatal(err)
			}
			b, err := render(channel(), items())
			if err != nil {
				t.Fatal(err)
			}
			if string(a) != string(b) {
				t.Error("two calls with the same input differ")
			}
			edited := items()
			edited[0].Title = "삼성 실적 발표 (수정)"
			edited[0].Link = "https://news.example.com/ko/news/123/samsung-earnings-corrected"
			c, err := render(channel(), edited)
			if err != nil {
				t.Fatal(err)
			}
			guid := "tag:news.example.com,2026:news/123/ko"
			if !strings.Contains(string(a), guid) || !strings.Contains(string(c), guid) {
				t.Errorf("GUID %s missing before or after the edit", guid)
			}
		})
	}
}

func TestTagURI(t *testing.T) {
	got := TagURI("news.example.com", "2026", "news/123/ko")
	if want := "tag:news.example.com,2026:news/123/ko"; got != want {
		t.Errorf("TagURI = %q, want %q", got, want)
	}
}

func benchmark(b *testing.B, render func(Channel, []Item) ([]byte, error)) {
	base := items()[0]
	its := make([]Item, 50)
	for i := range its {
		its[i] = base
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := render(channel(), its); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRSS renders a 50-item feed, the size a listing serves.
func BenchmarkRSS(b *testing.B) { benchmark(b, RSS) }

// BenchmarkAtom renders a 50-item feed.
func BenchmarkAtom(b *testing.B) { benchmark(b, Atom) }
