package photos

import (
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// DefaultSizes fits a photo that spans the text column (at most 48rem) on
// wide screens and the whole width on phones.
const DefaultSizes = "(min-width: 48rem) 48rem, 100vw"

// URL is the address of photo p's rendition at width in format.
func URL(p *Photo, width int, format string) string {
	return "/media/" + p.ID + "/" + fileName(width, format)
}

// ThumbURL is the address of a thumbnail of p (CropWide or CropSquare) at
// one of ThumbWidths.
func ThumbURL(p *Photo, crop string, width int) string {
	return "/media/" + p.ID + "/" + thumbName(crop, width, p.CropRev)
}

// renditions lists p's renditions in format, narrowest first.
func renditions(p *Photo, format string) []store.Rendition {
	var out []store.Rendition
	for _, r := range p.Renditions {
		if r.Format == format {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b store.Rendition) int { return a.Width - b.Width })
	return out
}

func srcset(p *Photo, rs []store.Rendition) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = URL(p, r.Width, r.Format) + " " + strconv.Itoa(r.Width) + "w"
	}
	return strings.Join(parts, ", ")
}

// fallback is the rendition for browsers without srcset: the widest up to
// 1024 px, which fits most screens.
func fallback(rs []store.Rendition) store.Rendition {
	best := rs[0]
	for _, r := range rs {
		if r.Width <= 1024 {
			best = r
		}
	}
	return best
}

// img writes the <img> of p: JPEG srcset, width and height of the widest
// rendition (the browser reserves the box: no layout shift), alt text in
// lang, eager for the photo that leads the page, lazy for the rest.
func img(b *strings.Builder, p *Photo, lang, sizes string, eager bool) bool {
	rs := renditions(p, media.JPEG)
	if len(rs) == 0 {
		return false
	}
	if sizes == "" {
		sizes = DefaultSizes
	}
	big := rs[len(rs)-1]
	loading := "lazy"
	if eager {
		loading = "eager"
	}
	esc := template.HTMLEscapeString
	b.WriteString(`<img src="` + esc(URL(p, fallback(rs).Width, media.JPEG)) + `" srcset="` + esc(srcset(p, rs)) +
		`" sizes="` + esc(sizes) + `" width="` + strconv.Itoa(big.Width) + `" height="` + strconv.Itoa(big.Height) +
		`" alt="` + esc(p.Alt.In(lang)) + `" loading="` + loading + `" decoding="async">`)
	return true
}

// Figure is the markup of photo p in lang: a <figure> with the <img> (see
// Img) and, when p has them, the caption and the credit (in a <span>) in a
// <figcaption>. It keeps to what the story-body sanitizer allows.
func Figure(p *Photo, lang, sizes string, eager bool) template.HTML {
	return figure(p, lang, sizes, eager, p.Caption.In(lang))
}

func figure(p *Photo, lang, sizes string, eager bool, caption string) template.HTML {
	var b strings.Builder
	b.WriteString("<figure>")
	if !img(&b, p, lang, sizes, eager) {
		return ""
	}
	credit := p.Credit.In(lang)
	if caption != "" || credit != "" {
		b.WriteString("<figcaption>" + template.HTMLEscapeString(caption))
		if credit != "" {
			if caption != "" {
				b.WriteString(" ")
			}
			b.WriteString(`<span class="credit">` + template.HTMLEscapeString(credit) + "</span>")
		}
		b.WriteString("</figcaption>")
	}
	b.WriteString("</figure>")
	return template.HTML(b.String())
}

// Img is the bare <img> of photo p in lang (JPEG srcset), for templates that
// write their own figure and caption.
func Img(p *Photo, lang, sizes string, eager bool) template.HTML {
	var b strings.Builder
	if !img(&b, p, lang, sizes, eager) {
		return ""
	}
	return template.HTML(b.String())
}

