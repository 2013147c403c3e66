package wordpress

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"

	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// Source name of this importer in the imports collection.
const source = "wordpress"

// By is the name imported stories and photos are recorded as made by.
const By = "wordpress-import"

// Mapping holds the decisions a paper makes before importing; the dry run
// writes one with its proposals (see WriteMapping).
type Mapping struct {
	// Sections maps a WordPress category slug to a section slug.
	Sections map[string]string `toml:"sections"`
	// Authors maps a WordPress login (or Co-Authors Plus guest slug) to a
	// reporter handle.
	Authors map[string]string `toml:"authors"`
	// PagesSection is the section WordPress pages go into.
	PagesSection string `toml:"pages_section"`
	// DefaultSection is for posts without a category.
	DefaultSection string `toml:"default_section"`
}

// Options configure an import.
type Options struct {
	// Languages are the paper's language codes, the default first.
	Languages []string
	// Language is for posts that carry none (a site without a translation
	// plugin); empty means the export's <language>.
	Language string
	DryRun   bool
	// Uploads is a local copy of wp-content/uploads.
	Uploads string
	// FetchMedia downloads from the old site the photos Uploads lacks;
	// AllowPrivateMedia lets it reach private and loopback addresses
	// (tests, an old site on the same network).
	FetchMedia        bool
	AllowPrivateMedia bool
	// Permalinks is the site's permalink structure, e.g.
	// "/%year%/%monthnum%/%postname%/", for old addresses besides each
	// post's exported link.
	Permalinks string
	Mapping    Mapping
	// Progress, when set, is told of each item of the second pass.
	Progress func(done, total int)
	// Changed, when set, is told of every story written, as stored (a
	// running site updates its catalogue with it).
	Changed func(*story.Story)
	Log     *slog.Logger
}

// Deps are what an import writes to; both may be nil for a dry run.
type Deps struct {
	Store  *store.Store
	Photos *photos.Library
}

// importer is one run.
type importer struct {
	opt    Options
	deps   Deps
	r      *Report
	p      *plan
	conv   *converter.Converter
	refs   map[string]store.ImportRef
	slugs  map[string]int // "<lang>/<slug>" → story number, of the paper as it is
	heads  map[int]*story.Story
	photo  map[int]string // attachment id → photo id
	hashes map[string]string
	// stories made or found in this run, by translation group or post
	groupNumber map[string]int
	pending     map[string]*pendingStory
	pendingKeys []string
	sections    map[int]string // category term id → section slug
	tags        map[int]string // tag term id → tag
	handles     map[string]string
	redirects   []store.Redirect
	comments    []store.StoryComments
	seen2       map[int]bool
	fetch       *http.Client
	dryNumber   int
	newRefs     []store.ImportRef
	newSlugs    []store.SlugClaim
	defaultLang string
}

// Import reads the export files of src twice (what they hold, then the
// bodies) and, unless opt.DryRun, writes sections, reporters, photos,
// stories, comments and redirects. The report says what was (or would be)
// created and every problem; the error is for what stops the whole import
// (the database gone, the context ended).
func Import(ctx context.Context, src Source, deps Deps, opt Options) (*Report, error) {
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	if len(opt.Languages) == 0 {
		return nil, errors.New("wordpress: no languages")
	}
	if !opt.DryRun && deps.Store == nil {
		return nil, errors.New("wordpress: an import needs the store")
	}
	im := &importer{opt: opt, deps: deps, r: newReport(opt.DryRun), conv: mdConverter(),
		refs: map[string]store.ImportRef{}, slugs: map[string]int{}, heads: map[int]*story.Story{}, photo: map[int]string{},
		hashes: map[string]string{}, groupNumber: map[string]int{}, pending: map[string]*pendingStory{},
		sections: map[int]string{}, tags: map[int]string{}, handles: map[string]string{}, seen2: map[int]bool{}}
	if opt.FetchMedia {
		im.fetch = mediaClient(opt.AllowPrivateMedia)
	}
	p, err := scan(src, im.r)
	if err != nil {
		return im.r, err
	}
	im.p = p
	im.defaultLang = im.siteLanguage()
	if err := im.load(ctx); err != nil {
		return im.r, err
	}
	if err := im.people(ctx); err != nil {
		return im.r, err
	}
	if err := im.taxonomies(ctx); err != nil {
		return im.r, err
	}
	if err := im.photos(ctx); err != nil {
		return im.r, err
	}
	if err := im.stories(ctx, src); err != nil {
		return im.r, err
	}
	if err := im.writeRest(ctx); err != nil {
		return im.r, err
	}
	return im.r, nil
}

// siteLanguage is the language of posts that carry none.
func (im *importer) siteLanguage() string {
	l := strings.ToLower(im.opt.Language)
	if l == "" {
		l = strings.ToLower(im.p.channel.Language)
	}
	if i := strings.IndexAny(l, "-_"); i > 0 {
		l = l[:i]
	}
	if !im.paperLang(l) {
		l = im.opt.Languages[0]
	}
	return l
}

func (im *importer) paperLang(l string) bool {
	for _, c := range im.opt.Languages {
		if c == l {
			return true
		}
	}
	return false
}

// load reads what earlier runs recorded and which slugs the paper holds.
func (im *importer) load(ctx context.Context) error {
	if im.deps.Store == nil {
		return nil
	}
	refs, err := im.deps.Store.ImportRefs(ctx, source)
	if err != nil {
		return err
	}
	im.refs = refs
	stories, err := im.deps.Store.Stories(ctx)
	if err != nil {
		return err
	}
	for _, st := range stories {
		im.heads[st.Number] = st
		for l, v := range st.Versions {
			im.slugs[l+"/"+v.Slug] = st.Number
		}
	}
	for id, r := range refs {
		var n int
		if _, err := fmt.Sscanf(id, source+"/attachment/%d", &n); err == nil && r.Photo != "" {
			im.photo[n] = r.Photo
		}
		if h, ok := strings.CutPrefix(id, source+"/photo-hash/"); ok {
			im.hashes[h] = r.Photo
		}
	}
	return nil
}

func refID(kind string, id int) string { return fmt.Sprintf("%s/%s/%d", source, kind, id) }
