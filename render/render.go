// Package render turns pages into HTML. Every page gets a template set of its
// own (layout + partials + the page), parsed once at start, so that pages'
// "content" blocks never collide; output goes to a buffer first, so a
// template error becomes a clean error page, not half a page.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/newsroom/newsroom/lang"
)

// Page is the envelope every template receives.
type Page struct {
	L           *lang.Lang
	Lang        string
	Site        Site
	Title       string // document title, without the paper's name
	Description string
	Canonical   string      // absolute
	Alternates  []Link      // hreflang alternates (absolute), x-default included
	Switch      []Link      // language switch: one per language, Current marks this page's
	Feeds       []Link      // RSS/Atom autodiscovery
	Nav         []Link      // sections
	Meta        []Meta      // Open Graph, Twitter card and article metadata
	JSONLD      template.JS // schema.org data, already JSON-encoded (html/template keeps it safe in a data block)
	NoIndex     bool
	Refresh     int    // seconds after which the page reloads itself (a job's progress); 0: never
	Notice      string // a one-line message shown above the content
	Banner      *Link  // the breaking-news banner, when one is up
	CSRF        string
	Data        any
}

// Link is a labelled URL.
type Link struct {
	Lang, Label, Href, Type string
	Current                 bool
}

// Meta is one <meta> element: Property for Open Graph, Name for the others.
type Meta struct {
	Property, Name, Content string
}

// Site is what every page knows about the paper.
type Site struct {
	Name    string
	BaseURL string
	CSS     string // hashed stylesheet URL
	JS      string
	Icon    string // hashed URLs of the favicon (SVG) and the home-screen icon (PNG)
	Touch   string
	Year    int
	Contact string // the paper's contact line, if set
}

// Renderer holds the parsed template sets.
type Renderer struct {
	sets map[string]*template.Template
	bufs sync.Pool
}

// Funcs are the helpers templates may call; none depends on the request.
var funcs = template.FuncMap{
	"add": func(a, b int) int { return a + b },
	"join": func(sep string, xs []string) string {
		return strings.Join(xs, sep)
	},
	"particle": lang.Funcs()["particle"],
}

// New parses layout.html + partials/*.html with each pages/*.html of fsys.
// It fails when a page does not parse, so a broken template stops the start.
func New(fsys fs.FS, layout string, pagesDir string) (*Renderer, error) {
	partials, err := fs.Glob(fsys, "partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	pages, err := fs.Glob(fsys, pagesDir+"/*.html")
	if err != nil || len(pages) == 0 {
		return nil, fmt.Errorf("render: no pages in %s: %v", pagesDir, err)
	}
	r := &Renderer{sets: map[string]*template.Template{}}
	r.bufs.New = func() any { return new(bytes.Buffer) }
	for _, p := range pages {
		name := strings.TrimSuffix(path.Base(p), ".html")
		files := append([]string{layout}, partials...)
		files = append(files, p)
		t, err := template.New(path.Base(layout)).Funcs(funcs).ParseFS(fsys, files...)
		if err != nil {
			return nil, fmt.Errorf("render: page %s: %w", name, err)
		}
		r.sets[name] = t
	}
	return r, nil
}

// Has reports whether a page exists.
func (r *Renderer) Has(name string) bool { _, ok := r.sets[name]; return ok }

// Render executes page name with p and returns the finished bytes.
func (r *Renderer) Render(name string, p *Page) ([]byte, error) {
	return r.execute(name, "layout", p)
}

// RenderPart executes the template named part from page name's set alone,
// without the layout: a fragment that a script puts into a page.
func (r *Renderer) RenderPart(name, part string, p *Page) ([]byte, error) {
	return r.execute(name, part, p)
}

// execute runs template tmpl of page name's set into a pooled buffer and
// returns a copy: on an error, nothing.
func (r *Renderer) execute(name, tmpl string, p *Page) ([]byte, error) {
	t, ok := r.sets[name]
	if !ok {
		return nil, fmt.Errorf("render: no page %q", name)
	}
	buf := r.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer r.bufs.Put(buf)
	if err := t.ExecuteTemplate(buf, tmpl, p); err != nil {
		return nil, fmt.Errorf("render: %s of page %s: %w", tmpl, name, err)
	}
	return bytes.Clone(buf.Bytes()), nil
}
