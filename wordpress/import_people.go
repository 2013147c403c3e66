package wordpress

import (
	"context"
	"errors"
	"sort"
	"strings"

	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// people makes a reporter profile of every author (and Co-Authors Plus
// guest author) and, where the export has an e-mail address, a disabled
// reporter account to be invited: no password comes over. Profiles and
// accounts that exist are left as they are.
func (im *importer) people(ctx context.Context) error {
	existing := map[string]bool{}
	if im.deps.Store != nil {
		as, err := im.deps.Store.Authors(ctx)
		if err != nil {
			return err
		}
		for _, a := range as {
			existing[a.Handle] = true
		}
	}
	all := make([]Author, 0, len(im.p.authors)+len(im.p.guests))
	keys := make([]string, 0, len(all))
	for _, login := range im.p.authorOrder {
		all, keys = append(all, im.p.authors[login]), append(keys, login)
	}
	for _, k := range sortedKeys(im.p.guests) {
		all, keys = append(all, im.p.guests[k]), append(keys, k)
	}
	for i, a := range all {
		h := im.opt.Mapping.Authors[keys[i]]
		if h == "" {
			h = story.Slugify(a.Login)
		}
		if h == "" {
			h = story.Slugify(a.DisplayName)
		}
		im.handles[keys[i]] = h
		im.r.AuthorMap[keys[i]] = h
		im.r.People++
		name := firstNonEmpty(a.DisplayName, strings.TrimSpace(a.FirstName+" "+a.LastName), a.Login)
		if a.Email == "" {
			im.r.add(Problem{Kind: ProblemNoEmail, Item: a.ID, Detail: a.Login})
		} else {
			im.r.Accounts++
		}
		if im.opt.DryRun || existing[h] {
			continue
		}
		names := story.Text{}
		for _, l := range im.opt.Languages {
			names[l] = name
		}
		if err := im.deps.Store.PutAuthor(ctx, story.Author{Handle: h, Name: names, Email: a.Email}); err != nil {
			return err
		}
		existing[h] = true
		if a.Email == "" {
			continue
		}
		u := &store.User{Email: a.Email, Name: name, Role: store.RoleReporter, Handle: h, Disabled: true}
		err := im.deps.Store.CreateUser(ctx, u)
		switch {
		case errors.Is(err, store.ErrExists):
		case errors.Is(err, store.ErrInvalidEmail):
			im.r.add(Problem{Kind: ProblemNoEmail, Item: a.ID, Detail: a.Login + ": " + a.Email})
		case err != nil:
			return err
		}
	}
	return nil
}

// taxonomies makes a section of every category (one per translation pair
// of categories) and decides the tag each post tag becomes. Sections that
// exist are kept, names and order included.
func (im *importer) taxonomies(ctx context.Context) error {
	existing := map[string]bool{}
	order := 0
	if im.deps.Store != nil {
		secs, err := im.deps.Store.Sections(ctx)
		if err != nil {
			return err
		}
		for _, s := range secs {
			existing[s.Slug] = true
			order = max(order, s.Order)
		}
	}
	byGroup := map[int][]Term{}
	var ids []int
	for id, t := range im.p.terms {
		if t.Taxonomy != "category" && t.Taxonomy != "post_tag" {
			continue
		}
		g := im.p.termGroups[id]
		if g == 0 {
			g = id
		}
		if byGroup[g] == nil {
			ids = append(ids, g)
		}
		byGroup[g] = append(byGroup[g], t)
	}
	sort.Ints(ids)
	var made []story.Section
	for _, g := range ids {
		members := byGroup[g]
		sort.Slice(members, func(i, j int) bool { return members[i].ID < members[j].ID })
		langs := im.termLangs(g)
		if members[0].Taxonomy == "post_tag" {
			tag := story.NormalizeTag(im.pick(members, langs).Name)
			for _, t := range members {
				im.tags[t.ID] = tag
			}
			im.r.Tags++
			continue
		}
		rep := im.pick(members, langs)
		slug := ""
		for _, t := range members {
			if s := im.opt.Mapping.Sections[t.Slug]; s != "" {
				slug = s
			}
		}
		if slug == "" {
			slug = story.Slugify(rep.Slug)
		}
		for _, t := range members {
			im.sections[t.ID] = slug
			im.r.SectionMap[t.Slug] = slug
		}
		if existing[slug] {
			continue
		}
		existing[slug] = true
		names := story.Text{}
		for _, t := range members {
			if l := langs[t.ID]; l != "" {
				names[l] = t.Name
			}
		}
		if len(names) == 0 {
			names[im.defaultLang] = rep.Name
		}
		order++
		made = append(made, story.Section{Slug: slug, Name: names, Order: order})
	}
	for _, s := range im.extraSections(existing) {
		order++
		s.Order = order
		made = append(made, s)
	}
	im.r.Sections = len(made)
	if im.opt.DryRun {
		return nil
	}
	for _, s := range made {
		if err := im.deps.Store.PutSection(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// extraSections are the sections for pages and posts without a category,
// when the paper has none of that name.
func (im *importer) extraSections(existing map[string]bool) []story.Section {
	var out []story.Section
	for _, s := range []story.Section{
		{Slug: im.pagesSection(), Name: story.Text{"ko": "페이지", "en": "Pages"}},
		{Slug: im.defaultSection(), Name: story.Text{"ko": "뉴스", "en": "News"}},
	} {
		if !existing[s.Slug] {
			existing[s.Slug] = true
			out = append(out, s)
		}
	}
	return out
}

func (im *importer) pagesSection() string {
	return firstNonEmpty(im.opt.Mapping.PagesSection, "pages")
}

func (im *importer) defaultSection() string {
	return firstNonEmpty(im.opt.Mapping.DefaultSection, "news")
}

// termLangs gives the language of each term of a translation group.
func (im *importer) termLangs(first int) map[int]string {
	out := map[int]string{}
	for k, m := range im.p.groups {
		if !strings.HasPrefix(k, "term_translations/") {
			continue
		}
		for l, id := range m {
			if im.p.termGroups[id] == first {
				out[id] = l
			}
		}
	}
	return out
}

// pick is the term of a pair that names it: the one in English when there
// is one (its slug is plain ASCII, good in a URL), else the first.
func (im *importer) pick(members []Term, langs map[int]string) Term {
	for _, t := range members {
		if langs[t.ID] == "en" {
			return t
		}
	}
	return members[0]
}
