package wordpress

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// member is one WordPress post as a language version of a story.
type member struct {
	id       int
	lang     string
	version  story.Version
	body     string
	hash     string
	link     string
	created  time.Time
	comments []Comment
	byline   []string
}

// pendingStory is a story waiting for the other posts of its translation
// group, so that it is created once with all its language versions.
type pendingStory struct {
	key     string
	st      *story.Story
	members []member
	want    int // members expected in this export
}

// maxPending bounds the stories held back waiting for their translations;
// past it the oldest is written with what it has, and its translations are
// added to it when they come.
const maxPending = 2000

// stories is the second pass: every post and page becomes a language
// version of a story; the posts of a translation group become one story.
func (im *importer) stories(ctx context.Context, src Source) error {
	total, done := len(im.p.order), 0
	for _, name := range src.Files() {
		f, err := src.Open(name)
		if err != nil {
			return err
		}
		var werr error
		perr := Parse(f, Visitor{Item: func(it *Item) {
			if werr != nil || !isStory(it.Type) || it.ID <= 0 || im.seen2[it.ID] {
				return
			}
			im.seen2[it.ID] = true
			if ctx.Err() != nil {
				werr = ctx.Err()
				return
			}
			werr = im.post(ctx, it)
			done++
			if im.opt.Progress != nil {
				im.opt.Progress(done, total)
			}
		}})
		f.Close()
		if werr != nil {
			// Record what was written before stopping, so that the next
			// run resumes after it.
			if ferr := im.flushWrites(context.WithoutCancel(ctx)); ferr != nil {
				return errors.Join(werr, ferr)
			}
			return werr
		}
		_ = perr // reported by the first pass, which read the same bytes
	}
	for len(im.pendingKeys) > 0 {
		if err := im.flushOldest(ctx); err != nil {
			return err
		}
	}
	return im.flushWrites(ctx)
}

// post handles one post or page of the second pass.
func (im *importer) post(ctx context.Context, it *Item) error {
	pt := im.p.posts[it.ID]
	if pt == nil || it.Status == "trash" || it.Status == "auto-draft" || it.Status == "inherit" {
		return nil
	}
	lang := pt.Lang
	if lang == "" {
		lang = im.defaultLang
	}
	if !im.paperLang(lang) {
		im.r.add(Problem{Kind: ProblemLanguage, Item: it.ID, Detail: lang})
		return nil
	}
	m := im.member(it, lang)
	m.byline = im.storyOf(it).Byline
	key, want := im.groupOf(pt, lang)
	if ref, ok := im.refs[refID("post", it.ID)]; ok {
		im.groupNumber[key] = ref.Number
		return im.update(ctx, ref, m)
	}
	if n, ok := im.adopt(m); ok {
		// written by a run that stopped before recording it
		im.groupNumber[key] = n
		im.r.Unchanged++
		return im.written(ctx, n, m, im.heads[n].Version(lang).Revision)
	}
	if n, ok := im.groupNumber[key]; ok {
		// a translation of a story already written (this run or before)
		return im.addVersion(ctx, n, m)
	}
	if n, ok := im.groupFromRefs(key, it.ID); ok {
		im.groupNumber[key] = n
		return im.addVersion(ctx, n, m)
	}
	ps := im.pending[key]
	if ps == nil {
		ps = &pendingStory{key: key, st: im.storyOf(it), want: want}
		im.pending[key] = ps
		im.pendingKeys = append(im.pendingKeys, key)
	}
	for _, o := range ps.members {
		if o.lang == m.lang {
			// two posts of one group in one language: the second stands alone
			im.r.add(Problem{Kind: ProblemPairConflict, Item: it.ID, Detail: fmt.Sprintf("same language (%s) as post %d", lang, o.id)})
			alone := &pendingStory{key: "post/" + strconv.Itoa(it.ID), st: im.storyOf(it), want: 1, members: []member{m}}
			return im.create(ctx, alone)
		}
	}
	ps.members = append(ps.members, m)
	if len(ps.members) >= ps.want {
		return im.flush(ctx, key)
	}
	if len(im.pendingKeys) > maxPending {
		return im.flushOldest(ctx)
	}
	return nil
}