// Picture is a <picture> of photo p with a WebP source before the JPEG
// <img>, for page templates (not story bodies, whose sanitizer allows no
// <picture>): browsers that take WebP load about a third fewer bytes.
func Picture(p *Photo, lang, sizes string, eager bool) template.HTML {
	var b strings.Builder
	b.WriteString("<picture>")
	if ws := renditions(p, media.WebP); len(ws) > 0 {
		s := sizes
		if s == "" {
			s = DefaultSizes
		}
		b.WriteString(`<source type="image/webp" srcset="` + template.HTMLEscapeString(srcset(p, ws)) +
			`" sizes="` + template.HTMLEscapeString(s) + `">`)
	}
	if !img(&b, p, lang, sizes, eager) {
		return ""
	}
	b.WriteString("</picture>")
	return template.HTML(b.String())
}

// BodyImage is the markdown.Options.Image callback for story bodies in
// lang: ![alt](photo:<id> "title") becomes a lazy Figure whose alt text is
// the one written in the body, else the library's, and whose caption is the
// title, else the library's caption. Unknown photos are dropped.
func (l *Library) BodyImage(lang string) func(id, alt, title string) (template.HTML, bool) {
	return func(id, alt, title string) (template.HTML, bool) {
		p, ok := l.Get(id)
		if !ok {
			return "", false
		}
		if alt != "" {
			q := *p
			q.Alt = story.Text{lang: alt}
			p = &q
		}
		if title == "" {
			title = p.Caption.In(lang)
		}
		out := figure(p, lang, "", false, title)
		return out, out != ""
	}
}

// StoryPhoto returns the library photo a story's lead photo reference names,
// with the caption, credit and alt text the story sets for itself in place
// of the library's.
func (l *Library) StoryPhoto(ref story.Photo) (*Photo, bool) {
	p, ok := l.Get(ref.ID)
	if !ok {
		return nil, false
	}
	q := *p
	q.Caption = overlay(p.Caption, ref.Caption)
	q.Credit = overlay(p.Credit, ref.Credit)
	q.Alt = overlay(p.Alt, ref.Alt)
	return &q, true
}

func overlay(base, over story.Text) story.Text {
	if len(over) == 0 {
		return base
	}
	out := story.Text{}
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		if strings.TrimSpace(v) != "" {
			out[k] = v
		}
	}
	return out
}

// Ref is the reference a story keeps to photo p as its lead photo. Caption,
// credit and alt text stay empty, so the library's (StoryPhoto) are shown
// and edits in the library reach the story.
func Ref(p *Photo) story.Photo {
	return story.Photo{ID: p.ID, Width: p.Width, Height: p.Height}
}

// AltMissing reports whether p lacks alt text in lang; a story version in
// lang should not be published with such a photo.
func AltMissing(p *Photo, lang string) bool {
	return p == nil || strings.TrimSpace(p.Alt[lang]) == ""
}

// MissingAlt lists the photos a story version uses (lead and body) that
// lack alt text in lang: the workflow refuses to publish until it is empty.
func (l *Library) MissingAlt(st *story.Story, lang, body string) []*Photo {
	var out []*Photo
	ids := BodyPhotoIDs(body)
	if st != nil && st.Photo.ID != "" {
		ids = append([]string{st.Photo.ID}, ids...)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		p, ok := l.Get(id)
		if st != nil && id == st.Photo.ID {
			p, ok = l.StoryPhoto(st.Photo)
		}
		if ok && AltMissing(p, lang) {
			out = append(out, p)
		}
	}
	return out
}

// Markdown is what puts photo p in a story body in lang:
// ![alt](photo:<id> "caption"), with the library's alt text and caption.
func Markdown(p *Photo, lang string) string {
	alt := strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`, "\n", " ").Replace(p.Alt[lang])
	s := "![" + alt + "](photo:" + p.ID
	if c := p.Caption[lang]; c != "" {
		s += ` "` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", " ").Replace(c) + `"`
	}
	return s + ")"
}
