package markdown

import (
	"fmt"
	"html/template"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const koreanArticle = `LA 한인타운의 식당 업주들이 내년 최저임금 인상을 앞두고 메뉴 가격 조정에 나섰다. 업계는 "손님이 줄까 걱정"이라고 말했다.

## 업주들의 반응

> “가격을 올리지 않으면 버틸 수 없습니다.” — 김영희 대표

- 인건비 12% 상승
- 식자재 가격 **안정세**
- 배달 수수료 ~~인하~~ 동결

자세한 내용은 [LA 시 노동국](https://wagesla.lacity.gov/)과 [지난 기사](/ko/articles/41/minimum-wage)에서 볼 수 있다.
`

// parseHTML parses out as a browser parses a body fragment.
func parseHTML(t *testing.T, out template.HTML) []*html.Node {
	t.Helper()
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(string(out)), body)
	if err != nil {
		t.Fatalf("parse %q: %v", out, err)
	}
	return nodes
}

// topLevel returns the tag names of the top-level elements.
func topLevel(nodes []*html.Node) []string {
	var tags []string
	for _, n := range nodes {
		if n.Type == html.ElementNode {
			tags = append(tags, n.Data)
		}
	}
	return tags
}

// find returns every element named tag, in document order.
func find(nodes []*html.Node, tag string) []*html.Node {
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return out
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func TestHTMLKoreanArticle(t *testing.T) {
	out := New(Options{}).HTML(koreanArticle)
	nodes := parseHTML(t, out)

	if got, want := strings.Join(topLevel(nodes), " "), "p h2 blockquote ul p"; got != want {
		t.Fatalf("top-level elements = %q, want %q\n%s", got, want, out)
	}
	lead := textOf(find(nodes, "p")[0])
	if want := `LA 한인타운의 식당 업주들이 내년 최저임금 인상을 앞두고 메뉴 가격 조정에 나섰다. 업계는 "손님이 줄까 걱정"이라고 말했다.`; lead != want {
		t.Errorf("lead = %q, want %q (straight quotes kept, no typographer)", lead, want)
	}
	if got := textOf(find(nodes, "h2")[0]); got != "업주들의 반응" {
		t.Errorf("subheading = %q", got)
	}
	if got := strings.TrimSpace(textOf(find(nodes, "blockquote")[0])); got != "“가격을 올리지 않으면 버틸 수 없습니다.” — 김영희 대표" {
		t.Errorf("quote = %q", got)
	}
	items := find(nodes, "li")
	if len(items) != 3 || textOf(items[1]) != "식자재 가격 안정세" {
		t.Errorf("list items = %d, second %q", len(items), textOf(items[1]))
	}
	if s := find(nodes, "strong"); len(s) != 1 || textOf(s[0]) != "안정세" {
		t.Errorf("strong = %v", s)
	}
	if d := find(nodes, "del"); len(d) != 1 || textOf(d[0]) != "인하" {
		t.Errorf("del = %v", d)
	}

	links := find(nodes, "a")
	if len(links) != 2 {
		t.Fatalf("links = %d, want 2\n%s", len(links), out)
	}
	if href, _ := attr(links[0], "href"); href != "https://wagesla.lacity.gov/" {
		t.Errorf("external href = %q", href)
	}
	if rel, _ := attr(links[0], "rel"); rel != "nofollow noopener noreferrer" {
		t.Errorf("external rel = %q", rel)
	}
	if href, _ := attr(links[1], "href"); href != "/ko/articles/41/minimum-wage" {
		t.Errorf("internal href = %q", href)
	}
	if rel, ok := attr(links[1], "rel"); ok {
		t.Errorf("internal link has rel=%q", rel)
	}
	if strings.Contains(string(out), "<br") {
		t.Errorf("hard wraps are off, got <br> in %s", out)
	}
}

func TestHTMLHeadingsClampToH2H4(t *testing.T) {
	r := New(Options{})
	for md, want := range map[string]string{
		"# 제목":        "h2",
		"## 제목":       "h2",
		"### 제목":      "h3",
		"#### 제목":     "h4",
		"##### 제목":    "h4",
		"###### 제목":   "h4",
		"제목\n===":     "h2",
		"제목\n---":     "h2",
		"<h1>제목</h1>": "", // raw h1 would compete with the headline
	} {
		nodes := parseHTML(t, r.HTML(md))
		for _, tag := range []string{"h1", "h2", "h3", "h4", "h5", "h6"} {
			hs := find(nodes, tag)
			if (tag == want) != (len(hs) == 1) {
				t.Errorf("%q: %d <%s>, want heading %q", md, len(hs), tag, want)
			}
			for _, h := range hs {
				if id, ok := attr(h, "id"); ok {
					t.Errorf("%q: heading has id %q", md, id)
				}
			}
		}
		if want == "" && !strings.Contains(string(r.HTML(md)), "제목") {
			t.Errorf("%q: text lost", md)
		}
	}
}

func TestHTMLNoHeadingIDs(t *testing.T) {
	out := New(Options{}).HTML("## 소개 {#main}\n\n## 소개\n\n<h2 id=\"content\">x</h2>")
	if strings.Contains(string(out), "id=") {
		t.Errorf("ids in %s", out)
	}
}

func TestHTMLImages(t *testing.T) {
	r := New(Options{})
	tests := []struct {
		name, md       string
		src, alt, capt string // src "" means no image at all
	}{
		{"https with title", `![시청 앞 시위](https://cdn.example/a.jpg "사진=연합뉴스")`, "https://cdn.example/a.jpg", "시청 앞 시위", "사진=연합뉴스"},
		{"site relative", `![](/media/a.jpg)`, "/media/a.jpg", "", ""},
		{"http", `![x](http://cdn.example/a.jpg)`, "http://cdn.example/a.jpg", "x", ""},
		{"alt markup flattened", `![**굵은** 설명](/a.jpg)`, "/a.jpg", "굵은 설명", ""},
		{"page relative dropped", `![x](images/a.jpg)`, "", "", ""},
		{"ftp dropped", `![x](ftp://cdn.example/a.jpg)`, "", "", ""},
		{"photo without callback dropped", `![x](photo:12)`, "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := r.HTML(tc.md)
			nodes := parseHTML(t, out)
			imgs := find(nodes, "img")
			if tc.src == "" {
				if len(imgs) != 0 || len(find(nodes, "figure")) != 0 {
					t.Fatalf("want no image, got %s", out)
				}
				return
			}
			if got := topLevel(nodes); len(got) != 1 || got[0] != "figure" || len(imgs) != 1 {
				t.Fatalf("want one figure with one img, got %s", out)
			}
			img := imgs[0]
			if src, _ := attr(img, "src"); src != tc.src {
				t.Errorf("src = %q, want %q", src, tc.src)
			}
			if alt, ok := attr(img, "alt"); !ok || alt != tc.alt {
				t.Errorf("alt = %q (present %v), want %q", alt, ok, tc.alt)
			}
			if l, _ := attr(img, "loading"); l != "lazy" {
				t.Errorf("loading = %q", l)
			}
			caps := find(nodes, "figcaption")
			if tc.capt == "" && len(caps) != 0 || tc.capt != "" && (len(caps) != 1 || textOf(caps[0]) != tc.capt) {
				t.Errorf("figcaption = %v, want %q\n%s", caps, tc.capt, out)
			}
		})
	}
}