// groupOf is the key of the story a post belongs to and how many posts of
// that story the export holds; a translation whose partners are missing
// is an orphan, imported alone and reported.
func (im *importer) groupOf(pt *post, lang string) (string, int) {
	alone := "post/" + strconv.Itoa(pt.ID)
	if pt.Group == "" {
		return alone, 1
	}
	g := im.p.groups[pt.Group]
	if g == nil {
		im.r.add(Problem{Kind: ProblemOrphan, Item: pt.ID, Detail: "its translation group " + pt.Group + " is not in the export"})
		return alone, 1
	}
	if g[lang] != 0 && g[lang] != pt.ID {
		return alone, 1 // reported as a pair conflict by the group's own member
	}
	want := 0
	for l, id := range g {
		other := im.p.posts[id]
		if other == nil {
			if id != pt.ID {
				im.r.add(Problem{Kind: ProblemOrphan, Item: pt.ID, Detail: fmt.Sprintf("its %s translation (post %d) is not in the export", l, id)})
			}
			continue
		}
		if im.paperLang(l) && other.Status != "trash" && other.Status != "auto-draft" {
			want++
		}
	}
	if want <= 1 {
		return alone, 1
	}
	return pt.Group, want
}

// groupFromRefs finds the story an earlier run made of another post of
// group key.
func (im *importer) groupFromRefs(key string, self int) (int, bool) {
	g := im.p.groups[key]
	for _, id := range g {
		if id == self {
			continue
		}
		if ref, ok := im.refs[refID("post", id)]; ok && ref.Number != 0 {
			return ref.Number, true
		}
	}
	return 0, false
}

func (im *importer) flushOldest(ctx context.Context) error {
	return im.flush(ctx, im.pendingKeys[0])
}

func (im *importer) flush(ctx context.Context, key string) error {
	ps := im.pending[key]
	delete(im.pending, key)
	for i, k := range im.pendingKeys {
		if k == key {
			im.pendingKeys = append(im.pendingKeys[:i], im.pendingKeys[i+1:]...)
			break
		}
	}
	if ps == nil {
		return nil
	}
	if err := im.create(ctx, ps); err != nil {
		return err
	}
	im.groupNumber[key] = ps.st.Number
	return nil
}

// create writes a new story with its language versions (one CreateStory:
// never half a story), then records each post's reference, slug and old
// addresses.
func (im *importer) create(ctx context.Context, ps *pendingStory) error {
	st := ps.st
	st.Versions = map[string]*story.Version{}
	bodies := map[string]string{}
	for i := range ps.members {
		m := &ps.members[i]
		m.version.Slug = im.uniqueSlug(m.lang, m.version.Slug, m.id, 0)
		v := m.version
		st.Versions[m.lang] = &v
		bodies[m.lang] = m.body
		for _, h := range m.byline {
			if !contains(st.Byline, h) {
				st.Byline = append(st.Byline, h)
			}
		}
		if m.created.Before(st.CreatedAt) || st.CreatedAt.IsZero() {
			st.CreatedAt = m.created
		}
	}
	im.r.Stories[ps.members[0].lang]++
	for _, m := range ps.members[1:] {
		im.r.Stories[m.lang]++
	}
	if len(ps.members) > 1 {
		im.r.Pairs++
	}
	im.dryNumber--
	n := im.dryNumber // a dry run's stand-in
	if !im.opt.DryRun {
		var err error
		if n, err = im.deps.Store.CreateStory(ctx, st, bodies, By); err != nil {
			return err
		}
	}
	st.Number = n
	// Stories made by this run are not kept (memory stays bounded): a
	// translation that comes late reads its story back (addVersion).
	im.changed(st)
	for _, m := range ps.members {
		if err := im.written(ctx, n, m, 1); err != nil {
			return err
		}
	}
	return nil
}

