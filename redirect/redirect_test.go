package redirect

import (
	"net/url"
	"strconv"
	"sync"
	"testing"
)

func TestLookup(t *testing.T) {
	tb := New([]string{"ko", "en"})
	for from, to := range map[string]string{
		QueryKey("p", 100):              "/ko/news/1/한미",
		QueryKey("attachment_id", 200):  "/media/x/1600.jpg",
		Key("ko", "/2019/03/한미-무역"):     "/ko/news/1/한미",
		Key("en", "/2019/03/한미-무역"):     "/en/news/1/korus",
		Key("", "/2019/03/korus"):       "/en/news/1/korus",
		Key("", "/category/economy"):    "/ko/section/economy",
		Key("en", "/category/economy"):  "/en/section/economy",
		UploadPrefix + "2019/03/행사.jpg": "/media/x/1600.jpg",
	} {
		tb.Put(from, to)
	}
	tests := []struct{ in, want string }{
		{"/?p=100", "/ko/news/1/한미"},
		{"/?p=101", ""},
		{"/?attachment_id=200", "/media/x/1600.jpg"},
		{"/ko/2019/03/%ED%95%9C%EB%AF%B8-%EB%AC%B4%EC%97%AD/", "/ko/news/1/한미"},
		{"/ko/2019/03/한미-무역", "/ko/news/1/한미"},
		{"/2019/03/%ed%95%9c%eb%af%b8-%eb%ac%b4%ec%97%ad/?lang=en", "/en/news/1/korus"},
		{"/2019/03/korus/", "/en/news/1/korus"},
		{"/en/2019/03/korus/", "/en/news/1/korus"},
		{"/category/economy/", "/ko/section/economy"},
		{"/en/category/economy/", "/en/section/economy"},
		{"/en/category/economy/feed/", "/en/section/economy/feed.xml"},
		{"/category/economy/page/3/", "/ko/latest?page=3"},
		{"/feed/", "/ko/feed.xml"},
		{"/en/feed/", "/en/feed.xml"},
		{"/page/2/", "/ko/latest?page=2"},
		{"/2019/02/", "/ko/search?from=2019-02-01&to=2019-02-28"},
		{"/2020/", "/ko/search?from=2020-01-01&to=2020-12-31"},
		{"/2019/02/30/", ""},
		{"/wp-content/uploads/2019/03/%ED%96%89%EC%82%AC-300x200.jpg", "/media/x/1600.jpg"},
		{"/wp-content/uploads/2019/03/행사-scaled.jpg", "/media/x/1600.jpg"},
		{"/wp-content/uploads/2019/03/other.jpg", ""},
		{"/?lang=en", "/en/"},
		{"/nothing-here/", ""},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := tb.Lookup(u)
		if got != tt.want {
			t.Errorf("%s → %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMissesBounded(t *testing.T) {
	ms := NewMisses()
	for i := 0; i < 3*maxMisses; i++ {
		ms.Note("/old/"+string(rune('a'+i%26))+url.PathEscape(string(rune(0xAC00+i))), testTime)
	}
	ms.Note("/wp-login.php", testTime)
	if n := len(ms.Top(10 * maxMisses)); n != maxMisses {
		t.Errorf("%d misses kept, want %d", n, maxMisses)
	}
}

var testTime = mustTime("2026-01-02T03:04:05Z")

// The table and the monitor are shared by every request and the admin's
// form: run with -race.
func TestConcurrentUse(t *testing.T) {
	tb := New([]string{"ko", "en"})
	ms := NewMisses()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 500 {
				p := "/old/" + strconv.Itoa(g) + "/" + strconv.Itoa(i)
				tb.Put(Key("", p), "/ko/news/"+strconv.Itoa(i))
				if to, ok := tb.Lookup(&url.URL{Path: p}); !ok || to != "/ko/news/"+strconv.Itoa(i) {
					t.Errorf("%s → %q", p, to)
					return
				}
				ms.Note(p+"/x", testTime)
				if i%100 == 0 {
					ms.Top(5)
				}
			}
		})
	}
	wg.Wait()
	if tb.Len() != 8*500 {
		t.Errorf("%d redirects", tb.Len())
	}
}
