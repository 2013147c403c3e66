package wordpress

import (
	"html"
	"strings"
)

// shortcode is one [name attrs]content[/name] found in a body.
type shortcode struct {
	name    string
	attrs   map[string]string // positional attributes under "0", "1", ...
	content string
	closed  bool // had [/name] (or was self-closing)
}

// unwrapped are page-builder wrappers: the shortcode goes, its content stays.
var unwrapped = map[string]bool{
	"vc_row": true, "vc_row_inner": true, "vc_column": true, "vc_column_inner": true, "vc_column_text": true,
	"vc_section": true, "et_pb_section": true, "et_pb_row": true, "et_pb_row_inner": true, "et_pb_column": true,
	"et_pb_column_inner": true, "et_pb_text": true, "fusion_builder_container": true, "fusion_builder_row": true,
	"fusion_builder_column": true, "fusion_text": true, "fl_builder_insert_layout": true, "su_row": true, "su_column": true,
}

// embedLike are shortcodes whose address becomes a link: the reader pages
// have no embeds, and a link keeps what the post pointed to.
var embedLike = map[string]bool{
	"embed": true, "youtube": true, "vimeo": true, "soundcloud": true, "tweet": true, "twitter": true,
	"instagram": true, "facebook": true, "video": true, "audio": true, "playlist": false,
}

// expandShortcodes replaces the shortcodes of body with HTML, using
// gallery to list a gallery's photos, and counts the unknown ones in
// unknown (their content is kept, the shortcode removed).
func expandShortcodes(body string, gallery func(sc shortcode) []string, unknown map[string]int) string {
	if !strings.Contains(body, "[") {
		return body
	}
	var b strings.Builder
	for depth := 0; ; depth++ {
		b.Reset()
		changed := false
		rest := body
		for {
			i := strings.IndexByte(rest, '[')
			if i < 0 {
				b.WriteString(rest)
				break
			}
			b.WriteString(rest[:i])
			sc, n, ok := parseShortcode(rest[i:])
			if !ok {
				b.WriteByte('[')
				rest = rest[i+1:]
				continue
			}
			changed = true
			b.WriteString(renderShortcode(sc, gallery, unknown))
			rest = rest[i+n:]
		}
		body = b.String()
		// Wrappers nest ([vc_row][vc_column]…): a few rounds unwrap them.
		if !changed || depth == 8 {
			return body
		}
	}
}

// parseShortcode reads a shortcode at the start of s, returning it and its
// length. Text in brackets that is not one ("[sic]", "[1]") is left alone:
// a name starting with a letter, and either known, closed by [/name],
// self-closing or with attributes.
func parseShortcode(s string) (shortcode, int, bool) {
	if strings.HasPrefix(s, "[[") { // [[name]] is WordPress's escape for a literal shortcode
		end := strings.Index(s, "]]")
		if end < 0 {
			return shortcode{}, 0, false
		}
		return shortcode{name: "", content: s[1 : end+1]}, end + 2, true
	}
	end := strings.IndexByte(s, ']')
	if end < 0 || end > 4000 {
		return shortcode{}, 0, false
	}
	inner := s[1:end]
	name := inner
	if k := strings.IndexAny(inner, " \t\n=/"); k >= 0 {
		name = inner[:k]
	}
	if !validShortcodeName(name) {
		return shortcode{}, 0, false
	}
	sc := shortcode{name: strings.ToLower(name), attrs: parseAttrs(strings.TrimPrefix(inner[len(name):], "="))}
	if strings.HasPrefix(inner[len(name):], "=") {
		// [youtube=URL] (Jetpack) carries its value right after the name
		sc.attrs = map[string]string{"0": strings.TrimSpace(inner[len(name)+1:])}
	}
	n := end + 1
	selfClosing := strings.HasSuffix(strings.TrimSpace(inner), "/")
	closer := "[/" + name + "]"
	if !selfClosing {
		if c := strings.Index(s[n:], closer); c >= 0 {
			sc.content, sc.closed = s[n:n+c], true
			n += c + len(closer)
		}
	} else {
		sc.closed = true
	}
	known := sc.name == "caption" || sc.name == "wp_caption" || sc.name == "gallery" || embedLike[sc.name] || unwrapped[sc.name]
	if !known && !sc.closed && !strings.Contains(inner, "=") {
		return shortcode{}, 0, false
	}
	return sc, n, true
}

func validShortcodeName(name string) bool {
	if name == "" || len(name) > 60 {
		return false
	}
	c := name[0]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// parseAttrs is shortcode_parse_atts: name="v", name='v', name=v and
// positional "v" or v.
func parseAttrs(s string) map[string]string {
	out := map[string]string{}
	s = strings.TrimSuffix(strings.TrimSpace(s), "/")
	pos := 0
	for {
		s = strings.TrimLeft(s, " \t\n\r")
		if s == "" {
			return out
		}
		name := ""
		if k := strings.IndexAny(s, "= \t\n\"'"); k > 0 && s[k] == '=' {
			name, s = strings.ToLower(s[:k]), s[k+1:]
		}
		var val string
		switch {
		case strings.HasPrefix(s, `"`) || strings.HasPrefix(s, `'`):
			q := s[:1]
			end := strings.Index(s[1:], q)
			if end < 0 {
				val, s = s[1:], ""
			} else {
				val, s = s[1:1+end], s[2+end:]
			}
		default:
			end := strings.IndexAny(s, " \t\n")
			if end < 0 {
				val, s = s, ""
			} else {
				val, s = s[:end], s[end:]
			}
		}
		if name == "" {
			name = string(rune('0' + pos))
			pos++
		}
		out[name] = html.UnescapeString(val)
	}
}

func renderShortcode(sc shortcode, gallery func(shortcode) []string, unknown map[string]int) string {
	switch {
	case sc.name == "":
		return sc.content // [[escaped]]
	case sc.name == "caption" || sc.name == "wp_caption":
		return caption(sc)
	case sc.name == "gallery":
		var b strings.Builder
		for _, src := range gallery(sc) {
			b.WriteString(`<figure><img src="` + html.EscapeString(src) + `"></figure>`)
		}
		return b.String()
	case embedLike[sc.name]:
		u := firstNonEmpty(sc.attrs["url"], sc.attrs["src"], sc.attrs["mp4"], sc.attrs["mp3"], sc.attrs["m4a"], sc.attrs["ogg"],
			sc.attrs["webm"], sc.attrs["0"], strings.TrimSpace(sc.content))
		if u == "" || !(strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) {
			return ""
		}
		e := html.EscapeString(u)
		return "\n\n" + `<p><a href="` + e + `">` + e + `</a></p>` + "\n\n"
	case unwrapped[sc.name]:
		return sc.content
	}
	unknown[sc.name]++
	return sc.content
}

// caption turns [caption]<img …> Text[/caption] into a figure: the text
// after the image (or the caption attribute) is the caption.
func caption(sc shortcode) string {
	c := sc.content
	end := strings.LastIndex(c, ">")
	img, text := c, sc.attrs["caption"]
	if end >= 0 && strings.Contains(c, "<img") {
		img, text = c[:end+1], firstNonEmpty(text, strings.TrimSpace(c[end+1:]))
	}
	return "<figure>" + img + "<figcaption>" + text + "</figcaption></figure>"
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