// addVersion adds a translation to a story written earlier.
func (im *importer) addVersion(ctx context.Context, n int, m member) error {
	head := im.heads[n]
	if head == nil && !im.opt.DryRun {
		st, err := im.deps.Store.Story(ctx, n)
		if err != nil {
			return err
		}
		head = st
	}
	if head != nil && head.Version(m.lang) != nil {
		im.r.add(Problem{Kind: ProblemPairConflict, Item: m.id, Detail: fmt.Sprintf("story %d has a %s version already", n, m.lang)})
		return nil
	}
	m.version.Slug = im.uniqueSlug(m.lang, m.version.Slug, m.id, n)
	im.r.Stories[m.lang]++
	im.r.Pairs++
	if !im.opt.DryRun {
		st, err := im.deps.Store.Save(ctx, head, m.lang, 0, m.version, m.body, By)
		if err != nil {
			return err
		}
		if _, had := im.heads[n]; had {
			im.heads[n] = st
		}
		im.changed(st)
	}
	return im.written(ctx, n, m, 1)
}

// update brings a post imported before up to date: unchanged posts are
// left alone; a changed one gets a new revision, unless someone edited the
// story in the newsroom since (then it is reported, not overwritten).
func (im *importer) update(ctx context.Context, ref store.ImportRef, m member) error {
	if ref.Hash == m.hash {
		im.r.Unchanged++
		return nil
	}
	im.r.Updated++
	if im.opt.DryRun {
		return nil
	}
	head := im.heads[ref.Number]
	if head == nil || head.Version(ref.Lang) == nil {
		im.r.add(Problem{Kind: ProblemEdited, Item: m.id, Detail: fmt.Sprintf("story %d/%s is gone from the paper", ref.Number, ref.Lang)})
		return nil
	}
	cur := head.Version(ref.Lang)
	if cur.Revision != ref.Revision {
		im.r.add(Problem{Kind: ProblemEdited, Item: m.id, Detail: fmt.Sprintf("story %d/%s was edited in the newsroom", ref.Number, ref.Lang)})
		return nil
	}
	m.version.Slug = cur.Slug // the address readers know stays
	st, err := im.deps.Store.Save(ctx, head, ref.Lang, ref.Revision, m.version, m.body, By)
	if errors.Is(err, store.ErrConflict) {
		im.r.add(Problem{Kind: ProblemEdited, Item: m.id, Detail: fmt.Sprintf("story %d/%s was edited in the newsroom", ref.Number, ref.Lang)})
		return nil
	}
	if err != nil {
		return err
	}
	im.heads[ref.Number] = st
	im.changed(st)
	next := ref
	next.Revision, next.Hash, next.At = ref.Revision+1, m.hash, time.Now().UTC().Truncate(time.Millisecond)
	return im.deps.Store.UpdateImportRef(ctx, ref.ID, ref.Revision, next)
}

// written records what a post became: its reference, its slug, its old
// addresses and its comments.
func (im *importer) written(ctx context.Context, n int, m member, rev int) error {
	im.slugs[m.lang+"/"+m.version.Slug] = n
	im.postRedirects(n, m)
	im.postComments(n, m)
	if im.opt.DryRun {
		return im.flushRest(ctx, false)
	}
	ref := store.ImportRef{ID: refID("post", m.id), Number: n, Lang: m.lang, Revision: rev, Hash: m.hash, At: time.Now().UTC().Truncate(time.Millisecond)}
	im.refs[ref.ID] = ref
	im.newRefs = append(im.newRefs, ref)
	im.newSlugs = append(im.newSlugs, store.SlugClaim{Lang: m.lang, Slug: m.version.Slug, Number: n})
	if len(im.newRefs) >= writeBatch {
		return im.flushWrites(ctx)
	}
	return im.flushRest(ctx, false)
}