func TestHTMLImagesLeaveTheirParagraph(t *testing.T) {
	out := New(Options{}).HTML("앞 문장\n![a](/a.jpg)\n![b](/b.jpg)\n뒤 문장 [![c](/c.jpg)](/gallery)")
	nodes := parseHTML(t, out)
	if got, want := strings.Join(topLevel(nodes), " "), "p figure figure p"; got != want {
		t.Fatalf("top level = %q, want %q\n%s", got, want, out)
	}
	if got := strings.TrimSpace(textOf(nodes[0])); got != "앞 문장" {
		t.Errorf("text before = %q", got)
	}
	// An image inside a link stays inline, as a plain <img>.
	last := find(nodes, "p")[1]
	if len(find([]*html.Node{last}, "img")) != 1 || len(find([]*html.Node{last}, "figure")) != 0 {
		t.Errorf("linked image should stay inline: %s", out)
	}
}

func TestHTMLPhotos(t *testing.T) {
	var calls []string
	r := New(Options{Image: func(id, alt, title string) (template.HTML, bool) {
		calls = append(calls, id+"|"+alt+"|"+title)
		if id == "missing" {
			return "", false
		}
		return template.HTML(fmt.Sprintf(`<figure><img src="/media/%s/w800.webp" srcset="/media/%s/w400.webp 400w, /media/%s/w800.webp 800w" sizes="(max-width: 600px) 100vw, 800px" width="800" height="533" alt="%s" loading="lazy" decoding="async"><figcaption>%s <span class="credit">사진 제공: 한인상공회의소</span></figcaption></figure>`,
			id, id, id, template.HTMLEscapeString(alt), template.HTMLEscapeString(title))), true
	}})
	out := r.HTML("본문\n\n![회견하는 시장](photo:abc123 \"기자회견 모습\")\n\n![x](photo:missing)")
	if want := []string{"abc123|회견하는 시장|기자회견 모습", "missing|x|"}; strings.Join(calls, ",") != strings.Join(want, ",") {
		t.Errorf("calls = %q, want %q", calls, want)
	}
	nodes := parseHTML(t, out)
	if got := strings.Join(topLevel(nodes), " "); got != "p figure" {
		t.Fatalf("top level = %q\n%s", got, out)
	}
	img := find(nodes, "img")[0]
	for key, want := range map[string]string{
		"src": "/media/abc123/w800.webp", "srcset": "/media/abc123/w400.webp 400w, /media/abc123/w800.webp 800w",
		"sizes": "(max-width: 600px) 100vw, 800px", "width": "800", "height": "533", "alt": "회견하는 시장", "decoding": "async",
	} {
		if got, _ := attr(img, key); got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
	// The credit keeps its span, so it is styled as a credit, not caption text.
	if !strings.Contains(string(out), `<figcaption>기자회견 모습 <span class="credit">사진 제공: 한인상공회의소</span></figcaption>`) {
		t.Errorf("figure credit lost its span:\n%s", out)
	}
	// A span the author types keeps its text but no class of its choosing.
	if out := string(r.HTML(`글 <span class="credit-x" style="color:red">강조</span>`)); strings.Contains(out, "credit-x") || strings.Contains(out, "style") || !strings.Contains(out, "강조") {
		t.Errorf("typed span: %s", out)
	}
}

func TestHTMLLinks(t *testing.T) {
	r := New(Options{})
	tests := []struct {
		md, href, rel string
	}{
		{`[a](https://example.com/x)`, "https://example.com/x", "nofollow noopener noreferrer"},
		{`[a](//example.com/x)`, "//example.com/x", "nofollow noopener noreferrer"},
		{`[a](/ko/sections/business)`, "/ko/sections/business", ""},
		{`[a](#top)`, "#top", ""},
		{`[a](mailto:desk@example.com)`, "mailto:desk@example.com", ""},
		{`<https://example.com>`, "https://example.com", "nofollow noopener noreferrer"},
		{`www.example.com 참고`, "http://www.example.com", "nofollow noopener noreferrer"},
		{`desk@example.com`, "mailto:desk@example.com", ""},
		{`[서울](https://ko.wikipedia.org/wiki/서울)`, "https://ko.wikipedia.org/wiki/%EC%84%9C%EC%9A%B8", "nofollow noopener noreferrer"},
		// Raw HTML anchors get what bluemonday adds; noreferrer implies noopener.
		{`<a href="https://example.com">a</a>`, "https://example.com", "nofollow noreferrer"},
		{`<a href="https://example.com" rel="author">a</a>`, "https://example.com", "nofollow noreferrer"},
	}
	for _, tc := range tests {
		nodes := parseHTML(t, r.HTML(tc.md))
		as := find(nodes, "a")
		if len(as) != 1 {
			t.Errorf("%s: %d links", tc.md, len(as))
			continue
		}
		href, _ := attr(as[0], "href")
		rel, _ := attr(as[0], "rel")
		if href != tc.href || rel != tc.rel {
			t.Errorf("%s: href=%q rel=%q, want %q %q", tc.md, href, rel, tc.href, tc.rel)
		}
	}
}

func TestHTMLTablesAndCode(t *testing.T) {
	out := New(Options{}).HTML("| 지역 | 인상률 |\n|:--|--:|\n| LA | 4.3% |\n\n```go\nfmt.Println(\"<안녕>\")\n```\n\n`a<b`")
	nodes := parseHTML(t, out)
	if got := strings.Join(topLevel(nodes), " "); got != "table pre p" {
		t.Fatalf("top level = %q\n%s", got, out)
	}
	if a, _ := attr(find(nodes, "td")[1], "align"); a != "right" {
		t.Errorf("align = %q", a)
	}
	code := find(nodes, "code")[0]
	if c, _ := attr(code, "class"); c != "language-go" || textOf(code) != "fmt.Println(\"<안녕>\")\n" {
		t.Errorf("code = %q class %q", textOf(code), c)
	}
}

// TestHTMLConcurrent shares one Renderer between goroutines, as the server
// does; run with -race.
func TestHTMLConcurrent(t *testing.T) {
	r := New(Options{Image: func(id, alt, title string) (template.HTML, bool) {
		return template.HTML(`<figure><img src="/media/` + id + `.jpg" alt=""></figure>`), true
	}})
	docs := []string{koreanArticle, "# English\n\nSome *text* with a [link](https://example.com).", "![p](photo:1)\n\n| a |\n|---|\n| b |"}
	want := make([]template.HTML, len(docs))
	for i, d := range docs {
		want[i] = r.HTML(d)
	}
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			for i := range 50 {
				k := (g + i) % len(docs)
				if got := r.HTML(docs[k]); got != want[k] {
					t.Errorf("goroutine %d: doc %d rendered differently", g, k)
					return
				}
				_ = Plain(docs[k])
				_ = Paragraphs(docs[k])
				_ = Excerpt(docs[k], 40)
			}
		})
	}
	wg.Wait()
}

// BenchmarkHTML renders a Korean article of about 5 KB.
func BenchmarkHTML(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < 5000 {
		sb.WriteString(koreanArticle)
		sb.WriteString("\n")
	}
	md := sb.String()
	r := New(Options{})
	b.SetBytes(int64(len(md)))
	b.ReportAllocs()
	for b.Loop() {
		r.HTML(md)
	}
}
