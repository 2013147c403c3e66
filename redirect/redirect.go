// Package redirect holds the old addresses of an imported site (and those
// an admin adds) and answers where each lives now. The site keeps the whole
// table in memory and asks it only when no route matched, so reader pages
// pay nothing for it.
package redirect

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Key is the form an old address is stored and looked up under: the path
// percent-decoded, without a trailing slash; WordPress's id queries
// (?p=, ?page_id=, ?attachment_id=, ?cat=, ?tag=) stand for themselves. A
// language ("ko") scopes a key for sites that told languages apart by
// prefix or ?lang= only.
func Key(lang, path string) string {
	if d, err := url.PathUnescape(path); err == nil {
		path = d
	}
	if len(path) > 1 {
		path = strings.TrimRight(path, "/")
	}
	if path == "" {
		path = "/"
	}
	if lang != "" {
		return lang + ":" + path
	}
	return path
}

// QueryKey is the key of an id query such as ?p=12.
func QueryKey(name string, id int) string { return "?" + name + "=" + strconv.Itoa(id) }

// idQueries are the query parameters that name a WordPress object by id.
var idQueries = []string{"p", "page_id", "attachment_id", "cat", "tag_id"}

// Table is the redirect table: safe for concurrent use.
type Table struct {
	mu    sync.RWMutex
	to    map[string]string
	langs []string
}

// New makes a table for a site with the given language codes.
func New(langs []string) *Table {
	return &Table{to: map[string]string{}, langs: langs}
}

// Put adds or replaces one redirect.
func (t *Table) Put(from, to string) {
	t.mu.Lock()
	t.to[from] = to
	t.mu.Unlock()
}

// Len is the number of redirects.
func (t *Table) Len() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.to)
}

var (
	rePage  = regexp.MustCompile(`^(?:/(?:category|tag)/[^/]+)?/page/([0-9]{1,6})$`)
	reMonth = regexp.MustCompile(`^/([0-9]{4})(?:/([0-9]{2}))?(?:/([0-9]{2}))?$`)
)

// Lookup returns where the old address u (path and query of a request)
// lives now. It tries, in order: an id query, the path scoped to the
// language its prefix or ?lang= names, the path as it is, the path without
// its language prefix, and the patterns every WordPress site has (feeds,
// /page/N, date archives).
func (t *Table) Lookup(u *url.URL) (string, bool) {
	if len(u.Path) > 2000 || len(u.RawQuery) > 2000 {
		return "", false
	}
	q := u.Query()
	t.mu.RLock()
	defer t.mu.RUnlock()
	for _, name := range idQueries {
		if v := q.Get(name); v != "" {
			if id, err := strconv.Atoi(v); err == nil {
				if to, ok := t.to[QueryKey(name, id)]; ok {
					return to, true
				}
			}
		}
	}
	if k := UploadKey(u.Path); k != "" {
		to, ok := t.to[UploadPrefix+k]
		return to, ok
	}
	path := Key("", u.Path)
	lang, rest := t.splitLang(path)
	if l := q.Get("lang"); l != "" && t.known(l) {
		lang = l
	}
	if lang != "" {
		if to, ok := t.to[Key(lang, rest)]; ok {
			return to, true
		}
	}
	if to, ok := t.to[path]; ok {
		return to, true
	}
	if to, ok := t.to[rest]; ok {
		return to, true
	}
	if rest == "/" && lang != "" {
		return "/" + lang + "/", true // /?lang=en
	}
	return t.pattern(lang, rest)
}

func (t *Table) known(l string) bool {
	for _, c := range t.langs {
		if c == l {
			return true
		}
	}
	return false
}

// splitLang takes a /ko/ prefix off path.
func (t *Table) splitLang(path string) (string, string) {
	for _, l := range t.langs {
		if path == "/"+l {
			return l, "/"
		}
		if strings.HasPrefix(path, "/"+l+"/") {
			return l, path[len(l)+1:]
		}
	}
	return "", path
}

// pattern answers the addresses every WordPress site has, from the table's
// own entries where they name a section or tag.
func (t *Table) pattern(lang, path string) (string, bool) {
	if lang == "" && len(t.langs) > 0 {
		lang = t.langs[0]
	}
	if lang == "" {
		return "", false
	}
	if strings.HasSuffix(path, "/feed") || strings.HasSuffix(path, "/feed/rss2") || strings.HasSuffix(path, "/feed/atom") {
		base := path[:strings.LastIndex(path, "/feed")]
		if base == "" || base == "/" {
			return "/" + lang + "/feed.xml", true
		}
		// /category/x/feed: the feed of where /category/x now goes
		if to, ok := t.to[Key(lang, base)]; ok {
			return strings.TrimRight(to, "/") + "/feed.xml", true
		}
		if to, ok := t.to[base]; ok {
			return strings.TrimRight(to, "/") + "/feed.xml", true
		}
		return "", false
	}
	if m := rePage.FindStringSubmatch(path); m != nil {
		return "/" + lang + "/latest?page=" + m[1], true
	}
	if m := reMonth.FindStringSubmatch(path); m != nil {
		y, _ := strconv.Atoi(m[1]) // the pattern allows only digits
		if y < 1995 || y > 2100 {
			return "", false
		}
		mo, _ := strconv.Atoi("0" + m[2]) // digits only
		d, _ := strconv.Atoi("0" + m[3])
		start, end := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
		switch {
		case mo < 1 || mo > 12:
			if m[2] != "" {
				return "", false
			}
		case d == 0:
			start = time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
			end = start.AddDate(0, 1, -1)
		default:
			start = time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
			if start.Month() != time.Month(mo) {
				return "", false
			}
			end = start
		}
		return "/" + lang + "/search?from=" + start.Format(time.DateOnly) + "&to=" + end.Format(time.DateOnly), true
	}
	return "", false
}