// writeBatch is how many posts' references and slug claims are written at
// once: one write for many (each write is a commit on the embedded
// server). A run stopped before a batch is written finds its stories again
// by slug when it resumes (see adopt).
const writeBatch = 500

// flushWrites writes the references and slug claims gathered so far.
func (im *importer) flushWrites(ctx context.Context) error {
	if len(im.newRefs) == 0 || im.opt.DryRun {
		return nil
	}
	if err := im.deps.Store.ClaimSlugs(ctx, im.newSlugs); err != nil {
		return err
	}
	if err := im.deps.Store.AddImportRefs(ctx, im.newRefs); err != nil {
		return err
	}
	im.newRefs, im.newSlugs = im.newRefs[:0], im.newSlugs[:0]
	return nil
}

// uniqueSlug keeps slugs unique per language: a slug another story holds
// gets the WordPress id appended (and is reported).
func (im *importer) uniqueSlug(lang, slug string, id, n int) string {
	if h, ok := im.slugs[lang+"/"+slug]; !ok || h == n {
		return slug
	}
	im.r.add(Problem{Kind: ProblemDuplicateSlug, Item: id, Detail: lang + "/" + slug})
	suffix := "-" + strconv.Itoa(id)
	r := []rune(slug)
	if len(r)+len(suffix) > story.MaxSlugRunes {
		r = r[:story.MaxSlugRunes-len(suffix)]
	}
	return strings.Trim(string(r), "-") + suffix
}

