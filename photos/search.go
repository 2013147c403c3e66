package photos

import (
	"strings"
	"time"
)

// Query is a search of the library: words that must all appear in a
// photo's caption, alt text, credit (any language) or file name, and an
// upload date range (zero: open).
type Query struct {
	Text     string
	From, To time.Time // uploaded at or after From and before To
}

// Search returns the photos that match q, newest upload first.
func (l *Library) Search(q Query) []*Photo {
	words := strings.Fields(strings.ToLower(q.Text))
	var out []*Photo
	for _, p := range l.All() {
		if !q.From.IsZero() && p.UploadedAt.Before(q.From) {
			continue
		}
		if !q.To.IsZero() && !p.UploadedAt.Before(q.To) {
			continue
		}
		if len(words) > 0 && !matches(p, words) {
			continue
		}
		out = append(out, p)
	}
	return out
}

func matches(p *Photo, words []string) bool {
	var b strings.Builder
	b.WriteString(p.Name)
	for _, t := range []map[string]string{p.Caption, p.Alt, p.Credit} {
		for _, s := range t {
			b.WriteString("\n" + s)
		}
	}
	hay := strings.ToLower(b.String())
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}
