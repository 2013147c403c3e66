package handlers

import (
	"encoding/json"
	"html/template"
	"net/url"
	"time"

	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/render"
	"github.com/newsroom/newsroom/story"
)

// articleMeta fills the share and search-engine metadata of an article:
// Open Graph, Twitter card and schema.org NewsArticle JSON-LD.
func (h *Handler) articleMeta(p *render.Page, l *lang.Lang, st *story.Story, v *story.Version, paths map[string]string) error {
	canonical := p.Canonical
	modified := v.PublishedAt
	if v.WasUpdated() {
		modified = v.UpdatedAt
	}
	img := h.leadImage(st)
	card := "summary"
	p.Meta = []render.Meta{
		{Property: "og:type", Content: "article"},
		{Property: "og:site_name", Content: p.Site.Name},
		{Property: "og:title", Content: v.Headline},
		{Property: "og:description", Content: p.Description},
		{Property: "og:url", Content: canonical},
		{Property: "og:locale", Content: l.OGLocale()},
	}
	for _, code := range h.langs.Codes() {
		if _, ok := paths[code]; ok && code != l.Code {
			p.Meta = append(p.Meta, render.Meta{Property: "og:locale:alternate", Content: h.langs.Get(code).OGLocale()})
		}
	}
	if img != nil {
		card = "summary_large_image"
		p.Meta = append(p.Meta, render.Meta{Property: "og:image", Content: img.URL})
	}
	p.Meta = append(p.Meta,
		render.Meta{Property: "article:published_time", Content: v.PublishedAt.UTC().Format(time.RFC3339)},
		render.Meta{Property: "article:modified_time", Content: modified.UTC().Format(time.RFC3339)},
	)
	if s, ok := h.cat.Section(st.Section); ok {
		p.Meta = append(p.Meta, render.Meta{Property: "article:section", Content: s.Name.In(l.Code, h.langs.Default())})
	}
	for _, t := range st.Tags {
		p.Meta = append(p.Meta, render.Meta{Property: "article:tag", Content: t})
	}
	p.Meta = append(p.Meta,
		render.Meta{Name: "twitter:card", Content: card},
		render.Meta{Name: "twitter:title", Content: v.Headline},
		render.Meta{Name: "twitter:description", Content: p.Description},
	)

	type thing = map[string]any
	var authors []thing
	for _, hd := range st.Byline {
		if a, ok := h.cat.Author(hd); ok {
			authors = append(authors, thing{"@type": "Person", "name": a.Name.In(l.Code, h.langs.Default()),
				"url": h.base() + "/" + l.Code + "/author/" + url.PathEscape(a.Handle)})
		}
	}
	ld := thing{
		"@context":         "https://schema.org",
		"@type":            "NewsArticle",
		"headline":         v.Headline,
		"description":      p.Description,
		"inLanguage":       l.Code,
		"url":              canonical,
		"mainEntityOfPage": thing{"@type": "WebPage", "@id": canonical},
		"datePublished":    v.PublishedAt.In(h.langs.Location()).Format(time.RFC3339),
		"dateModified":     modified.In(h.langs.Location()).Format(time.RFC3339),
		"author":           authors,
		"publisher": thing{
			"@type": "Organization", "name": p.Site.Name, "url": h.base() + "/",
			"logo": thing{"@type": "ImageObject", "url": h.logoURL()},
		},
	}
	if img != nil {
		ld["image"] = []string{img.URL}
	}
	if s, ok := h.cat.Section(st.Section); ok {
		ld["articleSection"] = s.Name.In(l.Code, h.langs.Default())
	}
	if len(st.Tags) > 0 {
		ld["keywords"] = st.Tags
	}
	// The other language versions: a translation points at its source, a
	// source lists its translations.
	for _, code := range h.langs.Codes() {
		path, ok := paths[code]
		if !ok || code == l.Code {
			continue
		}
		ref := thing{"@type": "NewsArticle", "@id": h.base() + path, "url": h.base() + path, "inLanguage": code}
		if v.TranslatedFrom == code {
			ld["translationOfWork"] = ref
		} else {
			list, _ := ld["workTranslation"].([]thing)
			ld["workTranslation"] = append(list, ref)
		}
	}
	b, err := json.Marshal(ld)
	if err != nil {
		return err
	}
	p.JSONLD = template.JS(b) // json.Marshal escapes <, > and &: safe inside <script>
	return nil
}