// storyOf makes the story-wide fields of a post: section, tags, byline,
// lead photo and front-page pin.
func (im *importer) storyOf(it *Item) *story.Story {
	st := &story.Story{CreatedBy: By}
	primary := it.Meta["_yoast_wp_primary_category"]
	for _, t := range it.Terms {
		switch t.Domain {
		case "category":
			term := im.p.termBySlug["category/"+decodeSlug(t.Slug)]
			sec := im.sections[term.ID]
			if sec == "" {
				continue
			}
			if st.Section == "" || strconv.Itoa(term.ID) == primary {
				st.Section = sec
			}
		case "post_tag":
			term := im.p.termBySlug["post_tag/"+decodeSlug(t.Slug)]
			if tag := im.tags[term.ID]; tag != "" && !contains(st.Tags, tag) {
				st.Tags = append(st.Tags, tag)
			}
		case "author":
			if h := im.handles[t.Slug]; h != "" && !contains(st.Byline, h) {
				st.Byline = append(st.Byline, h)
			} else if h := im.handles[t.Name]; h != "" && !contains(st.Byline, h) {
				st.Byline = append(st.Byline, h)
			}
		}
	}
	if len(st.Byline) == 0 {
		if h := im.handles[it.Creator]; h != "" {
			st.Byline = []string{h}
		}
	}
	if st.Section == "" {
		st.Section = im.defaultSection()
		if it.Type == "page" {
			st.Section = im.pagesSection()
		}
	}
	if st.Tags == nil {
		st.Tags = []string{}
	}
	if id, err := strconv.Atoi(it.Meta["_thumbnail_id"]); err == nil {
		if pid, ok := im.photo[id]; ok {
			st.Photo = story.Photo{ID: pid}
			if im.deps.Photos != nil {
				if p, ok := im.deps.Photos.Get(pid); ok {
					st.Photo.Width, st.Photo.Height = p.Width, p.Height
				}
			}
		}
	}
	if it.Sticky {
		st.Priority = 1
	}
	return st
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// member converts one post into a language version and its body.
func (im *importer) member(it *Item, lang string) member {
	m := member{id: it.ID, lang: lang, link: it.Link, created: it.Date, comments: it.Comments, hash: itemHash(it)}
	v := story.Version{Lang: lang, Headline: plainText(it.Title), Summary: plainText(it.Excerpt),
		Deck: plainText(firstNonEmpty(it.Meta["wps_subtitle"], it.Meta["_subtitle"], it.Meta["subtitle"]))}
	if v.Headline == "" {
		v.Headline = fmt.Sprintf("#%d", it.ID)
	}
	v.Slug = im.slug(it, v.Headline)
	switch it.Status {
	case "publish":
		v.Status, v.PublishedAt = story.Published, it.Date
		if it.Modified.After(it.Date) {
			v.UpdatedAt = it.Modified
		}
	case "future":
		v.Status, v.ScheduledAt = story.Scheduled, it.Date
	case "pending":
		v.Status = story.InReview
	case "private":
		v.Status = story.Unpublished
		im.r.add(Problem{Kind: ProblemPrivate, Item: it.ID, Detail: "imported unpublished: " + v.Headline})
	default:
		v.Status = story.Draft
	}
	if it.Password != "" {
		v.Status, v.PublishedAt, v.ScheduledAt = story.Draft, time.Time{}, time.Time{}
		im.r.Passworded = append(im.r.Passworded, it.ID)
		im.r.add(Problem{Kind: ProblemPassword, Item: it.ID, Detail: "imported as a draft: " + v.Headline})
	}
	c := convertBodyWith(im.conv, it.Content, it.ID, mediaIndex{im})
	for name, k := range c.Shortcodes {
		im.r.Shortcodes[name] += k
		im.r.add(Problem{Kind: ProblemUnknownShortcode, Item: it.ID, Detail: "[" + name + "]"})
	}
	for _, src := range c.Missing {
		im.r.add(Problem{Kind: ProblemMissingMedia, Item: it.ID, Detail: src})
	}
	m.body = c.Markdown
	v.Words = len(strings.Fields(m.body))
	m.version = v
	return m
}

// slug is the post's slug as the product writes slugs: decoded from
// percent-encoding, lower case, at most story.MaxSlugRunes (a longer one
// is shortened and reported); from the headline when the post has none.
func (im *importer) slug(it *Item, headline string) string {
	raw := decodeSlug(it.Name)
	s := story.Slugify(raw)
	if utf8.RuneCountInString(raw) > story.MaxSlugRunes {
		im.r.add(Problem{Kind: ProblemSlugLong, Item: it.ID, Detail: fmt.Sprintf("%d characters", utf8.RuneCountInString(raw))})
	}
	if s == "" {
		s = story.Slugify(headline)
	}
	if s == "" {
		s = strconv.Itoa(it.ID)
	}
	return s
}

// itemHash tells whether a post changed between two exports.
func itemHash(it *Item) string {
	h := sha256.New()
	terms := make([]string, 0, len(it.Terms))
	for _, t := range it.Terms {
		terms = append(terms, t.Domain+"="+t.Slug)
	}
	sort.Strings(terms)
	for _, s := range []string{it.Title, it.Content, it.Excerpt, it.Status, it.Name, it.Password,
		it.Date.String(), strings.Join(terms, ","), it.Meta["_thumbnail_id"], it.Meta["wps_subtitle"], strconv.FormatBool(it.Sticky)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

func (im *importer) changed(st *story.Story) {
	if im.opt.Changed != nil && !im.opt.DryRun {
		im.opt.Changed(st)
	}
}

// adopt finds the story an interrupted run wrote for m but did not record:
// one this importer made, holding m's slug in m's language with m's
// headline.
func (im *importer) adopt(m member) (int, bool) {
	n, ok := im.slugs[m.lang+"/"+m.version.Slug]
	if !ok {
		return 0, false
	}
	st := im.heads[n]
	if st == nil || st.CreatedBy != By {
		return 0, false
	}
	v := st.Version(m.lang)
	if v == nil || v.Headline != m.version.Headline {
		return 0, false
	}
	for _, r := range im.refs {
		if r.Number == n && r.Lang == m.lang {
			return 0, false // recorded for another post
		}
	}
	return n, true
}
