package wordpress

import (
	"context"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/redirect"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// articlePath is where a language version lives on the new site.
func articlePath(lang string, n int, slug string) string {
	return "/" + lang + "/news/" + strconv.Itoa(n) + "/" + url.PathEscape(slug)
}

func (im *importer) redirect(from, to string) {
	im.redirects = append(im.redirects, store.Redirect{From: from, To: to, Source: source})
}

// postRedirects records the old addresses of a post: ?p=ID (and
// ?page_id=ID), its exported permalink with and without its language
// prefix, and the permalink structure given with --permalinks.
func (im *importer) postRedirects(n int, m member) {
	if m.version.Status != story.Published && m.version.Status != story.Scheduled {
		return // nothing a reader could have had an address of
	}
	to := articlePath(m.lang, n, m.version.Slug)
	im.redirect(redirect.QueryKey("p", m.id), to)
	im.redirect(redirect.QueryKey("page_id", m.id), to)
	if u, err := url.Parse(m.link); err == nil && u.Path != "" {
		im.pathRedirects(m.lang, u.Path, to)
	}
	if im.opt.Permalinks != "" {
		im.pathRedirects(m.lang, permalink(im.opt.Permalinks, m), to)
	}
}

// pathRedirects adds path and, for a path with or without the language's
// prefix, the other form, scoped to the language (two languages may share
// a slug on a ?lang= site).
func (im *importer) pathRedirects(lang, path, to string) {
	rest := path
	if p, ok := strings.CutPrefix(path, "/"+lang+"/"); ok {
		rest = "/" + p
	}
	im.redirect(redirect.Key(lang, rest), to)
	im.redirect(redirect.Key("", path), to)
	im.redirect(redirect.Key("", "/"+lang+rest), to)
	if rest != path {
		im.redirect(redirect.Key("", rest), to)
	}
}

// permalink fills WordPress's permalink tags for one post.
func permalink(pattern string, m member) string {
	d := m.created
	r := strings.NewReplacer(
		"%year%", d.Format("2006"), "%monthnum%", d.Format("01"), "%day%", d.Format("02"),
		"%hour%", d.Format("15"), "%minute%", d.Format("04"), "%second%", d.Format("05"),
		"%post_id%", strconv.Itoa(m.id), "%postname%", m.version.Slug,
	)
	return r.Replace(pattern)
}

// termRedirects records /category/x/, /tag/x/ and /author/x/ (with and
// without a language prefix) and the attachments' addresses.
func (im *importer) termRedirects() {
	for id, t := range im.p.terms {
		var to string
		switch t.Taxonomy {
		case "category":
			to = "/" + im.defaultLang + "/section/" + url.PathEscape(im.sections[id])
			im.termPaths("category", t.Slug, to)
		case "post_tag":
			to = "/" + im.defaultLang + "/tag/" + url.PathEscape(im.tags[id])
			im.termPaths("tag", t.Slug, to)
		}
	}
	for key, h := range im.handles {
		login := strings.TrimPrefix(key, "cap-") // a guest author's address is /author/<login>/
		for _, l := range im.opt.Languages {
			to := "/" + l + "/author/" + url.PathEscape(h)
			im.redirect(redirect.Key(l, "/author/"+login), to)
			im.redirect(redirect.Key("", "/"+l+"/author/"+login), to)
		}
		im.redirect(redirect.Key("", "/author/"+login), "/"+im.defaultLang+"/author/"+url.PathEscape(h))
	}
	if im.deps.Photos == nil {
		return
	}
	for id, pid := range im.photo {
		p, ok := im.deps.Photos.Get(pid)
		a := im.p.attachments[id]
		if !ok || a == nil {
			continue
		}
		to := photos.URL(p, largestWidth(p), "jpeg")
		im.redirect(redirect.QueryKey("attachment_id", id), to)
		if k := uploadKey(a.URL); k != "" {
			im.redirect(redirect.UploadPrefix+k, to)
		}
	}
}

func largestWidth(p *photos.Photo) int {
	w := 0
	for _, r := range p.Renditions {
		if r.Format == "jpeg" && r.Width > w {
			w = r.Width
		}
	}
	return w
}

func (im *importer) termPaths(base, slug, to string) {
	for _, l := range im.opt.Languages {
		lt := strings.Replace(to, "/"+im.defaultLang+"/", "/"+l+"/", 1)
		im.redirect(redirect.Key(l, "/"+base+"/"+slug), lt)
		im.redirect(redirect.Key("", "/"+l+"/"+base+"/"+slug), lt)
	}
	im.redirect(redirect.Key("", "/"+base+"/"+slug), to)
}

// postComments keeps a post's approved comments (not spam, trash,
// pingbacks or trackbacks), as plain text, oldest first.
func (im *importer) postComments(n int, m member) {
	var items []store.Comment
	for _, c := range m.comments {
		if c.Approved != "1" || (c.Type != "" && c.Type != "comment") {
			continue
		}
		cm := store.Comment{ID: source + "/" + strconv.Itoa(c.ID), Author: truncateUTF8(plainText(c.Author), 200),
			Body: truncateUTF8(strings.TrimSpace(stripTags(autop(c.Content))), 20000), At: c.Date}
		if c.Parent != 0 {
			cm.Parent = source + "/" + strconv.Itoa(c.Parent)
		}
		items = append(items, cm)
	}
	if len(items) == 0 {
		return
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].At.Before(items[j].At) })
	im.r.Comments += len(items)
	im.comments = append(im.comments, store.NewStoryComments(n, m.lang, items))
}

// Batches of redirects and comments written at once.
const (
	redirectBatch = 5000
	commentBatch  = 1000
)

// flushRest writes the redirects and comments gathered so far once a batch
// is full (or, with all, whatever there is). A dry run only counts them.
func (im *importer) flushRest(ctx context.Context, all bool) error {
	if all || len(im.redirects) >= redirectBatch {
		seen := make(map[string]bool, len(im.redirects))
		uniq := im.redirects[:0]
		now := time.Now().UTC().Truncate(time.Millisecond)
		for _, r := range im.redirects {
			if !seen[r.From] {
				seen[r.From] = true
				r.At = now
				uniq = append(uniq, r)
			}
		}
		if !im.opt.DryRun {
			n, err := im.deps.Store.AddRedirects(ctx, uniq)
			if err != nil {
				return err
			}
			im.r.Redirects += n
		} else {
			im.r.Redirects += len(uniq) // a batch's own repeats left out; across batches an upper bound
		}
		im.redirects = im.redirects[:0]
	}
	if all || len(im.comments) >= commentBatch {
		if !im.opt.DryRun {
			if err := im.deps.Store.AddComments(ctx, im.comments); err != nil {
				return err
			}
		}
		im.comments = im.comments[:0]
	}
	return nil
}

// writeRest writes the redirects of terms, authors and photos, and what is
// left of the posts' redirects and comments.
func (im *importer) writeRest(ctx context.Context) error {
	im.termRedirects()
	return im.flushRest(ctx, true)
}
