package pagecache

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// articleHTML returns a deterministic page of about n bytes that looks like
// a bilingual article: markup with varied Korean and English prose, so
// compression ratios resemble real pages rather than repeated text.
func articleHTML(n int, seed uint64) []byte {
	ko := strings.Fields("한국 기업 수출 시장 경제 투자 무역 협상 반도체 자동차 배터리 뉴욕 로스앤젤레스 교민 사회 소상공인 금리 환율 달러 원화 증가 감소 발표 전망 분석 관계자 따르면 올해 지난해 분기 실적")
	en := strings.Fields("Korean American business trade tariff exports semiconductor battery plant Georgia investment quarter revenue growth market analysts said the of and in to a for with on by community small owners interest rates dollar won")
	r := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>기사</title><link rel="stylesheet" href="/static/site.3f9a1c.css"></head><body><header class="site"><nav><a href="/ko/">홈</a> <a href="/ko/section/business">비즈니스</a></nav></header><main><article>`)
	for b.Len() < n {
		b.WriteString(`<p class="para">`)
		for i := 0; i < 40; i++ {
			if r.IntN(3) == 0 {
				b.WriteString(en[r.IntN(len(en))])
			} else {
				b.WriteString(ko[r.IntN(len(ko))])
			}
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, `<a href="/ko/article/%d">관련 기사</a></p>`+"\n", r.IntN(20000))
	}
	b.WriteString(`</article></main></body></html>`)
	return []byte(b.String())
}

func page(body string) *Page { return Build(200, "text/html; charset=utf-8", []byte(body)) }

func TestGetPutInvalidateByDep(t *testing.T) {
	c := New(1 << 20)
	c.Put("/ko/", c.Generation(), []string{"front:ko", "story:1", "story:2"}, page("front"))
	c.Put("/ko/article/1", c.Generation(), []string{"story:1"}, page("one"))
	c.Put("/ko/article/2", c.Generation(), []string{"story:2"}, page("two"))
	c.Put("/en/", c.Generation(), []string{"front:en"}, page("en front"))

	c.Invalidate("story:1")

	for key, want := range map[string]bool{"/ko/": false, "/ko/article/1": false, "/ko/article/2": true, "/en/": true} {
		if _, ok := c.Get(key); ok != want {
			t.Errorf("after Invalidate(story:1): Get(%q) present = %v, want %v", key, ok, want)
		}
	}
	p, ok := c.Get("/ko/article/2")
	if !ok || string(p.Body) != "two" {
		t.Fatalf("unrelated page changed: %v %q", ok, p.Body)
	}

	c.Invalidate("front:en", "story:2")
	if n, b := c.Stats(); n != 0 || b != 0 {
		t.Errorf("after invalidating everything: %d pages, %d bytes, want 0, 0", n, b)
	}
}

func TestPutReplacesAndRetags(t *testing.T) {
	c := New(1 << 20)
	c.Put("k", c.Generation(), []string{"story:1"}, page("v1"))
	c.Put("k", c.Generation(), []string{"story:2"}, page("v2"))
	c.Invalidate("story:1") // the old tag must no longer reach the new page
	if p, ok := c.Get("k"); !ok || string(p.Body) != "v2" {
		t.Fatalf("Get(k) = %v, %v; want v2", ok, p)
	}
	if _, b := c.Stats(); b != page("v2").Size() {
		t.Errorf("bytes = %d, want %d (old version not counted)", b, page("v2").Size())
	}
}

func TestGenerationRule(t *testing.T) {
	tests := []struct {
		name       string
		invalidate []string // between taking the generation and Put
		purge      bool
		want       bool
	}{
		{"no invalidation", nil, false, true},
		{"own dep invalidated", []string{"story:1"}, false, false},
		{"one of several deps", []string{"list:ko"}, false, false},
		{"unrelated dep", []string{"story:9"}, false, true},
		{"purge", nil, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(1 << 20)
			gen := c.Generation()
			c.Invalidate(tt.invalidate...)
			if tt.purge {
				c.Purge()
			}
			c.Put("k", gen, []string{"story:1", "list:ko"}, page("body"))
			if _, ok := c.Get("k"); ok != tt.want {
				t.Errorf("Put with generation from before: stored = %v, want %v", ok, tt.want)
			}
			// A generation taken after the invalidation is always fine.
			c.Put("k2", c.Generation(), []string{"story:1", "list:ko"}, page("body"))
			if _, ok := c.Get("k2"); !ok {
				t.Error("Put with generation from after the invalidation was dropped")
			}
		})
	}
}

func TestForgottenDepsStayConservative(t *testing.T) {
	c := New(1 << 20)
	gen := c.Generation()
	for i := range maxTrackedDeps + 10 {
		c.Invalidate(fmt.Sprintf("story:%d", i))
	}
	c.Put("old", gen, []string{"story:1"}, page("x"))
	if _, ok := c.Get("old"); ok {
		t.Error("a page from before forgotten invalidations was stored")
	}
	c.Put("new", c.Generation(), []string{"story:1"}, page("x"))
	if _, ok := c.Get("new"); !ok {
		t.Error("a fresh page was dropped")
	}
}

func TestLRUEvictionByBytes(t *testing.T) {
	a, b, cc, d := page("aaaa"), page("bbbb"), page("cccc"), page("dddd")
	c := New(a.Size() * 3)
	c.Put("a", 0, nil, a)
	c.Put("b", 0, nil, b)
	c.Put("c", 0, nil, cc)
	c.Get("a") // now b is least recently used
	c.Put("d", 0, []string{"x"}, d)

	for key, want := range map[string]bool{"a": true, "b": false, "c": true, "d": true} {
		if _, ok := c.Get(key); ok != want {
			t.Errorf("Get(%q) present = %v, want %v", key, ok, want)
		}
	}
	if n, bytes := c.Stats(); n != 3 || bytes != 3*a.Size() {
		t.Errorf("Stats = %d pages, %d bytes; want 3, %d", n, bytes, 3*a.Size())
	}

	big := Build(200, "text/html", articleHTML(4096, 1))
	c.Put("big", 0, nil, big)
	if _, ok := c.Get("big"); ok {
		t.Error("a page larger than the cache was stored")
	}
	if n, _ := c.Stats(); n != 3 {
		t.Errorf("storing an oversized page evicted others: %d pages left", n)
	}
}

func TestBuild(t *testing.T) {
	body := articleHTML(60<<10, 1)
	p := Build(0, "text/html; charset=utf-8", body)
	if p.Status != 200 {
		t.Errorf("Status = %d, want 200", p.Status)
	}
	if p.Gzip == nil || len(p.Gzip) >= len(body) {
		t.Fatalf("gzip form missing or not smaller: %d vs %d", len(p.Gzip), len(body))
	}
	if !strings.HasPrefix(p.ETag, `"`) || !strings.HasSuffix(p.ETag, `"`) || p.ETag == p.GzipETag {
		t.Errorf("ETags %s / %s: want quoted and distinct per coding", p.ETag, p.GzipETag)
	}
	body[0] = 'X' // Build copied, so the caller may reuse its buffer
	if p.Body[0] == 'X' {
		t.Error("Build kept the caller's buffer")
	}
	if q := Build(200, "text/html", articleHTML(60<<10, 1)); q.ETag != p.ETag {
		t.Error("same body, different ETag")
	}
	if q := Build(200, "text/html", articleHTML(60<<10, 2)); q.ETag == p.ETag {
		t.Error("different body, same ETag")
	}
	if tiny := Build(200, "text/plain", []byte("ok")); tiny.Gzip != nil {
		t.Error("tiny body kept a gzip form larger than itself")
	}
}

func TestByURIForgetsAnAddressWithItsPage(t *testing.T) {
	c := New(1 << 20)
	old := page("article, old slug")
	old.URI = "/en/news/7/old"
	c.Put("article:en:7", c.Generation(), []string{"story:7"}, old)
	if p, ok := c.ByURI("/en/news/7/old"); !ok || p != old {
		t.Fatal("the page is not found at its address")
	}
	c.Invalidate("story:7") // the slug changes
	renamed := page("article, new slug")
	renamed.URI = "/en/news/7/new"
	c.Put("article:en:7", c.Generation(), []string{"story:7"}, renamed)
	if p, ok := c.ByURI("/en/news/7/old"); ok {
		t.Fatalf("the old address still answers with %q", p.Body)
	}
	if p, ok := c.ByURI("/en/news/7/new"); !ok || p != renamed {
		t.Fatal("the new address does not answer")
	}
	c.Put("article:en:7", c.Generation(), []string{"story:7"}, page("no address"))
	if _, ok := c.ByURI("/en/news/7/new"); ok {
		t.Error("a replaced page's address outlived it")
	}
}
