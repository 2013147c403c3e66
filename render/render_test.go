package render

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/locales"
)

// testFS is a small site: a layout, one partial, and pages that use both.
func testFS() fstest.MapFS {
	return fstest.MapFS{
		"layout.html":          {Data: []byte(`{{define "layout"}}<html lang="{{.Lang}}"><title>{{.Title}}</title>{{template "content" .}}{{template "foot" .}}</html>{{end}}`)},
		"partials/foot.html":   {Data: []byte(`{{define "foot"}}<footer>{{.Site.Name}}</footer>{{end}}`)},
		"pages/article.html":   {Data: []byte(`{{define "content"}}<article>{{.Data}}</article>{{end}}`)},
		"pages/front.html":     {Data: []byte(`{{define "content"}}<main>front {{add 1 2}} {{join ", " .Data}}</main>{{end}}`)},
		"pages/particles.html": {Data: []byte(`{{define "content"}}<p>{{particle .Data "을"}}</p>{{end}}`)},
		"pages/broken.html":    {Data: []byte(`{{define "content"}}<p>before</p>{{index .Data 5}}{{end}}`)},
	}
}

func newRenderer(t *testing.T) *Renderer {
	t.Helper()
	r, err := New(testFS(), "layout.html", "pages")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestEachPageHasItsOwnContent(t *testing.T) {
	r := newRenderer(t)
	a, err := r.Render("article", &Page{Lang: "en", Title: "A", Site: Site{Name: "Journal"}, Data: "<b>escaped</b>"})
	if err != nil {
		t.Fatal(err)
	}
	want := `<html lang="en"><title>A</title><article>&lt;b&gt;escaped&lt;/b&gt;</article><footer>Journal</footer></html>`
	if string(a) != want {
		t.Errorf("article:\n got %s\nwant %s", a, want)
	}
	f, err := r.Render("front", &Page{Lang: "ko", Data: []string{"가", "나"}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(f), "<main>front 3 가, 나</main>") || strings.Contains(string(f), "<article>") {
		t.Errorf("front page took another page's content: %s", f)
	}
}

func TestTemplatesChooseKoreanParticles(t *testing.T) {
	r := newRenderer(t)
	for word, want := range map[string]string{"기사 12": "기사 12를", "김현겸": "김현겸을"} {
		b, err := r.Render("particles", &Page{Data: word})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "<p>"+want+"</p>") {
			t.Errorf("%q: %s, want %s", word, b, want)
		}
	}
}

// TestTemplateErrorGivesNoHalfPage: a page whose template fails while
// running returns an error and no bytes, so the caller shows a clean error
// page instead of a page cut off in the middle; the next render is whole.
func TestTemplateErrorGivesNoHalfPage(t *testing.T) {
	r := newRenderer(t)
	b, err := r.Render("broken", &Page{Data: []string{"only one"}})
	if err == nil || b != nil {
		t.Fatalf("broken page: %q, %v; want no bytes and an error", b, err)
	}
	ok, err := r.Render("article", &Page{Data: "fine"})
	if err != nil || strings.Contains(string(ok), "before") || !strings.HasSuffix(string(ok), "</html>") {
		t.Errorf("the render after a failure: %q, %v", ok, err)
	}
	if _, err := r.Render("nowhere", &Page{}); err == nil {
		t.Error("a missing page rendered")
	}
	if !r.Has("article") || r.Has("nowhere") {
		t.Error("Has does not tell pages apart")
	}
}

func TestNewFailsAtStartOnABrokenTemplate(t *testing.T) {
	fs := testFS()
	fs["pages/typo.html"] = &fstest.MapFile{Data: []byte(`{{define "content"}}{{if}}{{end}}`)}
	if _, err := New(fs, "layout.html", "pages"); err == nil || !strings.Contains(err.Error(), "typo") {
		t.Errorf("New with a broken page: %v; want an error naming it", err)
	}
	if _, err := New(fstest.MapFS{"layout.html": testFS()["layout.html"]}, "layout.html", "pages"); err == nil {
		t.Error("New with no pages succeeded")
	}
}

// TestConcurrentRendersKeepTheirLanguage: pages rendered at once, in two
// languages, each come out in their own (the buffers are pooled, the
// localizer travels in the page, nothing is bound per request).
func TestConcurrentRendersKeepTheirLanguage(t *testing.T) {
	fs := testFS()
	fs["pages/hello.html"] = &fstest.MapFile{Data: []byte(`{{define "content"}}<p>{{.L.Name}} {{.Data}}</p>{{end}}`)}
	r, err := New(fs, "layout.html", "pages")
	if err != nil {
		t.Fatal(err)
	}
	langs, err := lang.New(locales.FS, []string{"ko", "en"}, "ko", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Go(func() {
			code := []string{"ko", "en"}[i%2]
			b, err := r.Render("hello", &Page{L: langs.Get(code), Lang: code, Data: i})
			want := fmt.Sprintf("<p>%s %d</p>", langs.Get(code).Name(), i)
			if err != nil || !strings.Contains(string(b), want) || !strings.Contains(string(b), `lang="`+code+`"`) {
				t.Errorf("render %d in %s: %s, %v", i, code, b, err)
			}
		})
	}
	wg.Wait()
}
